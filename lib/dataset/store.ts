// The active dataset: what every context matches against. The background keeps it in
// storage.local together with the previous good copy; every context reads it here and watches
// for swaps. Nothing is trusted on read: a stored copy that fails validation is skipped in favour
// of the previous one, then of the bundled one, so a damaged profile never leaves the user with no list.
import browser from 'webextension-polyfill';
import type { Dataset } from './types';
import { compareVersions } from './ids';
import { checkDataset, validateDataset } from './validate';
import { decodeStoredDataset, encodeStoredDataset } from './stored';

export { decodeStoredDataset, encodeStoredDataset };

export const ACTIVE_DATASET_KEY = 'dataset:active';
export const PREVIOUS_DATASET_KEY = 'dataset:previous';
export const DATASET_ORIGIN_KEY = 'dataset:origin';

export type DatasetOrigin = 'bundled' | 'feed';

/** The part of storage.local the store needs; tests pass a wrapper that fails on purpose. */
export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface LoadedDataset {
  dataset: Dataset;
  origin: DatasetOrigin;
  /** Which copy was used: the active one, the previous good one, or the bundled file. */
  source: 'active' | 'previous' | 'bundled';
  /** Set when a stored copy was unusable: plain words for the status line. */
  problem?: string;
}

export interface DatasetStore {
  /** The best usable dataset; never writes. */
  load(): Promise<LoadedDataset>;
  /**
   * Makes `dataset` active and keeps the current active copy as the previous one, in a single
   * storage write: readers see either the old state or the new one, never a mix.
   */
  activate(dataset: Dataset, origin: DatasetOrigin): Promise<void>;
  /**
   * Run by the background at start-up and install: checks the stored copies and rewrites the
   * active one from the previous or bundled copy when it is missing or damaged. With
   * `preferNewerBundled` (after an extension update, which may ship newer data) it also activates
   * the bundled dataset when that is newer than the stored one.
   */
  repair(options?: { preferNewerBundled?: boolean }): Promise<LoadedDataset>;
}

export function createDatasetStore(options: {
  area: KeyValueArea;
  loadBundled: () => Promise<Dataset>;
}): DatasetStore {
  const { area, loadBundled } = options;

  async function load(): Promise<LoadedDataset> {
    let stored: Record<string, unknown> = {};
    let readProblem: string | undefined;
    try {
      // The previous copy is as large as the active one: read it only when it is needed.
      stored = await area.get([ACTIVE_DATASET_KEY, DATASET_ORIGIN_KEY]);
    } catch (error) {
      readProblem = `The saved list could not be read (${error instanceof Error ? error.message : String(error)}); using the built-in list.`;
    }
    const origin: DatasetOrigin = stored[DATASET_ORIGIN_KEY] === 'feed' ? 'feed' : 'bundled';
    const active = decodeStoredDataset(stored[ACTIVE_DATASET_KEY]);
    if (stored[ACTIVE_DATASET_KEY] !== undefined) {
      const check = checkDataset(active);
      if (check.ok) return { dataset: check.dataset, origin, source: 'active' };
      const previousCopy = await area.get(PREVIOUS_DATASET_KEY).catch(() => ({}) as Record<string, unknown>);
      const previous = checkDataset(decodeStoredDataset(previousCopy[PREVIOUS_DATASET_KEY]));
      if (previous.ok) {
        return {
          dataset: previous.dataset,
          origin: 'feed',
          source: 'previous',
          problem: 'The saved list was damaged; the previous good list is in use.',
        };
      }
      return {
        dataset: await loadBundled(),
        origin: 'bundled',
        source: 'bundled',
        problem: 'The saved list was damaged; the built-in list is in use.',
      };
    }
    return { dataset: await loadBundled(), origin: 'bundled', source: 'bundled', problem: readProblem };
  }

  async function activate(dataset: Dataset, origin: DatasetOrigin): Promise<void> {
    const current = await area.get([ACTIVE_DATASET_KEY]).catch(() => ({}) as Record<string, unknown>);
    const keep = checkDataset(decodeStoredDataset(current[ACTIVE_DATASET_KEY]));
    const items: Record<string, unknown> = { [ACTIVE_DATASET_KEY]: encodeStoredDataset(dataset), [DATASET_ORIGIN_KEY]: origin };
    if (keep.ok && keep.dataset.version !== dataset.version) items[PREVIOUS_DATASET_KEY] = encodeStoredDataset(keep.dataset);
    await area.set(items);
  }

  async function repair({ preferNewerBundled = false } = {}): Promise<LoadedDataset> {
    const loaded = await load();
    if (loaded.source === 'active') {
      if (!preferNewerBundled) return loaded;
      const bundled = await loadBundled();
      if (compareVersions(bundled.version, loaded.dataset.version) <= 0) return loaded;
      await activate(bundled, 'bundled');
      return { dataset: bundled, origin: 'bundled', source: 'bundled' };
    }
    // The active copy is missing or damaged: write back what load() fell back to.
    if (loaded.source === 'bundled') await area.remove(PREVIOUS_DATASET_KEY);
    await area.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(loaded.dataset), [DATASET_ORIGIN_KEY]: loaded.origin });
    return loaded;
  }

  return { load, activate, repair };
}

export async function loadBundledDataset(): Promise<Dataset> {
  const response = await fetch(browser.runtime.getURL('/data/dataset.json' as never));
  if (!response.ok) throw new Error(`bundled dataset missing (${response.status})`);
  return validateDataset(await response.json());
}

let defaultStore: DatasetStore | undefined;

/** The store over this extension's storage.local and bundled file. */
export function datasetStore(): DatasetStore {
  defaultStore ??= createDatasetStore({
    area: browser.storage.local as unknown as KeyValueArea,
    loadBundled: loadBundledDataset,
  });
  return defaultStore;
}

export async function getActiveDataset(): Promise<Dataset> {
  return (await datasetStore().load()).dataset;
}

/** Calls back with each newly activated dataset (from any context); returns an unsubscribe function. */
export function watchActiveDataset(callback: (dataset: Dataset) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !changes[ACTIVE_DATASET_KEY]?.newValue) return;
    const check = checkDataset(decodeStoredDataset(changes[ACTIVE_DATASET_KEY].newValue));
    if (check.ok) callback(check.dataset);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
