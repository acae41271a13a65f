import { describe, expect, it } from 'vitest';
import {
  PALETTES,
  PALETTE_KEYS,
  SETTINGS_VERSION,
  contrastRatio,
  defaultSettings,
  exportSettings,
  isIgnored,
  listVisible,
  parseSettingsFile,
  startOfTomorrow,
  watchlistEntities,
  withIgnore,
  withWatchlistTerm,
  withoutIgnore,
  type Settings,
} from '../../lib/settings';

describe('ignored matches', () => {
  const base = defaultSettings();

  it('ignores one spelling on one site, or a company everywhere', () => {
    let s = withIgnore(base, { entityId: 'xiaomi', text: '  Xiaomi\nCorp ', site: 'www.Example.com' });
    expect(isIgnored('xiaomi', 'XIAOMI CORP', 'www.example.com', s)).toBe(true);
    expect(isIgnored('xiaomi', 'XIAOMI CORP', 'a.www.example.com', s)).toBe(true);
    expect(isIgnored('xiaomi', 'XIAOMI CORP', 'other.com', s)).toBe(false);
    expect(isIgnored('xiaomi', '1810', 'www.example.com', s)).toBe(false);
    s = withIgnore(s, { entityId: 'huawei', text: '', site: '*' });
    expect(isIgnored('huawei', 'Huawei', 'anything.org', s)).toBe(true);
    expect(isIgnored('zte', 'ZTE', 'anything.org', s)).toBe(false);
  });

  it('keeps at most 20 rules per site, so one page cannot push the settings past sync storage', () => {
    let s = withIgnore(base, { entityId: 'kept-elsewhere', text: 'K', site: 'other.com' });
    for (let i = 0; i < 60; i++) s = withIgnore(s, { entityId: `company-${i}`, text: `Name ${i}`, site: 'evil.example' });
    const onSite = s.ignored.filter((r) => r.site === 'evil.example');
    expect(onSite).toHaveLength(20);
    expect(onSite.at(-1)?.entityId).toBe('company-59');
    expect(s.ignored.some((r) => r.site === 'other.com')).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(8192);
  });

  it('adds each rule once and removes exactly the one undone', () => {
    let s = withIgnore(base, { entityId: 'a', text: 'A', site: '*' });
    s = withIgnore(s, { entityId: 'a', text: 'a', site: '*' });
    s = withIgnore(s, { entityId: 'a', text: 'A', site: 'x.com' });
    expect(s.ignored).toHaveLength(2);
    s = withoutIgnore(s, { entityId: 'a', text: 'A', site: '*' });
    expect(s.ignored.map((r) => r.site)).toEqual(['x.com']);
  });
});

describe('lists and watchlist', () => {
  it('shows every list unless switched off', () => {
    const s: Settings = { ...defaultSettings(), lists: { 'ofac-ssi': false, 'ofac-sdn': true } };
    expect(listVisible('ofac-ssi', s)).toBe(false);
    expect(listVisible('ofac-sdn', s)).toBe(true);
    expect(listVisible('a-list-from-a-newer-feed', s)).toBe(true);
  });

  it('turns watchlist terms into entities the matcher can find', () => {
    const s = withWatchlistTerm(defaultSettings(), '  Acme   Robotics ', 'supplier', 1_000);
    expect(s.watchlist).toEqual([{ term: 'Acme Robotics', note: 'supplier', addedAt: new Date(1_000).toISOString() }]);
    expect(watchlistEntities(s)).toEqual([
      expect.objectContaining({ id: 'watchlist:acme-robotics', name: 'Acme Robotics', aliases: ['Acme Robotics'], watchlist: true, listings: [] }),
    ]);
  });
});

describe('pause until tomorrow', () => {
  it('ends at the next local midnight', () => {
    const evening = new Date(2026, 2, 3, 21, 30).getTime();
    expect(new Date(startOfTomorrow(evening))).toEqual(new Date(2026, 2, 4, 0, 0));
    const earlyMorning = new Date(2026, 11, 31, 0, 5).getTime();
    expect(new Date(startOfTomorrow(earlyMorning))).toEqual(new Date(2027, 0, 1, 0, 0));
  });
});

describe('export and import', () => {
  const mine: Settings = {
    ...withWatchlistTerm(withIgnore(defaultSettings(), { entityId: 'zte', text: 'ZTE', site: 'news.example' }), 'Acme'),
    scanScope: 'financial',
    disabledFor: ['example.com'],
    lists: { 'ofac-ssi': false },
    palette: 'classic',
  };

  it('round-trips every setting', () => {
    const result = parseSettingsFile(exportSettings(mine));
    expect(result).toEqual({ ok: true, settings: mine });
  });

  it('reads files exported by older versions through the same migrations', () => {
    const old = JSON.stringify({ format: 'sanctions-lens-settings', version: 1, settings: { style: 'underline', hiddenLists: ['dod-1260h'] } });
    const result = parseSettingsFile(old);
    expect(result.ok && result.settings).toMatchObject({ version: SETTINGS_VERSION, highlightStyle: 'underline', lists: { 'dod-1260h': false } });
  });

  it.each([
    ['{ not json', /not valid JSON/],
    ['[1,2,3]', /not a Sanctions Lens settings export/],
    ['{"scanScope":"all"}', /not a Sanctions Lens settings export/],
    ['{"format":"sanctions-lens-settings","version":99,"settings":{}}', /newer version/],
    ['{"format":"sanctions-lens-settings","version":2}', /no settings/],
    ['{"format":"sanctions-lens-settings","version":2,"settings":{"minSeverity":"severe","watchlist":[{"term":""}]}}', /Nothing was imported: minSeverity: "severe" is not one of prohibited, restricted, caution; watchlist/],
  ])('refuses %s with a clear reason', (text, message) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('palettes', () => {
  it.each(Object.keys(PALETTES))('%s keeps text readable on every highlight and underlines visible on white', (name) => {
    const palette = PALETTES[name as keyof typeof PALETTES];
    for (const key of PALETTE_KEYS) {
      expect(contrastRatio(palette[key].text, palette[key].background), `${key} text`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette[key].underline, '#FFFFFF'), `${key} underline`).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(PALETTE_KEYS.map((key) => palette[key].background)).size).toBe(PALETTE_KEYS.length);
  });

  it('computes WCAG contrast like the reference values', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });
});
