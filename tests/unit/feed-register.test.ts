// The background wiring with fakeBrowser: first start installs the bundled list and checks the
// feed, messages answer with the status, the alarm runs a check, a new feed address is checked at
// once, and a notification is raised only for companies the user saw, only when switched on.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_DATASET_KEY, decodeStoredDataset } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedPublicKey } from '../../lib/feed/crypto';
import { FEED_ALARM, recordSeen, registerFeed } from '../../lib/feed/register';
import { sendMessage } from '../../lib/messaging';
import { updateSettings } from '../../lib/settings/store';
import { FEED_URL, bytesOf, entity, fakeServer, feedRoutes, makeDataset, makeKeys, signedFeed, type Handler } from './feed-helpers';

const BUNDLED = makeDataset('2026.11.20.1');
const NEWER = makeDataset('2026.11.26.1', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);
const BUNDLED_URL = 'chrome-extension://test-extension-id/data/dataset.json';

let keys: { privateKey: JsonWebKey; publicKey: FeedPublicKey };
beforeAll(async () => {
  keys = await makeKeys();
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('fetch', async (url: string) =>
    url === BUNDLED_URL ? new Response(bytesOf(BUNDLED) as BodyInit) : new Response('', { status: 404 }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function start(routes: Record<string, Handler | Uint8Array>) {
  await updateSettings((s) => ({ ...s, feedUrl: FEED_URL }));
  const server = fakeServer(routes);
  registerFeed({ publicKeys: [keys.publicKey], fetch: server.fetch, extensionVersion: '0.1.0' });
  // The first start checks at once (nothing scheduled yet); wait for it to finish.
  await vi.waitFor(async () => expect((await sendMessage('getFeedStatus', {})).lastCheck).toBeDefined());
  await vi.waitFor(async () => expect((await sendMessage('getFeedStatus', {})).checking).toBe(false));
  return server;
}

describe('registerFeed', () => {
  it('first start: the bundled list becomes active, the feed is checked, the next check is an alarm', async () => {
    const feed = await signedFeed(BUNDLED, keys.privateKey);
    const server = await start(feedRoutes(feed));
    const stored = await fakeBrowser.storage.local.get(ACTIVE_DATASET_KEY);
    expect((decodeStoredDataset(stored[ACTIVE_DATASET_KEY]) as Dataset).version).toBe(BUNDLED.version);
    expect(server.requests.map((r) => r.url)).toEqual([FEED_URL]);
    const status = await sendMessage('getFeedStatus', {});
    expect(status).toMatchObject({ datasetVersion: BUNDLED.version, origin: 'bundled', stale: false });
    const alarm = await fakeBrowser.alarms.get(FEED_ALARM);
    expect(alarm?.scheduledTime).toBe(Date.parse(status.nextCheck!));
  });

  it('"updateNow" applies a newly published list and answers with the new status', async () => {
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(await signedFeed(BUNDLED, keys.privateKey)) };
    await start(routes);
    Object.assign(routes, feedRoutes(await signedFeed(NEWER, keys.privateKey)));
    const status = await sendMessage('updateNow', {});
    expect(status).toMatchObject({ datasetVersion: NEWER.version, origin: 'feed' });
  });

  it('the alarm runs a check', async () => {
    const routes: Record<string, Handler | Uint8Array> = {};
    const server = await start(routes);
    expect((await sendMessage('getFeedStatus', {})).lastError).toMatch(/answered 404/);
    Object.assign(routes, feedRoutes(await signedFeed(NEWER, keys.privateKey)));
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect((await sendMessage('getFeedStatus', {})).datasetVersion).toBe(NEWER.version));
    expect(server.requests.filter((r) => r.url === FEED_URL)).toHaveLength(2);
  });

  it('a new feed address in the settings is checked at once', async () => {
    const other = 'https://mirror.example.org/feed/manifest.json';
    const routes = { ...feedRoutes(await signedFeed(BUNDLED, keys.privateKey)), ...feedRoutes(await signedFeed(NEWER, keys.privateKey), other) };
    const server = await start(routes);
    await updateSettings((s) => ({ ...s, feedUrl: other }));
    await vi.waitFor(async () => expect((await sendMessage('getFeedStatus', {})).datasetVersion).toBe(NEWER.version));
    expect(server.requests.map((r) => r.url)).toContain(other);
  });

  it('a new interval moves the next check', async () => {
    await start(feedRoutes(await signedFeed(BUNDLED, keys.privateKey)));
    const { lastSuccess } = await sendMessage('getFeedStatus', {});
    await updateSettings((s) => ({ ...s, updateIntervalHours: 24 }));
    await vi.waitFor(async () => {
      const alarm = await fakeBrowser.alarms.get(FEED_ALARM);
      const hours = (alarm!.scheduledTime - Date.parse(lastSuccess!)) / 3_600_000;
      expect(hours).toBeGreaterThan(21);
      expect(hours).toBeLessThan(27);
    });
  });

  it('notifies about a seen company only when notifications are on', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(await signedFeed(BUNDLED, keys.privateKey)) };
    await start(routes);
    await recordSeen(['xiaomi-corporation']);
    await updateSettings((s) => ({ ...s, notifications: true }));
    Object.assign(routes, feedRoutes(await signedFeed(NEWER, keys.privateKey)));
    await sendMessage('updateNow', {});
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.values(shown)).toEqual([expect.objectContaining({ message: 'Xiaomi Corporation: added to the NS-CMIC List (Jun 3, 2021)' })]);
  });

  it('raises no notification when the browser permission was taken back, even with the switch on', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(await signedFeed(BUNDLED, keys.privateKey)) };
    await start(routes);
    await recordSeen(['xiaomi-corporation']);
    await updateSettings((s) => ({ ...s, notifications: true }));
    Object.assign(routes, feedRoutes(await signedFeed(NEWER, keys.privateKey)));
    expect((await sendMessage('updateNow', {})).datasetVersion).toBe(NEWER.version);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('raises no notification when they are off (the default)', async () => {
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(await signedFeed(BUNDLED, keys.privateKey)) };
    await start(routes);
    await recordSeen(['xiaomi-corporation']);
    Object.assign(routes, feedRoutes(await signedFeed(NEWER, keys.privateKey)));
    expect((await sendMessage('updateNow', {})).datasetVersion).toBe(NEWER.version);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
