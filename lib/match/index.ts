// The detection engine (contract 2 in DESIGN.md): `createMatcher(dataset).scan(text)` finds the listed
// companies a reader would see in a piece of text — by name, ticker or ISIN — and nothing else. Pure and
// synchronous; runs in Node, in tests and in every extension context.
//
// One left-to-right pass: each word is read once and hashed; only a word some pattern starts with (and each
// CJK character) starts a walk of the automaton to the longest pattern, then the pattern's rule asks whether
// the surroundings confirm it (judge.ts). Matches that need "the company named nearby" wait until the pass
// is over and are then kept or dropped (pending.ts).
import type { Dataset } from '../dataset/types';
import { AutomatonBuilder, type Automaton } from './automaton';
import { ACCEPT, DEFER, SKIP_TO_END, judge, verdictSlot } from './judge';
import { resolvePending } from './pending';
import { applyIntroduced, introducedIn } from './introduced';
import { FirstWordFilter, WORD_HASH_SEED, hashStep, mayStart } from './first-words';
import {
  AMP, CJK, SEP, SKIP, UNKNOWN_CLASS, WORD, WORD_FOLD_EXPANDS, WORD_FOLD_NONE, WORD_FOLD_UNLEARNED, charClass, classTable, foldCode, foldTable, foldedTail,
  wordFoldTable,
} from './normalize';
import { PatternCompiler, compilePatterns, type CompiledPatterns } from './patterns';
import type { Matcher, MatchRule, ScanContext, TextMatch } from './types';

export type { MatchKind, MatchRule, Matcher, ScanContext, TextMatch } from './types';
export { normalize, coreName, matchKey, foldWithOffsets } from './normalize';
export { isValidIsin } from './isin';

/** Pattern ends one walk may collect (the longest wins; more than a handful never happens in real text). */
const MAX_CANDIDATES = 32;

// Russian declines names: "Сбербанка", "Роснефти", "ЛУКОЙЛа". A case ending after a Cyrillic name (or after
// its stem, see patterns.ts) still ends the name.
const RUSSIAN_ENDINGS = new Set(['а', 'я', 'у', 'ю', 'ом', 'ем', 'ой', 'ей', 'е', 'и', 'ы', 'ов', 'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ью']);
const isCyrillic = (folded: number) => folded >= 0x430 && folded <= 0x45f;
const isDigit = (code: number) => code >= 48 && code <= 57;

// Imported bindings copied into module constants once: some module loaders turn every imported binding
// into a getter call, which in the scanner's loop cost more than the matching itself.
const C_SEP = SEP;
const C_WORD = WORD;
const C_CJK = CJK;
const C_SKIP = SKIP;
const C_AMP = AMP;
const C_UNKNOWN = UNKNOWN_CLASS;
const CLASSES = classTable;
const WF_NONE = WORD_FOLD_NONE;
const WF_UNLEARNED = WORD_FOLD_UNLEARNED;
const WF_EXPANDS = WORD_FOLD_EXPANDS;
const FOLD = foldTable;

function classOf(code: number): number {
  const cls = CLASSES[code];
  return cls === C_UNKNOWN ? charClass(code) : cls;
}

/** End of a Russian case ending starting at `from`, or -1 when the rest of the word is not one. */
function inflectedEnd(text: string, from: number): number {
  let tail = '';
  let k = from;
  while (k < text.length && tail.length <= 3) {
    const cls = classOf(text.charCodeAt(k));
    if (cls === C_SKIP) {
      k++;
      continue;
    }
    if (cls !== C_WORD) break;
    tail += String.fromCharCode(FOLD[text.charCodeAt(k)]);
    k++;
  }
  const atWordEnd = k >= text.length || classOf(text.charCodeAt(k)) !== C_WORD;
  return atWordEnd && RUSSIAN_ENDINGS.has(tail) ? k : -1;
}

/** The first WORD or CJK code unit at or after `from`: where the next word (or CJK character) starts. */
function nextWordOrCjk(text: string, from: number): number {
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const cls = CLASSES[code];
    if (cls === C_WORD || cls === C_CJK) break;
    if (cls === C_UNKNOWN) {
      const learned = charClass(code);
      if (learned === C_WORD || learned === C_CJK) break;
    }
  }
  return i;
}

/** The end of the run of WORD (and invisible SKIP) code units from `from`. */
function endOfWord(text: string, from: number): number {
  const n = text.length;
  let i = from;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const cls = CLASSES[code];
    if (cls === C_WORD || cls === C_SKIP) continue;
    if (cls !== C_UNKNOWN) break;
    const learned = charClass(code);
    if (learned !== C_WORD && learned !== C_SKIP) break;
  }
  return i;
}

/** Past the leading zeros of a number ("0700" → at "700"), keeping a last zero ("0" stays "0"). */
function afterLeadingZeros(text: string, from: number): number {
  const n = text.length;
  let j = from;
  // Folded, so full-width "０１８１０" counts as "01810".
  while (j + 1 < n && foldCode(text.charCodeAt(j)) === 48 && isDigit(foldCode(text.charCodeAt(j + 1)))) j++;
  return j;
}


const isAsciiLower = (code: number) => code >= 97 && code <= 122;
const isAsciiUpper = (code: number) => code >= 65 && code <= 90;

export function createMatcher(dataset: Pick<Dataset, 'entities'>): Matcher {
  return matcherFrom(compilePatterns(dataset));
}

/**
 * The matcher for patterns compiled elsewhere (the background's pattern table, pattern-table.ts): the same
 * matcher `createMatcher` gives for the entities the patterns came from, without compiling them again.
 */
export function createMatcherFromPatterns(compiled: CompiledPatterns): Matcher {
  return matcherFrom(compiled);
}

/** `createMatcherFromPatterns` with the automaton built in stretches of about `sliceMs`, a pause between them. */
export async function createMatcherFromPatternsAsync(compiled: CompiledPatterns, options: AsyncBuildOptions = {}): Promise<Matcher> {
  const sliceMs = options.sliceMs ?? 8;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const builder = new AutomatonBuilder();
  compiled.patterns.forEach((pattern, id) => builder.add(pattern.key, id));
  const steps = builder.steps();
  let since = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return matcherFrom(compiled, step.value);
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
}

export interface AsyncBuildOptions {
  /** Longest stretch of work between two pauses, in ms. */
  sliceMs?: number;
  /** How to hand control back between stretches (the page passes a task without timer clamping). */
  pause?: () => Promise<void>;
}

/**
 * The same matcher as `createMatcher`, built in stretches of about `sliceMs` with a pause between
 * them, so a page never sees one long task while it is built. Entities are compiled a few at a
 * time; the automaton is built in one stretch at the end (a few ms for the bundled data).
 */
export async function createMatcherAsync(dataset: Pick<Dataset, 'entities'>, options: AsyncBuildOptions = {}): Promise<Matcher> {
  const sliceMs = options.sliceMs ?? 8;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const compiler = new PatternCompiler();
  let since = performance.now();
  for (const entity of dataset.entities) {
    compiler.add(entity);
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
  const compiled = compiler.finish();
  await pause();
  return matcherFrom(compiled);
}

function matcherFrom({ patterns, warnings }: CompiledPatterns, built?: Automaton): Matcher {
  const builder = built ? undefined : new AutomatonBuilder();
  const firstWords = new FirstWordFilter();
  patterns.forEach((pattern, id) => {
    builder?.add(pattern.key, id);
    firstWords.addKey(pattern.key);
  });
  const firstWordTable = firstWords.table;
  const automaton = built ?? builder!.build();
  const { terminal, payloads, root, denseCount, ascii, first, codes, targets } = automaton;

  const candidateNode = new Int32Array(MAX_CANDIDATES);
  const candidateEnd = new Int32Array(MAX_CANDIDATES);

  // Module bindings read through local constants: some module loaders turn every imported binding into a
  // getter call, which would otherwise cost more than the whole walk.
  const classes = classTable;
  const fold = foldTable;
  const rootEdges = root;
  const asciiEdges = ascii;
  const ends = terminal;
  const wordFolds = wordFoldTable;
  const edgeStart = first;
  const edgeCodes = codes;
  const edgeTargets = targets;

  /** The reference to the child of `node` on folded code unit `code`, from any of the tables (see automaton.ts). */
  function childRef(node: number, code: number): number {
    if (node === 0) return rootEdges[code];
    if (node <= denseCount && code < 128) return asciiEdges[node * 128 + code];
    let lo = edgeStart[node];
    let hi = edgeStart[node + 1];
    while (hi - lo > 8) {
      const mid = (lo + hi) >> 1;
      if (edgeCodes[mid] < code) lo = mid + 1;
      else hi = mid + 1;
    }
    for (; lo < hi; lo++) if (edgeCodes[lo] === code) return edgeTargets[lo];
    return 0;
  }

  /**
   * Records a pattern ending just before `j` (its last code unit of class `cls`, folded to `folded`) when the
   * text has a word boundary there, or a Russian case ending; returns the new candidate count.
   */
  function recordCandidate(text: string, node: number, j: number, cls: number, folded: number, count: number): number {
    if (count >= MAX_CANDIDATES) return count;
    let end = j;
    if (cls === C_WORD) {
      const n = text.length;
      let k = j;
      while (k < n && classOf(text.charCodeAt(k)) === C_SKIP) k++;
      if (k < n && classOf(text.charCodeAt(k)) === C_WORD) {
        // "PromsvyazbankEU and US sanctions": a capital straight after a small letter starts the next cell.
        const glued = k === j && isAsciiLower(text.charCodeAt(j - 1)) && isAsciiUpper(text.charCodeAt(j));
        end = glued ? j : isCyrillic(folded) ? inflectedEnd(text, k) : -1;
        if (end <= j && !glued) return count;
      }
    }
    candidateNode[count] = node;
    candidateEnd[count] = end;
    return count + 1;
  }

  /** Whether `form` alone names a listed company (then it cannot be another company's short name). */
  const namesCache = new Map<string, boolean>();
  const namesACompany = (form: string) => {
    let names = namesCache.get(form);
    if (names === undefined) namesCache.set(form, (names = scanText(form, {}).length > 0));
    return names;
  };

  function scan(text: string, context: ScanContext = {}): TextMatch[] {
    const matches = context.holdsNoFirstWord ? [] : scanText(text, context);
    const where = new Map<string, number>();
    const own = introducedIn(text, matches, namesACompany, where);
    return joinSplitNames(text, applyIntroduced(text, matches, own, where, context.introduced));
  }

  function introduced(text: string, matches: readonly TextMatch[]): ReadonlyMap<string, string | null> {
    return introducedIn(text, matches, namesACompany);
  }

  function scanText(text: string, context: ScanContext): TextMatch[] {
    const found: TextMatch[] = [];
    const pending: TextMatch[] = [];
    const n = text.length;
    for (let i = nextWordOrCjk(text, 0); i < n; ) {
      const startCode = text.charCodeAt(i);
      const startClass = classOf(startCode);
      // The walk: from this word start (or CJK character), follow the automaton while the folded text agrees,
      // noting every pattern that ends at a word boundary. It is written out here, not called, because it
      // runs at every word of every page and a call costs more than its first steps.
      let count = 0;
      // Where the first word ends (or where the walk gave up inside it): no pattern starts before that.
      let wordEnd = -1;
      let j = i;
      const walk = rootEdges[fold[startCode]] !== 0 || fold[startCode] === 48;
      if (walk && startClass === C_WORD && fold[startCode] !== 48) {
        // Read the word once, hashing its folded letters; walk only if some pattern starts with it.
        let hash = WORD_HASH_SEED;
        let wide = 0;
        // The hash of the word's head before a small letter meets a capital ("Gazprombank" of
        // "GazprombankBan"): table cells pasted together, whose first word may start a pattern by itself.
        let headHash = 0;
        let headAt = -1;
        let k = i;
        for (; k < n; k++) {
          const c = text.charCodeAt(k);
          if (c >= 65 && c <= 90 && headAt < 0 && k > i && isAsciiLower(text.charCodeAt(k - 1))) {
            headAt = k;
            headHash = hash;
          }
          let f = wordFolds[c];
          if (f === WF_UNLEARNED) {
            charClass(c);
            f = wordFolds[c];
          }
          if (f > WF_EXPANDS) {
            hash = hashStep(hash, f);
            wide |= f;
          } else if (f === WF_NONE) break;
          else if (f === WF_EXPANDS) {
            hash = hashStep(hash, fold[c]);
            for (const letter of foldedTail(c)!) hash = hashStep(hash, letter);
          }
        }
        if (wide < 128 && !mayStart(firstWordTable, hash) && !(headAt >= 0 && mayStart(firstWordTable, headHash))) {
          i = nextWordOrCjk(text, k);
          continue;
        }
      }
      if (walk) {
        // Hong Kong codes: "0700" and "700" are one code; patterns are stored without leading zeros.
        if (fold[startCode] === 48) j = afterLeadingZeros(text, i);
        let node = 0;
        let lastClass = C_SEP;
        let gap = false;
        while (j < n) {
          const code = text.charCodeAt(j);
          let cls = classes[code];
          if (cls === C_UNKNOWN) cls = charClass(code);
          if (cls !== C_WORD) {
            if (cls === C_SKIP) {
              j++;
              continue;
            }
            if (wordEnd < 0) wordEnd = j;
            if (cls === C_SEP) {
              gap = true;
              j++;
              continue;
            }
          }
          if (node !== 0 && (cls === C_AMP || lastClass === C_AMP || (gap && !(cls === C_CJK && lastClass === C_CJK)))) {
            node = childRef(node, 32) >> 1;
            if (node === 0) break;
          }
          // Nearly every step is one read from a dense row (see automaton.ts).
          const folded = fold[code];
          let ref = folded < 128 && node <= denseCount ? asciiEdges[(node << 7) | folded] : childRef(node, folded);
          // A ligature ("ﬁ") steps through each of its letters.
          if (ref !== 0 && wordFolds[code] === WF_EXPANDS) {
            for (const letter of foldedTail(code)!) if (ref !== 0) ref = childRef(ref >> 1, letter);
          }
          if (ref === 0) {
            // "Банка России": a Russian case ending on an inner word of a name, before the name goes on.
            if (cls === C_WORD && isCyrillic(folded) && lastClass === C_WORD && childRef(node, 32) !== 0) {
              const endingEnd = inflectedEnd(text, j);
              if (endingEnd > j) {
                j = endingEnd;
                continue;
              }
            }
            break;
          }
          node = ref >> 1;
          gap = false;
          lastClass = cls;
          j++;
          if ((ref & 1) !== 0) count = recordCandidate(text, node, j, cls, folded, count);
        }
      }
      if (wordEnd < 0) wordEnd = j;

      let next = -1;
      let deferred: TextMatch | undefined;
      for (let c = count - 1; c >= 0 && next < 0; c--) {
        for (let p = ends[candidateNode[c]]; payloads[p] >= 0; p++) {
          const verdict = judge(text, patterns[payloads[p]], i, candidateEnd[c], found, context);
          if (verdict === ACCEPT) {
            found.push(verdictSlot.match!);
            next = verdictSlot.match!.end;
            break;
          }
          if (verdict === SKIP_TO_END) {
            next = candidateEnd[c];
            break;
          }
          if (verdict === DEFER) {
            // One symbol listed on two exchanges ("NVTK" in London and Moscow) is held once per venue, so either
            // exchange's context can confirm it; the first held spelling of any other kind wins.
            if (deferred === undefined) deferred = verdictSlot.match;
            else if (verdictSlot.match!.kind === 'ticker' && deferred.kind === 'ticker' && verdictSlot.match!.entityId === deferred.entityId) {
              pending.push(verdictSlot.match!);
            }
          }
        }
      }
      verdictSlot.match = undefined;
      if (next >= 0) i = next;
      else {
        if (deferred) pending.push(deferred);
        // A CJK character is a word of its own; a word is skipped to its end.
        i = startClass === C_CJK ? i + 1 : endOfWord(text, Math.max(wordEnd, i + 1));
      }
      i = nextWordOrCjk(text, i);
    }
    if (pending.length === 0) return found;
    return resolvePending(text, found, pending, context);
  }

  const RULE_WORDS: Record<MatchRule, string> = {
    name: 'the company name',
    'acronym-with-cue': 'its short name next to a word like "shares" or "maker"',
    'acronym-after-name': 'its short name right after the full name',
    'acronym-with-company-nearby': 'its short name, with the company named nearby',
    cashtag: 'a cashtag',
    'exchange-prefix': 'a ticker with its exchange before it',
    'exchange-suffix': 'a ticker with its exchange suffix',
    'bloomberg-code': 'a Bloomberg-style ticker',
    'ticker-after-name': 'a ticker right after the company name',
    'ticker-context': 'a ticker in a quote link or symbol column',
    'ticker-with-quote': 'a ticker followed by its price',
    'acronym-among-listed-companies': 'its short name in a list of other listed companies',
    'ticker-with-company-nearby': 'a ticker with the company named nearby',
    'code-beside-name': 'its exchange code next to its name on the same line',
    'ticker-named': 'a ticker the text calls a ticker ("ticker symbol", "trading in")',
    'ticker-in-market-talk': 'a ticker in a sentence about its shares ("stock", "market cap", "puts")',
    'code-given-before': 'an exchange code the text gave for the company earlier',
    'code-after-chinese-name': 'its exchange code in brackets after its Chinese name',
    'abbreviation-defined': 'the abbreviation the text itself defined for the company',
    'short-name-after-full-name': 'its short name, after the text gave its full name',
    'parent-group': 'the name of a listed company followed by "group" (集团), which is its parent group',
    isin: 'an ISIN with a valid check digit',
  };

  function explain(match: TextMatch, text?: string): string {
    const seen = text ? `"${text.slice(match.start, match.end)}"` : `text at ${match.start}–${match.end}`;
    const how = match.rule ? RULE_WORDS[match.rule] : match.kind;
    return `${seen} matched ${match.alias ? `"${match.alias}" ` : ''}of ${match.entityId} as ${how}.`;
  }

  return { scan, introduced, explain, stats: { patterns: patterns.length, nodes: automaton.nodeCount }, warnings };
}

/** Only capitalised words and the small words of a proper name ("and", "of", "for") between two names. */
// At least one capitalised word: two names side by side, or with only "and" between them, are two mentions.
const PROPER_NAME_GAP = /^[ \u00a0]+(?:(?:and|of|for|the)[ \u00a0]+)*\p{Lu}[\p{L}'’-]*[ \u00a0]+(?:(?:and|of|for|the|\p{Lu}[\p{L}'’-]*)[ \u00a0]+)*$/u;

/**
 * "Bank for Development and Foreign Economic Affairs Vnesheconombank": one long proper name that holds two of the
 * same company's names is one mention, so the reader sees one mark over the whole, not two.
 */
function joinSplitNames(text: string, matches: TextMatch[]): TextMatch[] {
  const out: TextMatch[] = [];
  for (const match of matches) {
    const previous = out[out.length - 1];
    if (
      previous !== undefined &&
      previous.kind === 'name' &&
      match.kind === 'name' &&
      previous.entityId === match.entityId &&
      match.start > previous.end &&
      match.start - previous.end <= 48 &&
      PROPER_NAME_GAP.test(text.slice(previous.end, match.start))
    ) {
      out[out.length - 1] = { ...previous, end: match.end, alias: text.slice(previous.start, match.end) };
      continue;
    }
    out.push(match);
  }
  return out;
}
