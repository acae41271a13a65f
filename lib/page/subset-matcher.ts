// The page's matcher, built from the match index the background sent: for a frame whose first look
// saw only a few first words (or first two words, tokens.ts), a part of the index holding just the
// companies those words could start (partialIndex in lib/page-data/match-index.ts) — an article
// naming three companies gets about a dozen entities, not the whole list; for a page naming many,
// the whole index. It answers as `createMatcher` over the whole index would, because a company none
// of whose first words occur in a text cannot match in it. When new text brings a first word the
// part does not cover, the scan says so (`onLacking`, and `onIncomplete` in the scan's context): the
// frame asks for a larger part, and the scanner reads that text again once it arrived.
import { createMatcherFromPatterns, createMatcherFromPatternsAsync, type AsyncBuildOptions, type Matcher } from '../match';
import { PatternDecoder, patternsFromTable } from '../match/pattern-table';
import type { Pattern } from '../match/patterns';
import type { MatchIndex } from '../messaging';
import type { PageMatch, PageMatcher } from './scanner';
import type { FirstWordTable } from '../match/first-words';
import { tokenFilter, visitTokens, type WordSet } from './tokens';

/** Patterns turned back in one go up to this many; more are turned back in short stretches. */
const SYNC_ROWS = 400;

/** The index's first words as the frame's first look holds them (session.ts), shared rather than made again. */
export interface TokenLookup {
  /** Every first word of the whole index (the frame's setup). */
  tokens: WordSet;
  /** The filter of words and pairs worth a look, which also knows the words that start a pair (tokens.ts). */
  filter: FirstWordTable;
  /**
   * Texts the frame's first look read whole and found no first word of the index in: no pattern can
   * match there, so the matcher does not read them again (only forms other blocks introduced count).
   */
  quiet?: ReadonlySet<string>;
}

/** The lookup for a list of first words held in memory (tests, tools). */
export function lookupOf(tokens: Iterable<string>): TokenLookup {
  const list = [...tokens];
  return { tokens: new Set(list), filter: tokenFilter(list) };
}

export interface SubsetOptions extends AsyncBuildOptions {
  /** Called with first words a scanned text holds that the index part does not cover (each once). */
  onLacking?: (tokens: string[]) => void;
}

export class SubsetMatcher implements PageMatcher {
  private matcher!: Matcher;
  private index!: MatchIndex;
  /** First words the index part covers; null when it is the whole index. */
  private covered: ReadonlySet<string> | null = null;
  /** First words already reported lacking, so a text read again does not ask twice. */
  private readonly asked = new Set<string>();
  private readonly tokens: WordSet;
  /** The words and pairs worth looking up (tokens.ts, `tokenFilter`). */
  private readonly filter: FirstWordTable;
  private readonly quiet: ReadonlySet<string> | undefined;
  /** How often a larger part of the index replaced the first (tests, benchmark). */
  rebuilds = 0;

  private constructor(
    lookup: TokenLookup,
    private readonly options: SubsetOptions,
  ) {
    this.tokens = lookup.tokens;
    this.filter = lookup.filter;
    this.quiet = lookup.quiet;
  }

  /** The matcher for `index` (a part or the whole), built in short stretches when it is large. */
  static async create(index: MatchIndex, lookup: TokenLookup, options: SubsetOptions = {}): Promise<SubsetMatcher> {
    const subset = new SubsetMatcher(lookup, options);
    await subset.take(index);
    return subset;
  }

  /** Companies compiled. */
  get size(): number {
    return this.index.entities.length;
  }

  /** The first words the part covers (null: the whole index). */
  get covers(): ReadonlySet<string> | null {
    return this.covered;
  }

  /** Replaces the part with a larger one (or the whole index); the caller then has the page read again where it lacked. */
  async grow(index: MatchIndex): Promise<void> {
    await this.take(index);
    this.rebuilds += 1;
  }

  /** Colour keys of the companies this part holds. */
  keys(): Map<string, MatchIndex['keys'][number]> {
    return new Map(this.index.entities.map((entity, i) => [entity.id, this.index.keys[i]]));
  }

  scan(text: string, context?: Parameters<PageMatcher['scan']>[1]): PageMatch[] {
    // Most of a page's text holds no first word at all; the first look already read it.
    if (this.quiet?.has(text)) return this.matcher.scan(text, { ...context, holdsNoFirstWord: true });
    // A text the frame looked at before this matcher was built holds no first word the matcher lacks.
    const covered = this.covered;
    if (covered && !context?.tokensSeen) {
      let lacking: string[] | null = null;
      let incomplete = false;
      visitTokens(text, (token) => {
        if (!this.tokens.has(token) || covered.has(token)) return;
        incomplete = true;
        if (!this.asked.has(token)) {
          this.asked.add(token);
          (lacking ??= []).push(token);
        }
      }, undefined, this.filter);
      if (incomplete) context?.onIncomplete?.();
      if (lacking) this.options.onLacking?.(lacking);
    }
    return this.matcher.scan(text, context);
  }

  /** What a block defined for the rest of the page, read with the companies this frame compiled. */
  introduced(text: string, matches: readonly PageMatch[]): ReadonlyMap<string, string | null> {
    return this.matcher.introduced(text, matches as Parameters<Matcher['introduced']>[1]);
  }

  private async take(index: MatchIndex): Promise<void> {
    const decoder = new PatternDecoder(index.patterns, index.entities);
    if (decoder.size <= SYNC_ROWS) {
      this.matcher = createMatcherFromPatterns({ patterns: patternsFromTable(decoder), warnings: [] });
    } else {
      this.matcher = await createMatcherFromPatternsAsync({ patterns: await this.turnBack(decoder), warnings: [] }, this.options);
    }
    this.index = index;
    this.covered = index.covers ? new Set(index.covers) : null;
  }

  /** Every row of a large index turned back a stretch at a time (the automaton is then built in stretches too). */
  private async turnBack(decoder: PatternDecoder): Promise<Pattern[]> {
    const sliceMs = this.options.sliceMs ?? 8;
    const pause = this.options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const patterns: Pattern[] = [];
    let since = performance.now();
    for (let row = 0; row < decoder.size; row++) {
      patterns.push(decoder.pattern(row));
      if ((row & 63) === 63 && performance.now() - since >= sliceMs) {
        await pause();
        since = performance.now();
      }
    }
    await pause();
    return patterns;
  }
}
