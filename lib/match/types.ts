// The matcher's public shapes (contract 2 in DESIGN.md): what a scan returns and what it may be told.
export type MatchKind = 'name' | 'ticker' | 'isin';

/** Why a match was accepted; shown to the user so every warning can be explained. */
export type MatchRule =
  | 'name'
  | 'acronym-with-cue'
  | 'acronym-after-name'
  | 'acronym-with-company-nearby'
  | 'acronym-among-listed-companies'
  | 'cashtag'
  | 'exchange-prefix'
  | 'exchange-suffix'
  | 'bloomberg-code'
  | 'ticker-after-name'
  | 'ticker-context'
  | 'ticker-with-quote'
  | 'ticker-with-company-nearby'
  | 'code-beside-name'
  | 'ticker-named'
  | 'ticker-in-market-talk'
  | 'code-given-before'
  | 'code-after-chinese-name'
  | 'abbreviation-defined'
  | 'short-name-after-full-name'
  | 'parent-group'
  | 'isin';

export interface TextMatch {
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  entityId: string;
  kind: MatchKind;
  /** The dataset's spelling of the alias, symbol or ISIN that matched. */
  alias?: string;
  rule?: MatchRule;
}

export interface ScanContext {
  /** The text is a ticker by position: a link to a quote page, a cell in a column of symbols. */
  tickerContext?: boolean;
  /** Entities already found elsewhere on the page; an acronym or bare symbol of one of them needs no more proof. */
  entitiesNearby?: ReadonlySet<string>;
  /**
   * Forms other blocks of the page introduced (`Matcher.introduced`): an abbreviation defined for a company
   * (entity id) or for something else (null). Only forms the text contains are looked up.
   */
  introduced?: ReadonlyMap<string, string | null>;
  /**
   * The caller has read the text's words and it holds the first word of no pattern (a frame's first look,
   * lib/page/tokens.ts): no pattern can match, so only forms other blocks introduced are looked for.
   */
  holdsNoFirstWord?: boolean;
}

export interface Matcher {
  scan(text: string, context?: ScanContext): TextMatch[];
  /**
   * The forms `text` introduces for the rest of its page, given `scan(text)`'s matches: abbreviations it defines
   * ("Газпромбанк (ГПБ)"), for a company or (null) for something else, and a full name's short first word.
   */
  introduced(text: string, matches: readonly TextMatch[]): ReadonlyMap<string, string | null>;
  /** One sentence for a person: which text matched which alias, and by which rule. */
  explain(match: TextMatch, text?: string): string;
  readonly stats: { patterns: number; nodes: number };
  /** Data problems that cost a pattern (for the data build to print). */
  readonly warnings: string[];
}
