// The active dataset: what every context matches against. Placeholder API, completed by the feed work:
// the background keeps the active dataset in storage.local; readers get it here and watch for swaps.
import browser from 'webextension-polyfill';
import type { Dataset } from './types';

export const ACTIVE_DATASET_KEY = 'dataset:active';

export async function loadBundledDataset(): Promise<Dataset> {
  const response = await fetch(browser.runtime.getURL('/data/dataset.json' as never));
  if (!response.ok) throw new Error(`bundled dataset missing (${response.status})`);
  return (await response.json()) as Dataset;
}

export async function getActiveDataset(): Promise<Dataset> {
  const stored = await browser.storage.local.get(ACTIVE_DATASET_KEY);
  return (stored[ACTIVE_DATASET_KEY] as Dataset | undefined) ?? loadBundledDataset();
}

export function watchActiveDataset(callback: (dataset: Dataset) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && changes[ACTIVE_DATASET_KEY]?.newValue) {
      callback(changes[ACTIVE_DATASET_KEY].newValue as Dataset);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
