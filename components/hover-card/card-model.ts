// What the hover card says about one company, derived from the dataset: the lists with status and
// dates, the legal effect in one line, and the latest ruling. Kept apart from the markup so the
// wording can be tested without a browser.
import { SEVERITY_RANK, isInForce, type DisplaySeverity } from '../../lib/dataset/severity';
import type { Entity, Listing, Ruling, SanctionList } from '../../lib/dataset/types';
import type { PaletteKey } from '../../lib/settings/palette';

export interface CardListing {
  listName: string;
  status: Listing['status'];
  since: string;
  until?: string;
  note?: string;
}

export interface CardModel {
  entityId: string;
  name: string;
  key: PaletteKey;
  listings: CardListing[];
  /** One line: what this means for an investor today. */
  effect: string;
  ruling?: Pick<Ruling, 'caption' | 'court' | 'date' | 'outcome' | 'summary'>;
}

function strongestActive(entity: Entity, lists: Map<string, SanctionList>): SanctionList | undefined {
  let best: SanctionList | undefined;
  for (const listing of entity.listings) {
    const list = lists.get(listing.list);
    if (!list || !isInForce(listing)) continue;
    if (!best || SEVERITY_RANK[list.severity] > SEVERITY_RANK[best.severity]) best = list;
  }
  return best;
}

function historicalEffect(entity: Entity): string {
  const statuses = new Set(entity.listings.map((listing) => listing.status));
  if (statuses.has('vacated')) return 'No longer in force: a court vacated the listing. Check for later re-listing.';
  if (statuses.has('enjoined')) return 'Not in force while a court order blocks the listing.';
  return 'No longer listed; shown for context.';
}

/**
 * The first sentence of a list's effect text, for the one-line summary; the popup shows it all.
 * A sentence ends at a period after a lower-case word or a bracket, so "U.S." does not end one.
 */
export function firstSentence(text: string): string {
  const match = /^(.{30,}?[a-z)][.;])\s+[A-Z]/.exec(text);
  return match ? match[1] : text;
}

export function cardModel(
  entity: Entity,
  key: PaletteKey,
  lists: Map<string, SanctionList>,
  rulings: Map<string, Ruling>,
): CardModel {
  const listings = entity.listings.map((listing) => ({
    listName: lists.get(listing.list)?.shortName ?? lists.get(listing.list)?.name ?? listing.list,
    status: listing.status,
    since: listing.since,
    until: listing.until,
    note: listing.note,
  }));
  const strongest = strongestActive(entity, lists);
  const effect = entity.watchlist
    ? 'On your watchlist.'
    : strongest
      ? firstSentence(strongest.effect)
      : historicalEffect(entity);
  const latest = entity.rulings
    .map((id) => rulings.get(id))
    .filter((ruling): ruling is Ruling => !!ruling)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  return {
    entityId: entity.id,
    name: entity.name,
    key,
    listings,
    effect,
    ruling: latest && { caption: latest.caption, court: latest.court, date: latest.date, outcome: latest.outcome, summary: latest.summary },
  };
}

export const KEY_LABEL: Record<PaletteKey, string> = {
  prohibited: 'Prohibited',
  restricted: 'Restricted',
  caution: 'Caution',
  historical: 'Formerly listed',
  watchlist: 'Watchlist',
} satisfies Record<DisplaySeverity | 'watchlist', string>;
