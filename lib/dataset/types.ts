// The dataset's shape (contract 1 in DESIGN.md). Everything that reads or writes
// public/data/dataset.json — the data build, the feed, the background, the matcher,
// the popup — goes through these types; `validateDataset` checks them at runtime.

import type { DatasetChanges } from './changes';

export const SCHEMA_VERSION = 1;

export type Severity = 'prohibited' | 'restricted' | 'caution';

/** Known list ids. Kept open (`string & {}`) so a newer feed can add a list without breaking older readers. */
export type ListId =
  | 'ofac-ns-cmic'
  | 'ofac-sdn'
  | 'ofac-ssi'
  | 'ofac-ns-mbs'
  | 'dod-1260h'
  | 'dod-1237'
  | 'bis-entity'
  | 'fcc-covered'
  | 'uflpa'
  | 'ndaa-889'
  | 'ndaa-5949'
  | 'ndaa-154'
  | (string & {});

export interface SourceRef {
  id: string;
  /** What the source is, in words ("OFAC Consolidated List, ENHANCED XML"). */
  title: string;
  /** The official place to get it. */
  url: string;
  /** Date of the data (YYYY-MM-DD). */
  asOf: string;
  licence?: string;
  note?: string;
}

export interface SanctionList {
  id: ListId;
  name: string;
  shortName: string;
  authority: string;
  legalBasis: string;
  severity: Severity;
  /** Plain words for an investor: what being on this list means for them. */
  effect: string;
  url: string;
}

/** What a US person may do with an issuer's securities under one program. */
export type Permission = 'allowed' | 'prohibited' | 'licence-required';

/**
 * The legal effect of one program or directive for a US person (buy / hold / sell), worded from
 * the order and OFAC's FAQs it cites. A listing names the programs it is under (`Listing.programs`),
 * so the effect a user reads follows why the entry is listed, not only which list holds it.
 * Optional in the dataset: a reader without programs falls back to the list's `effect`.
 */
export interface Program {
  /** e.g. `ns-cmic-eo13959`, `sdn-russia-eo14024`, `eo14071-new-investment`, `ns-mbs-directive-4`, `ssi-directive-1`. */
  id: string;
  list: ListId;
  name: string;
  legalBasis: string;
  severity: Severity;
  buy: Permission;
  hold: Permission;
  sell: Permission;
  /** One line for the hover card and a popup row ("US persons may not buy its shares; holding is allowed"). */
  summary: string;
  /** The full text for details. */
  details: string;
  /** The orders and FAQs the wording comes from. */
  citations: { title: string; url: string }[];
}

export type ListingStatus = 'active' | 'removed' | 'vacated' | 'enjoined';

export interface Listing {
  list: ListId;
  status: ListingStatus;
  /** YYYY-MM-DD */
  since: string;
  until?: string;
  /** NS-CMIC: the date the purchase ban took effect. */
  effective?: string;
  /** NS-CMIC: last day on which sales solely to divest are allowed. */
  divestBy?: string;
  note?: string;
  /** Official URL the fact comes from. */
  source: string;
  /** Ids of the programs (Dataset.programs) the listing is under; their effects apply together. */
  programs?: string[];
}

export interface Ticker {
  /** ISO-style exchange code: HKEX, NYSE, NASDAQ, OTC, SSE, SZSE, MOEX, XETRA, SGX, B3, BCBA, LSE, TSX, … */
  exchange: string;
  symbol: string;
}

export interface Entity {
  /** Stable slug, e.g. `xiaomi-corporation`. */
  id: string;
  name: string;
  /** Names that identify the company on their own (full names, former names, local script). */
  aliases: string[];
  /** Short or ambiguous names (acronyms, common words) that count only with a second signal. */
  weakAliases: string[];
  tickers: Ticker[];
  isins: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  listings: Listing[];
  rulings: string[];
  /** Related entities (parent, listed subsidiary). */
  related?: { id: string; relation: 'parent' | 'subsidiary' | 'affiliate' }[];
  /** True for a name a user added to the watchlist (never in the bundled data). */
  watchlist?: boolean;
}

export type RulingOutcome =
  | 'injunction-granted'
  | 'vacated'
  | 'dismissed'
  | 'denied'
  | 'mooted'
  | 'pending'
  | 'settled'
  | (string & {});

export interface Ruling {
  id: string;
  caption: string;
  court: string;
  docket: string;
  judge: string;
  /** YYYY-MM-DD */
  date: string;
  outcome: RulingOutcome;
  summary: string;
  url: string;
  entities: string[];
}

export interface Dataset {
  schemaVersion: number;
  /** Monotonic, `YYYY.MM.DD.N`. */
  version: string;
  /** ISO timestamp. */
  generatedAt: string;
  sources: SourceRef[];
  lists: SanctionList[];
  entities: Entity[];
  rulings: Ruling[];
  /** What each program means for a US person; listings refer to them by id. */
  programs?: Program[];
  /** What changed since the last published list (written by `feed:build`; see lib/dataset/changes.ts). */
  changes?: DatasetChanges;
}
