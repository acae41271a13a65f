// Upgrades of stored (and exported) settings from older shapes. Keys are the version migrated
// TO, as WXT's storage expects. Migrations never throw: whatever they cannot read is left out
// and takes its default when validate.ts checks the result.
import type { IgnoreRule, Settings, WatchlistEntry } from './types';
import { SETTINGS_VERSION } from './types';

/**
 * The shape written by builds before settings were versioned (WXT reports it as version 1):
 * one map of site switches, a "financial sites only" flag, and the style under older names.
 */
export interface LegacySettingsV1 {
  onlyFinancialSites?: boolean;
  /** hostname → scan (true) or not (false). */
  siteRules?: Record<string, boolean>;
  style?: 'highlight' | 'underline';
  colorBlindMode?: boolean;
  /** List ids the user hid. */
  hiddenLists?: string[];
  severityThreshold?: 'all' | 'restricted' | 'prohibited';
  showRemoved?: boolean;
  hoverCards?: boolean;
  /** Entity ids the user never wanted flagged, anywhere. */
  ignoredEntities?: string[];
  watchlist?: string[];
  feedUrl?: string;
  updateHours?: number;
  notify?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const LEGACY_KEYS = [
  'onlyFinancialSites', 'siteRules', 'style', 'colorBlindMode', 'hiddenLists', 'severityThreshold',
  'showRemoved', 'ignoredEntities', 'updateHours', 'notify',
] as const;

export function migrateV1toV2(old: unknown): Partial<Settings> {
  if (!isRecord(old)) return {};
  // The storage's version record can be lost or garbled while the settings themselves are current:
  // then WXT runs this migration on a current object. Settings already in the new shape (they carry
  // `version` 2 or later, or none of the old keys) pass through untouched, never wiped.
  if ((typeof old.version === 'number' && old.version >= 2) || !LEGACY_KEYS.some((key) => key in old)) {
    return old as Partial<Settings>;
  }
  const legacy = old as LegacySettingsV1;
  const next: Partial<Settings> = { version: 2 as Settings['version'] };
  const epoch = new Date(0).toISOString();

  if (typeof legacy.onlyFinancialSites === 'boolean') next.scanScope = legacy.onlyFinancialSites ? 'financial' : 'all';
  if (isRecord(legacy.siteRules)) {
    const rules = Object.entries(legacy.siteRules);
    next.enabledFor = rules.filter(([, on]) => on === true).map(([host]) => host);
    next.disabledFor = rules.filter(([, on]) => on === false).map(([host]) => host);
  }
  if (legacy.style === 'highlight') next.highlightStyle = 'background';
  if (legacy.style === 'underline') next.highlightStyle = 'underline';
  if (typeof legacy.colorBlindMode === 'boolean') next.palette = legacy.colorBlindMode ? 'colorblind-safe' : 'classic';
  const hidden = strings(legacy.hiddenLists);
  if (hidden.length) next.lists = Object.fromEntries(hidden.map((id) => [id, false]));
  if (legacy.severityThreshold === 'all') next.minSeverity = 'caution';
  if (legacy.severityThreshold === 'restricted' || legacy.severityThreshold === 'prohibited') next.minSeverity = legacy.severityThreshold;
  if (typeof legacy.showRemoved === 'boolean') next.showHistorical = legacy.showRemoved;
  if (typeof legacy.hoverCards === 'boolean') next.hoverCards = legacy.hoverCards;
  const ignored = strings(legacy.ignoredEntities);
  if (ignored.length) next.ignored = ignored.map((entityId): IgnoreRule => ({ entityId, text: '', site: '*', addedAt: epoch }));
  const watch = strings(legacy.watchlist);
  if (watch.length) next.watchlist = watch.map((term): WatchlistEntry => ({ term, addedAt: epoch }));
  if (typeof legacy.feedUrl === 'string') next.feedUrl = legacy.feedUrl;
  if (typeof legacy.updateHours === 'number') next.updateIntervalHours = legacy.updateHours;
  if (typeof legacy.notify === 'boolean') next.notifications = legacy.notify;
  return next;
}

/** Migrations keyed by target version, for `storage.defineItem`. */
export const SETTINGS_MIGRATIONS: Record<number, (value: unknown) => unknown> = {
  2: migrateV1toV2,
};

/** Runs the migrations from `fromVersion` up to the current one (used for imported files). */
export function migrateFrom(fromVersion: number, value: unknown): unknown {
  let current = value;
  for (let version = Math.max(1, Math.floor(fromVersion)) + 1; version <= SETTINGS_VERSION; version++) {
    current = SETTINGS_MIGRATIONS[version]?.(current) ?? current;
  }
  return current;
}
