// The shape of data/curated.json: the hand-checked facts no machine-readable source has (list
// definitions, the 2020–21 §1237 list, court rulings, Entity List memberships, short and local-script
// names) plus the few decisions the build needs (which names are one company, which aliases are wrong).
// Every fact carries the URL it was checked against.
import type { Listing, Program, Ruling, SanctionList, SourceRef } from '../../lib/dataset/types';

export interface CuratedName {
  name: string;
  source: string;
}

export interface CuratedEntity {
  /** Pinned id (otherwise the slug of the display name). */
  id: string;
  name: string;
  /** Names in the source files that denote this company; they merge into this entity. */
  match?: string[];
  /**
   * Source records merge into this entity only through `match`, not by its own name's merge key:
   * for a group whose name differs from its listed arm's only by legal form (China Shipbuilding
   * Industry Corporation vs. …Company Limited).
   */
  mergeByMatchOnly?: boolean;
  aliases?: CuratedName[];
  weakAliases?: CuratedName[];
  /** Aliases a source gives that belong to another company (OFAC cross-references). */
  dropAliases?: string[];
  tickers?: { exchange: string; symbol: string; source: string }[];
  isins?: { isin: string; source: string }[];
  country?: string;
  listings?: Listing[];
  related?: { id: string; relation: 'parent' | 'subsidiary' | 'affiliate' }[];
  /** Where the company itself is described, for entities only the curated file knows. */
  source?: string;
  /**
   * OFAC SDN entry numbers (ent_num) of this issuer: the SDN record (sdn.csv, or only the late
   * alt.csv for designations after May 2024) merges into this entity and gives it an SDN listing.
   */
  sdn?: string[];
}

/** An SDN designation date the OFAC files do not carry, with the official notice it comes from. */
export interface SdnDesignation {
  ofacId: string;
  name: string;
  date: string;
  source: string;
  note?: string;
}

export interface Curated {
  /** Date of the newest fact checked by hand (YYYY-MM-DD). */
  asOf: string;
  /** Bump when curated facts change without a newer source date, so the dataset version still rises. */
  revision: number;
  sources: SourceRef[];
  lists: SanctionList[];
  /** What each program means for a US person (buy / hold / sell), worded from the orders and FAQs. */
  programs: Program[];
  /** Programs of a list's listings when the source names no directive (keyed by list id). */
  listPrograms: Record<string, string[]>;
  /** SDN designation dates for entries neither the consolidated XML nor the daily sdn.csv copies date. */
  sdnDesignations: SdnDesignation[];
  /** FCC rows that cover a product class and name companies only by statute (FY25 NDAA §1709): which entities. */
  fccStatutoryCompanies: { row: string; entities: string[]; note: string; source: string }[];
  /** Official page for each list (listing `source`), keyed by list id. */
  listSources: Record<string, string>;
  dod1260h: {
    /** Editions that republished the whole list (a name missing from one was dropped). */
    fullEditions: string[];
    /** DoD's publication per edition date. */
    editionUrls: Record<string, string>;
    /** Removal dates the build must not believe, with why. */
    doubtfulRemovals: { date: string; note: string }[];
    /** Facts about an entity's 1260H history the table does not carry (e.g. a removal and same-day relisting). */
    notes: { entity: string; note: string; source: string; press?: string }[];
    /** Removals by Federal Register notice that the table does not record. */
    removals: { entity: string; date: string; note: string; source: string; press?: string }[];
  };
  /** FCC rows that name a subsidiary: which entity the listing belongs to. */
  fccCompanies: { company: string; entity: string; note?: string }[];
  /** Short acronyms that are distinctive enough to count on their own (others become weak aliases). */
  strongAcronyms: string[];
  /** Names that also mean something else (another company, a word) and so count only with a second signal. */
  weakNames: string[];
  countryOverrides: { entity: string; country: string }[];
  /** OFAC/DoD names the matcher rightly resolves to a related company, with the reason (see scripts/data/name-check.ts). */
  nameResolutions?: { name: string; entity: string; resolvesTo: string; reason: string }[];
  entities: CuratedEntity[];
  rulings: Ruling[];
}
