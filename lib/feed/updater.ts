// The update state machine: check the feed, verify, swap, record the outcome, schedule the next
// check. Everything it touches comes in through `createUpdater`'s arguments (fetch, storage, keys,
// clock, settings), so tests drive it with fakes and generated keys, and the background wires in
// the real ones (see register.ts).
//
//   idle ── check ──► manifest ─304──────────────────────────► up to date
//                        │ verify signature, rollback, expiry
//                        ├─ version ≤ active ─────────────────► up to date
//                        ▼ extension version, same origin
//                     dataset ── size, sha256, schema, version ► swap ► updated
//   any failure ──► failed (current dataset untouched, plain-words error, backoff)
import type { Dataset } from '../dataset/types';
import type { DatasetStore, FeedProof, KeyValueArea } from '../dataset/store';
import type { FeedStatus } from '../messaging';
import { checkFeedUrl } from '../settings/validate';
import { DATASET_TIMEOUT_MS, MANIFEST_TIMEOUT_MS, MAX_DATASET_BYTES, MAX_MANIFEST_BYTES } from './config';
import type { FeedPublicKey } from './crypto';
import { FeedError, asFeedError, problemKind, type FeedErrorCode } from './errors';
import { fetchBounded, formatBytes, type FetchLike } from './fetch';
import { checkManifestBounds, effectiveExpiry, versionProblem } from './bounds';
import { keyIdOf } from './crypto';
import { openEnvelopeWithKey } from './manifest';
import { nextCheckAfterFailure, nextCheckAfterSuccess, staleReason } from './schedule';
import { newsFor, type SeenNews } from './seen';
import { checkExtensionVersion, resolveDatasetUrl, verifyDataset } from './verify';
import { compareVersions, isDottedVersion } from './version';

export const FEED_STATE_KEY = 'feed:state';

export interface FeedSettings {
  feedUrl: string;
  updateIntervalHours: number;
  notifications: boolean;
}

/** What the updater remembers between checks (storage.local, survives restarts). */
export interface FeedState {
  /** The feed the fields below belong to; a new feed URL starts afresh. */
  feedUrl?: string;
  /** Version of the newest verified manifest from this feed: anything older is a replay. */
  manifestVersion?: string;
  /** The key that signed that manifest: when a release stops trusting it, the version is forgotten. */
  manifestKeyId?: string;
  manifestExpires?: number;
  lastCheck?: number;
  lastSuccess?: number;
  lastError?: string;
  lastErrorCode?: FeedErrorCode;
  failures: number;
  nextCheck?: number;
  trackingSince?: number;
}

export type CheckOutcome = 'updated' | 'up-to-date' | 'failed';

export interface UpdaterDeps {
  publicKeys: readonly FeedPublicKey[];
  fetch: FetchLike;
  /** Where the updater's own state lives (storage.local). */
  area: KeyValueArea;
  store: DatasetStore;
  settings: () => Promise<FeedSettings>;
  extensionVersion: string;
  now?: () => number;
  random?: () => number;
  /** Companies seen lately, for notifications. */
  recentlySeen?: () => Promise<Set<string>>;
  notify?: (news: SeenNews[]) => Promise<void>;
  /** Called with the time of the next check whenever it changes (the background sets an alarm). */
  schedule?: (when: number) => Promise<void> | void;
  timeouts?: { manifestMs: number; datasetMs: number };
}

export interface Updater {
  /**
   * Runs one check; a call during a running check shares it, unless `fresh` (the user pressed
   * "Update now", perhaps after changing the feed address): then a new check follows the running one.
   */
  check(options?: { fresh?: boolean }): Promise<FeedStatus & { outcome: CheckOutcome }>;
  status(): Promise<FeedStatus>;
  /**
   * Background start: repairs the stored dataset (reporting damage in the status) and says whether
   * a check is overdue. `installed` after an install or update, when the bundled data may be newer.
   */
  start(options?: { installed?: boolean }): Promise<{ overdue: boolean; nextCheck?: number }>;
  reschedule(): Promise<void>;
  readState(): Promise<FeedState>;
}

export function createUpdater(deps: UpdaterDeps): Updater {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const timeouts = deps.timeouts ?? { manifestMs: MANIFEST_TIMEOUT_MS, datasetMs: DATASET_TIMEOUT_MS };
  let running: Promise<FeedStatus & { outcome: CheckOutcome }> | undefined;

  async function readState(): Promise<FeedState> {
    const stored = (await deps.area.get(FEED_STATE_KEY).catch(() => ({}) as Record<string, unknown>))[FEED_STATE_KEY];
    return readFeedState(stored);
  }

  async function writeState(state: FeedState): Promise<void> {
    // The state is small; if even it cannot be written the check's result still reaches the caller.
    await deps.area.set({ [FEED_STATE_KEY]: state }).catch(() => undefined);
    if (state.nextCheck !== undefined) await deps.schedule?.(state.nextCheck);
  }

  async function status(): Promise<FeedStatus> {
    const [state, loaded] = await Promise.all([readState(), deps.store.load()]);
    return describeStatus(state, loaded.dataset, loaded.origin, now(), running !== undefined, loaded.problem);
  }

  async function runCheck(): Promise<FeedStatus & { outcome: CheckOutcome }> {
    const settings = await deps.settings();
    let state = await readState();
    const startedAt = now();
    if (state.feedUrl !== settings.feedUrl) {
      // Another feed: its ETag, versions and failure count mean nothing for this one.
      state = { failures: 0, trackingSince: state.trackingSince ?? startedAt, lastCheck: state.lastCheck, lastSuccess: state.lastSuccess, feedUrl: settings.feedUrl };
    }
    state.trackingSince ??= startedAt;
    state.lastCheck = startedAt;
    let outcome: CheckOutcome;
    try {
      const result = await fetchAndApply(settings, state);
      outcome = result.outcome;
      state = {
        ...state,
        ...result.state,
        lastSuccess: now(),
        lastError: undefined,
        lastErrorCode: undefined,
        failures: 0,
        nextCheck: nextCheckAfterSuccess(now(), settings.updateIntervalHours, random()),
      };
      if (result.news.length > 0 && settings.notifications) await deps.notify?.(result.news).catch(() => undefined);
    } catch (error) {
      const failure = asFeedError(error);
      outcome = 'failed';
      const failures = state.failures + 1;
      state = {
        ...state,
        lastError: failure.message,
        lastErrorCode: failure.code,
        failures,
        nextCheck: nextCheckAfterFailure(now(), failures, settings.updateIntervalHours, random()),
      };
    }
    await writeState(state);
    const loaded = await deps.store.load();
    return { ...describeStatus(state, loaded.dataset, loaded.origin, now(), false, loaded.problem), outcome };
  }

  async function fetchAndApply(
    settings: FeedSettings,
    state: FeedState,
  ): Promise<{ outcome: CheckOutcome; state: Partial<FeedState>; news: SeenNews[] }> {
    const manifestUrl = parseFeedUrl(settings.feedUrl);
    const current = await deps.store.load();
    // No conditional request: the manifest is under 1 kB, and an ETag the server chose and the
    // extension sent back on every check would let the feed host follow one install.
    const manifestResponse = await fetchBounded(manifestUrl, {
      fetch: deps.fetch,
      timeoutMs: timeouts.manifestMs,
      maxBytes: MAX_MANIFEST_BYTES,
      what: 'the update manifest',
    });
    if (manifestResponse.status !== 'ok') throw new FeedError('http', 'The update server gave no content for the manifest.');
    checkSameOrigin(manifestResponse.url, manifestUrl, 'the update manifest');

    const envelopeText = new TextDecoder().decode(manifestResponse.bytes);
    const { manifest, keyId } = await openEnvelopeWithKey(manifestResponse.bytes, deps.publicKeys);
    checkManifestBounds(manifest, now());
    if (state.manifestVersion && compareVersions(manifest.version, state.manifestVersion) < 0) {
      throw new FeedError(
        'rollback',
        `The feed offered list ${manifest.version}, older than ${state.manifestVersion} which it published before (an old copy may be replayed); it was ignored.`,
      );
    }
    const verified: Partial<FeedState> = {
      manifestVersion: manifest.version,
      manifestKeyId: keyId,
      manifestExpires: effectiveExpiry(manifest),
    };
    if (compareVersions(manifest.version, current.dataset.version) <= 0) {
      return { outcome: 'up-to-date', state: verified, news: [] };
    }
    checkExtensionVersion(manifest, deps.extensionVersion);
    if (manifest.size > MAX_DATASET_BYTES) {
      throw new FeedError('too-large', `The newer list is ${formatBytes(manifest.size)}, more than the ${formatBytes(MAX_DATASET_BYTES)} this extension accepts; it was not downloaded.`);
    }
    // Relative to the address the user configured: a redirect cannot move the list elsewhere.
    const datasetUrl = resolveDatasetUrl(manifest, manifestUrl);
    const datasetResponse = await fetchBounded(datasetUrl, {
      fetch: deps.fetch,
      timeoutMs: timeouts.datasetMs,
      // One byte more than announced is enough to know the file is wrong.
      maxBytes: manifest.size,
      what: 'the list',
    });
    if (datasetResponse.status !== 'ok') throw new FeedError('http', 'The update server gave no content for the list.');
    checkSameOrigin(datasetResponse.url, manifestUrl, 'the list');
    const dataset = await verifyDataset(manifest, datasetResponse.bytes);
    await activate(dataset, {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(datasetResponse.bytes),
      envelope: envelopeText,
    });
    const news = await findNews(current.dataset, dataset);
    return { outcome: 'updated', state: verified, news };
  }

  async function activate(dataset: Dataset, proof: FeedProof): Promise<void> {
    try {
      await deps.store.activate(dataset, 'feed', proof);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (/quota/i.test(text)) {
        throw new FeedError('storage-full', 'There is not enough browser storage to save the newer list; the current list is kept.');
      }
      throw new FeedError('storage', `The newer list could not be saved (${text}); the current list is kept.`);
    }
  }

  async function findNews(previous: Dataset, next: Dataset): Promise<SeenNews[]> {
    if (!deps.recentlySeen) return [];
    const seen = await deps.recentlySeen().catch(() => new Set<string>());
    return seen.size === 0 ? [] : newsFor(previous, next, seen);
  }

  async function start(options: { installed?: boolean } = {}): Promise<{ overdue: boolean; nextCheck?: number }> {
    const repaired = await deps.store.repair({ preferNewerBundled: options.installed });
    const state = await readState();
    const at = now();
    const next: FeedState = { ...state, trackingSince: state.trackingSince ?? at };
    if (repaired.problem) {
      next.lastError = repaired.problem;
      next.lastErrorCode = 'saved-list';
    }
    // After a key rotation (TUF's root rotation), forget what a no-longer-trusted key published:
    // otherwise one manifest it signed with a far-future version would block every honest update.
    const trustedIds = new Set(await Promise.all(deps.publicKeys.map((key) => keyIdOf(key))));
    const revoked = next.manifestKeyId !== undefined && !trustedIds.has(next.manifestKeyId);
    const implausible = next.manifestVersion !== undefined && versionProblem(next.manifestVersion, at) !== undefined;
    if (repaired.untrusted || revoked || implausible || (next.manifestVersion !== undefined && next.manifestKeyId === undefined)) {
      delete next.manifestVersion;
      delete next.manifestKeyId;
      delete next.manifestExpires;
    }
    await deps.area.set({ [FEED_STATE_KEY]: next }).catch(() => undefined);
    const overdue = next.nextCheck === undefined || next.nextCheck <= at;
    return { overdue, nextCheck: next.nextCheck };
  }

  /** After an interval change: the next check comes one new interval after the last success. */
  async function reschedule(): Promise<void> {
    const [settings, state] = await Promise.all([deps.settings(), readState()]);
    const base = state.lastSuccess ?? state.lastCheck ?? now();
    const next = Math.max(nextCheckAfterSuccess(base, settings.updateIntervalHours, random()), now() + 60_000);
    if (state.failures === 0 && (state.nextCheck === undefined || next !== state.nextCheck)) {
      await writeState({ ...state, nextCheck: next });
    }
  }

  return {
    check(options = {}) {
      if (running && !options.fresh) return running;
      const previous = running?.catch(() => undefined) ?? Promise.resolve();
      const next: Promise<FeedStatus & { outcome: CheckOutcome }> = previous.then(runCheck).finally(() => {
        if (running === next) running = undefined;
      });
      running = next;
      return next;
    },
    status,
    start,
    reschedule,
    readState,
  };
}

/** Redirects may not take the manifest or the list to another server than the configured feed's. */
function checkSameOrigin(finalUrl: string, feedUrl: string, what: string): void {
  let origin: string;
  try {
    origin = new URL(finalUrl).origin;
  } catch {
    return;
  }
  const expected = new URL(feedUrl).origin;
  if (origin !== expected) {
    throw new FeedError('foreign-url', `The update server redirected ${what} to another server (${origin}) than the feed (${expected}); it was ignored.`);
  }
}

const ERROR_CODES = new Set<string>([
  'offline', 'timeout', 'http', 'too-large', 'truncated', 'bad-manifest', 'unsigned', 'bad-signature', 'unknown-key',
  'foreign-url', 'wrong-hash', 'invalid-dataset', 'version-mismatch', 'rollback', 'implausible', 'poisoned',
  'extension-too-old', 'storage-full', 'storage', 'saved-list', 'internal',
]);

/**
 * The stored state, field by field: a value of the wrong type is dropped (and said), never used,
 * so a damaged record cannot wedge the updater or hide staleness.
 */
export function readFeedState(stored: unknown): FeedState {
  const state: FeedState = { failures: 0 };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return state;
  const value = stored as Record<string, unknown>;
  const dropped: string[] = [];
  const text = (key: 'feedUrl' | 'manifestKeyId' | 'lastError', max = 2000) => {
    if (value[key] === undefined) return;
    if (typeof value[key] === 'string' && (value[key] as string).length <= max) state[key] = value[key] as string;
    else dropped.push(key);
  };
  const time = (key: 'manifestExpires' | 'lastCheck' | 'lastSuccess' | 'nextCheck' | 'trackingSince') => {
    if (value[key] === undefined) return;
    const number = value[key];
    if (typeof number === 'number' && Number.isFinite(number) && Math.abs(number) < 8.64e15) state[key] = number;
    else dropped.push(key);
  };
  text('feedUrl');
  text('manifestKeyId', 64);
  text('lastError');
  if (value.manifestVersion !== undefined) {
    if (isDottedVersion(value.manifestVersion)) state.manifestVersion = value.manifestVersion;
    else dropped.push('manifestVersion');
  }
  if (value.lastErrorCode !== undefined) {
    if (typeof value.lastErrorCode === 'string' && ERROR_CODES.has(value.lastErrorCode)) {
      state.lastErrorCode = value.lastErrorCode as FeedErrorCode;
    } else dropped.push('lastErrorCode');
  }
  for (const key of ['manifestExpires', 'lastCheck', 'lastSuccess', 'nextCheck', 'trackingSince'] as const) time(key);
  const failures = value.failures;
  if (typeof failures === 'number' && Number.isSafeInteger(failures) && failures >= 0) state.failures = Math.min(failures, 1000);
  else if (failures !== undefined) dropped.push('failures');
  if (dropped.length > 0 && state.lastError === undefined) {
    state.lastError = `Part of the update record was damaged and was reset (${dropped.join(', ')}).`;
    state.lastErrorCode = 'internal';
  }
  return state;
}

function parseFeedUrl(text: string): string {
  const problem = checkFeedUrl(text);
  if (problem) throw new FeedError('http', `The feed address "${text}" ${problem}; check it in the settings.`);
  return new URL(text.trim()).href;
}

/** The newest "as of" date among the dataset's sources, else the day it was generated. */
export function dataAsOf(dataset: Dataset): string {
  const dates = dataset.sources.map((source) => source.asOf).filter(Boolean).sort();
  return dates.at(-1) ?? dataset.generatedAt.slice(0, 10);
}

export function describeStatus(
  state: FeedState,
  dataset: Dataset,
  origin: 'bundled' | 'feed',
  at: number,
  checking: boolean,
  storeProblem?: string,
): FeedStatus {
  const reason = staleReason({ now: at, manifestExpires: state.manifestExpires, lastSuccess: state.lastSuccess, trackingSince: state.trackingSince });
  const iso = (epoch?: number) => (epoch === undefined ? undefined : new Date(epoch).toISOString());
  return {
    datasetVersion: dataset.version,
    dataAsOf: dataAsOf(dataset),
    origin,
    lastCheck: iso(state.lastCheck),
    lastSuccess: iso(state.lastSuccess),
    // A stored list refused on read matters more than the last check: the user is on a fallback.
    lastError: storeProblem ?? state.lastError,
    lastErrorKind: storeProblem !== undefined ? 'saved-list' : state.lastError !== undefined ? problemKind(state.lastErrorCode ?? 'internal') : undefined,
    nextCheck: iso(state.nextCheck),
    stale: reason !== undefined,
    staleReason: reason,
    checking,
  };
}
