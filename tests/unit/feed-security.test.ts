// Attacks on the updater from the security review (fast-forward freeze, revoked keys, poisoned but
// signed lists, endless expiry, redirects, damaged state) and the safe outcome each must have.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_DATASET_KEY, createDatasetStore, decodeStoredDataset, type KeyValueArea } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import { sha256Hex, type FeedPublicKey } from '../../lib/feed/crypto';
import { signManifest, type FeedManifest } from '../../lib/feed/manifest';
import { FEED_STATE_KEY, createUpdater, readFeedState } from '../../lib/feed/updater';
import { FEED_URL, bytesOf, entity, fakeServer, feedRoutes, makeDataset, makeKeys, signedFeed, type Handler } from './feed-helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-26T06:00:00Z');
const BUNDLED = makeDataset('2026.11.20.1');

let k1: { privateKey: JsonWebKey; publicKey: FeedPublicKey };
let k2: { privateKey: JsonWebKey; publicKey: FeedPublicKey };
beforeAll(async () => {
  k1 = await makeKeys();
  k2 = await makeKeys();
});
beforeEach(() => fakeBrowser.reset());

const area = () => fakeBrowser.storage.local as unknown as KeyValueArea;

function release(trusted: FeedPublicKey[], routes: Record<string, Handler | Uint8Array>, clock = { now: NOW }) {
  const server = fakeServer(routes);
  const updater = createUpdater({
    publicKeys: trusted,
    fetch: server.fetch,
    area: area(),
    store: createDatasetStore({ area: area(), loadBundled: async () => structuredClone(BUNDLED), trustedKeys: trusted, now: () => clock.now }),
    settings: async () => ({ feedUrl: FEED_URL, updateIntervalHours: 6, notifications: false }),
    extensionVersion: '0.1.0',
    now: () => clock.now,
    random: () => 0.5,
    timeouts: { manifestMs: 200, datasetMs: 200 },
  });
  return { updater, server, clock };
}

async function activeDataset(): Promise<Dataset> {
  return decodeStoredDataset((await fakeBrowser.storage.local.get(ACTIVE_DATASET_KEY))[ACTIVE_DATASET_KEY]) as Dataset;
}

/** A signed manifest for given bytes with any fields (to serve what buildFeed itself would refuse). */
async function rawFeed(dataset: unknown, overrides: Partial<FeedManifest>, key = k1) {
  const bytes = bytesOf(dataset);
  const version = (dataset as Dataset).version;
  const manifest: FeedManifest = {
    version,
    generatedAt: new Date(NOW).toISOString(),
    expires: new Date(NOW + 14 * DAY).toISOString(),
    datasetUrl: `dataset-${version}.json`,
    sha256: await sha256Hex(bytes),
    size: bytes.byteLength,
    minExtensionVersion: '0.1.0',
    ...overrides,
  };
  const envelope = bytesOf(await signManifest(manifest, key.privateKey, key.publicKey));
  return { [FEED_URL]: envelope, [new URL(manifest.datasetUrl, FEED_URL).href]: bytes } as Record<string, Uint8Array>;
}

describe('fast-forward freeze (F1.8c)', () => {
  it('a signed version dated far in the future is refused, and honest updates keep flowing', async () => {
    const evil = makeDataset(`9999.12.31.${'9'.repeat(40)}`);
    evil.entities = [entity('decoy', 'Decoy Holdings')];
    const routes = await rawFeed(evil, {});
    const { updater } = release([k1.publicKey], routes);
    await updater.start();
    const refused = await updater.check();
    expect(refused.outcome).toBe('failed');
    expect(refused.lastError).toMatch(/dated after today|impossible build number/);
    expect((await activeDataset()).version).toBe(BUNDLED.version);
    Object.assign(routes, feedRoutes(await signedFeed(makeDataset('2026.11.26.1'), k1.privateKey)));
    expect((await updater.check()).outcome).toBe('updated');
  });

  it('a version dated a few days ahead, signed by a key later rotated out, no longer blocks the new key’s updates', async () => {
    // K1 publishes a version two days ahead (still within bounds then), which an honest K2 feed trails.
    const ahead = makeDataset('2026.11.28.1');
    ahead.entities = ahead.entities.filter((e) => e.id !== 'china-mobile-limited').concat(entity('decoy', 'Decoy Holdings'));
    const first = release([k1.publicKey, k2.publicKey], feedRoutes(await signedFeed(ahead, k1.privateKey)));
    await first.updater.start();
    expect((await first.updater.check()).outcome).toBe('updated');
    // The next release trusts only K2; the honest feed serves an earlier-dated, genuine list.
    const honest = makeDataset('2026.11.26.2', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);
    const next = release([k2.publicKey], feedRoutes(await signedFeed(honest, k2.privateKey)));
    await next.updater.start({ installed: true });
    expect((await next.updater.readState()).manifestVersion).toBeUndefined();
    const status = await next.updater.check();
    expect(status).toMatchObject({ outcome: 'updated', datasetVersion: '2026.11.26.2' });
    expect((await activeDataset()).entities.map((e) => e.id)).toContain('china-mobile-limited');
  });

  it('a manifest that says it was made after today is refused', async () => {
    const routes = await rawFeed(makeDataset('2026.11.26.1'), { generatedAt: new Date(NOW + 5 * DAY).toISOString() });
    const { updater } = release([k1.publicKey], routes);
    await updater.start();
    expect((await updater.check()).lastError).toMatch(/after today/);
  });
});

describe('revoked key (F1.8b)', () => {
  it('a list signed by a key this release no longer trusts is dropped at start-up', async () => {
    const dropsChinaMobile = makeDataset('2026.12.01.1');
    dropsChinaMobile.entities = [entity('decoy', 'Decoy Holdings')];
    const clock = { now: Date.parse('2026-12-01T08:00:00Z') };
    const first = release([k1.publicKey, k2.publicKey], feedRoutes(await signedFeed(dropsChinaMobile, k1.privateKey)), clock);
    await first.updater.start();
    expect((await first.updater.check()).outcome).toBe('updated');
    const next = release([k2.publicKey], feedRoutes(await signedFeed(makeDataset('2026.11.20.1'), k2.privateKey)), clock);
    await next.updater.start();
    const status = await next.updater.status();
    expect(status).toMatchObject({ datasetVersion: BUNDLED.version, origin: 'bundled' });
    expect(status.lastError).toMatch(/no longer trusts/);
    expect((await activeDataset()).entities.map((e) => e.id)).toContain('china-mobile-limited');
  });
});

describe('poisoned but signed lists (FE1, P0, R2, R3)', () => {
  const poisoned = (mutate: (d: Dataset) => void) => {
    const dataset = makeDataset('2026.11.26.1');
    mutate(dataset);
    return dataset;
  };
  const cases: [string, Dataset, RegExp][] = [
    ['ordinary words as aliases', poisoned((d) => d.entities.push({ ...entity('evil', 'Evil Holdings'), aliases: ['the', 'would', 'which'] })), /most frequent words/],
    ['an ordinary phrase as a weak alias', poisoned((d) => d.entities.push({ ...entity('evil', 'Evil Holdings'), weakAliases: ['according to'] })), /frequent words/],
    ['a two-letter alias', poisoned((d) => d.entities.push({ ...entity('evil', 'Evil Holdings'), aliases: ['Al'] })), /too short/],
    ['a name with a right-to-left override', poisoned((d) => d.entities.push(entity('evil', 'Apple Inc \u202Egnaw'))), /text-direction control/],
    ['a name of zero-width spaces', poisoned((d) => d.entities.push(entity('evil', '\u200B\u200B\u200B'))), /invisible/],
    ['an entity claiming to be on the watchlist', poisoned((d) => d.entities.push({ ...entity('evil', 'Evil Holdings'), watchlist: true })), /watchlist/],
  ];
  for (const [what, dataset, reason] of cases) {
    it(`refuses ${what}, keeping the current list`, async () => {
      const { updater } = release([k1.publicKey], await rawFeed(dataset, {}));
      await updater.start();
      const status = await updater.check();
      expect(status.outcome).toBe('failed');
      expect(status.lastError).toMatch(reason);
      expect((await activeDataset()).version).toBe(BUNDLED.version);
    });
  }

  it('refuses a list whose names mark ordinary prose as companies (canary), even though each name looks specific', async () => {
    const dataset = poisoned((d) =>
      d.entities.push({ ...entity('evil', 'Evil Holdings'), aliases: ['Henry Jones', 'Professor Biggleswade', 'Петр Кузьмич', '故乡'] }),
    );
    const { updater } = release([k1.publicKey], await rawFeed(dataset, {}));
    await updater.start();
    const status = await updater.check();
    expect(status.outcome).toBe('failed');
    expect(status.lastError).toMatch(/marks \d+ words of ordinary prose as listed companies/);
    expect((await activeDataset()).version).toBe(BUNDLED.version);
  });
});

describe('freshness cannot be faked (F1.3b)', () => {
  it('a manifest valid for ten years still counts as stale 30 days after it was made', async () => {
    const { updater, clock } = release([k1.publicKey], await rawFeed(makeDataset('2026.11.26.1'), { expires: new Date(NOW + 3650 * DAY).toISOString() }));
    await updater.start();
    expect((await updater.check()).stale).toBe(false);
    clock.now += 31 * DAY;
    const replayed = await updater.check();
    expect(replayed).toMatchObject({ outcome: 'up-to-date', stale: true });
    expect(replayed.staleReason).toMatch(/expired/);
  });
});

describe('redirects stay on the feed’s server (F1.10, FE5)', () => {
  const redirected = (bytes: Uint8Array, finalUrl: string): Handler => () => {
    const response = new Response(bytes as BodyInit);
    Object.defineProperty(response, 'url', { value: finalUrl });
    return response;
  };
  it('a manifest redirected to another host is refused', async () => {
    const feed = await signedFeed(makeDataset('2026.11.26.1'), k1.privateKey);
    const routes: Record<string, Handler | Uint8Array> = { ...feedRoutes(feed), [FEED_URL]: redirected(feed.manifestBytes, 'https://elsewhere.example.net/m.json') };
    const { updater } = release([k1.publicKey], routes);
    await updater.start();
    expect((await updater.check()).lastError).toMatch(/redirected the update manifest to another server/);
  });
  it('a dataset redirected to another host is refused', async () => {
    const feed = await signedFeed(makeDataset('2026.11.26.1'), k1.privateKey);
    const routes: Record<string, Handler | Uint8Array> = feedRoutes(feed);
    const datasetUrl = new URL(feed.manifest.datasetUrl, FEED_URL).href;
    routes[datasetUrl] = redirected(feed.datasetBytes, 'https://cdn.elsewhere.example.net/anything.bin');
    const { updater } = release([k1.publicKey], routes);
    await updater.start();
    const status = await updater.check();
    expect(status.lastError).toMatch(/redirected the list to another server/);
    expect((await activeDataset()).version).toBe(BUNDLED.version);
  });
});

describe('a damaged update record never wedges the updater (S4b, S4c)', () => {
  it('a number where the manifest version belongs is dropped, and checks succeed again', async () => {
    await fakeBrowser.storage.local.set({ [FEED_STATE_KEY]: { failures: 0, manifestVersion: 20261201, feedUrl: FEED_URL } });
    const { updater } = release([k1.publicKey], feedRoutes(await signedFeed(makeDataset('2026.11.26.1'), k1.privateKey)));
    await updater.start();
    expect((await updater.check()).outcome).toBe('updated');
    expect((await updater.check()).outcome).toBe('up-to-date');
  });

  it('a non-numeric last-success time is read as "never", so staleness still shows', async () => {
    await fakeBrowser.storage.local.set({ [FEED_STATE_KEY]: { failures: 0, lastSuccess: 'x', trackingSince: NOW - 400 * DAY, feedUrl: FEED_URL } });
    const { updater } = release([k1.publicKey], {});
    await updater.start();
    const status = await updater.status();
    expect(status).toMatchObject({ stale: true, lastSuccess: undefined });
    expect(status.staleReason).toMatch(/never been updated/);
  });

  it('reads every field by its type and says what it reset', () => {
    const state = readFeedState({ failures: 'many', lastCheck: Number.NaN, nextCheck: 1e300, manifestKeyId: 42, lastErrorCode: 'nope', feedUrl: FEED_URL });
    expect(state).toMatchObject({ failures: 0, feedUrl: FEED_URL });
    expect(state.lastCheck).toBeUndefined();
    expect(state.nextCheck).toBeUndefined();
    expect(state.lastError).toMatch(/damaged and was reset \(manifestKeyId, lastErrorCode, lastCheck, nextCheck, failures\)/);
    expect(readFeedState('garbage')).toEqual({ failures: 0 });
  });
});

describe('the publisher refuses what the extension would refuse', () => {
  it('feed building stops on ordinary-word aliases and on canary hits, saying why', async () => {
    const { buildFeed } = await import('../../lib/feed/publish');
    const build = (dataset: Dataset) =>
      buildFeed({ datasetBytes: bytesOf(dataset), privateKey: k1.privateKey, now: new Date(NOW), expiresDays: 14 });
    const stopWords = makeDataset('2026.11.26.1');
    stopWords.entities.push({ ...entity('evil', 'Evil Holdings'), aliases: ['the', 'shares'] });
    await expect(build(stopWords)).rejects.toThrow(/"the" is one of the most frequent words/);
    const canary = makeDataset('2026.11.26.1');
    canary.entities.push({ ...entity('evil', 'Evil Holdings'), aliases: ['Henry Jones', 'Петр Кузьмич'] });
    await expect(build(canary)).rejects.toThrow(/refusing to publish: the dataset marks \d+ words of ordinary prose/);
    await expect(build(makeDataset('2026.11.26.1'))).resolves.toMatchObject({ manifest: { version: '2026.11.26.1' } });
  });
});
