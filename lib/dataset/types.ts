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
  /** A closed list (DoD §1237): its as-of is the day it ended, so it does not count as stale (added 2026-12). */
  historic?: boolean;
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

/**
 * What a US person may do with an issuer's securities under one program. `blocked` is blocking
 * (SDN): what is held may be kept only frozen, reported to OFAC, with no transfer or dealing.
 */
export type Permission = 'allowed' | 'prohibited' | 'licence-required' | 'blocked';

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
  /** Official URL the fact comes from: a government publication (the validator checks the host). */
  source: string;
  /**
   * Id of the `Dataset.sources` entry the listing was read from, so a reader can show that source's
   * own as-of date next to the warning (added 2026-12; optional for older feeds).
   */
  sourceId?: string;
  /** A news or law-firm report of the same fact, never the official record (added 2026-12). */
  press?: string;
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
  /** The court record (uscourts.gov, courtlistener.com, govinfo.gov) where one exists. */
  url: string;
  /** A news or law-firm report of the ruling, never labelled official (added 2026-12). */
  press?: string;
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
  /**
   * The as-of date of the oldest official source the data was built from (YYYY-MM-DD): how stale
   * the least recent part may be. `version` and `generatedAt` follow the curated facts' date and
   * never a date newer than the sources (added 2026-12; optional for older feeds).
   */
  oldestSourceAsOf?: string;
  /** Id of that oldest source in `sources` (added 2026-12). */
  oldestSourceId?: string;
  /** What changed since the last published list (written by `feed:build`; see lib/dataset/changes.ts). */
  changes?: DatasetChanges;
}
