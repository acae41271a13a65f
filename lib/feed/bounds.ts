// Bounds on what a signed manifest may claim, so one signed mistake (or one leaked key) cannot
// freeze the extension: a version dated far ahead of the clock would make every honest update look
// like a rollback forever (TUF's fast-forward attack), and an expiry years away would let a mirror
// replay an old list without the user ever being told it is stale.
import { FeedError } from './errors';
import type { FeedManifest } from './manifest';

const DAY = 24 * 60 * 60 * 1000;
/** A dataset version may be dated at most this far after the reader's clock (time zones, skew). */
export const MAX_VERSION_LEAD_MS = 2 * DAY;
/** A manifest may be generated at most this far ahead of the reader's clock. */
export const MAX_GENERATED_LEAD_MS = 1 * DAY;
/** However long a manifest says it is good for, it counts as stale this long after it was generated. */
export const MAX_MANIFEST_LIFETIME_MS = 30 * DAY;
/** `N` in `YYYY.MM.DD.N`: a publisher makes a handful of builds a day, never a million. */
const MAX_SERIAL_DIGITS = 6;

const VERSION = /^(\d{4})\.(\d{2})\.(\d{2})\.(\d+)$/;

/** Why `version` cannot be a dataset version published by `now`, or undefined when it can. */
export function versionProblem(version: string, now: number): string | undefined {
  const match = VERSION.exec(version);
  if (!match) return `"${version.slice(0, 40)}" is not a dataset version (YYYY.MM.DD.N)`;
  if (match[4].length > MAX_SERIAL_DIGITS) return `${version.slice(0, 40)}… has an impossible build number`;
  const dated = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (!Number.isFinite(dated)) return `${version} is not dated on a real day`;
  if (dated > now + MAX_VERSION_LEAD_MS) {
    return `${version} is dated after today (${new Date(now).toISOString().slice(0, 10)}), so it cannot be genuine`;
  }
  return undefined;
}

/** Throws a FeedError when the manifest's version or generation time is ahead of the clock. */
export function checkManifestBounds(manifest: FeedManifest, now: number): void {
  const problem = versionProblem(manifest.version, now);
  if (problem) throw new FeedError('implausible', `The feed offered list ${problem}; it was ignored.`);
  if (Date.parse(manifest.generatedAt) > now + MAX_GENERATED_LEAD_MS) {
    throw new FeedError(
      'implausible',
      `The update manifest says it was made on ${manifest.generatedAt.slice(0, 10)}, after today; check this computer's clock. It was ignored.`,
    );
  }
}

/** When the data from this manifest counts as stale: its `expires`, capped at 30 days after it was made. */
export function effectiveExpiry(manifest: Pick<FeedManifest, 'expires' | 'generatedAt'>): number {
  return Math.min(Date.parse(manifest.expires), Date.parse(manifest.generatedAt) + MAX_MANIFEST_LIFETIME_MS);
}
