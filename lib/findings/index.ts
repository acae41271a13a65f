// Background wiring for findings: connects the findings service to the user's settings, the
// active dataset, the feed's freshness and the colour palette, and keeps badges current when
// any of them changes. Called once from entrypoints/background.ts.
import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import type { DisplaySeverity } from '../dataset/severity';
import { getActiveDataset, watchActiveDataset } from '../dataset/store';
import { staleReason } from '../feed/schedule';
import { FEED_STATE_KEY, type FeedState } from '../feed/updater';
import { coloursFor } from '../settings/palette';
import { isEnabledFor } from '../settings/resolve';
import { getSettings, watchSettings } from '../settings/store';
import type { Settings } from '../settings/types';
import { startFindingsService, type FindingsDeps, type FindingsService } from './service';

const SEVERITIES: DisplaySeverity[] = ['prohibited', 'restricted', 'caution', 'historical'];

export function registerFindings(options: Pick<FindingsDeps, 'onSeen'> = {}): FindingsService {
  // Cached so a burst of reports does not re-read settings and the dataset for each one.
  let settings: Promise<Settings> | undefined;
  let dataset: Promise<Dataset | undefined> | undefined;
  const currentSettings = () => (settings ??= getSettings());
  const currentDataset = () =>
    (dataset ??= getActiveDataset().catch((error: unknown) => {
      console.warn('Sanctions Lens: no dataset for the badge colour', error);
      dataset = undefined;
      return undefined;
    }));

  const service = startFindingsService({
    ...options,
    isEnabled: async (url) => isEnabledFor(url, await currentSettings()).enabled,
    isStale: async () => {
      const stored = await browser.storage.local.get(FEED_STATE_KEY);
      const state = stored[FEED_STATE_KEY] as FeedState | undefined;
      if (!state) return false;
      return staleReason({ now: Date.now(), manifestExpires: state.manifestExpires, lastSuccess: state.lastSuccess, trackingSince: state.trackingSince }) !== undefined;
    },
    dataset: currentDataset,
    badgeColors: async () => {
      const { palette } = await currentSettings();
      const colours = {} as Record<DisplaySeverity, { background: string; text: string }>;
      for (const severity of SEVERITIES) colours[severity] = coloursFor(palette, severity);
      return colours;
    },
  });

  watchSettings((next) => {
    settings = Promise.resolve(next);
    void service.refreshAllBadges();
  });
  watchActiveDataset((next) => {
    dataset = Promise.resolve(next);
    void service.refreshAllBadges();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && FEED_STATE_KEY in changes) void service.refreshAllBadges();
  });
  return service;
}
