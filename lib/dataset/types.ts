// The dataset's shape (contract 1 in DESIGN.md). Everything that reads or writes
// public/data/dataset.json — the data build, the feed, the background, the matcher,
// the popup — goes through these types; `validateDataset` checks them at runtime.

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
}
