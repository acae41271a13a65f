// The feed's settings (address, interval, notifications) as the updater needs them. The one place
// that knows where settings live, so the updater itself stays independent of the settings module.
import { getSettings, watchSettings } from '../settings/store';
import type { FeedSettings } from './updater';

export async function readFeedSettings(): Promise<FeedSettings> {
  const { feedUrl, updateIntervalHours, notifications } = await getSettings();
  return { feedUrl, updateIntervalHours, notifications };
}

/** Calls back when the feed address or interval changes (not on unrelated settings changes). */
export function watchFeedSettings(callback: (settings: FeedSettings) => void): () => void {
  const keyOf = (settings: FeedSettings) => `${settings.feedUrl}|${settings.updateIntervalHours}`;
  let last: string | undefined;
  void readFeedSettings().then((settings) => (last ??= keyOf(settings)));
  return watchSettings(({ feedUrl, updateIntervalHours, notifications }) => {
    const next = { feedUrl, updateIntervalHours, notifications };
    if (keyOf(next) !== last) {
      last = keyOf(next);
      callback(next);
    }
  });
}
