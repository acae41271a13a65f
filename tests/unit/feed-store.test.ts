// The active-dataset store: every read verifies (signature, hash, version bounds, schema), the
// previous good copy, repair at start-up, and the updater's status when the saved list was damaged
// or untrusted.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ACTIVE_DATASET_KEY,
  ACTIVE_PROOF_KEY,
  DATASET_ORIGIN_KEY,
  PREVIOUS_DATASET_KEY,
  PREVIOUS_ORIGIN_KEY,
  PREVIOUS_PROOF_KEY,
  createDatasetStore,
  decodeStoredDataset,
  watchActiveDataset,
  type FeedProof,
  type KeyValueArea,
} from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedPublicKey } from '../../lib/feed/crypto';
import { createUpdater } from '../../lib/feed/updater';
import { FEED_URL, bytesOf, entity, makeDataset, makeKeys, signedFeed } from './feed-helpers';

const BUNDLED = makeDataset('2026.11.20.1');
const FEED_COPY = makeDataset('2026.11.24.1', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);
const OLDER_FEED_COPY = makeDataset('2026.11.22.1');
const NOW = Date.parse('2026-11-26T12:00:00Z');

const keys = await makeKeys();
const otherKeys = await makeKeys();

async function proofOf(dataset: Dataset, privateKey: JsonWebKey = keys.privateKey): Promise<FeedProof> {
  const feed = await signedFeed(dataset, privateKey);
  return { text: new TextDecoder().decode(feed.datasetBytes), envelope: new TextDecoder().decode(feed.manifestBytes) };
}

const area = () => fakeBrowser.storage.local as unknown as KeyValueArea;
const store = (trustedKeys: FeedPublicKey[] = [keys.publicKey], bundled: Dataset = BUNDLED) =>
  createDatasetStore({ area: area(), loadBundled: async () => structuredClone(bundled), trustedKeys, now: () => NOW });
const stored = async () =>
  fakeBrowser.storage.local.get([ACTIVE_DATASET_KEY, PREVIOUS_DATASET_KEY, DATASET_ORIGIN_KEY, ACTIVE_PROOF_KEY, PREVIOUS_PROOF_KEY]);
const version = (value: unknown) => (decodeStoredDataset(value) as Dataset).version;

beforeEach(() => fakeBrowser.reset());

describe('dataset store', () => {
  it('on first start makes the bundled dataset active', async () => {
    const loaded = await store().repair();
    expect(loaded).toMatchObject({ origin: 'bundled', source: 'bundled' });
    expect(loaded.problem).toBeUndefined();
    const items = await stored();
    expect(version(items[ACTIVE_DATASET_KEY])).toBe(BUNDLED.version);
    expect(items[DATASET_ORIGIN_KEY]).toBe('bundled');
  });

  it('activating keeps the replaced copy, with its signature, as the previous one', async () => {
    const s = store();
    await s.repair();
    await s.activate(OLDER_FEED_COPY, 'feed', await proofOf(OLDER_FEED_COPY));
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    const items = await stored();
    expect(version(items[ACTIVE_DATASET_KEY])).toBe(FEED_COPY.version);
    expect(version(items[PREVIOUS_DATASET_KEY])).toBe(OLDER_FEED_COPY.version);
    expect(typeof items[PREVIOUS_PROOF_KEY]).toBe('string');
    expect(await s.load()).toMatchObject({ source: 'active', origin: 'feed', dataset: { version: FEED_COPY.version } });
  });

  it('refuses to store a feed list without the manifest that signed it', async () => {
    await expect(store().activate(FEED_COPY, 'feed')).rejects.toThrow(/signed manifest/);
  });

  it('a damaged active copy falls back to the previous good copy, which becomes active', async () => {
    const previous = await proofOf(FEED_COPY);
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: '{"version":"2026.11.25.1","entities":',
      [DATASET_ORIGIN_KEY]: 'feed',
      [ACTIVE_PROOF_KEY]: (await proofOf(makeDataset('2026.11.25.1'))).envelope,
      [PREVIOUS_DATASET_KEY]: previous.text,
      [PREVIOUS_ORIGIN_KEY]: 'feed',
      [PREVIOUS_PROOF_KEY]: previous.envelope,
    });
    const loaded = await store().repair();
    expect(loaded).toMatchObject({ source: 'previous', origin: 'feed', dataset: { version: FEED_COPY.version } });
    expect(loaded.problem).toMatch(/not used because it does not match its signature; the previous good list is in use/);
    const items = await stored();
    expect(items[ACTIVE_DATASET_KEY]).toBe(previous.text);
    expect(items[ACTIVE_PROOF_KEY]).toBe(previous.envelope);
    expect(await store().load()).toMatchObject({ source: 'active', dataset: { version: FEED_COPY.version } });
  });

  it('keeps the downloaded text byte for byte, so its hash can be checked on every read', async () => {
    const proof = await proofOf(FEED_COPY);
    await store().activate(FEED_COPY, 'feed', proof);
    expect((await stored())[ACTIVE_DATASET_KEY]).toBe(proof.text);
  });

  it('damaged active and previous copies fall back to the bundled dataset', async () => {
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: 'garbage',
      [DATASET_ORIGIN_KEY]: 'feed',
      [PREVIOUS_DATASET_KEY]: { schemaVersion: 99 },
      [PREVIOUS_ORIGIN_KEY]: 'feed',
    });
    const loaded = await store().repair();
    expect(loaded).toMatchObject({ source: 'bundled', origin: 'bundled' });
    expect(loaded.problem).toMatch(/built-in list is in use/);
    const items = await stored();
    expect(version(items[ACTIVE_DATASET_KEY])).toBe(BUNDLED.version);
    expect(items[PREVIOUS_DATASET_KEY]).toBeUndefined();
  });

  it('load() never writes, even when the stored copy is damaged', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: 'garbage', [DATASET_ORIGIN_KEY]: 'feed' });
    const loaded = await store().load();
    expect(loaded.dataset.version).toBe(BUNDLED.version);
    expect((await stored())[ACTIVE_DATASET_KEY]).toBe('garbage');
  });

  it('after an extension update, a newer bundled dataset replaces an older feed copy', async () => {
    const s = store([keys.publicKey], makeDataset('2026.12.01.1'));
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    expect((await s.repair()).dataset.version).toBe(FEED_COPY.version);
    const loaded = await s.repair({ preferNewerBundled: true });
    expect(loaded).toMatchObject({ origin: 'bundled' });
    const items = await stored();
    expect(version(items[ACTIVE_DATASET_KEY])).toBe('2026.12.01.1');
    expect(version(items[PREVIOUS_DATASET_KEY])).toBe(FEED_COPY.version);
  });

  it('an older bundled dataset does not replace a newer feed copy after an update', async () => {
    const s = store();
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    expect(await s.repair({ preferNewerBundled: true })).toMatchObject({ origin: 'feed', source: 'active' });
  });

  it('watchers get each newly activated dataset, verified, and never an unsigned write', async () => {
    const seen: string[] = [];
    const s = store();
    const stop = watchActiveDataset((dataset) => seen.push(dataset.version), s);
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: JSON.stringify(makeDataset('2026.11.25.1')) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(seen[0]).toBe(FEED_COPY.version);
    expect(seen).not.toContain('2026.11.25.1');
  });
});

describe('dataset store: nothing unsigned or untrusted is ever used', () => {
  it('an unsigned list written into storage (a compromised page renderer) is ignored, whatever its version', async () => {
    const evil = makeDataset('2026.11.25.9');
    evil.entities = [entity('decoy', 'Decoy Holdings')];
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: JSON.stringify(evil), [DATASET_ORIGIN_KEY]: 'feed' });
    const loaded = await store().load();
    expect(loaded).toMatchObject({ source: 'bundled', origin: 'bundled', untrusted: true });
    expect(loaded.dataset.entities.map((e) => e.id)).toContain('china-mobile-limited');
    expect(loaded.problem).toMatch(/carries no signature; the built-in list is in use/);
  });

  it('a copy written as "built-in" is replaced by the packaged file itself', async () => {
    const evil = makeDataset('2026.11.25.9');
    evil.entities = [entity('decoy', 'Decoy Holdings')];
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: JSON.stringify(evil), [DATASET_ORIGIN_KEY]: 'bundled' });
    const loaded = await store().load();
    expect(loaded.dataset.version).toBe(BUNDLED.version);
    expect(loaded.dataset.entities.map((e) => e.id)).toEqual(['china-mobile-limited']);
  });

  it('a signed list whose stored text was edited afterwards is refused', async () => {
    const proof = await proofOf(FEED_COPY);
    const edited = JSON.parse(proof.text) as Dataset;
    edited.entities = edited.entities.filter((e) => e.id !== 'china-mobile-limited');
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: JSON.stringify(edited),
      [DATASET_ORIGIN_KEY]: 'feed',
      [ACTIVE_PROOF_KEY]: proof.envelope,
    });
    const loaded = await store().load();
    expect(loaded).toMatchObject({ source: 'bundled', untrusted: true });
    expect(loaded.problem).toMatch(/does not match its signature/);
  });

  it('a copy edited after it was read and accepted is refused on the next read', async () => {
    const s = store();
    const proof = await proofOf(FEED_COPY);
    await s.activate(FEED_COPY, 'feed', proof);
    expect(await s.load()).toMatchObject({ source: 'active', dataset: { version: FEED_COPY.version } });
    const edited = JSON.parse(proof.text) as Dataset;
    edited.entities = edited.entities.filter((e) => e.id !== 'china-mobile-limited');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: JSON.stringify(edited) });
    const loaded = await s.load();
    expect(loaded).toMatchObject({ source: 'bundled', untrusted: true });
    expect(loaded.problem).toMatch(/does not match its signature/);
    // The same proof written beside other text is refused too, not taken from the earlier read.
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: proof.text, [ACTIVE_PROOF_KEY]: (await proofOf(OLDER_FEED_COPY)).envelope });
    expect((await s.load()).problem).toMatch(/does not match its signature/);
  });

  it('readers of the same stored copy share one verified list, still judged against the clock of each read', async () => {
    let clock = NOW;
    const s = createDatasetStore({ area: area(), loadBundled: async () => structuredClone(BUNDLED), trustedKeys: [keys.publicKey], now: () => clock });
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    const [first, second] = await Promise.all([s.load(), s.load()]);
    expect(first.dataset.version).toBe(FEED_COPY.version);
    expect(second.dataset).toBe(first.dataset);
    // The computer's clock is set back before the list's date: the copy it accepted is refused now.
    clock = Date.parse('2026-01-01T00:00:00Z');
    const later = await s.load();
    expect(later).toMatchObject({ source: 'bundled', untrusted: true });
    expect(later.problem).toMatch(/dated after today/);
  });

  it('after a release stops trusting a key, the list that key signed is dropped for the previous one signed by a trusted key', async () => {
    const s = store([keys.publicKey, otherKeys.publicKey]);
    await s.activate(OLDER_FEED_COPY, 'feed', await proofOf(OLDER_FEED_COPY, otherKeys.privateKey));
    const dropsChinaMobile = makeDataset('2026.11.25.1', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);
    dropsChinaMobile.entities = dropsChinaMobile.entities.filter((e) => e.id !== 'china-mobile-limited');
    await s.activate(dropsChinaMobile, 'feed', await proofOf(dropsChinaMobile, keys.privateKey));
    // The next release trusts only the other key.
    const loaded = await store([otherKeys.publicKey]).repair();
    expect(loaded).toMatchObject({ source: 'previous', untrusted: true, dataset: { version: OLDER_FEED_COPY.version } });
    expect(loaded.problem).toMatch(/no longer trusts/);
    expect(loaded.dataset.entities.map((e) => e.id)).toContain('china-mobile-limited');
    expect(version((await stored())[ACTIVE_DATASET_KEY])).toBe(OLDER_FEED_COPY.version);
  });

  it('a signed copy dated far ahead of the clock is refused (fast-forward)', async () => {
    const ahead = makeDataset('2099.12.31.1');
    const proof = await proofOf(ahead);
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: proof.text, [DATASET_ORIGIN_KEY]: 'feed', [ACTIVE_PROOF_KEY]: proof.envelope });
    const loaded = await store().load();
    expect(loaded).toMatchObject({ source: 'bundled', untrusted: true });
    expect(loaded.problem).toMatch(/dated after today/);
  });

  it('unknown fields of a signed list are not passed on to readers', async () => {
    const withExtras = makeDataset('2026.11.24.1') as Dataset & { extra?: string };
    withExtras.extra = 'x'.repeat(1000);
    (withExtras.entities[0] as unknown as Record<string, unknown>).note = 'unvalidated';
    const feed = await signedFeed(withExtras, keys.privateKey, { datasetBytes: bytesOf(withExtras) });
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: new TextDecoder().decode(feed.datasetBytes),
      [DATASET_ORIGIN_KEY]: 'feed',
      [ACTIVE_PROOF_KEY]: new TextDecoder().decode(feed.manifestBytes),
    });
    const loaded = await store().load();
    expect(loaded.source).toBe('active');
    expect(loaded.dataset).not.toHaveProperty('extra');
    expect(loaded.dataset.entities[0]).not.toHaveProperty('note');
  });

  it('when two copies do not fit in storage, the new list is kept alone', async () => {
    const s0 = store();
    await s0.activate(OLDER_FEED_COPY, 'feed', await proofOf(OLDER_FEED_COPY));
    let refusedOnce = false;
    const tight: KeyValueArea = {
      get: (k) => area().get(k),
      remove: (k) => area().remove(k),
      set: async (items) => {
        if (!refusedOnce && PREVIOUS_DATASET_KEY in items) {
          refusedOnce = true;
          throw new Error('QUOTA_BYTES quota exceeded');
        }
        await area().set(items);
      },
    };
    const s = createDatasetStore({ area: tight, loadBundled: async () => BUNDLED, trustedKeys: [keys.publicKey], now: () => NOW });
    await s.activate(FEED_COPY, 'feed', await proofOf(FEED_COPY));
    const items = await stored();
    expect(version(items[ACTIVE_DATASET_KEY])).toBe(FEED_COPY.version);
    expect(items[PREVIOUS_DATASET_KEY]).toBeUndefined();
    expect(await s.load()).toMatchObject({ source: 'active', dataset: { version: FEED_COPY.version } });
  });
});

describe('updater start-up with a damaged saved list', () => {
  it('keeps working on the fallback and says so in the status', async () => {
    const previous = await proofOf(FEED_COPY);
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: '{"version":"2026.11.25.1",',
      [DATASET_ORIGIN_KEY]: 'feed',
      [PREVIOUS_DATASET_KEY]: previous.text,
      [PREVIOUS_ORIGIN_KEY]: 'feed',
      [PREVIOUS_PROOF_KEY]: previous.envelope,
    });
    const updater = createUpdater({
      publicKeys: [keys.publicKey],
      fetch: async () => new Response('', { status: 404 }),
      area: area(),
      store: store(),
      settings: async () => ({ feedUrl: FEED_URL, updateIntervalHours: 6, notifications: false }),
      extensionVersion: '0.1.0',
      now: () => NOW,
    });
    const { overdue } = await updater.start();
    expect(overdue).toBe(true);
    const status = await updater.status();
    expect(status.datasetVersion).toBe(FEED_COPY.version);
    expect(status.origin).toBe('feed');
    expect(status.lastError).toMatch(/the previous good list is in use/);
    expect(status.lastErrorKind).toBe('saved-list');
  });
});
