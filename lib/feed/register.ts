// Wires the feed updater into the background: alarms, start-up, install, messages, settings
// changes and notifications. Everything here is thin; the decisions live in updater.ts.
import browser from 'webextension-polyfill';
import { ACTIVE_DATASET_KEY, createDatasetStore, datasetStore, loadBundledDataset, type KeyValueArea } from '../dataset/store';
import { onMessages } from '../messaging';
import { FEED_PUBLIC_KEYS } from './public-key';
import { createSeenLog, type SeenNews } from './seen';
import { readFeedSettings, watchFeedSettings } from './settings-source';
import { createUpdater, type Updater, type UpdaterDeps } from './updater';

export const FEED_ALARM = 'feed-check';

const area = () => browser.storage.local as unknown as KeyValueArea;
let seenLog: ReturnType<typeof createSeenLog> | undefined;

/**
 * Remembers that the user came across these companies today (ids only, kept 30 days), so an
 * update that adds a listing or ruling for one of them can raise a notification. Cheap to call
 * on every findings report: storage is written at most once per company per day.
 */
export function recordSeen(entityIds: readonly string[]): Promise<void> {
  seenLog ??= createSeenLog(area());
  return seenLog.record(entityIds);
}

async function notify(news: SeenNews[]): Promise<void> {
  // An optional permission: the user may have taken it back in the browser's settings.
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false))) return;
  const lines = news.slice(0, 3).map((item) => `${item.name}: ${item.change}`);
  if (news.length > 3) lines.push(`…and ${news.length - 3} more`);
  await browser.notifications.create('sanctions-lens-feed-update', {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png' as never),
    title: 'Sanctions Lens: news on companies you read about',
    message: lines.join('\n'),
  });
}

async function setAlarm(when: number): Promise<void> {
  // Alarms in the past would fire at once; the updater already decided this time, so keep it near.
  await browser.alarms.create(FEED_ALARM, { when: Math.max(when, Date.now() + 1000) });
}

/**
 * Call once, synchronously, when the background starts (listeners must exist before events arrive).
 * Tests pass their own trusted keys and fetch; the extension passes nothing.
 */
export function registerFeed(overrides: Partial<Pick<UpdaterDeps, 'publicKeys' | 'fetch' | 'extensionVersion'>> = {}): Updater {
  seenLog ??= createSeenLog(area());
  const log = seenLog;
  const publicKeys = overrides.publicKeys ?? FEED_PUBLIC_KEYS;
  const store = overrides.publicKeys
    ? createDatasetStore({ area: area(), loadBundled: loadBundledDataset, trustedKeys: publicKeys })
    : datasetStore();
  const updater = createUpdater({
    publicKeys,
    fetch: overrides.fetch ?? ((input, init) => fetch(input, init)),
    area: area(),
    // The store re-verifies stored lists against the same keys the updater accepts.
    store,
    settings: readFeedSettings,
    extensionVersion: overrides.extensionVersion ?? browser.runtime.getManifest().version,
    recentlySeen: () => log.recent(),
    notify,
    schedule: setAlarm,
  });

  // Repair first (cheap), so status requests need not wait for the network.
  const started = updater.start().catch((error) => {
    console.error('Sanctions Lens: feed start-up failed', error);
    return { overdue: true, nextCheck: undefined };
  });
  void started.then(async ({ overdue, nextCheck }) => {
    if (overdue) await updater.check();
    else if (nextCheck !== undefined && !(await browser.alarms.get(FEED_ALARM))) await setAlarm(nextCheck);
  });

  browser.runtime.onInstalled.addListener((details) => {
    // An extension update may ship a newer bundled list than the one stored.
    if (details.reason === 'update') void started.then(() => updater.start({ installed: true }));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void started.then(() => updater.check());
  });
  // Anything that writes a list into storage behind the updater's back (a compromised page renderer
  // where the browser cannot close storage to it) is undone at once: a copy that does not verify is
  // replaced by the last good one, so no page keeps using it.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local' || !(ACTIVE_DATASET_KEY in changes)) return;
    void started.then(async () => {
      const loaded = await store.load();
      if (loaded.source !== 'active') await store.repair();
    }).catch((error) => console.error('Sanctions Lens: could not restore the saved list', error));
  });
  watchFeedSettings((settings) => {
    void started.then(async () => {
      const state = await updater.readState();
      if (state.feedUrl !== settings.feedUrl) await updater.check({ fresh: true });
      else await updater.reschedule();
    });
  });
  onMessages({
    getFeedStatus: async () => {
      await started;
      return updater.status();
    },
    updateNow: async () => {
      await started;
      return updater.check({ fresh: true });
    },
  });
  return updater;
}
