// The compiled patterns as plain data: what the background compiles once per dataset version and
// settings, so a frame never runs the pattern compiler (name keys, legal forms, case rules) on the
// page's main thread. A row per pattern, in the compiler's order; `patternsFromTable` gives back the
// very patterns `compilePatterns` made, for all entities or only some, and `createMatcherFromPatterns`
// (index.ts) builds the same matcher from them. Rows are arrays of numbers and strings, so the table
// survives the JSON the extension's messages are sent as.
import { entityNameFacts, type CaseRule, type EntityNameFacts, type NamedEntity, type Pattern, type PatternKind } from './patterns';

/** [entity position (-1: the exclusion list), kind, case rule and flags packed, key, alias, rank, venue?] */
export type PatternRow = [number, number, string, string, number] | [number, number, string, string, number, string];

export interface PatternTable {
  rows: PatternRow[];
}

const KINDS: PatternKind[] = ['exclude', 'isin', 'name', 'weak', 'ticker'];
const CASE_RULES: CaseRule[] = ['any', 'capitalised', 'upper', 'lead'];
const KIND_BITS = 3;
const CASE_SHIFT = KIND_BITS;
const FLAG_SHIFT = CASE_SHIFT + 2;
// Flags, each one bit above the kind and case rule.
const NUMERIC = 1 << FLAG_SHIFT;
const WORD_TICKER = 2 << FLAG_SHIFT;
const GENERIC = 4 << FLAG_SHIFT;
const DERIVED = 8 << FLAG_SHIFT;
const BRAND_CASE = 16 << FLAG_SHIFT;
const GLUED = 32 << FLAG_SHIFT;
const INDEX_LIKE = 64 << FLAG_SHIFT;
const HAS_PARENT = 128 << FLAG_SHIFT;

/** The rows of `patterns`; `positionOf` gives each entity's place in the entity list the table travels with. */
export function patternTable(patterns: readonly Pattern[], positionOf: (entityId: string) => number | undefined): PatternTable {
  const rows: PatternRow[] = [];
  for (const pattern of patterns) {
    const at = pattern.kind === 'exclude' ? -1 : positionOf(pattern.entityId);
    if (at === undefined) throw new Error(`pattern table: ${pattern.entityId} is not among the table's entities`);
    let packed = KINDS.indexOf(pattern.kind) | (CASE_RULES.indexOf(pattern.caseRule) << CASE_SHIFT);
    if (pattern.numeric) packed |= NUMERIC;
    if (pattern.wordTicker) packed |= WORD_TICKER;
    if (pattern.generic) packed |= GENERIC;
    if (pattern.derived) packed |= DERIVED;
    if (pattern.brandCase) packed |= BRAND_CASE;
    if (pattern.glued) packed |= GLUED;
    if (pattern.indexLike) packed |= INDEX_LIKE;
    if (pattern.parentId !== undefined) packed |= HAS_PARENT;
    rows.push(pattern.venue === undefined ? [at, packed, pattern.key, pattern.alias, pattern.rank] : [at, packed, pattern.key, pattern.alias, pattern.rank, pattern.venue]);
  }
  return { rows };
}

/**
 * Turns rows back into patterns, remembering each one made (a frame's matcher grows and asks again).
 * Name patterns share their entity's symbols and names, as the compiler's do.
 */
export class PatternDecoder {
  private readonly made: (Pattern | undefined)[];
  private readonly facts = new Map<number, EntityNameFacts>();

  constructor(
    private readonly table: PatternTable,
    private readonly entities: readonly NamedEntity[],
  ) {
    this.made = new Array(table.rows.length);
  }

  get size(): number {
    return this.table.rows.length;
  }

  /** The entity position of row `row` (-1 for the exclusion list, which every matcher holds). */
  entityAt(row: number): number {
    return this.table.rows[row][0];
  }

  pattern(row: number): Pattern {
    return (this.made[row] ??= this.decode(this.table.rows[row]));
  }

  private factsOf(at: number): EntityNameFacts {
    let facts = this.facts.get(at);
    if (!facts) this.facts.set(at, (facts = entityNameFacts(this.entities[at])));
    return facts;
  }

  private decode(row: PatternRow): Pattern {
    const [at, packed, key, alias, rank] = row;
    const venue = row.length > 5 ? row[5] : undefined;
    const kind = KINDS[packed & ((1 << KIND_BITS) - 1)];
    const caseRule = CASE_RULES[(packed >> CASE_SHIFT) & 3];
    const entityId = at < 0 ? '' : this.entities[at].id;
    if (kind === 'name' || kind === 'weak') {
      // The same shape, field for field, as the compiler's name patterns (patterns.ts, `namePattern`).
      const facts = this.factsOf(at);
      return {
        kind, key, entityId, alias, caseRule, venue: undefined, numeric: undefined, wordTicker: undefined, symbols: facts.symbols, rank,
        generic: (packed & GENERIC) !== 0, ownNames: facts.ownNames, derived: (packed & DERIVED) !== 0, brandCase: (packed & BRAND_CASE) !== 0,
        glued: undefined, indexLike: (packed & INDEX_LIKE) !== 0, parentId: (packed & HAS_PARENT) !== 0 ? facts.parentId : undefined,
      };
    }
    if (kind === 'ticker') {
      const numeric = (packed & NUMERIC) !== 0;
      const wordTicker = (packed & WORD_TICKER) !== 0;
      if ((packed & GLUED) !== 0) return { kind, key, entityId, alias, caseRule, venue, numeric, wordTicker, rank, glued: true };
      return { kind, key, entityId, alias, caseRule, venue, numeric, wordTicker, rank };
    }
    return { kind, key, entityId, alias, caseRule, rank };
  }
}

/** The patterns of the rows whose entity `include` accepts (and the exclusion list's), in table order. */
export function patternsFromTable(decoder: PatternDecoder, include: (at: number) => boolean = () => true): Pattern[] {
  const out: Pattern[] = [];
  for (let row = 0; row < decoder.size; row++) {
    const at = decoder.entityAt(row);
    if (at < 0 || include(at)) out.push(decoder.pattern(row));
  }
  return out;
}
