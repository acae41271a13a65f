// Pure edits and queries on settings: site switches, pause, lists, ignores and the watchlist.
// The store wraps each edit in one read-modify-write (see store.ts); the popup, the hover card,
// the options page and the content script use the queries.
import type { Entity, ListId } from '../dataset/types';
import { MAX_WATCHLIST_TERM_LENGTH } from './defaults';
import { siteDecision } from './resolve';
import { hostCoveredBy, normalizeSiteRule, pageKey, pageSite } from './site';
import type { IgnoreRule, Settings } from './types';
import { cleanWatchlistTerm, ignoreText } from './validate';

/** Thrown for input a user typed that cannot be used; the message is meant to be shown. */
export class SettingsInputError extends Error {
  override name = 'SettingsInputError';
}

export function listVisible(listId: ListId, settings: Pick<Settings, 'lists'>): boolean {
  return settings.lists[listId] !== false;
}

/**
 * Turns a site on or off with as few rules as possible: the exact rule is dropped first, and a
 * new one is added only when the scope or a broader rule would still decide otherwise.
 */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const rule = normalizeSiteRule(hostname);
  if (!rule) throw new SettingsInputError(`"${hostname}" is not a site name.`);
  const next: Settings = {
    ...settings,
    enabledFor: settings.enabledFor.filter((r) => r !== rule),
    disabledFor: settings.disabledFor.filter((r) => r !== rule),
  };
  const site = pageSite(rule === 'file://' ? 'file:///' : `https://${rule}/`);
  if (site && siteDecision(site, next).enabled !== enabled) {
    (enabled ? next.enabledFor : next.disabledFor).push(rule);
  }
  return next;
}

/** Adds an explicit rule (the options page's "add a site"), replacing any rule for the same site. */
export function withSiteRule(settings: Settings, hostname: string, enabled: boolean): Settings {
  const rule = normalizeSiteRule(hostname);
  if (!rule) throw new SettingsInputError(`"${hostname}" is not a site name. Type a domain such as example.com.`);
  const next = removeSiteRule(settings, rule);
  (enabled ? next.enabledFor : next.disabledFor).push(rule);
  return next;
}

export function withPageEnabled(settings: Settings, url: string, enabled: boolean): Settings {
  const key = pageKey(url);
  if (!key) throw new SettingsInputError('This page cannot have its own setting.');
  const others = settings.disabledPages.filter((page) => page !== key);
  return { ...settings, disabledPages: enabled ? others : [...others, key] };
}

export function removeSiteRule(settings: Settings, rule: string): Settings {
  return {
    ...settings,
    enabledFor: settings.enabledFor.filter((r) => r !== rule),
    disabledFor: settings.disabledFor.filter((r) => r !== rule),
  };
}

/** The end of the pause that "until tomorrow" means: the next local midnight. */
export function startOfTomorrow(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

export function isPaused(settings: Pick<Settings, 'pausedUntil'>, now: number = Date.now()): boolean {
  return settings.pausedUntil > now;
}

export function isIgnored(entityId: string, text: string, hostname: string, settings: Pick<Settings, 'ignored'>): boolean {
  const matched = ignoreText(text);
  return settings.ignored.some(
    (rule) =>
      rule.entityId === entityId &&
      (rule.text === '' || rule.text === matched) &&
      (rule.site === '*' || hostCoveredBy(rule.site, hostname)),
  );
}

export type NewIgnoreRule = Omit<IgnoreRule, 'addedAt'> & { addedAt?: string };

const sameRule = (a: Omit<IgnoreRule, 'addedAt'>, b: Omit<IgnoreRule, 'addedAt'>) =>
  a.entityId === b.entityId && a.text === b.text && a.site === b.site;

/** Normalizes an ignore rule as typed by a caller (site may be a hostname or '*'). */
export function cleanIgnoreRule(rule: NewIgnoreRule, now: number = Date.now()): IgnoreRule {
  const site = rule.site === '*' ? '*' : normalizeSiteRule(rule.site);
  if (!site) throw new SettingsInputError(`"${rule.site}" is not a site name.`);
  if (!rule.entityId) throw new SettingsInputError('An ignore rule needs a company.');
  return { entityId: rule.entityId, text: ignoreText(rule.text), site, addedAt: rule.addedAt ?? new Date(now).toISOString() };
}

/** Ignore rules kept per site; older ones give way to newer ones. */
export const MAX_IGNORE_RULES_PER_SITE = 20;

export function withIgnore(settings: Settings, rule: NewIgnoreRule, now?: number): Settings {
  const clean = cleanIgnoreRule(rule, now);
  if (settings.ignored.some((r) => sameRule(r, clean))) return settings;
  // Rules sync, and sync storage holds 8 kB per item: a page that makes many "Not this company"
  // clicks happen cannot push the settings off sync. The oldest rule for that site gives way.
  const forSite = settings.ignored.filter((r) => r.site === clean.site);
  const dropped = forSite.length >= MAX_IGNORE_RULES_PER_SITE ? forSite[0] : undefined;
  return { ...settings, ignored: [...settings.ignored.filter((r) => r !== dropped), clean] };
}

export function withoutIgnore(settings: Settings, rule: Omit<IgnoreRule, 'addedAt'>): Settings {
  const target = { ...rule, text: ignoreText(rule.text) };
  return { ...settings, ignored: settings.ignored.filter((r) => !sameRule(r, target)) };
}

export function withWatchlistTerm(settings: Settings, term: string, note?: string, now: number = Date.now()): Settings {
  const clean = cleanWatchlistTerm(term);
  if (!clean) throw new SettingsInputError(`A watchlist entry is a name or ticker of 2 to ${MAX_WATCHLIST_TERM_LENGTH} characters.`);
  if (settings.watchlist.some((e) => e.term.toLowerCase() === clean.toLowerCase())) {
    throw new SettingsInputError(`"${clean}" is already on your watchlist.`);
  }
  const entry = { term: clean, addedAt: new Date(now).toISOString(), ...(note?.trim() ? { note: note.trim() } : {}) };
  return { ...settings, watchlist: [...settings.watchlist, entry] };
}

export function withoutWatchlistTerm(settings: Settings, term: string): Settings {
  const key = term.trim().toLowerCase();
  return { ...settings, watchlist: settings.watchlist.filter((e) => e.term.toLowerCase() !== key) };
}

/** The id a watchlist term gets as an entity, so findings and ignores can refer to it. */
export function watchlistEntityId(term: string): string {
  return `watchlist:${term.trim().toLowerCase().replace(/\s+/g, '-')}`;
}

/**
 * Watchlist terms as dataset entities (flag `watchlist: true`, no listings), for the matcher to
 * find alongside list entries. Their colour is the palette's 'watchlist' entry.
 */
export function watchlistEntities(settings: Pick<Settings, 'watchlist'>): Entity[] {
  return settings.watchlist.map((entry) => ({
    id: watchlistEntityId(entry.term),
    name: entry.term,
    aliases: [entry.term],
    weakAliases: [],
    tickers: [],
    isins: [],
    country: '',
    listings: [],
    rulings: [],
    watchlist: true,
  }));
}
