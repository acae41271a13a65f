// The user's settings as data (Dark Reader style): what to scan, what to show, how it looks.
// `lib/settings/store.ts` reads and writes them, validating every field on read.
import type { ListId, Severity } from '../dataset/types';

/**
 * Version of the stored settings shape. Builds before versioning stored a flatter shape that
 * WXT's storage counts as version 1 (an item without version metadata); `migrations.ts` lifts it.
 */
export const SETTINGS_VERSION = 2;

export type ScanScope = 'all' | 'financial';
export type HighlightStyle = 'background' | 'underline';
export type Palette = 'colorblind-safe' | 'classic';

export interface IgnoreRule {
  entityId: string;
  /** The text that was matched when the user said "not this company" (lower-cased); '' = any text. */
  text: string;
  /** Hostname suffix, or '*' for everywhere. */
  site: string;
  /** ISO timestamp, for the options page. */
  addedAt: string;
}

export interface WatchlistEntry {
  /** A company name or a ticker, as the user typed it. */
  term: string;
  note?: string;
  addedAt: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** 'all': every site except disabledFor; 'financial': only curated finance sites plus enabledFor. */
  scanScope: ScanScope;
  /** Hostname suffixes the user turned on. */
  enabledFor: string[];
  /** Hostname suffixes the user turned off. */
  disabledFor: string[];
  /** Exact page URLs (origin + path) the user turned off. */
  disabledPages: string[];
  /** Epoch ms until which the extension is paused everywhere; 0 = not paused. */
  pausedUntil: number;
  /** Lists to highlight; a list missing from the map is shown. */
  lists: Partial<Record<ListId, boolean>>;
  /** Hide listings below this severity. */
  minSeverity: Severity;
  /** Show companies whose listings are all removed or vacated (in a muted style). */
  showHistorical: boolean;
  highlightStyle: HighlightStyle;
  palette: Palette;
  hoverCards: boolean;
  /**
   * Paint watchlist terms on pages. Off by default: a page's own scripts can read which words are
   * highlighted, so painting the watchlist would tell every site what the user watches. Terms found
   * are listed in the popup and the findings panel either way.
   */
  watchlistOnPages: boolean;
  ignored: IgnoreRule[];
  watchlist: WatchlistEntry[];
  feedUrl: string;
  /** Hours between feed checks. */
  updateIntervalHours: number;
  notifications: boolean;
}
