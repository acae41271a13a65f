// The checks a dataset must pass before `feed:build` signs it. Each refusal names its gate and
// why, so the person reading the workflow's log (or the issue it opens) knows what to look at.
import { checkCanary } from '../../lib/dataset/blast-radius';
import type { Dataset } from '../../lib/dataset/types';
import { checkDataset } from '../../lib/dataset/validate';
import { compareVersions } from '../../lib/dataset/ids';
import { MAX_DATASET_BYTES } from '../../lib/feed/config';
import { createMatcher } from '../../lib/match';

export type GateName = 'validation' | 'blast-radius' | 'drop' | 'as-of' | 'version' | 'size';

export interface GateFailure {
  gate: GateName;
  message: string;
}

export interface GateLimits {
  /** Largest share of the previous companies a new dataset may lose at once (0.1 = 10 %). */
  maxEntityDrop: number;
  /** Largest share of the previous listings in force that may disappear or stop being in force at once. */
  maxListingDrop: number;
}

export const DEFAULT_LIMITS: GateLimits = { maxEntityDrop: 0.1, maxListingDrop: 0.1 };

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

function activeListings(dataset: Dataset): Set<string> {
  const keys = new Set<string>();
  for (const entity of dataset.entities) for (const l of entity.listings) if (l.status === 'active') keys.add(`${entity.id} ${l.list}`);
  return keys;
}

/**
 * Sources another one replaces when it is at least as new: the legacy SDN companions (alt.csv,
 * add.csv) are not read once the SDN list comes from OFAC's ENHANCED XML export, which carries every
 * entry's names and addresses itself (scripts/data/load.ts).
 */
const REPLACED_BY: Record<string, string> = { 'ofac-sdn-aux': 'ofac-sdn' };

/** Every gate, in order; stops after validation fails since the rest would read a broken dataset. */
export function checkGates(
  value: unknown,
  previous: Dataset | undefined,
  limits: GateLimits = DEFAULT_LIMITS,
  /** True when the new data equals the published data (a re-signing): the version may then stay. */
  sameContent = false,
): GateFailure[] {
  const result = checkDataset(value);
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
    const gate: GateName = result.errors.every((e) => /frequent words|too short|has no letter|more than the/.test(e.message)) ? 'blast-radius' : 'validation';
    return [{ gate, message: `${shown.join('; ')}${more}` }];
  }
  const next = result.dataset;
  const failures: GateFailure[] = [];
  const canary = checkCanary(createMatcher(next));
  for (const problem of canary.problems) failures.push({ gate: 'blast-radius', message: `the dataset ${problem.message}` });
  if (!previous) return failures;

  const ids = new Set(next.entities.map((e) => e.id));
  const lost = previous.entities.filter((e) => !ids.has(e.id));
  const entityShare = previous.entities.length === 0 ? 0 : lost.length / previous.entities.length;
  if (entityShare > limits.maxEntityDrop) {
    failures.push({
      gate: 'drop',
      message: `${lost.length} of ${previous.entities.length} companies (${percent(entityShare)}) would disappear at once, more than the ${percent(limits.maxEntityDrop)} allowed; e.g. ${lost.slice(0, 5).map((e) => e.name).join(', ')}`,
    });
  }
  const before = activeListings(previous);
  const after = activeListings(next);
  const gone = [...before].filter((key) => !after.has(key));
  const listingShare = before.size === 0 ? 0 : gone.length / before.size;
  if (listingShare > limits.maxListingDrop) {
    failures.push({
      gate: 'drop',
      message: `${gone.length} of ${before.size} listings in force (${percent(listingShare)}) would disappear or stop being in force at once, more than the ${percent(limits.maxListingDrop)} allowed; e.g. ${gone.slice(0, 5).join(', ')}`,
    });
  }

  const sources = new Map(next.sources.map((s) => [s.id, s]));
  for (const old of previous.sources) {
    const now = sources.get(old.id);
    const successor = REPLACED_BY[old.id] ? sources.get(REPLACED_BY[old.id]) : undefined;
    if (!now && successor && successor.asOf >= old.asOf) continue;
    if (!now) failures.push({ gate: 'as-of', message: `source "${old.id}" (as of ${old.asOf}) is missing from the new dataset` });
    else if (now.asOf < old.asOf) failures.push({ gate: 'as-of', message: `source "${old.id}" goes back from ${old.asOf} to ${now.asOf} (an old or cached file?)` });
  }

  const order = compareVersions(next.version, previous.version);
  if (order < 0 || (order === 0 && !sameContent)) {
    failures.push({
      gate: 'version',
      message: `the data changed but version ${next.version} is not newer than ${previous.version}, already published (installed copies would never take it); bump "revision" in data/curated.json`,
    });
  }
  return failures;
}

/** The file as published, changes included, must fit what the extension will download. */
export function checkPublishedSize(bytes: number, limit = MAX_DATASET_BYTES): GateFailure[] {
  if (bytes <= limit) return [];
  return [{ gate: 'size', message: `the dataset file is ${bytes} bytes, more than the ${limit} the extension accepts; every user would refuse it` }];
}
