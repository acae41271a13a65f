// Turns the dataset into patterns for the automaton: every name and alias in its full and core form
// (legal forms stripped), acronyms as weak aliases, tickers per venue (Hong Kong and mainland codes without
// leading zeros), ISINs that pass their check digit, and the exclusion list. Each pattern records what a
// match needs before it may be shown to a user.
import type { Dataset, Entity } from '../dataset/types';
import { datasetVenue } from './exchanges';
import { EXCLUDED_NAMES } from './exclusions';
import { isValidIsin } from './isin';
import { lazy } from './lazy';
import { LEGAL_FORMS } from './legal-forms';
import { CJK, charClass, coreName, matchKey, normalize, withoutTrailingParenthetical } from './normalize';
import { PLACE_NAMES, isPlace } from './places';
import { symbolKey } from './context';
import { COMMON_WORDS, EVERYDAY_NAMES, MARKET_SYMBOLS, RU_LEADING_COMMON_WORDS, WORD_TICKERS } from './word-lists';

export type PatternKind = 'exclude' | 'isin' | 'name' | 'weak' | 'ticker';

/** How the matched text must be written: as is, each word capitalised, or all in capitals. */
/**
 * How a name must be written to count: in any case, every word capitalised, all in capitals, or (a
 * Russian name in sentence case, «Фонд развития Дальнего Востока») its first word capitalised.
 */
export type CaseRule = 'any' | 'capitalised' | 'upper' | 'lead';

export interface Pattern {
  kind: PatternKind;
  key: string;
  entityId: string;
  /** The alias, symbol or ISIN as the dataset spells it (shown when a user asks why). */
  alias: string;
  caseRule: CaseRule;
  /** Tickers: the venue the symbol is listed on (see exchanges.ts). */
  venue?: string;
  /** Tickers: a numeric exchange code (Hong Kong, Shanghai, Shenzhen). */
  numeric?: boolean;
  /** Tickers that are everyday words: never trusted without an explicit marker. */
  wordTicker?: boolean;
  /** Names: the entity's own symbols (see `symbolKey`), to tell it from a namesake listed elsewhere. */
  symbols?: ReadonlySet<string>;
  /** Names made of ordinary words or a place plus a word ("China Mobile", "中国移动"): may run into a compound. */
  generic?: boolean;
  /** All the entity's names, to tell it from a company that starts the same way ("COSCO SHIPPING Ports"). */
  ownNames?: readonly string[];
  /** Names: the key was left by stripping legal forms ("ROSE" of "ROSE GROUP"), not written so by the data. */
  derived?: boolean;
  /** Names: the first word is also a weak alias of the company, so another brand's spelling ("CoStar") tells. */
  brandCase?: boolean;
  /** Tickers written with their market glued on ("SZ300750", "HK00700"): a marker by themselves. */
  glued?: boolean;
  /** Names: the acronym is also a market index's symbol ("DJI"), so index words nearby make it the index. */
  indexLike?: boolean;
  /** Chinese names of a listed company: its parent group's entity, for "中国移动通信集团有限公司". */
  parentId?: string;
  /** Lower is preferred when several patterns share a key. */
  rank: number;
}

export interface CompiledPatterns {
  patterns: Pattern[];
  /** Data problems that cost a pattern (an ISIN with a wrong check digit…), for the data build to report. */
  warnings: string[];
}

const legalCanonicals = lazy(() => new Set(LEGAL_FORMS.map((form) => form.canonical)));
const legalWords = lazy(() => new Set(LEGAL_FORMS.flatMap((form) => form.spellings.flatMap((spelling) => matchKey(spelling).split(' ')))));

const KIND_RANK: Record<PatternKind, number> = { exclude: 0, isin: 10, name: 20, ticker: 40, weak: 50 };

function isCjk(key: string): boolean {
  return key.length > 0 && charClass(key.charCodeAt(0)) === CJK;
}

/**
 * Keys a name may appear under in text, each marked `derived` when legal forms were stripped to get it:
 * the full form (unless it starts with a legal form, which would let "Joint Stock Company Sberbank" swallow
 * "Public Joint Stock Company Sberbank of Russia"), the core, and "&"/"and" variants.
 */
function nameKeys(alias: string): { key: string; derived: boolean }[] {
  const keys = new Map<string, boolean>();
  const full = matchKey(withoutTrailingParenthetical(alias));
  const core = coreName(alias);
  const bases: [string, boolean][] = [[core, core !== full]];
  if (full && (full === core || !core || full.startsWith(core))) bases.unshift([full, false]);
  for (const [base, derived] of bases) {
    if (!base) continue;
    const variants = [base];
    if (base.includes(' & ')) variants.push(base.replaceAll(' & ', ' and '));
    if (base.includes(' and ')) variants.push(base.replaceAll(' and ', ' & '));
    // Russian: "Роснефть" is "Роснефти" in the genitive; the stem plus a case ending (index.ts) finds it.
    const lastCode = base.charCodeAt(base.length - 1);
    if (lastCode >= 0x430 && lastCode <= 0x45f) {
      const last = base.slice(base.lastIndexOf(' ') + 1);
      if (/^[\u0430-\u045f]{5,}$/.test(last) && /[ьаяйоеы]$/.test(last)) variants.push(base.slice(0, -1));
    }
    for (const key of variants) if (!keys.has(key) || keys.get(key)) keys.set(key, derived);
  }
  return [...keys].map(([key, derived]) => ({ key, derived }));
}

/** Whether a key is too short or too ordinary to identify a company on its own. */
function isWeakKey(key: string): boolean {
  if (isCjk(key)) return key.length <= 2; // 小米 is also millet, 华为 a phrase: short CJK names need a cue
  const tokens = key.split(' ');
  if (tokens.length > 1) return false;
  return key.length <= 4 || COMMON_WORDS.has(key) || EVERYDAY_NAMES.has(key) || /^\d+$/.test(key);
}

/**
 * "Сбер", "Лукойл": a short Cyrillic name in title case is a brand name, not an acronym that needs a cue
 * (Russian has few four-letter words spelled with a capital that a dataset would list).
 */
function isCyrillicTitleName(alias: string, key: string): boolean {
  return key.length >= 3 && !key.includes(' ') && /^\p{Lu}\p{Ll}{2,}$/u.test(alias.trim()) && /^[\u0430-\u045f]+$/u.test(key);
}

/** A name that reads as ordinary words: all common words, or (CJK) a place plus a word ("中国移动"). */
function isGenericName(key: string): boolean {
  if (isCjk(key)) {
    for (let k = 2; k < key.length - 1; k++) if (PLACE_NAMES.has(key.slice(0, k))) return true;
    return false;
  }
  return key.split(' ').every((t) => t === '&' || COMMON_WORDS.has(t));
}

/** "BYD", "ZTE", "ВТБ": one word of two to five capitals (or digits) as the data spells it, not an everyday word. */
function isBrandAcronym(alias: string, key: string): boolean {
  if (isCjk(key) || key.includes(' ') || key.length < 2 || key.length > 5 || /^\d+$/.test(key)) return false;
  // A market symbol ("DJI") stays a brand: the judge reads it as the index only beside index words.
  if (COMMON_WORDS.has(key) || WORD_TICKERS.has(key)) return false;
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "Limited", "Joint Stock Company": a key that is nothing but legal forms names no company. */
function isOnlyLegalForm(key: string): boolean {
  // Most keys have a word no legal form uses; only the rest are worth normalising.
  const space = key.indexOf(' ');
  const words = legalWords();
  if (!words.has(space < 0 ? key : key.slice(0, space))) return false;
  if (!key.split(' ').every((token) => words.has(token))) return false;
  const canonicals = legalCanonicals();
  return normalize(key).split(' ').every((token) => canonicals.has(token));
}

/**
 * `lead-common-word`: a name of several words that opens with an everyday word ("Банк Москвы", "Bank of
 * Moscow") is written capitalised when it means the company; "крупнейший банк Москвы" is a bank in Moscow.
 */
function leadsWithCommonWord(key: string): boolean {
  const space = key.indexOf(' ');
  if (space <= 0) return false;
  const first = key.slice(0, space);
  return COMMON_WORDS.has(first) || RU_LEADING_COMMON_WORDS.has(first);
}

/**
 * A Cyrillic name the data writes in sentence case: Russian capitalises only the first word of a
 * company's name (and proper nouns in it), so «Фонд развития Дальнего Востока» is never written with
 * «Развития»; asking every word to be capitalised would miss it everywhere.
 */
function inSentenceCase(alias: string): boolean {
  const words = alias.trim().split(/[\s«»"“”„()-]+/u).filter(Boolean);
  return /\p{Script=Cyrillic}/u.test(alias) && words.slice(1).some((word) => /^\p{Ll}/u.test(word) && /\p{Script=Cyrillic}/u.test(word));
}

function caseRuleFor(alias: string, key: string, weak: boolean): CaseRule {
  if (isCjk(key)) return 'any';
  if (weak) {
    const letters = alias.replace(/[^\p{L}]/gu, '');
    return letters && letters === letters.toUpperCase() && key.length <= 5 ? 'upper' : 'capitalised';
  }
  const tokens = key.split(' ').filter((t) => t !== '&');
  if (tokens.every((t) => COMMON_WORDS.has(t))) return 'capitalised';
  if (leadsWithCommonWord(key) && /^\p{Lu}/u.test(alias.trim())) return inSentenceCase(alias) ? 'lead' : 'capitalised';
  // A one-word Cyrillic brand the data writes with an inner capital ("МегаФон") is an everyday word in lower
  // case (мегафон, a megaphone); Latin brands keep their own rule (innerCapitalDiffers).
  if (!key.includes(' ') && /^[\u0430-\u045f]+$/u.test(key) && /\p{Ll}\p{Lu}/u.test(alias)) return 'capitalised';
  return 'any';
}

type NameKeys = typeof nameKeys;

// One literal shape for every name pattern: tens of thousands are made per build, and spread objects cost
// several times as much to make and to keep.
function namePattern(
  kind: 'name' | 'weak', key: string, entityId: string, alias: string, caseRule: CaseRule, rank: number, symbols: ReadonlySet<string>,
  ownNames: readonly string[], derived: boolean, brandCase: boolean, parentId?: string,
): Pattern {
  const generic = kind === 'name' && isGenericName(key);
  return {
    kind, key, entityId, alias, caseRule, venue: undefined, numeric: undefined, wordTicker: undefined, symbols, rank,
    generic, ownNames, derived, brandCase: brandCase || kind === 'weak', glued: undefined,
    indexLike: MARKET_SYMBOLS.has(key), parentId: isCjk(key) ? parentId : undefined,
  };
}

/** What every name pattern of an entity shares: its own symbols, all its names and its parent group. */
export interface EntityNameFacts {
  symbols: ReadonlySet<string>;
  ownNames: readonly string[];
  parentId?: string;
}

/** The facts name patterns carry about their entity (also rebuilt by pattern-table.ts, so both must agree). */
export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  weakAliases?: readonly string[];
  tickers?: readonly { symbol: string }[];
  related?: readonly { id: string; relation: string }[];
}

export function entityNameFacts(entity: NamedEntity): EntityNameFacts {
  return {
    symbols: new Set((entity.tickers ?? []).map((t) => symbolKey(t.symbol))),
    ownNames: [entity.name, ...entity.aliases, ...(entity.weakAliases ?? [])],
    parentId: entity.related?.find((r) => r.relation === 'parent')?.id,
  };
}

function namePatterns(entity: Entity, rankBase: number, nameKeys: NameKeys): Pattern[] {
  const out: Pattern[] = [];
  const { symbols, ownNames, parentId } = entityNameFacts(entity);
  const primary = new Set(nameKeys(entity.name).map((k) => k.key));
  const strongSources = [entity.name, ...entity.aliases];
  const weakKeys = new Set((entity.weakAliases ?? []).map((alias) => matchKey(alias)));
  const firstWordWeak = (key: string) => weakKeys.size > 0 && weakKeys.has(key.split(' ')[0]);
  // Russian names are compounds written in two words or one (Газпром нефть, Газпромнефть).
  const joinsWords = entity.country === 'RU';
  // "Contemporary Amperex Technology Co., Limited (CATL)": the bracketed short name is an alias too.
  const bracketed = strongSources
    .filter((name) => name.includes(')') || name.includes('）'))
    .flatMap((name) => [...name.matchAll(/[(（]([^()（）]+)[)）]\s*$/gu)].map((m) => m[1]));
  const add = (alias: string, forcedWeak: boolean) => {
    for (const { key, derived } of nameKeys(alias)) {
      if (isPlace(key) || isOnlyLegalForm(key)) continue;
      // A one-word core left by stripping legal forms ("United Company" → "united") says nothing alone.
      if (derived && !key.includes(' ') && COMMON_WORDS.has(key)) continue;
      // An acronym the data lists as a name ("BYD", "DJI", "ВТБ") is the company's own brand: it needs no
      // second signal, only capitals. One the data lists as weak, or a core left by stripping, does.
      const title = !forcedWeak && !derived && isCyrillicTitleName(alias, key);
      const weak = forcedWeak || (isWeakKey(key) && !title);
      const brand = weak && !forcedWeak && !derived && isBrandAcronym(alias, key);
      if (weak && (key.length < 2 || /^\d+$/.test(key))) continue;
      // An alias as the data spells it beats a core derived by stripping legal forms ("SMIC" the alias of
      // SMIC over "SMIC Holdings Limited" stripped); then the entity's own name beats its other aliases.
      const rank = (derived ? 4 : 0) + (primary.has(key) ? 0 : 1) + rankBase;
      // Written otherwise ("Sugon" for SUGON), a brand is still an acronym that needs a second signal.
      const brandCase = firstWordWeak(key);
      if (brand) out.push(namePattern('name', key, entity.id, alias, 'upper', KIND_RANK.name + rank, symbols, ownNames, derived, brandCase));
      const kind = weak ? 'weak' : 'name';
      // "Лукойл", "Газпром": a Russian brand of six letters or more is no Russian word, so lower case
      // ("акции лукойл дороже газпрома") still names it. A brand acronym in title case ("Dji", "Nio") is read
      // too, but only as a short name that needs a second signal ("Byd said" is not enough).
      const caseRule = title ? (key.length >= 6 && !leadsWithCommonWord(key) ? 'any' : 'capitalised') : brand && key.length >= 3 ? 'capitalised' : caseRuleFor(alias, key, weak);
      out.push(namePattern(kind, key, entity.id, alias, caseRule, KIND_RANK[kind] + rank, symbols, ownNames, derived, brandCase, parentId));
      const joined = joinsWords && !weak && !derived ? joinedForm(key) : undefined;
      if (joined) {
        out.push(namePattern('name', joined, entity.id, alias, 'capitalised', KIND_RANK.name + rank + 1, symbols, ownNames, derived, brandCase));
      }
    }
  };
  for (const alias of strongSources) add(alias, false);
  for (const alias of bracketed) add(alias, false);
  for (const alias of entity.weakAliases ?? []) add(alias, true);
  return out;
}

const JOINABLE = /^(?:[a-z]{5,} [a-z]{3,5}|[а-яё]{5,} [а-яё]{3,5})$/u;

/**
 * "Gazpromneft", "Газпромнефть": a Russian company's two-word name whose first word is a brand of five letters or
 * more and whose second is a short word (нефть, банк, флот) is also written as one word, as Russian compounds are. Only
 * names of one script whose first word is no ordinary word or place, so the joined word is no word of its own.
 */
function joinedForm(key: string): string | undefined {
  if (!JOINABLE.test(key)) return undefined;
  const [first, second] = key.split(' ');
  if (COMMON_WORDS.has(first) || isPlace(first)) return undefined;
  const joined = first + second;
  return COMMON_WORDS.has(joined) ? undefined : joined;
}

/** Market letters stock forums glue before a code ("SZ300750", "SH600941", "HK00700"), by venue. */
const GLUED_MARKETS: Record<string, string[]> = { SSE: ['sh'], SZSE: ['sz'], CN: ['sh', 'sz'], BSE: ['bj'], HK: ['hk'] };

function gluedPatterns(entity: Entity, symbol: string, venue: string, rank: number): Pattern[] {
  const digits = venue === 'HK' ? symbol.padStart(5, '0') : symbol;
  if ((venue === 'HK' && digits.length !== 5) || (venue !== 'HK' && digits.length !== 6)) return [];
  return (GLUED_MARKETS[venue] ?? []).map((market) => ({
    kind: 'ticker' as const, key: market + digits, entityId: entity.id, alias: market.toUpperCase() + digits, caseRule: 'any' as const,
    venue, numeric: false, wordTicker: false, rank, glued: true,
  }));
}

function tickerPatterns(entity: Entity, rankBase: number): Pattern[] {
  return (entity.tickers ?? []).flatMap((ticker) => {
    const numeric = /^\d+$/.test(ticker.symbol.trim());
    const key = numeric ? ticker.symbol.trim().replace(/^0+(?=\d)/, '') : matchKey(ticker.symbol);
    if (!key) return [];
    const glued = numeric ? gluedPatterns(entity, ticker.symbol.trim(), datasetVenue(ticker.exchange), KIND_RANK.ticker + rankBase) : [];
    return [
      ...glued,
      {
        kind: 'ticker' as const,
        key,
        entityId: entity.id,
        alias: ticker.symbol,
        caseRule: numeric ? ('any' as const) : ('upper' as const),
        venue: datasetVenue(ticker.exchange),
        numeric,
        wordTicker: !numeric && (WORD_TICKERS.has(key) || COMMON_WORDS.has(key) || key.length <= 2),
        rank: KIND_RANK.ticker + rankBase,
      },
    ];
  });
}

/**
 * Compiles patterns entity by entity, so a page can spread the work over short tasks
 * (createMatcherAsync); the result does not depend on how the entities were split.
 */
export class PatternCompiler {
  // The same spelling recurs (an entity's name among its aliases, a name shared by related entities).
  private readonly known = new Map<string, { key: string; derived: boolean }[]>();
  private readonly keysOf = (alias: string) => {
    let keys = this.known.get(alias);
    if (!keys) this.known.set(alias, (keys = nameKeys(alias)));
    return keys;
  };
  private readonly warnings: string[] = [];
  private readonly patterns: Pattern[] = [];

  constructor() {
    for (const alias of EXCLUDED_NAMES) {
      this.patterns.push({ kind: 'exclude', key: matchKey(alias), entityId: '', alias, caseRule: 'any', rank: 0 });
    }
  }

  add(entity: Entity): void {
    const patterns = this.patterns;
    // Listed companies first: when two entities share an alias, the one an investor can hold is the likelier.
    const rankBase = (entity.tickers?.length ?? 0) > 0 || (entity.isins?.length ?? 0) > 0 ? 0 : 2;
    patterns.push(...namePatterns(entity, rankBase, this.keysOf), ...tickerPatterns(entity, rankBase));
    for (const isin of entity.isins ?? []) {
      if (!isValidIsin(isin)) {
        this.warnings.push(`${entity.id}: ISIN ${isin} fails its check digit and is ignored`);
        continue;
      }
      patterns.push({
        kind: 'isin',
        key: isin.toLowerCase(),
        entityId: entity.id,
        alias: isin.toUpperCase(),
        caseRule: 'any',
        rank: KIND_RANK.isin,
      });
    }
  }

  finish(): CompiledPatterns {
    // One pattern per (key, entity, kind): the best-ranked spelling explains the match.
    const patterns = this.patterns.slice().sort((a, b) => a.rank - b.rank);
    const seen = new Set<string>();
    const unique = patterns.filter((p) => {
      const id = `${p.kind}\u0000${p.entityId}\u0000${p.key}\u0000${p.venue ?? ''}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return { patterns: unique, warnings: this.warnings.slice() };
  }
}

export function compilePatterns(dataset: Pick<Dataset, 'entities'>): CompiledPatterns {
  const compiler = new PatternCompiler();
  for (const entity of dataset.entities) compiler.add(entity);
  return compiler.finish();
}
