// When to check next and whether the data may be stale. Pure: time and randomness come in as
// arguments, so the rules can be tested exactly.
import { RETRY_BASE_MS, STALE_AFTER_MS } from './config';

const HOUR = 60 * 60 * 1000;
/** Chrome does not fire alarms sooner than 30 s; a minute keeps a broken feed from spinning. */
const MIN_DELAY_MS = 60 * 1000;

/** The regular interval, spread by ±10 % so that installs do not all call the server at once. */
export function nextCheckAfterSuccess(now: number, intervalHours: number, random: number): number {
  const interval = Math.max(intervalHours, 0.25) * HOUR;
  return now + Math.round(interval * (0.9 + 0.2 * random));
}

/** Exponential backoff with jitter: 10 min, 20, 40… never later than the regular interval. */
export function nextCheckAfterFailure(now: number, failures: number, intervalHours: number, random: number): number {
  const interval = Math.max(intervalHours, 0.25) * HOUR;
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.min(Math.max(failures - 1, 0), 20), interval);
  return now + Math.max(MIN_DELAY_MS, Math.round(ceiling * (0.5 + 0.5 * random)));
}

export interface StalenessInput {
  now: number;
  /** Expiry of the newest verified manifest, epoch ms. */
  manifestExpires?: number;
  lastSuccess?: number;
  /** When the extension started keeping track (install), for a feed that never answered. */
  trackingSince?: number;
}

/** Plain words when the data may be stale (TUF's freeze attack, or a feed that went quiet); else undefined. */
export function staleReason(input: StalenessInput): string | undefined {
  const { now } = input;
  if (input.manifestExpires !== undefined && input.manifestExpires < now) {
    return `The newest list from the feed expired on ${day(input.manifestExpires)}; it may be out of date.`;
  }
  const since = input.lastSuccess ?? input.trackingSince;
  if (since !== undefined && now - since > STALE_AFTER_MS) {
    return input.lastSuccess === undefined
      ? 'The list has never been updated from the feed; it may be out of date.'
      : `The list has not been updated since ${day(input.lastSuccess)}; it may be out of date.`;
  }
  return undefined;
}

function day(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}
