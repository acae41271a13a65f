// The page's matcher, built from the background's match index for only the companies whose first
// words (or first two words, tokens.ts) occur in this frame's text: an article naming three companies compiles a handful of entities,
// not the whole list. It grows when new text brings new first words (never missing a company: see
// tokens.ts), and answers as `createMatcher` over the whole index would, because a company none of
// whose first words occur in a text cannot match in it.
import { createMatcherFromPatterns, type AsyncBuildOptions, type Matcher } from '../match';
import { PatternDecoder, patternsFromTable } from '../match/pattern-table';
import type { MatchIndex } from '../messaging';
import type { PageMatch, PageMatcher } from './scanner';
import { ALWAYS, pairStarts, tokenFilter, visitTokens } from './tokens';

/** What the frame's first look already made of the index's tokens, shared rather than made again. */
interface Lookup {
  pairsAfter?: ReadonlySet<string>;
  filter?: Int32Array;
}

/** From this share of the index on, the whole index is compiled (once, in short tasks). */
const WHOLE_SHARE = 0.3;

export class SubsetMatcher implements PageMatcher {
  private readonly included = new Set<number>();
  private whole = false;
  private matcher!: Matcher;
  /** How often the matcher was rebuilt to take in more companies (tests, benchmark). */
  rebuilds = 0;

  /** The index's first words as a map: the index arrives as JSON, where "constructor" is a key like any other. */
  private readonly tokens: Map<string, number[]>;
  /** Words that start a two-word token: only after these is the next word looked at. */
  private readonly pairsAfter: ReadonlySet<string>;

  /** The background's compiled patterns, turned back into patterns as the matcher needs them. */
  private readonly decoder: PatternDecoder;

  /** The words worth looking up (tokens.ts, `tokenFilter`). */
  private readonly filter: Int32Array;

  private constructor(private readonly index: MatchIndex, lookup: Lookup) {
    this.tokens = new Map(Object.entries(index.tokens));
    this.pairsAfter = lookup.pairsAfter ?? pairStarts(this.tokens.keys());
    this.filter = lookup.filter ?? tokenFilter(this.tokens.keys());
    this.decoder = new PatternDecoder(index.patterns, index.entities);
  }

  /** A matcher covering every company `texts` could name, built in short tasks when it is large. */
  static async create(index: MatchIndex, tokens: Iterable<string>, options: AsyncBuildOptions & Lookup = {}): Promise<SubsetMatcher> {
    const subset = new SubsetMatcher(index, options);
    const wanted = subset.entitiesFor(tokens);
    if (wanted.size >= index.entities.length * WHOLE_SHARE) {
      subset.whole = true;
      subset.matcher = await subset.buildWhole(options);
    } else {
      for (const at of wanted) subset.included.add(at);
      subset.build();
    }
    return subset;
  }

  get size(): number {
    return this.whole ? this.index.entities.length : this.included.size;
  }

  scan(text: string, context?: Parameters<PageMatcher['scan']>[1]): PageMatch[] {
    // A text the frame looked at before this matcher was built holds no first word the matcher lacks.
    if (!this.whole && !context?.tokensSeen) {
      let missing: number[] | null = null;
      visitTokens(text, (token) => {
        for (const at of this.tokens.get(token) ?? []) if (!this.included.has(at)) (missing ??= []).push(at);
      }, this.pairsAfter, this.filter);
      if (missing) this.grow(missing);
    }
    return this.matcher.scan(text, context);
  }

  /** What a block defined for the rest of the page, read with the companies this frame compiled. */
  introduced(text: string, matches: readonly PageMatch[]): ReadonlyMap<string, string | null> {
    return this.matcher.introduced(text, matches as Parameters<Matcher['introduced']>[1]);
  }

  private entitiesFor(tokens: Iterable<string>): Set<number> {
    const wanted = new Set<number>(this.tokens.get(ALWAYS) ?? []);
    for (const token of tokens) for (const at of this.tokens.get(token) ?? []) wanted.add(at);
    return wanted;
  }

  private grow(missing: number[]): void {
    for (const at of missing) this.included.add(at);
    // Each rebuild compiles every included company again: doubling keeps the total to about twice one build.
    const target = Math.min(this.index.entities.length, this.included.size * 2);
    for (let at = 0; at < this.index.entities.length && this.included.size < target; at++) this.included.add(at);
    if (this.included.size === this.index.entities.length) this.whole = true;
    this.rebuilds += 1;
    this.build();
  }

  private build(): void {
    for (const at of this.tokens.get(ALWAYS) ?? []) this.included.add(at);
    // The table keeps the compiler's order, so the patterns of some entities come out as compiling only
    // those entities would order them, and the matcher prefers among them as the full one does.
    const included = this.included;
    this.matcher = createMatcherFromPatterns({ patterns: patternsFromTable(this.decoder, (at) => included.has(at)), warnings: [] });
  }

  /** Every pattern of the index, turned back a stretch at a time, then the automaton in one go. */
  private async buildWhole(options: AsyncBuildOptions): Promise<Matcher> {
    const sliceMs = options.sliceMs ?? 8;
    const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const patterns = [];
    let since = performance.now();
    for (let row = 0; row < this.decoder.size; row++) {
      patterns.push(this.decoder.pattern(row));
      if ((row & 63) === 63 && performance.now() - since >= sliceMs) {
        await pause();
        since = performance.now();
      }
    }
    await pause();
    return createMatcherFromPatterns({ patterns, warnings: [] });
  }
}
