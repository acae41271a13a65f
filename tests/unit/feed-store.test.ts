// The active-dataset store: validation on every read, the previous good copy, repair at start-up,
// and the updater's status when the saved list was damaged.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ACTIVE_DATASET_KEY,
  DATASET_ORIGIN_KEY,
  PREVIOUS_DATASET_KEY,
  createDatasetStore,
  decodeStoredDataset,
  watchActiveDataset,
  type KeyValueArea,
} from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import { createUpdater } from '../../lib/feed/updater';
import { FEED_URL, entity, makeDataset } from './feed-helpers';

const BUNDLED = makeDataset('2026.11.20.1');
const FEED_COPY = makeDataset('2026.11.24.1', [entity('xiaomi-corporation', 'Xiaomi Corporation')]);
const OLDER_FEED_COPY = makeDataset('2026.11.22.1');

const area = () => fakeBrowser.storage.local as unknown as KeyValueArea;
const store = () => createDatasetStore({ area: area(), loadBundled: async () => structuredClone(BUNDLED) });
const stored = async () => fakeBrowser.storage.local.get([ACTIVE_DATASET_KEY, PREVIOUS_DATASET_KEY, DATASET_ORIGIN_KEY]);

beforeEach(() => fakeBrowser.reset());

describe('dataset store', () => {
  it('on first start makes the bundled dataset active', async () => {
    const loaded = await store().repair();
    expect(loaded).toMatchObject({ origin: 'bundled', source: 'bundled' });
    expect(loaded.problem).toBeUndefined();
    const items = await stored();
    expect((decodeStoredDataset(items[ACTIVE_DATASET_KEY]) as Dataset).version).toBe(BUNDLED.version);
    expect(items[DATASET_ORIGIN_KEY]).toBe('bundled');
  });

  it('activating keeps the replaced copy as the previous one', async () => {
    const s = store();
    await s.repair();
    await s.activate(OLDER_FEED_COPY, 'feed');
    await s.activate(FEED_COPY, 'feed');
    const items = await stored();
    expect((decodeStoredDataset(items[ACTIVE_DATASET_KEY]) as Dataset).version).toBe(FEED_COPY.version);
    expect((decodeStoredDataset(items[PREVIOUS_DATASET_KEY]) as Dataset).version).toBe(OLDER_FEED_COPY.version);
    expect((await s.load()).dataset.version).toBe(FEED_COPY.version);
  });

  it('a damaged active copy falls back to the previous good copy and is rewritten', async () => {
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: { version: '2026.11.25.1', entities: 'truncated' },
      [PREVIOUS_DATASET_KEY]: FEED_COPY,
      [DATASET_ORIGIN_KEY]: 'feed',
    });
    const loaded = await store().repair();
    expect(loaded.dataset.version).toBe(FEED_COPY.version);
    expect(loaded.problem).toMatch(/saved list was damaged; the previous good list is in use/);
    expect(decodeStoredDataset((await stored())[ACTIVE_DATASET_KEY])).toEqual(FEED_COPY);
  });

  it('stores copies as JSON text, and still reads copies saved as objects by earlier versions', async () => {
    await store().activate(FEED_COPY, 'feed');
    expect(typeof (await stored())[ACTIVE_DATASET_KEY]).toBe('string');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: structuredClone(OLDER_FEED_COPY), [DATASET_ORIGIN_KEY]: 'feed' });
    expect((await store().load())).toMatchObject({ source: 'active', dataset: { version: OLDER_FEED_COPY.version } });
  });

  it('a truncated JSON copy counts as damaged', async () => {
    const text = JSON.stringify(FEED_COPY);
    await fakeBrowser.storage.local.set({
      [ACTIVE_DATASET_KEY]: text.slice(0, text.length / 2),
      [PREVIOUS_DATASET_KEY]: JSON.stringify(OLDER_FEED_COPY),
      [DATASET_ORIGIN_KEY]: 'feed',
    });
    const loaded = await store().load();
    expect(loaded).toMatchObject({ source: 'previous', dataset: { version: OLDER_FEED_COPY.version } });
    expect(loaded.problem).toMatch(/damaged/);
  });

  it('damaged active and previous copies fall back to the bundled dataset', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: 'garbage', [PREVIOUS_DATASET_KEY]: { schemaVersion: 99 } });
    const loaded = await store().repair();
    expect(loaded).toMatchObject({ source: 'bundled', origin: 'bundled' });
    expect(loaded.problem).toMatch(/built-in list is in use/);
    const items = await stored();
    expect((decodeStoredDataset(items[ACTIVE_DATASET_KEY]) as Dataset).version).toBe(BUNDLED.version);
    expect(items[PREVIOUS_DATASET_KEY]).toBeUndefined();
  });

  it('load() never writes, even when the stored copy is damaged', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: 'garbage' });
    const loaded = await store().load();
    expect(loaded.dataset.version).toBe(BUNDLED.version);
    expect((await stored())[ACTIVE_DATASET_KEY]).toBe('garbage');
  });

  it('after an extension update, a newer bundled dataset replaces an older feed copy', async () => {
    const s = createDatasetStore({ area: area(), loadBundled: async () => makeDataset('2026.12.01.1') });
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: FEED_COPY, [DATASET_ORIGIN_KEY]: 'feed' });
    expect((await s.repair()).dataset.version).toBe(FEED_COPY.version);
    const loaded = await s.repair({ preferNewerBundled: true });
    expect(loaded).toMatchObject({ origin: 'bundled' });
    const items = await stored();
    expect((decodeStoredDataset(items[ACTIVE_DATASET_KEY]) as Dataset).version).toBe('2026.12.01.1');
    expect((decodeStoredDataset(items[PREVIOUS_DATASET_KEY]) as Dataset).version).toBe(FEED_COPY.version);
  });

  it('an older bundled dataset does not replace a newer feed copy after an update', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: FEED_COPY, [DATASET_ORIGIN_KEY]: 'feed' });
    const loaded = await store().repair({ preferNewerBundled: true });
    expect(loaded).toMatchObject({ origin: 'feed', source: 'active' });
  });

  it('watchers get each newly activated dataset and ignore invalid writes', async () => {
    const seen: string[] = [];
    const stop = watchActiveDataset((dataset) => seen.push(dataset.version));
    const s = store();
    await s.activate(FEED_COPY, 'feed');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: { broken: true } });
    stop();
    await s.activate(OLDER_FEED_COPY, 'feed');
    expect(seen).toEqual([FEED_COPY.version]);
  });
});

describe('updater start-up with a damaged saved list', () => {
  it('keeps working on the fallback and says so in the status', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: '{"version":"2026.11.25.1",', [PREVIOUS_DATASET_KEY]: FEED_COPY });
    const updater = createUpdater({
      publicKeys: [],
      fetch: async () => new Response('', { status: 404 }),
      area: area(),
      store: store(),
      settings: async () => ({ feedUrl: FEED_URL, updateIntervalHours: 6, notifications: false }),
      extensionVersion: '0.1.0',
    });
    const { overdue } = await updater.start();
    expect(overdue).toBe(true);
    const status = await updater.status();
    expect(status.datasetVersion).toBe(FEED_COPY.version);
    expect(status.lastError).toMatch(/saved list was damaged; the previous good list is in use/);
  });
});
