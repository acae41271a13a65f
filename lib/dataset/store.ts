// The active dataset: what every context matches against. The background keeps it in
// storage.local together with the previous good copy. Nothing stored is trusted on read:
//   - a copy from the feed is kept with the signed manifest that vouched for it, and both are
//     verified again on every read (lib/feed/stored-proof.ts), so an unsigned list written into
//     storage, or one signed by a key this release no longer trusts, is never used;
//   - a copy marked as the built-in list is replaced by the packaged file itself where that can be
//     read (extension pages and the background);
//   - a copy that fails any check is skipped for the previous one, then for the built-in list, so
//     a damaged profile never leaves the user with no list.
import browser from 'webextension-polyfill';
import type { Dataset } from './types';
import { compareVersions } from './ids';
import { checkDataset, validateDataset } from './validate';
import { decodeStoredDataset, encodeStoredDataset } from './stored';
import { projectDataset } from './project';
import type { FeedPublicKey } from '../feed/crypto';
import { FEED_PUBLIC_KEYS } from '../feed/public-key';
import { verifyStoredCopy } from '../feed/stored-proof';
import { versionProblem } from '../feed/bounds';
import {
  ACTIVE_DATASET_KEY,
  ACTIVE_PROOF_KEY,
  DATASET_ORIGIN_KEY,
  PREVIOUS_DATASET_KEY,
  PREVIOUS_ORIGIN_KEY,
  PREVIOUS_PROOF_KEY,
} from './keys';

export { decodeStoredDataset, encodeStoredDataset };
export * from './keys';

const SLOTS = {
  active: { text: ACTIVE_DATASET_KEY, origin: DATASET_ORIGIN_KEY, proof: ACTIVE_PROOF_KEY },
  previous: { text: PREVIOUS_DATASET_KEY, origin: PREVIOUS_ORIGIN_KEY, proof: PREVIOUS_PROOF_KEY },
} as const;

export type DatasetOrigin = 'bundled' | 'feed';

/** The part of storage.local the store needs; tests pass a wrapper that fails on purpose. */
export interface KeyValueArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** What vouches for a list from the feed: its exact text and the signed manifest envelope. */
export interface FeedProof {
  /** The dataset file exactly as downloaded (its SHA-256 is in the manifest). */
  text: string;
  /** The manifest envelope (JSON text) that signed it. */
  envelope: string;
}

export interface LoadedDataset {
  dataset: Dataset;
  origin: DatasetOrigin;
  /** Which copy was used: the active one, the previous good one, or the bundled file. */
  source: 'active' | 'previous' | 'bundled';
  /** Key id that signed a feed copy. */
  keyId?: string;
  /** Set when a stored copy was unusable: plain words for the status line. */
  problem?: string;
  /** True when a stored feed copy was refused because its signature no longer verifies. */
  untrusted?: boolean;
}

export interface DatasetStore {
  /** The best usable dataset; never writes. */
  load(): Promise<LoadedDataset>;
  /**
   * Makes `dataset` active and keeps the current active copy as the previous one, in a single
   * storage write: readers see either the old state or the new one, never a mix. A feed copy
   * must come with its proof. When two copies do not fit in storage, the new one is kept alone
   * (the built-in list remains the fallback).
   */
  activate(dataset: Dataset, origin: DatasetOrigin, proof?: FeedProof): Promise<void>;
  /**
   * Run by the background at start-up and install: checks the stored copies and rewrites the
   * active one from the previous or bundled copy when it is missing, damaged or no longer
   * trusted. With `preferNewerBundled` (after an extension update, which may ship newer data) it
   * also activates the bundled dataset when that is newer than the stored one.
   */
  repair(options?: { preferNewerBundled?: boolean }): Promise<LoadedDataset>;
}

interface StoredCopy {
  text: unknown;
  origin: DatasetOrigin;
  proof: unknown;
}

type CopyCheck =
  | { ok: true; dataset: Dataset; origin: DatasetOrigin; keyId?: string; raw: StoredCopy }
  | { ok: false; problem: string; untrusted?: boolean };

export function createDatasetStore(options: {
  area: KeyValueArea;
  loadBundled: () => Promise<Dataset>;
  /** Keys a feed copy's signature must verify against (default: the keys this build trusts). */
  trustedKeys?: readonly FeedPublicKey[];
  now?: () => number;
}): DatasetStore {
  const { area } = options;
  const trustedKeys = options.trustedKeys ?? FEED_PUBLIC_KEYS;
  const now = options.now ?? Date.now;
  let bundled: Promise<Dataset> | undefined;
  const loadBundled = () => {
    // The packaged file never changes while the extension runs: read and check it once.
    bundled ??= options.loadBundled().catch((error) => {
      bundled = undefined;
      throw error;
    });
    return bundled;
  };

  async function readSlot(slot: 'active' | 'previous'): Promise<StoredCopy | undefined> {
    const keys = SLOTS[slot];
    const stored = await area.get([keys.text, keys.origin, keys.proof]);
    if (stored[keys.text] === undefined) return undefined;
    return {
      text: stored[keys.text],
      origin: stored[keys.origin] === 'feed' ? 'feed' : 'bundled',
      proof: stored[keys.proof],
    };
  }

  // Each context reads the active copy from several places at once (pages' setup, the badge, the
  // popup), and a feed copy's checks (signature, SHA-256, the dataset's validation) cost tens of
  // milliseconds each time. A result is kept for the exact stored text and proof it was computed
  // from, so any other bytes are checked in full; only the clock-bound part is asked again.
  const verifiedFeedCopies: { text: string; proof: unknown; check: Promise<CopyCheck> }[] = [];

  function checkCopy(copy: StoredCopy): Promise<CopyCheck> {
    if (copy.origin !== 'feed' || typeof copy.text !== 'string') return checkCopyFully(copy);
    const kept = verifiedFeedCopies.find((entry) => entry.text === copy.text && entry.proof === copy.proof);
    if (kept) return kept.check.then((check) => withClockBound(check, copy));
    const check = checkCopyFully(copy);
    verifiedFeedCopies.unshift({ text: copy.text, proof: copy.proof, check });
    verifiedFeedCopies.length = Math.min(verifiedFeedCopies.length, 2);
    // A failed check is not kept: the same bytes are checked again next time.
    void check.then((result) => {
      if (!result.ok) forget(check);
    }, () => forget(check));
    return check;
  }

  function forget(check: Promise<CopyCheck>): void {
    const at = verifiedFeedCopies.findIndex((entry) => entry.check === check);
    if (at >= 0) verifiedFeedCopies.splice(at, 1);
  }

  function withClockBound(check: CopyCheck, copy: StoredCopy): CopyCheck {
    if (!check.ok) return check;
    const problem = versionProblem(check.dataset.version, now());
    return problem ? { ok: false, problem, untrusted: true } : { ...check, raw: copy };
  }

  async function checkCopyFully(copy: StoredCopy): Promise<CopyCheck> {
    if (copy.origin === 'bundled') {
      // Where the packaged file can be read, it is the only built-in list that counts; a content
      // script cannot read it and takes the stored copy (storage is closed to pages' renderers
      // where the browser allows).
      const packaged = await loadBundled().catch(() => undefined);
      if (packaged) return { ok: true, dataset: packaged, origin: 'bundled', raw: copy };
      const check = checkDataset(decodeStoredDataset(copy.text));
      return check.ok ? { ok: true, dataset: check.dataset, origin: 'bundled', raw: copy } : { ok: false, problem: 'damaged' };
    }
    if (typeof copy.text !== 'string') return { ok: false, problem: 'it carries no signature', untrusted: true };
    const proof = await verifyStoredCopy(copy.text, copy.proof, trustedKeys, now());
    if (!proof.ok) return { ok: false, problem: proof.problem, untrusted: true };
    const check = checkDataset(decodeStoredDataset(copy.text));
    if (!check.ok) return { ok: false, problem: 'damaged' };
    if (check.dataset.version !== proof.manifest.version) {
      return { ok: false, problem: 'its version is not the one its signature names', untrusted: true };
    }
    return { ok: true, dataset: projectDataset(check.dataset), origin: 'feed', keyId: proof.keyId, raw: copy };
  }

  function explain(failure: { problem: string; untrusted?: boolean }, fallback: string): string {
    return failure.problem === 'damaged'
      ? `The saved list was damaged; ${fallback} is in use.`
      : `The saved list was not used because ${failure.problem}; ${fallback} is in use.`;
  }

  async function load(): Promise<LoadedDataset> {
    let active: StoredCopy | undefined;
    try {
      // The previous copy is as large as the active one: read it only when it is needed.
      active = await readSlot('active');
    } catch (error) {
      const problem = `The saved list could not be read (${error instanceof Error ? error.message : String(error)}); using the built-in list.`;
      return { dataset: await loadBundled(), origin: 'bundled', source: 'bundled', problem };
    }
    if (!active) return { dataset: await loadBundled(), origin: 'bundled', source: 'bundled' };
    const first = await checkCopy(active);
    if (first.ok) return { dataset: first.dataset, origin: first.origin, source: 'active', keyId: first.keyId };
    const previousCopy = await readSlot('previous').catch(() => undefined);
    const previous = previousCopy ? await checkCopy(previousCopy) : undefined;
    if (previous?.ok) {
      return {
        dataset: previous.dataset,
        origin: previous.origin,
        source: 'previous',
        keyId: previous.keyId,
        problem: explain(first, 'the previous good list'),
        untrusted: first.untrusted,
      };
    }
    return {
      dataset: await loadBundled(),
      origin: 'bundled',
      source: 'bundled',
      problem: explain(first, 'the built-in list'),
      untrusted: first.untrusted,
    };
  }

  async function activate(dataset: Dataset, origin: DatasetOrigin, proof?: FeedProof): Promise<void> {
    if (origin === 'feed' && !proof) throw new Error('a list from the feed is stored only with its signed manifest');
    const current = await readSlot('active').catch(() => undefined);
    const keep = current ? await checkCopy(current) : undefined;
    const items: Record<string, unknown> = {
      [ACTIVE_DATASET_KEY]: proof ? proof.text : encodeStoredDataset(dataset),
      [DATASET_ORIGIN_KEY]: origin,
    };
    if (proof) items[ACTIVE_PROOF_KEY] = proof.envelope;
    const stale = proof ? [] : [ACTIVE_PROOF_KEY];
    if (keep?.ok && keep.dataset.version !== dataset.version) {
      items[PREVIOUS_DATASET_KEY] = keep.raw.text;
      items[PREVIOUS_ORIGIN_KEY] = keep.raw.origin;
      if (keep.raw.proof !== undefined) items[PREVIOUS_PROOF_KEY] = keep.raw.proof;
      else stale.push(PREVIOUS_PROOF_KEY);
    }
    try {
      await area.set(items);
    } catch (error) {
      if (!/quota/i.test(error instanceof Error ? error.message : String(error))) throw error;
      // Two copies do not fit: keep the new one alone. The built-in list stays the fallback.
      await area.remove([PREVIOUS_DATASET_KEY, PREVIOUS_ORIGIN_KEY, PREVIOUS_PROOF_KEY]);
      for (const key of [PREVIOUS_DATASET_KEY, PREVIOUS_ORIGIN_KEY, PREVIOUS_PROOF_KEY]) delete items[key];
      await area.set(items);
    }
    if (stale.length > 0) await area.remove(stale).catch(() => undefined);
  }

  async function repair({ preferNewerBundled = false } = {}): Promise<LoadedDataset> {
    const loaded = await load();
    if (loaded.source === 'active') {
      if (!preferNewerBundled) return loaded;
      const packaged = await loadBundled();
      if (compareVersions(packaged.version, loaded.dataset.version) <= 0) return loaded;
      await activate(packaged, 'bundled');
      return { dataset: packaged, origin: 'bundled', source: 'bundled' };
    }
    if (loaded.source === 'previous') {
      // The previous copy verified: make it the active one, with its own origin and proof.
      const previous = await readSlot('previous');
      if (previous) {
        await area.set({
          [ACTIVE_DATASET_KEY]: previous.text,
          [DATASET_ORIGIN_KEY]: previous.origin,
          ...(previous.proof !== undefined ? { [ACTIVE_PROOF_KEY]: previous.proof } : {}),
        });
        if (previous.proof === undefined) await area.remove(ACTIVE_PROOF_KEY);
        await area.remove([PREVIOUS_DATASET_KEY, PREVIOUS_ORIGIN_KEY, PREVIOUS_PROOF_KEY]);
      }
      return loaded;
    }
    // The active copy is missing, damaged or untrusted and so is the previous one: the built-in list.
    await area.remove([PREVIOUS_DATASET_KEY, PREVIOUS_ORIGIN_KEY, PREVIOUS_PROOF_KEY, ACTIVE_PROOF_KEY]);
    await area.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(loaded.dataset), [DATASET_ORIGIN_KEY]: 'bundled' });
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
  // Only the extension's own contexts can read the packaged file; a content script (which cannot)
  // takes the stored built-in copy instead of asking, so no failed request shows in the page.
  const ownContext = globalThis.location?.origin === new URL(browser.runtime.getURL('/' as never)).origin;
  defaultStore ??= createDatasetStore({
    area: browser.storage.local as unknown as KeyValueArea,
    loadBundled: ownContext ? loadBundledDataset : () => Promise.reject(new Error('the packaged list cannot be read here')),
  });
  return defaultStore;
}

export async function getActiveDataset(): Promise<Dataset> {
  return (await datasetStore().load()).dataset;
}

/**
 * Calls back with each newly activated dataset (from any context); returns an unsubscribe
 * function. The new copy is loaded through the store, so it is verified like any other read.
 */
export function watchActiveDataset(callback: (dataset: Dataset) => void, store?: DatasetStore): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !changes[ACTIVE_DATASET_KEY]?.newValue) return;
    void (store ?? datasetStore())
      .load()
      .then((loaded) => callback(loaded.dataset))
      .catch(() => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
