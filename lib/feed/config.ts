// Limits and defaults of the feed updater, in one place so the README and the code agree.

// The default feed address and interval are settings defaults: see lib/settings/defaults.ts.

/** The manifest is a few hundred bytes; anything far larger is not ours. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/**
 * Upper bound on a dataset whatever the manifest claims: about five times the bundled list, so two
 * copies fit in storage.local with room to spare and no list is too large for a page to match
 * against (the pattern cap in lib/dataset/blast-radius.ts bounds the rest).
 */
export const MAX_DATASET_BYTES = 2 * 1024 * 1024;
export const MANIFEST_TIMEOUT_MS = 20_000;
export const DATASET_TIMEOUT_MS = 60_000;

/** No successful check for this long and the data may be stale. */
export const STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
/** First retry after a failure; doubles per failure up to the regular interval. */
export const RETRY_BASE_MS = 10 * 60 * 1000;
/** Seen companies are remembered this long, for update notifications. */
export const SEEN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The first extension version that reads dataset schema 1; raise it when the schema changes. */
export const MIN_EXTENSION_VERSION = '0.1.0';
