// Site keys: how a page's address and a user's site rule become comparable. Rules are hostname
// suffixes ("example.com" covers "www.example.com", not "badexample.com"), optionally tied to one
// port; IP addresses only ever match exactly, and internationalised names are compared in their
// ASCII (punycode) form, which is what browsers put in `URL.hostname`.

/** The one rule that stands for every local file (file: URLs have no hostname). */
export const FILE_SITE = 'file://';

export interface PageSite {
  /** Lower-case ASCII hostname without a trailing dot; '' for file: URLs. IPv6 keeps its brackets. */
  host: string;
  /** The port in use, with the scheme's default filled in ('443' for https). */
  port: string;
  scheme: 'http' | 'https' | 'file';
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[');
}

/** Where a page lives, or null for addresses the extension never reads (browser pages, data:, about:…). */
export function pageSite(url: string | URL): PageSite | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return { host: '', port: '', scheme: 'file' };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const scheme = parsed.protocol === 'https:' ? 'https' : 'http';
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return null;
  return { host, port: parsed.port || (scheme === 'https' ? '443' : '80'), scheme };
}

/** The key a page-level exception is stored under: origin + path, without query or fragment. */
export function pageKey(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (!pageSite(parsed)) return null;
  if (parsed.protocol === 'file:') return `file://${parsed.pathname}`;
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname}`;
}

/**
 * Turns what a user typed or pasted ("https://www.Example.com/path", "*.example.com", "bücher.de",
 * "localhost:3000") into a rule, or null when it cannot name a site.
 */
export function normalizeSiteRule(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (text === FILE_SITE || text === 'file:' || text.startsWith('file:/')) return FILE_SITE;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(text);
  if (scheme) {
    if (!/^https?:\/\//.test(text)) return null;
    text = text.slice(scheme[0].length);
  }
  text = text.replace(/[/?#].*$/, '').replace(/^\*?\./, '');
  if (!text || /[\s@\\]/.test(text)) return null;

  let port = '';
  const withPort = /^(.*?):(\d{1,5})$/.exec(text);
  if (withPort && !(withPort[1].startsWith('[') && !withPort[1].endsWith(']'))) {
    text = withPort[1];
    port = String(Number(withPort[2]));
    if (Number(port) < 1 || Number(port) > 65535) return null;
  }
  let host: string;
  try {
    const parsed = new URL(`http://${text}/`);
    if (parsed.pathname !== '/' || parsed.port) return null;
    host = parsed.hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
  if (!host || host.startsWith('.') || host.includes('..')) return null;
  // A purely numeric name that is not a full IPv4 address (e.g. "0.1") would match by suffix in
  // surprising ways, and URL parsing turns "1" into "0.0.0.1"; refuse anything that changed shape.
  if (IPV4.test(host) && !IPV4.test(text.replace(/\.$/, ''))) return null;
  return port ? `${host}:${port}` : host;
}

function splitRule(rule: string): { host: string; port: string } {
  const match = /^(.*):(\d+)$/.exec(rule);
  if (match && (!match[1].startsWith('[') || match[1].endsWith(']'))) return { host: match[1], port: match[2] };
  return { host: rule, port: '' };
}

/** Whether a normalized rule covers the page's site. */
export function ruleCovers(rule: string, site: PageSite): boolean {
  if (site.scheme === 'file') return rule === FILE_SITE;
  if (rule === FILE_SITE) return false;
  const { host, port } = splitRule(rule);
  if (port && port !== site.port) return false;
  if (isIpAddress(site.host) || isIpAddress(host)) return host === site.host;
  return site.host === host || site.host.endsWith(`.${host}`);
}

/** Whether `hostname` (from a URL) is covered by the rule, ignoring ports. */
export function hostCoveredBy(rule: string, hostname: string): boolean {
  return ruleCovers(splitRule(rule).host, { host: hostname.toLowerCase().replace(/\.$/, ''), port: '', scheme: 'https' });
}

// --- Display: punycode labels back to Unicode (RFC 3492 decoding), so users see "bücher.de". ---

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  return BASE;
}

function decodeLabel(label: string): string {
  const delimiter = label.lastIndexOf('-');
  const output = delimiter > 0 ? Array.from(label.slice(0, delimiter), (c) => c.codePointAt(0)!) : [];
  let position = delimiter > 0 ? delimiter + 1 : 0;
  let n = 128;
  let i = 0;
  let bias = 72;
  while (position < label.length) {
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (position >= label.length) throw new Error('truncated punycode');
      const digit = digitOf(label.charCodeAt(position++));
      if (digit >= BASE) throw new Error('bad punycode digit');
      i += digit * weight;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      weight *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    n += Math.floor(i / length);
    i %= length;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** A rule or hostname as people read it: punycode labels shown in their own script. */
export function displayHost(rule: string): string {
  return rule
    .split('.')
    .map((label) => {
      if (!label.startsWith('xn--')) return label;
      try {
        return decodeLabel(label.slice(4));
      } catch {
        return label;
      }
    })
    .join('.');
}
