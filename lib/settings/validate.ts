// Runtime checks for settings, field by field. Stored settings can be corrupt (a sync conflict,
// a hand edit in devtools, a newer build's shape): each field that fails falls back to its
// default and the rest survive. Imports use the same checks but refuse the file when any fails.
import type { Severity } from '../dataset/types';
import {
  DEFAULT_FEED_URL,
  MAX_UPDATE_INTERVAL_HOURS,
  MAX_WATCHLIST_TERM_LENGTH,
  MIN_UPDATE_INTERVAL_HOURS,
  defaultSettings,
} from './defaults';
import { normalizeSiteRule, pageKey } from './site';
import {
  SETTINGS_VERSION,
  type HighlightStyle,
  type IgnoreRule,
  type Palette,
  type ScanScope,
  type Settings,
  type WatchlistEntry,
} from './types';

export interface ValidationResult {
  settings: Settings;
  /** One line per field that was unusable, for the user (e.g. `minSeverity: "severe" is not one of …`). */
  problems: string[];
}

const SCOPES: readonly ScanScope[] = ['all', 'financial'];
const SEVERITIES: readonly Severity[] = ['prohibited', 'restricted', 'caution'];
const STYLES: readonly HighlightStyle[] = ['background', 'underline'];
const PALETTE_NAMES: readonly Palette[] = ['colorblind-safe', 'classic'];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A feed address the extension may fetch: https anywhere, plain http only on this computer. */
export function checkFeedUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'is not a web address';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'must start with https:// (plain http is allowed only for localhost)';
}

/** A watchlist term as stored: trimmed, inner whitespace collapsed; null when unusable. */
export function cleanWatchlistTerm(term: string): string | null {
  const cleaned = term.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (cleaned.length < 2 || cleaned.length > MAX_WATCHLIST_TERM_LENGTH) return null;
  return cleaned;
}

/** The matched text an ignore rule is keyed on: lower-case, whitespace collapsed. */
export function ignoreText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function validIso(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function siteList(value: unknown, field: string, problems: string[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${field}: expected a list of sites, got ${show(value)}`);
    return undefined;
  }
  const rules: string[] = [];
  for (const item of value) {
    const rule = typeof item === 'string' ? normalizeSiteRule(item) : null;
    if (rule === null) problems.push(`${field}: ${show(item)} is not a site`);
    else if (!rules.includes(rule)) rules.push(rule);
  }
  return rules;
}

function pageList(value: unknown, problems: string[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`disabledPages: expected a list of page addresses, got ${show(value)}`);
    return undefined;
  }
  const pages: string[] = [];
  for (const item of value) {
    const key = typeof item === 'string' ? pageKey(item) : null;
    if (key === null) problems.push(`disabledPages: ${show(item)} is not a page address`);
    else if (!pages.includes(key)) pages.push(key);
  }
  return pages;
}

function ignoreList(value: unknown, problems: string[]): IgnoreRule[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`ignored: expected a list, got ${show(value)}`);
    return undefined;
  }
  const rules: IgnoreRule[] = [];
  for (const item of value) {
    const site = isRecord(item) && typeof item.site === 'string' ? (item.site === '*' ? '*' : normalizeSiteRule(item.site)) : null;
    if (!isRecord(item) || typeof item.entityId !== 'string' || !item.entityId || typeof item.text !== 'string' || site === null) {
      problems.push(`ignored: ${show(item)} is not an ignore rule`);
      continue;
    }
    const rule: IgnoreRule = {
      entityId: item.entityId,
      text: ignoreText(item.text),
      site,
      addedAt: validIso(item.addedAt) ? item.addedAt : new Date(0).toISOString(),
    };
    if (!rules.some((r) => r.entityId === rule.entityId && r.text === rule.text && r.site === rule.site)) rules.push(rule);
  }
  return rules;
}

function watchlist(value: unknown, problems: string[]): WatchlistEntry[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`watchlist: expected a list, got ${show(value)}`);
    return undefined;
  }
  const entries: WatchlistEntry[] = [];
  for (const item of value) {
    const term = isRecord(item) && typeof item.term === 'string' ? cleanWatchlistTerm(item.term) : null;
    if (!isRecord(item) || term === null) {
      problems.push(`watchlist: ${show(item)} is not a name or ticker (2 to ${MAX_WATCHLIST_TERM_LENGTH} characters)`);
      continue;
    }
    if (entries.some((e) => e.term.toLowerCase() === term.toLowerCase())) continue;
    const entry: WatchlistEntry = { term, addedAt: validIso(item.addedAt) ? item.addedAt : new Date(0).toISOString() };
    if (typeof item.note === 'string' && item.note.trim()) entry.note = item.note.trim().slice(0, 200);
    entries.push(entry);
  }
  return entries;
}

function listSwitches(value: unknown, problems: string[]): Settings['lists'] | undefined {
  if (!isRecord(value)) {
    problems.push(`lists: expected an object of list ids to true/false, got ${show(value)}`);
    return undefined;
  }
  const lists: Settings['lists'] = {};
  for (const [id, shown] of Object.entries(value)) {
    if (typeof shown === 'boolean' && id) lists[id] = shown;
    else problems.push(`lists: ${show(id)} must be true or false`);
  }
  return lists;
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: unknown, field: string, problems: string[]): T | undefined => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${field}: ${show(value)} is not one of ${allowed.join(', ')}`);
    return undefined;
  };
}

function boolean(value: unknown, field: string, problems: string[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  problems.push(`${field}: expected true or false, got ${show(value)}`);
  return undefined;
}

type FieldCheck = (value: unknown, field: string, problems: string[]) => unknown;

const CHECKS: { [K in Exclude<keyof Settings, 'version'>]: FieldCheck } = {
  scanScope: oneOf(SCOPES),
  enabledFor: siteList,
  disabledFor: siteList,
  disabledPages: (value, _field, problems) => pageList(value, problems),
  pausedUntil: (value, field, problems) => {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.floor(value);
    problems.push(`${field}: expected a time in milliseconds, got ${show(value)}`);
    return undefined;
  },
  lists: (value, _field, problems) => listSwitches(value, problems),
  minSeverity: oneOf(SEVERITIES),
  showHistorical: boolean,
  highlightStyle: oneOf(STYLES),
  palette: oneOf(PALETTE_NAMES),
  hoverCards: boolean,
  watchlistOnPages: boolean,
  ignored: (value, _field, problems) => ignoreList(value, problems),
  watchlist: (value, _field, problems) => watchlist(value, problems),
  feedUrl: (value, field, problems) => {
    const problem = typeof value === 'string' ? checkFeedUrl(value) : 'is not a web address';
    if (problem === null) return (value as string).trim();
    problems.push(`${field}: ${show(value)} ${problem}`);
    return undefined;
  },
  updateIntervalHours: (value, field, problems) => {
    if (typeof value === 'number' && value >= MIN_UPDATE_INTERVAL_HOURS && value <= MAX_UPDATE_INTERVAL_HOURS) return value;
    problems.push(`${field}: expected ${MIN_UPDATE_INTERVAL_HOURS} to ${MAX_UPDATE_INTERVAL_HOURS} hours, got ${show(value)}`);
    return undefined;
  },
  notifications: boolean,
};

/**
 * Checks every field of `raw` (current shape). Missing fields take their default silently;
 * present but unusable ones take their default and are reported. Bad entries inside a list are
 * dropped one by one, so one broken ignore rule does not cost the user all the others.
 */
export function validateSettings(raw: unknown): ValidationResult {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (!isRecord(raw)) {
    if (raw !== undefined && raw !== null) problems.push(`settings: expected an object, got ${show(raw)}`);
    return { settings, problems };
  }
  for (const field of Object.keys(CHECKS) as (keyof typeof CHECKS)[]) {
    if (!(field in raw) || raw[field] === undefined) continue;
    const value = CHECKS[field](raw[field], field, problems);
    if (value !== undefined) (settings as unknown as Record<string, unknown>)[field] = value;
  }
  settings.version = SETTINGS_VERSION;
  if (!settings.feedUrl) settings.feedUrl = DEFAULT_FEED_URL;
  return { settings, problems };
}

export function sanitizeSettings(raw: unknown): Settings {
  return validateSettings(raw).settings;
}
