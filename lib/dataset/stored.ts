// How a dataset is kept in extension storage. Pure (no browser APIs), so tests and scripts that run
// in Node can read what the background stored.
import type { Dataset } from './types';

/**
 * Datasets are stored as JSON text: every page and the popup read the active copy when they open,
 * and the browser hands back a stored string far faster than it rebuilds a large object graph
 * (about 50 ms for the bundled list as an object, a few ms as text plus JSON.parse).
 * Copies stored as objects by earlier versions are still read.
 */
export function encodeStoredDataset(dataset: Dataset): string {
  return JSON.stringify(dataset);
}

/** The stored value as data to validate; text that is not JSON becomes `undefined` (unusable). */
export function decodeStoredDataset(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    // A feed copy is kept byte for byte as downloaded, byte-order mark included.
    return JSON.parse(value.charCodeAt(0) === 0xfeff ? value.slice(1) : value);
  } catch {
    return undefined;
  }
}
