// Settings a new user starts with, and the project's feed address.
import { SETTINGS_VERSION, type Settings } from './types';

/** Where the extension looks for dataset updates unless the user points it elsewhere. */
export const DEFAULT_FEED_URL = 'https://sanctionslens.github.io/feed/manifest.json';

/** Hours between feed checks that the options page offers; any value in [MIN, MAX] is accepted. */
export const UPDATE_INTERVAL_CHOICES = [1, 3, 6, 12, 24, 72, 168] as const;
export const MIN_UPDATE_INTERVAL_HOURS = 1;
export const MAX_UPDATE_INTERVAL_HOURS = 168;

export const MAX_WATCHLIST_TERM_LENGTH = 100;

/**
 * Scanning every site by default (as Dark Reader and uBlock Origin do) is deliberate: investors
 * read about companies on news sites, blogs, forums and filings, not only on brokerages, and a
 * ban they never see is the failure this product exists to prevent. Users who want quiet pick
 * "financial sites only" or switch single sites off.
 */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    scanScope: 'all',
    enabledFor: [],
    disabledFor: [],
    disabledPages: [],
    pausedUntil: 0,
    lists: {},
    minSeverity: 'caution',
    showHistorical: true,
    highlightStyle: 'background',
    palette: 'colorblind-safe',
    hoverCards: true,
    watchlistOnPages: false,
    ignored: [],
    watchlist: [],
    feedUrl: DEFAULT_FEED_URL,
    updateIntervalHours: 6,
    notifications: false,
  };
}
