// What a company's listings mean for the reader, in the words every view uses: the hover card,
// the findings panel, the popup's rows and its details. A program's own summary (buy / hold /
// sell, worded from the order and OFAC's FAQs) is used when the dataset defines it; otherwise
// the list's `effect`. Formerly listed companies and watchlist names get their own plain
// sentences and never a severity.
import { divestStatus, listingPermissions, listingSeverity, programsOf, strictestPermissions, summaryPrograms, type DivestStatus } from '../lib/dataset/effect';
import { SEVERITY_RANK, isInForce } from '../lib/dataset/severity';
import type { Entity, Listing, Permission, Program, SanctionList, Severity } from '../lib/dataset/types';
import { formatDate, readableDates } from './format';

export interface MeaningData {
  lists: Map<string, SanctionList>;
  programs: Map<string, Program>;
}

/** Where a company stands: a listing in force (with its severity), only former listings, or only the user's watchlist. */
export type Standing = { kind: 'in-force'; severity: Severity } | { kind: 'formerly' } | { kind: 'watchlist' };

export interface ListingMeaning {
  listing: Listing;
  list?: SanctionList;
  listName: string;
  severity: Severity;
  programs: Program[];
  /** One line for a row or the card. */
  short: string;
  /** Every paragraph for details. */
  full: string[];
  permissions?: { buy: Permission; hold: Permission; sell: Permission };
  divest?: DivestStatus;
  citations: { title: string; url: string }[];
}

export interface EntityMeaning {
  standing: Standing;
  /** The chip's words, only for a listing in force ("Blocked", "Buying banned", "Restricted"…). */
  chip?: string;
  /** One line: what this means for a US person now. */
  headline: string;
  /** Listings in force, most severe first. */
  inForce: ListingMeaning[];
  /** Listings no longer in force, newest first. */
  former: Listing[];
  permissions?: { buy: Permission; hold: Permission; sell: Permission };
}

/** Who the warnings speak to, and what they are; shown once in every view. */
export const US_PERSON_NOTE =
  'US persons: US citizens and green-card holders anywhere, anyone in the US, and US companies with their branches. Information, not legal advice.';

/**
 * The first sentence of a list's effect text, for the one-line summary; details show it all.
 * A sentence ends at a period after a lower-case word or a bracket, so "U.S." does not end one.
 */
export function firstSentence(text: string): string {
  const match = /^(.{30,}?[a-z)][.;])\s+[A-Z]/.exec(text);
  return match ? match[1] : text;
}

/** The chip's words when a list gives no programs: the two OFAC lists that stop trading differ in kind. */
const LIST_CHIP: Record<string, string> = { 'ofac-sdn': 'Blocked', 'ofac-ns-cmic': 'Buying banned' };

const SEVERITY_CHIP: Record<Severity, string> = { prohibited: 'Prohibited', restricted: 'Restricted', caution: 'Caution' };

export const PERMISSION_WORDS: Record<Permission, string> = {
  allowed: 'allowed',
  prohibited: 'not allowed',
  'licence-required': 'needs an OFAC licence',
  blocked: 'only frozen, reported to OFAC',
};

export function listName(list: SanctionList | undefined, id: string): string {
  return list?.shortName ?? list?.name ?? id;
}

/** Blocking (SDN) is its own kind of ban: whatever the data says of holding, nothing may be done with the securities. */
function isBlocking(listing: Listing, severity: Severity): boolean {
  return listing.list === 'ofac-sdn' && severity === 'prohibited';
}

function chipFor(meaning: ListingMeaning): string {
  const p = meaning.permissions;
  if (isBlocking(meaning.listing, meaning.severity)) return 'Blocked';
  if (p && p.buy === 'prohibited' && (p.hold === 'prohibited' || p.hold === 'blocked') && p.sell !== 'allowed') return 'Blocked';
  if (p && p.buy === 'prohibited') return 'Buying banned';
  if (!p && LIST_CHIP[meaning.listing.list] && meaning.severity === 'prohibited') return LIST_CHIP[meaning.listing.list];
  return SEVERITY_CHIP[meaning.severity];
}

export function listingMeaning(listing: Listing, data: MeaningData, now: Date = new Date()): ListingMeaning {
  const list = data.lists.get(listing.list);
  const programs = programsOf(listing, data.programs);
  const effect = list?.effect ?? '';
  const severity = listingSeverity(listing, data.lists, data.programs);
  const shortPrograms = isBlocking(listing, severity) ? summaryPrograms(listing, programs) : programs;
  return {
    listing,
    list,
    listName: listName(list, listing.list),
    severity,
    programs,
    short: readableDates(shortPrograms.length > 0 ? shortPrograms.map((program) => program.summary).join(' ') : firstSentence(effect)),
    full: (programs.length > 0 ? programs.map((program) => program.details) : effect ? [effect] : []).map(readableDates),
    permissions: listingPermissions(listing, programs, now),
    divest: divestStatus(listing, now),
    citations: programs.flatMap((program) => program.citations),
  };
}

const STATUS_WORDS: Record<Listing['status'], string> = {
  active: 'listed',
  removed: 'removed',
  vacated: 'vacated by a court',
  enjoined: 'blocked by a court order',
};

/** "DoD 1237: vacated by a court on May 25, 2021". */
export function formerWords(listing: Listing, lists: Map<string, SanctionList>): string {
  const when = listing.until ? ` on ${formatDate(listing.until)}` : '';
  return `${listName(lists.get(listing.list), listing.list)}: ${STATUS_WORDS[listing.status]}${when}`;
}

/** The sentence for a company whose listings all ended. */
export function formerlyHeadline(former: Listing[], lists: Map<string, SanctionList>): string {
  const what = former.length > 0 ? ` ${former.map((listing) => formerWords(listing, lists)).join('; ')}.` : '';
  return `No current restriction on the US lists we track.${what}`;
}

export const WATCHLIST_HEADLINE = 'On your watchlist; not on any US list we track.';

export function entityMeaning(entity: Entity, data: MeaningData, now: Date = new Date()): EntityMeaning {
  const inForce = entity.listings
    .filter(isInForce)
    .map((listing) => listingMeaning(listing, data, now))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.listing.since.localeCompare(a.listing.since));
  const former = entity.listings
    .filter((listing) => !isInForce(listing))
    .sort((a, b) => (b.until ?? b.since).localeCompare(a.until ?? a.since));
  if (inForce.length > 0) {
    const leading = inForce[0];
    return {
      standing: { kind: 'in-force', severity: leading.severity },
      chip: chipFor(leading),
      headline: leading.short || SEVERITY_CHIP[leading.severity],
      inForce,
      former,
      permissions: strictestPermissions(inForce.flatMap((meaning) => (meaning.permissions ? [meaning.permissions] : []))),
    };
  }
  if (entity.watchlist && entity.listings.length === 0) {
    return { standing: { kind: 'watchlist' }, headline: WATCHLIST_HEADLINE, inForce, former };
  }
  return { standing: { kind: 'formerly' }, headline: formerlyHeadline(former, data.lists), inForce, former };
}

/** "Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence". */
export function permissionLine(permissions: { buy: Permission; hold: Permission; sell: Permission }): string {
  return `Buy: ${PERMISSION_WORDS[permissions.buy]} · Hold: ${PERMISSION_WORDS[permissions.hold]} · Sell: ${PERMISSION_WORDS[permissions.sell]}`;
}

/** "Divest by Jun 3, 2022 (passed)" / "Divest by Mar 1, 2027 (90 days left)". */
export function divestWords(divest: DivestStatus): string {
  const left = divest.passed ? 'passed' : divest.daysLeft === 0 ? 'today is the last day' : divest.daysLeft === 1 ? '1 day left' : `${divest.daysLeft} days left`;
  return `Divest by ${formatDate(divest.date)} (${left})`;
}

/** "In effect since Aug 2, 2021" / "Takes effect Feb 1, 2027". */
export function effectiveWords(date: string, now: Date = new Date()): string {
  const today = now.toISOString().slice(0, 10);
  return date <= today ? `In effect since ${formatDate(date)}` : `Takes effect ${formatDate(date)}`;
}

/**
 * The first clause of a meaning ("US persons may not buy or sell its publicly traded securities,
 * or securities that give exposure to them."), for a row that also shows the buy / hold / sell line:
 * what follows the semicolon is what that line says, and the popup lists many companies at once.
 * The whole sentence stays in the company's details and the hover card.
 */
export function leadClause(text: string): string {
  const cut = text.indexOf('; ');
  return cut > 0 ? `${text.slice(0, cut)}.` : text;
}
