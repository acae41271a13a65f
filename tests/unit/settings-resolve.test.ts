import { describe, expect, it } from 'vitest';
import {
  FINANCIAL_SITES,
  defaultSettings,
  displayHost,
  isEnabledFor,
  normalizeSiteRule,
  withSiteEnabled,
  type Settings,
} from '../../lib/settings';

const NOW = Date.UTC(2026, 0, 15, 12);
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });
const enabled = (url: string, s: Settings = settings()) => isEnabledFor(url, s, NOW).enabled;

describe('site rules by hostname suffix', () => {
  const off = settings({ disabledFor: ['example.com'] });

  it('covers the domain and its subdomains, not look-alikes', () => {
    expect(enabled('https://example.com/a', off)).toBe(false);
    expect(enabled('https://www.example.com/a', off)).toBe(false);
    expect(enabled('https://deep.news.example.com/', off)).toBe(false);
    expect(enabled('https://badexample.com/', off)).toBe(true);
    expect(enabled('https://example.com.evil.net/', off)).toBe(true);
  });

  it('lets the most specific rule win, and "off" win a tie', () => {
    const mixed = settings({ disabledFor: ['example.com'], enabledFor: ['news.example.com'] });
    expect(isEnabledFor('https://news.example.com/', mixed, NOW)).toEqual({ enabled: true, reason: 'site-on', rule: 'news.example.com' });
    expect(enabled('https://shop.example.com/', mixed)).toBe(false);
    expect(enabled('https://x.com/', settings({ disabledFor: ['x.com'], enabledFor: ['x.com'] }))).toBe(false);
  });

  it('ignores the port unless the rule names one', () => {
    expect(enabled('http://localhost:5173/', settings({ disabledFor: ['localhost'] }))).toBe(false);
    const devPort = settings({ disabledFor: ['localhost:3000'] });
    expect(enabled('http://localhost:3000/app', devPort)).toBe(false);
    expect(enabled('http://localhost:8080/app', devPort)).toBe(true);
    expect(enabled('https://example.com/', settings({ disabledFor: ['example.com:443'] }))).toBe(false);
  });

  it('matches IP addresses exactly, never by suffix', () => {
    const ip = settings({ disabledFor: ['10.0.0.1'] });
    expect(enabled('http://10.0.0.1:8000/', ip)).toBe(false);
    expect(enabled('http://110.0.0.1/', ip)).toBe(true);
    expect(enabled('http://192.10.0.0.1.nip.io/', settings({ disabledFor: ['0.0.1'] }))).toBe(true);
    expect(normalizeSiteRule('0.1')).toBeNull();
    expect(enabled('http://[::1]:8080/', settings({ disabledFor: ['[::1]'] }))).toBe(false);
    const v6Port = settings({ disabledFor: [normalizeSiteRule('http://[::1]:8080/x')!] });
    expect(v6Port.disabledFor).toEqual(['[::1]:8080']);
    expect(enabled('http://[::1]:8080/', v6Port)).toBe(false);
    expect(enabled('http://[::1]:9090/', v6Port)).toBe(true);
  });

  it('treats Unicode and punycode spellings of a name as the same site', () => {
    const rule = normalizeSiteRule('Bücher.DE');
    expect(rule).toBe('xn--bcher-kva.de');
    expect(enabled('https://www.bücher.de/', settings({ disabledFor: [rule!] }))).toBe(false);
    expect(enabled('https://www.xn--bcher-kva.de/', settings({ disabledFor: [rule!] }))).toBe(false);
    expect(displayHost('www.xn--bcher-kva.de')).toBe('www.bücher.de');
  });

  it('shows any punycode name in its own script', () => {
    for (const name of ['münchen.de', '中国银行.中国', 'москва.рф', 'ドメイン.テスト', 'straße.example']) {
      const ascii = new URL(`https://${name}/`).hostname;
      expect(ascii).toMatch(/xn--/);
      expect(displayHost(ascii)).toBe(name);
    }
  });
});

describe('typed site names', () => {
  it.each([
    ['  https://WWW.Example.com:443/path?q#x ', 'www.example.com:443'],
    ['*.example.com', 'example.com'],
    ['.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['localhost', 'localhost'],
    ['LOCALHOST:3000', 'localhost:3000'],
    ['192.168.1.10', '192.168.1.10'],
    ['ftp://example.com', null],
    ['user@example.com', null],
    ['exa mple.com', null],
    ['example.com:99999', null],
    ['', null],
  ])('%j becomes %j', (typed, rule) => {
    expect(normalizeSiteRule(typed)).toBe(rule);
  });
});

describe('pages the extension never reads, and local files', () => {
  it('refuses browser, extension and data pages', () => {
    for (const url of ['chrome://settings', 'chrome-extension://abc/options.html', 'about:blank', 'data:text/html,hi', 'view-source:https://a.com', 'edge://flags', 'not a url']) {
      expect(isEnabledFor(url, settings(), NOW)).toEqual({ enabled: false, reason: 'unsupported-page' });
    }
  });

  it('scans local files in "all sites" mode, and lets the user turn them off as one site', () => {
    expect(enabled('file:///home/me/report.html')).toBe(true);
    const off = settings({ disabledFor: [normalizeSiteRule('file:///anything')!] });
    expect(enabled('file:///home/me/report.html', off)).toBe(false);
    expect(enabled('https://example.com/', off)).toBe(true);
    expect(enabled('file:///home/me/report.html', settings({ scanScope: 'financial' }))).toBe(false);
  });
});

describe('pause, page exceptions and scope', () => {
  it('pauses everything until the given time, then resumes by itself', () => {
    const paused = settings({ pausedUntil: NOW + 1000, enabledFor: ['schwab.com'] });
    expect(isEnabledFor('https://client.schwab.com/', paused, NOW)).toMatchObject({ enabled: false, reason: 'paused' });
    expect(isEnabledFor('https://client.schwab.com/', paused, NOW + 1000).enabled).toBe(true);
  });

  it('turns off one page without its query or fragment, leaving the rest of the site on', () => {
    const s = settings({ disabledPages: ['https://example.com/watch'] });
    expect(isEnabledFor('https://example.com/watch?v=1#t', s, NOW)).toMatchObject({ enabled: false, reason: 'page-off' });
    expect(enabled('https://example.com/other', s)).toBe(true);
    expect(enabled('http://example.com/watch', s)).toBe(true);
  });

  it('in financial scope scans only the curated sites and the ones the user added', () => {
    const financial = settings({ scanScope: 'financial', enabledFor: ['myblog.net'] });
    expect(isEnabledFor('https://finance.yahoo.com/quote/XIACY', financial, NOW).reason).toBe('financial-site');
    expect(enabled('https://www.hkex.com.hk/', financial)).toBe(true);
    expect(enabled('https://mail.yahoo.com/', financial)).toBe(false);
    expect(enabled('https://myblog.net/post', financial)).toBe(true);
    expect(isEnabledFor('https://recipes.example/', financial, NOW).reason).toBe('not-financial');
  });
});

describe('the site switch', () => {
  it('adds a rule only when needed and removes it when switched back', () => {
    const off = withSiteEnabled(settings(), 'www.example.com', false);
    expect(off.disabledFor).toEqual(['www.example.com']);
    expect(withSiteEnabled(off, 'www.example.com', true).disabledFor).toEqual([]);
    expect(withSiteEnabled(off, 'www.example.com', true).enabledFor).toEqual([]);
  });

  it('overrides a broader rule and the financial scope', () => {
    const broad = settings({ disabledFor: ['example.com'] });
    expect(withSiteEnabled(broad, 'news.example.com', true).enabledFor).toEqual(['news.example.com']);
    const financial = settings({ scanScope: 'financial' });
    const on = withSiteEnabled(financial, 'myblog.net', true);
    expect(on.enabledFor).toEqual(['myblog.net']);
    expect(withSiteEnabled(financial, 'bloomberg.com', false).disabledFor).toEqual(['bloomberg.com']);
  });
});

describe('the curated financial sites', () => {
  it('has at least 30 distinct, normalized hostnames, none hidden by another', () => {
    const hosts = FINANCIAL_SITES.map((site) => site.host);
    expect(hosts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const host of hosts) {
      expect(normalizeSiteRule(host)).toBe(host);
      expect(hosts.filter((other) => other !== host && host.endsWith(`.${other}`))).toEqual([]);
    }
    const kinds = new Set(FINANCIAL_SITES.map((site) => site.kind));
    expect([...kinds].sort()).toEqual(['broker', 'data', 'exchange', 'news', 'regulator']);
    expect(FINANCIAL_SITES.filter((site) => site.region !== 'US').length).toBeGreaterThanOrEqual(10);
  });
});
