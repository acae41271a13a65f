// How serious a company's listings are right now, for colouring highlights, the badge and the
// popup's order. A listing counts as in force only while `active`; removed, court-vacated and
// court-enjoined listings make a company "historical" (shown muted, never as a current ban).
import type { Dataset, Entity, Listing, Program, SanctionList, Severity } from './types';

import { listingSeverity } from './effect';

export type DisplaySeverity = Severity | 'historical';

export const SEVERITY_RANK: Record<DisplaySeverity, number> = {
  prohibited: 3,
  restricted: 2,
  caution: 1,
  historical: 0,
};

export function isInForce(listing: Listing): boolean {
  return listing.status === 'active';
}

export function listIndex(dataset: Pick<Dataset, 'lists'>): Map<string, SanctionList> {
  return new Map(dataset.lists.map((list) => [list.id, list]));
}

/**
 * The most severe of the entity's listings in force, or 'historical' when none is. A listing's
 * severity is that of its programs when the dataset defines them (lib/dataset/effect.ts), else its
 * list's.
 */
export function entitySeverity(
  entity: Entity,
  lists: Map<string, SanctionList>,
  programs: Map<string, Program> = new Map(),
): DisplaySeverity {
  let best: DisplaySeverity = 'historical';
  for (const listing of entity.listings) {
    if (!isInForce(listing)) continue;
    const severity = listingSeverity(listing, lists, programs);
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[best]) best = severity;
  }
  return best;
}

export function compareSeverity(a: DisplaySeverity, b: DisplaySeverity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}
