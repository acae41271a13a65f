// The update state machine against an in-memory feed: every bad input leaves the active dataset
// as it was and leaves a plain-words reason in the status; good input is swapped in atomically.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_DATASET_KEY, PREVIOUS_DATASET_KEY, createDatasetStore, type KeyValueArea, decodeStoredDataset } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import { MAX_DATASET_BYTES, MAX_MANIFEST_BYTES } from '../../lib/feed/config';
import { sha256Hex, type FeedPublicKey } from '../../lib/feed/crypto';
import { FEED_FORMAT, signManifest, type FeedManifest } from '../../lib/feed/manifest';
import { addSeen } from '../../lib/feed/seen';
import { createUpdater, type FeedSettings } from '../../lib/feed/updater';
import {
  FEED_URL,
  brokenBody,
  bytesOf,
  endlessBody,
  entity,
  fakeServer,
  feedRoutes,
  makeDataset,
  makeKeys,
  signedFeed,
  type Handler,
} from './feed-helpers';

const NOW = Date.parse('2026-11-26T06:00:00Z');
const HOUR = 60 * 60 * 1000;
const BUNDLED = makeDataset('2026.11.20.1');
const NEWER = makeDataset('2026.11.26.1', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);

let keys: { privateKey: JsonWebKey; publicKey: FeedPublicKey };
let otherKeys: { privateKey: JsonWebKey; publicKey: FeedPublicKey };

beforeAll(async () => {
  keys = await makeKeys();
  otherKeys = await makeKeys();
});

interface Setup {
  routes: Record<string, Handler | Uint8Array>;
  area?: KeyValueArea;
  settings?: Partial<FeedSettings>;
  extensionVersion?: string;
  seen?: string[];
  alsoTrusted?: FeedPublicKey[];
}

async function setup(options: Setup) {
  const server = fakeServer(options.routes);
  const area = options.area ?? (fakeBrowser.storage.local as unknown as KeyValueArea);
  const clock = { now: NOW };
  const store = createDatasetStore({
    area,
    loadBundled: async () => structuredClone(BUNDLED),
    trustedKeys: [keys.publicKey, ...(options.alsoTrusted ?? [])],
    now: () => clock.now,
  });
  const notify = vi.fn(async () => undefined);
  const scheduled: number[] = [];
  const settings: FeedSettings = { feedUrl: FEED_URL, updateIntervalHours: 6, notifications: false, ...options.settings };
  const updater = createUpdater({
    publicKeys: [keys.publicKey],
    fetch: server.fetch,
    area,
    store,
    settings: async () => settings,
    extensionVersion: options.extensionVersion ?? '0.1.0',
    now: () => clock.now,
    random: () => 0.5,
    recentlySeen: async () => new Set(options.seen ?? []),
    notify,
    schedule: (when) => {
      scheduled.push(when);
    },
    timeouts: { manifestMs: 100, datasetMs: 100 },
  });
  await updater.start({ installed: true });
  return { server, store, updater, clock, notify, scheduled, settings };
}

async function activeVersion(): Promise<string> {
  const stored = await fakeBrowser.storage.local.get(ACTIVE_DATASET_KEY);
  return (decodeStoredDataset(stored[ACTIVE_DATASET_KEY]) as Dataset).version;
}

/** A manifest for arbitrary bytes, signed with the given key (to serve content buildFeed refuses). */
async function manifestFor(bytes: Uint8Array, overrides: Partial<FeedManifest>, privateKey: JsonWebKey, publicKey: FeedPublicKey) {
  const manifest: FeedManifest = {
    version: '2026.11.26.1',
    generatedAt: new Date(NOW).toISOString(),
    expires: new Date(NOW + 14 * 24 * HOUR).toISOString(),
    datasetUrl: 'dataset-2026.11.26.1.json',
    sha256: await sha256Hex(bytes),
    size: bytes.byteLength,
    minExtensionVersion: '0.1.0',
    ...overrides,
  };
  return bytesOf(await signManifest(manifest, privateKey, publicKey));
}

const DATASET_URL = 'https://feed.example.org/v1/dataset-2026.11.26.1.json';

beforeEach(() => fakeBrowser.reset());

describe('a good feed', () => {
  it('swaps in a newer signed dataset and keeps the previous one', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { updater } = await setup({ routes: feedRoutes(feed) });
    const status = await updater.check();
    expect(status.outcome).toBe('updated');
    expect(status).toMatchObject({ datasetVersion: '2026.11.26.1', origin: 'feed', stale: false, dataAsOf: '2026-11-19' });
    expect(status.lastError).toBeUndefined();
    expect(status.lastErrorKind).toBeUndefined();
    expect(status.lastSuccess).toBe(new Date(NOW).toISOString());
    const stored = await fakeBrowser.storage.local.get([ACTIVE_DATASET_KEY, PREVIOUS_DATASET_KEY]);
    expect((decodeStoredDataset(stored[ACTIVE_DATASET_KEY]) as Dataset).entities.map((e) => e.id)).toContain('xiaomi-corporation');
    expect((decodeStoredDataset(stored[PREVIOUS_DATASET_KEY]) as Dataset).version).toBe(BUNDLED.version);
  });

  it('writes the new dataset in one storage change that watchers see', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { updater } = await setup({ routes: feedRoutes(feed) });
    const changes: string[][] = [];
    fakeBrowser.storage.onChanged.addListener((change) => changes.push(Object.keys(change).sort()));
    await updater.check();
    const datasetWrites = changes.filter((keysChanged) => keysChanged.includes(ACTIVE_DATASET_KEY));
    expect(datasetWrites).toHaveLength(1);
    expect(datasetWrites[0]).toContain(PREVIOUS_DATASET_KEY);
  });

  it('never sends a server-chosen ETag back (it could follow one install), and does not download the same list twice', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const routes: Record<string, Handler | Uint8Array> = {
      ...feedRoutes(feed),
      [FEED_URL]: () => new Response(feed.manifestBytes as BodyInit, { headers: { etag: '"user-7f3a9c01-tracking-id"' } }),
    };
    const { updater, server, clock } = await setup({ routes });
    await updater.check();
    clock.now += 7 * HOUR;
    const second = await updater.check();
    expect(second.outcome).toBe('up-to-date');
    expect(second.lastSuccess).toBe(new Date(clock.now).toISOString());
    expect(server.requests.filter((r) => r.url === DATASET_URL)).toHaveLength(1);
    expect(server.requests.map((r) => r.headers['If-None-Match'])).toEqual([undefined, undefined, undefined]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('tracking-id');
  });

  it('shares one check between simultaneous callers', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { updater, server } = await setup({ routes: feedRoutes(feed) });
    const [a, b] = await Promise.all([updater.check(), updater.check()]);
    expect(a).toEqual(b);
    expect(server.requests.filter((r) => r.url === FEED_URL)).toHaveLength(1);
  });

  it('schedules the next check about one interval later, with jitter', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { updater, scheduled } = await setup({ routes: feedRoutes(feed) });
    const status = await updater.check();
    expect(scheduled.at(-1)).toBe(NOW + 6 * HOUR);
    expect(status.nextCheck).toBe(new Date(NOW + 6 * HOUR).toISOString());
  });
});

describe('bad input leaves the current dataset and says why', () => {
  async function expectRejected(routes: Record<string, Handler | Uint8Array>, message: RegExp, extra: Partial<Setup> = {}) {
    const context = await setup({ routes, ...extra });
    const before = await fakeBrowser.storage.local.get(ACTIVE_DATASET_KEY);
    const status = await context.updater.check();
    expect(status.outcome).toBe('failed');
    expect(status.lastError).toMatch(message);
    expect(status.datasetVersion).toBe(BUNDLED.version);
    expect(await fakeBrowser.storage.local.get(ACTIVE_DATASET_KEY)).toEqual(before);
    expect((await context.updater.status()).lastError).toMatch(message);
    return { ...context, status };
  }

  it('unreachable server', async () => {
    const { status } = await expectRejected({ [FEED_URL]: () => Promise.reject(new TypeError('Failed to fetch')) }, /Could not reach the update server for the update manifest: this computer may be offline, or the server is down or blocked/);
    // The popup's header says this kind in one sentence; the message above goes to Data status.
    expect(status.lastErrorKind).toBe('unreachable');
  });

  it('timeout', async () => {
    const hang: Handler = (init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    await expectRejected({ [FEED_URL]: hang }, /did not answer within/);
  });

  it('a dataset download that stalls past the deadline', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const stalled: Handler = (init) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(feed.datasetBytes.slice(0, 10));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body);
    };
    await expectRejected({ ...feedRoutes(feed), [DATASET_URL]: stalled }, /did not answer within \d+ seconds for the list/);
  });

  it('404 for the manifest', async () => {
    await expectRejected({}, /answered 404 \(not found\) for the update manifest/);
  });

  it('500 for the dataset', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    await expectRejected({ ...feedRoutes(feed), [DATASET_URL]: () => new Response('oops', { status: 500 }) }, /answered 500 \(server error\) for the list/);
  });

  it('truncated body: the server sends fewer bytes than signed', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    await expectRejected({ ...feedRoutes(feed), [DATASET_URL]: feed.datasetBytes.slice(0, 100) }, /incomplete \(100 of \d+ bytes\)/);
  });

  it('truncated body: the connection drops mid-download', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    await expectRejected(
      { ...feedRoutes(feed), [DATASET_URL]: () => new Response(brokenBody(feed.datasetBytes, 200)) },
      /broke off before it was complete/,
    );
  });

  it('wrong sha256: same size, different content', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const altered = feed.datasetBytes.slice();
    const at = new TextDecoder().decode(altered).indexOf('Xiaomi');
    altered[at] = 'Y'.charCodeAt(0);
    const { status } = await expectRejected({ ...feedRoutes(feed), [DATASET_URL]: altered }, /does not match the fingerprint/);
    expect(status.lastErrorKind).toBe('refused');
  });

  it('bad signature: the signed manifest text was edited', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const envelope = JSON.parse(new TextDecoder().decode(feed.manifestBytes));
    envelope.manifest = envelope.manifest.replace('"size": ', '"size": 1');
    await expectRejected({ ...feedRoutes(feed), [FEED_URL]: bytesOf(envelope) }, /signature does not match .*tampered/);
  });

  it('bad signature: garbage in the signature field', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const envelope = JSON.parse(new TextDecoder().decode(feed.manifestBytes));
    envelope.signatures[0].sig = 'not*base64';
    await expectRejected({ ...feedRoutes(feed), [FEED_URL]: bytesOf(envelope) }, /signature does not match/);
  });

  it('missing signature', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const envelope = JSON.parse(new TextDecoder().decode(feed.manifestBytes));
    delete envelope.signatures;
    await expectRejected({ ...feedRoutes(feed), [FEED_URL]: bytesOf(envelope) }, /not signed, so it cannot be trusted/);
  });

  it('a plain unsigned manifest (not an envelope)', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    await expectRejected({ ...feedRoutes(feed), [FEED_URL]: bytesOf(feed.manifest) }, new RegExp(`not in the expected format \\(${FEED_FORMAT}\\)`));
  });

  it('signature by another key', async () => {
    const feed = await signedFeed(NEWER, otherKeys.privateKey);
    await expectRejected(feedRoutes(feed), /signed by a key this extension does not trust/);
  });

  it('signature by another key that claims a trusted key id', async () => {
    const feed = await signedFeed(NEWER, otherKeys.privateKey);
    const trusted = await signedFeed(NEWER, keys.privateKey);
    const envelope = JSON.parse(new TextDecoder().decode(feed.manifestBytes));
    envelope.signatures[0].keyId = JSON.parse(new TextDecoder().decode(trusted.manifestBytes)).signatures[0].keyId;
    await expectRejected({ ...feedRoutes(feed), [FEED_URL]: bytesOf(envelope) }, /signature does not match/);
  });

  it('schema-invalid dataset, correctly signed', async () => {
    const broken = { ...makeDataset('2026.11.26.1'), entities: [{ id: 'Not A Slug', name: '' }] };
    const bytes = bytesOf(broken);
    const manifest = await manifestFor(bytes, {}, keys.privateKey, keys.publicKey);
    await expectRejected({ [FEED_URL]: manifest, [DATASET_URL]: bytes }, /list is malformed — entities\[0\]\.id: must be a lower-case slug/);
  });

  it('dataset that is not JSON, correctly signed', async () => {
    const bytes = new TextEncoder().encode('<html>maintenance</html>');
    const manifest = await manifestFor(bytes, {}, keys.privateKey, keys.publicKey);
    await expectRejected({ [FEED_URL]: manifest, [DATASET_URL]: bytes }, /not valid JSON/);
  });

  it('a valid dataset of another version than the manifest announced (mix-and-match)', async () => {
    const bytes = bytesOf(makeDataset('2026.11.27.1'));
    const manifest = await manifestFor(bytes, {}, keys.privateKey, keys.publicKey);
    await expectRejected({ [FEED_URL]: manifest, [DATASET_URL]: bytes }, /is version 2026\.11\.27\.1, but the signed manifest announced 2026\.11\.26\.1/);
  });

  it('older version after a newer one was seen (rollback)', async () => {
    const newer = await signedFeed(NEWER, keys.privateKey);
    const older = await signedFeed(makeDataset('2026.11.23.1'), keys.privateKey);
    const context = await setup({ routes: feedRoutes(newer) });
    await context.updater.check();
    Object.assign(context.server.routes, feedRoutes(older));
    const status = await context.updater.check();
    expect(status.outcome).toBe('failed');
    expect(status.lastError).toMatch(/offered list 2026\.11\.23\.1, older than 2026\.11\.26\.1 .* ignored/);
    expect(await activeVersion()).toBe('2026.11.26.1');
  });

  it('equal or older version than the active one is "up to date", not an update', async () => {
    for (const version of [BUNDLED.version, '2026.11.01.1']) {
      fakeBrowser.reset();
      const feed = await signedFeed(makeDataset(version), keys.privateKey);
      const { updater, server } = await setup({ routes: feedRoutes(feed) });
      const status = await updater.check();
      expect(status.outcome).toBe('up-to-date');
      expect(status.lastError).toBeUndefined();
      expect(status.datasetVersion).toBe(BUNDLED.version);
      expect(server.requests.map((r) => r.url)).toEqual([FEED_URL]);
    }
  });

  it('oversized dataset body: reading stops just past the signed size', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { stream, counter } = endlessBody(16 * 1024);
    await expectRejected({ ...feedRoutes(feed), [DATASET_URL]: () => new Response(stream) }, /sent more than .* for the list; it was not accepted/);
    expect(counter.pulled * 16 * 1024).toBeLessThan(feed.datasetBytes.byteLength + 4 * 16 * 1024);
  });

  it('oversized manifest body: reading stops at the manifest limit', async () => {
    const { stream, counter } = endlessBody(16 * 1024);
    await expectRejected({ [FEED_URL]: () => new Response(stream) }, /sent more than 64 kB for the update manifest/);
    expect(counter.pulled * 16 * 1024).toBeLessThan(MAX_MANIFEST_BYTES + 4 * 16 * 1024);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const { stream, counter } = endlessBody(1024);
    const big: Handler = () => new Response(stream, { headers: { 'content-length': String(10 * MAX_MANIFEST_BYTES) } });
    await expectRejected({ [FEED_URL]: big }, /sent more than/);
    expect(counter.pulled).toBeLessThanOrEqual(2);
  });

  it('a manifest announcing a dataset over the hard limit is refused without downloading it', async () => {
    const bytes = bytesOf(NEWER);
    const manifest = await manifestFor(bytes, { size: MAX_DATASET_BYTES + 1 }, keys.privateKey, keys.publicKey);
    const { server } = await expectRejected({ [FEED_URL]: manifest, [DATASET_URL]: bytes }, /more than the 2\.0 MB this extension accepts/);
    expect(server.requests.map((r) => r.url)).toEqual([FEED_URL]);
  });

  it('manifest pointing elsewhere: a dataset on another origin is never fetched', async () => {
    const bytes = bytesOf(NEWER);
    const elsewhere = 'https://mirror.example.net/dataset.json';
    const manifest = await manifestFor(bytes, { datasetUrl: elsewhere }, keys.privateKey, keys.publicKey);
    const { server } = await expectRejected({ [FEED_URL]: manifest, [elsewhere]: bytes }, /points to a dataset on another server \(https:\/\/mirror\.example\.net\)/);
    expect(server.requests.map((r) => r.url)).not.toContain(elsewhere);
  });

  it('a dataset needing a newer extension', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey, { minExtensionVersion: '9.0.0' });
    await expectRejected(feedRoutes(feed), /needs Sanctions Lens 9\.0\.0 or later; this is 0\.1\.0/);
  });

  it('storage quota error while saving', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const local = fakeBrowser.storage.local as unknown as KeyValueArea;
    const area: KeyValueArea = {
      get: (k) => local.get(k),
      remove: (k) => local.remove(k),
      set: async (items) => {
        const dataset = decodeStoredDataset(items[ACTIVE_DATASET_KEY]) as Dataset | undefined;
        if (dataset && dataset.version !== BUNDLED.version) throw new Error('QUOTA_BYTES quota exceeded');
        await local.set(items);
      },
    };
    await expectRejected(feedRoutes(feed), /not enough browser storage to save the newer list; the current list is kept/, { area });
  });

  it('a feed address that is not https', async () => {
    await expectRejected({}, /must start with https:\/\//, { settings: { feedUrl: 'http://feed.example.org/manifest.json' } });
  });
});

describe('staleness, backoff and notifications', () => {
  it('uses a newer dataset from an expired manifest but flags it stale', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey, { now: new Date(NOW - 20 * 24 * HOUR), expiresDays: 14 });
    const { updater } = await setup({ routes: feedRoutes(feed) });
    const status = await updater.check();
    expect(status.outcome).toBe('updated');
    expect(status.datasetVersion).toBe('2026.11.26.1');
    expect(status.stale).toBe(true);
    expect(status.staleReason).toMatch(/expired on 2026-11-20; it may be out of date/);
  });

  it('flags the data stale after three days without a successful check', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(feed) };
    const { updater, clock, server } = await setup({ routes });
    await updater.check();
    server.routes[FEED_URL] = () => Promise.reject(new TypeError('Failed to fetch'));
    clock.now += 71 * HOUR;
    expect((await updater.check()).stale).toBe(false);
    clock.now += 2 * HOUR;
    const status = await updater.check();
    expect(status.stale).toBe(true);
    expect(status.staleReason).toMatch(/not been updated since 2026-11-26/);
    expect(status.datasetVersion).toBe('2026.11.26.1');
  });

  it('backs off exponentially after failures, then returns to the interval', async () => {
    const { updater, clock, server, scheduled } = await setup({ routes: { [FEED_URL]: () => Promise.reject(new TypeError('down')) } });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      await updater.check();
      delays.push(scheduled.at(-1)! - clock.now);
      clock.now = scheduled.at(-1)!;
    }
    // random() is 0.5: three quarters of 10, 20, 40, 80, 160 min, then capped by the 6-hour interval.
    expect(delays.map((d) => d / 60_000)).toEqual([7.5, 15, 30, 60, 120, 240, 270]);
    const feed = await signedFeed(NEWER, keys.privateKey);
    Object.assign(server.routes, feedRoutes(feed));
    await updater.check();
    expect(scheduled.at(-1)! - clock.now).toBe(6 * HOUR);
    expect((await updater.readState()).failures).toBe(0);
  });

  it('notifies about a new listing for a company seen lately, only when switched on', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const off = await setup({ routes: feedRoutes(feed), seen: ['xiaomi-corporation'] });
    await off.updater.check();
    expect(off.notify).not.toHaveBeenCalled();
    fakeBrowser.reset();
    const on = await setup({ routes: feedRoutes(feed), seen: ['xiaomi-corporation'], settings: { notifications: true } });
    await on.updater.check();
    expect(on.notify).toHaveBeenCalledWith([{ entityId: 'xiaomi-corporation', name: 'Xiaomi Corporation', change: 'added to the NS-CMIC List (Jun 3, 2021)', source: 'https://ofac.treasury.gov/recent-actions/20210603' }]);
  });

  it('does not notify about companies the user has not seen', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const { updater, notify } = await setup({ routes: feedRoutes(feed), seen: ['china-mobile-limited'], settings: { notifications: true } });
    await updater.check();
    expect(notify).not.toHaveBeenCalled();
  });

  it('a changed feed address forgets the old feed’s ETag and versions', async () => {
    const feed = await signedFeed(NEWER, keys.privateKey);
    const other = 'https://other.example.org/manifest.json';
    const routes = { ...feedRoutes(feed), ...feedRoutes(feed, other) };
    const { updater, settings, server } = await setup({ routes });
    await updater.check();
    settings.feedUrl = other;
    await updater.check();
    expect((await updater.readState()).feedUrl).toBe(other);
    expect(server.requests.at(-1)).toEqual({ url: other, headers: {} });
  });
});

describe('seen log', () => {
  it('keeps ids for 30 days and writes only when something changes', () => {
    const day = 24 * HOUR;
    const first = addSeen({}, ['a', 'b'], NOW)!;
    expect(Object.keys(first)).toEqual(['a', 'b']);
    expect(addSeen(first, ['a'], NOW + HOUR)).toBeNull();
    const later = addSeen(first, ['c'], NOW + 31 * day)!;
    expect(Object.keys(later)).toEqual(['c']);
  });
});
