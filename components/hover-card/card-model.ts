// What the hover card and the findings panel say about one company, derived from the dataset: what
// it means for a US person now (the program's line, or the list's effect), buy / hold / sell when
// the data defines it, the dates that matter (in effect since, divest by — passed or days left),
// the lists in force and former ones apart, and the latest ruling. Kept apart from the markup so
// the wording can be tested without a browser.
import type { Entity, Listing, Ruling } from '../../lib/dataset/types';
import type { PaletteKey } from '../../lib/settings/palette';
import { formatDate } from '../format';
import { rulingEffect } from '../ruling-effect';
import { divestWords, effectiveWords, entityMeaning, listName, permissionLine, type MeaningData, type Standing } from '../meaning';

export { firstSentence } from '../meaning';

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
  standing: Standing['kind'];
  /** Words of the severity chip; only for a listing in force. */
  chip?: string;
  /** Plain label for a company with no listing in force ("Formerly listed", "Your watchlist"). */
  label?: string;
  /** One line: what this means for a US person today. */
  effect: string;
  /** "Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence", when the data says. */
  permissions?: string;
  /** "In effect since …", "Divest by … (passed)". */
  dates: string[];
  /** Listings in force. */
  listings: CardListing[];
  /** Listings no longer in force. */
  former: CardListing[];
  /** The as-of date of the list data, YYYY-MM-DD. */
  asOf?: string;
  ruling?: Pick<Ruling, 'caption' | 'court' | 'date' | 'outcome' | 'summary'> & { effect?: string };
}

export const STANDING_LABEL = { formerly: 'Formerly listed', watchlist: 'Your watchlist' } as const;

function cardListing(listing: Listing, data: MeaningData): CardListing {
  return { listName: listName(data.lists.get(listing.list), listing.list), status: listing.status, since: listing.since, until: listing.until, note: listing.note };
}

export function cardModel(
  entity: Entity,
  key: PaletteKey,
  data: MeaningData,
  rulings: Map<string, Ruling>,
  options: { asOf?: string; now?: Date } = {},
): CardModel {
  const now = options.now ?? new Date();
  const meaning = entityMeaning(entity, data, now);
  const dates: string[] = [];
  for (const listing of meaning.inForce) {
    if (listing.listing.effective) dates.push(`${listing.listName}: ${effectiveWords(listing.listing.effective, now).replace(/^./, (c) => c.toLowerCase())}`);
    if (listing.divest) dates.push(divestWords(listing.divest));
  }
  const latest = entity.rulings
    .map((id) => rulings.get(id))
    .filter((ruling): ruling is Ruling => !!ruling)
    .sort((a, b) => b.date.localeCompare(a.date))[0];
  const kind = meaning.standing.kind;
  return {
    entityId: entity.id,
    name: entity.name,
    key,
    standing: kind,
    chip: meaning.chip,
    label: kind === 'in-force' ? undefined : STANDING_LABEL[kind],
    effect: meaning.headline,
    permissions: meaning.permissions && permissionLine(meaning.permissions),
    dates,
    listings: meaning.inForce.map((item) => cardListing(item.listing, data)),
    former: meaning.former.map((listing) => cardListing(listing, data)),
    asOf: options.asOf,
    ruling: latest && {
      caption: latest.caption,
      court: latest.court,
      date: latest.date,
      outcome: latest.outcome,
      summary: latest.summary,
      effect: rulingEffect(latest, entity, rulings),
    },
  };
}

/** "since Jun 3, 2021" or "Jan 14 – May 25, 2021" (one year written once). */
export function dateRange(listing: Pick<CardListing, 'since' | 'until'>): string {
  if (!listing.until) return `since ${formatDate(listing.since)}`;
  const sameYear = listing.since.slice(0, 4) === listing.until.slice(0, 4);
  const from = formatDate(listing.since);
  return `${sameYear ? from.replace(/, \d{4}$/, '') : from} – ${formatDate(listing.until)}`;
}
