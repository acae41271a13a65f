// The detection engine (contract 2 in DESIGN.md): `createMatcher(dataset).scan(text)` finds the listed
// companies a reader would see in a piece of text — by name, ticker or ISIN — and nothing else. Pure and
// synchronous; runs in Node, in tests and in every extension context.
//
// One left-to-right pass: each word is read once and hashed; only a word some pattern starts with (and each
// CJK character) starts a walk of the automaton to the longest pattern, then the pattern's rule asks whether
// the surroundings confirm it. Matches that need "the company
// named nearby" wait until the pass is over and are then kept or dropped.
import type { Dataset } from '../dataset/types';
import { AutomatonBuilder } from './automaton';
import {
  caseRuleHolds, companyCueNear, isCashtag, isIndexSymbol, isLikenessOrCompound, listedAsAnotherCompany, openingParenBefore, quoteFollows,
  venuePrefix, venueSuffix,
} from './context';
import { numericCodeFits, venuesCompatible } from './exchanges';
import { isJsSpace } from './chars';
import { legalTailEnd } from './legal-tail';
import { FirstWordFilter, WORD_HASH_SEED, hashStep, mayStart } from './first-words';
import {
  AMP, CJK, SEP, SKIP, UNKNOWN_CLASS, WORD, WORD_FOLD_EXPANDS, WORD_FOLD_NONE, WORD_FOLD_UNLEARNED, charClass, classTable, foldCode, foldTable, foldedTail,
  wordFoldTable,
} from './normalize';
import { compilePatterns, type Pattern } from './patterns';

export { normalize, coreName, matchKey, foldWithOffsets } from './normalize';
export { isValidIsin } from './isin';

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
}

export interface Matcher {
  scan(text: string, context?: ScanContext): TextMatch[];
  /** One sentence for a person: which text matched which alias, and by which rule. */
  explain(match: TextMatch, text?: string): string;
  readonly stats: { patterns: number; nodes: number };
  /** Data problems that cost a pattern (for the data build to print). */
  readonly warnings: string[];
}

/** How far (in code units) "the company named nearby" may be from an acronym or bare ticker. */
const NEARBY = 400;
const MAX_CANDIDATES = 32;
/** How close another listed company must be for an acronym listed beside it. */
const BESIDE = 12;
/** How far a code may be from its company's name in the same table row or line. */
const ROW = 40;

// Russian declines names: "Сбербанка", "Роснефти", "ЛУКОЙЛа". A case ending after a Cyrillic name (or after
// its stem, see patterns.ts) still ends the name.
const RUSSIAN_ENDINGS = new Set(['а', 'я', 'у', 'ю', 'ом', 'ем', 'ой', 'ей', 'е', 'и', 'ы', 'ов', 'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ью']);
const isCyrillic = (folded: number) => folded >= 0x430 && folded <= 0x45f;

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

/** Only spaces and commas between two offsets ("Xiaomi, XIACY"). */
function onlySpacesAndCommas(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 44 && !isJsSpace(code)) return false;
  }
  return true;
}

// Verdicts of `judge`, as numbers so a rejected candidate costs no allocation; an accepted or deferred
// match is left in `verdictMatch` (scans are synchronous, so one slot serves every matcher).
const REJECT = 0;
const ACCEPT = 1;
const DEFER = 2;
const SKIP_TO_END = 3;
let verdictMatch: TextMatch | undefined;

function verdict(result: number, pattern: Pattern, start: number, end: number, kind: MatchKind, rule: MatchRule): number {
  verdictMatch = { start, end, entityId: pattern.entityId, alias: pattern.alias, kind, rule };
  return result;
}

/** The candidate follows the same company's name: "Xiaomi (1810)", "China Mobile, CHL". */
function afterOwnName(text: string, pattern: Pattern, start: number, found: TextMatch[]): boolean {
  const previous = found[found.length - 1];
  if (previous === undefined || previous.entityId !== pattern.entityId || previous.kind !== 'name') return false;
  const paren = openingParenBefore(text, start);
  const nameEnd = paren >= 0 ? paren : start;
  return nameEnd - previous.end <= 2 && (paren >= 0 || onlySpacesAndCommas(text, previous.end, start));
}

/**
 * A number standing alone as an identifier: not a quantity ("700 million", "1,810", "941.5", "$700", "700%").
 */
function readsAsCode(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === 36 || before === 44 || before === 46 || before === 0xa5 || before === 0xffe5) return false; // $ , . ¥
  const after = text.charCodeAt(end);
  if (after === 37 || ((after === 44 || after === 46) && isDigit(text.charCodeAt(end + 1)))) return false; // % ,5 .5
  let k = end;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  const next = text.charCodeAt(k);
  return !(next >= 97 && next <= 122) && !CJK_UNITS.includes(text.charAt(k)); // "700 million", "700亿"
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/** Chinese counters and units after a number that make it a quantity, not a code. */
const CJK_UNITS = '亿億万萬千百元股人个個台年月日号號倍名家只件次岁歲克吨噸架辆輛部款%％';

/** Not an index symbol ("^DJI"), a likeness ("AVIC-style") or part of a compound name ("Газпром-Медиа"). */
function standsForCompany(text: string, start: number, end: number): boolean {
  return !isIndexSymbol(text, start) && !isLikenessOrCompound(text, end);
}

/** Asks the pattern's rule whether text[start, end) is really this company here. */
function judge(text: string, pattern: Pattern, start: number, end: number, found: TextMatch[], context: ScanContext): number {
  switch (pattern.kind) {
    case 'exclude':
      return SKIP_TO_END;
    case 'isin':
      return verdict(ACCEPT, pattern, start, end, 'isin', 'isin');
    case 'name': {
      if (!caseRuleHolds(text, start, end, pattern.caseRule) || !standsForCompany(text, start, end)) return REJECT;
      const fullEnd = legalTailEnd(text, end);
      if (pattern.symbols && listedAsAnotherCompany(text, fullEnd, pattern.symbols)) return REJECT;
      return verdict(ACCEPT, pattern, start, fullEnd, 'name', 'name');
    }
    case 'weak': {
      if (!caseRuleHolds(text, start, end, pattern.caseRule) || !standsForCompany(text, start, end)) return REJECT;
      if (pattern.symbols && listedAsAnotherCompany(text, legalTailEnd(text, end), pattern.symbols)) return REJECT;
      if (afterOwnName(text, pattern, start, found)) return verdict(ACCEPT, pattern, start, end, 'name', 'acronym-after-name');
      if (companyCueNear(text, start, end)) return verdict(ACCEPT, pattern, start, end, 'name', 'acronym-with-cue');
      return verdict(DEFER, pattern, start, end, 'name', 'acronym-with-company-nearby');
    }
    case 'ticker': {
      const venue = pattern.venue ?? '';
      if (pattern.numeric) {
        if (!numericCodeFits(venue, end - start)) return REJECT;
      } else if (isCashtag(text, start)) {
        return verdict(ACCEPT, pattern, start, end, 'ticker', 'cashtag');
      } else if (!caseRuleHolds(text, start, end, 'upper')) {
        return REJECT;
      }
      const mark = venuePrefix(text, start) ?? venueSuffix(text, end);
      if (mark) {
        // An explicit venue decides: "NASDAQ: COST" is never a symbol listed elsewhere.
        if (mark.venue !== '*' && !venuesCompatible(mark.venue, venue)) return REJECT;
        return verdict(ACCEPT, pattern, start, end, 'ticker', mark.rule);
      }
      if (afterOwnName(text, pattern, start, found)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-after-name');
      if (context.tickerContext) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-context');
      // A bare number is a code only in a row that names the company too ("700  TENCENT HOLDINGS LTD").
      if (pattern.numeric) return readsAsCode(text, start, end) ? verdict(DEFER, pattern, start, end, 'ticker', 'code-beside-name') : REJECT;
      if (pattern.wordTicker || end - start < 3) return REJECT;
      if (quoteFollows(text, end)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-with-quote');
      return verdict(DEFER, pattern, start, end, 'ticker', 'ticker-with-company-nearby');
    }
  }
}

export function createMatcher(dataset: Pick<Dataset, 'entities'>): Matcher {
  const { patterns, warnings } = compilePatterns(dataset);
  const builder = new AutomatonBuilder();
  const firstWords = new FirstWordFilter();
  patterns.forEach((pattern, id) => {
    builder.add(pattern.key, id);
    firstWords.addKey(pattern.key);
  });
  const firstWordTable = firstWords.table;
  const automaton = builder.build();
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
        end = isCyrillic(folded) ? inflectedEnd(text, k) : -1;
        if (end <= j) return count;
      }
    }
    candidateNode[count] = node;
    candidateEnd[count] = end;
    return count + 1;
  }

  function scan(text: string, context: ScanContext = {}): TextMatch[] {
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
        let k = i;
        for (; k < n; k++) {
          const c = text.charCodeAt(k);
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
        if (wide < 128 && !mayStart(firstWordTable, hash)) {
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
          if (ref === 0) break;
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
            found.push(verdictMatch!);
            next = verdictMatch!.end;
            break;
          }
          if (verdict === SKIP_TO_END) {
            next = candidateEnd[c];
            break;
          }
          if (verdict === DEFER && deferred === undefined) deferred = verdictMatch;
        }
      }
      verdictMatch = undefined;
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

  /**
   * Keeps an acronym or bare symbol when its own company is named within NEARBY code units or elsewhere on the
   * page; then keeps an acronym that sits right beside another listed company ("Sberbank, VTB and Gazprombank").
   */
  function resolvePending(text: string, found: TextMatch[], pending: TextMatch[], context: ScanContext): TextMatch[] {
    // Found matches are in order and disjoint, so neighbours are found by binary search, not by scanning all.
    const all = [...found];
    const byEntity = new Map<string, TextMatch[]>();
    for (const m of found) {
      const list = byEntity.get(m.entityId);
      if (list) list.push(m);
      else byEntity.set(m.entityId, [m]);
    }
    const firstEndingAfter = (list: TextMatch[], offset: number) => {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].end <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const within = (list: TextMatch[] | undefined, m: TextMatch, distance: number, other?: string) => {
      if (!list) return false;
      for (let k = firstEndingAfter(list, m.start - distance); k < list.length && list[k].start < m.end + distance; k++) {
        if (other === undefined || list[k].entityId !== other) return true;
      }
      return false;
    };
    const accepted: TextMatch[] = [];
    const overlapsFound = (m: TextMatch) => {
      const k = firstEndingAfter(found, m.start);
      return (k < found.length && found[k].start < m.end) || accepted.some((a) => a.start < m.end && m.start < a.end);
    };
    const ownNearby = (m: TextMatch) =>
      context.entitiesNearby?.has(m.entityId) || within(byEntity.get(m.entityId), m, NEARBY) ||
      accepted.some((a) => a.entityId === m.entityId && a.start - m.end < NEARBY && m.start - a.end < NEARBY);
    // "700\tTENCENT HOLDINGS LTD", "小米集团-W  01810": the company's name on the same line, a few cells away.
    const ownNameInRow = (m: TextMatch) => {
      const list = byEntity.get(m.entityId);
      if (!list) return false;
      for (let k = firstEndingAfter(list, m.start - ROW); k < list.length && list[k].start < m.end + ROW; k++) {
        const name = list[k];
        if (name.kind !== 'name') continue;
        const gap = name.end <= m.start ? text.slice(name.end, m.start) : text.slice(m.end, name.start);
        if (!gap.includes('\n')) return true;
      }
      return false;
    };
    const keep = (m: TextMatch) =>
      m.rule === 'code-beside-name' ? ownNameInRow(m) : ownNearby(m);
    let waiting = pending;
    // Accepting one mention can confirm another (an acronym beside other companies, then its later mentions).
    for (let round = 0; round < 2 && waiting.length > 0; round++) {
      let progress = true;
      while (progress && waiting.length > 0) {
        progress = false;
        waiting = waiting.filter((m) => {
          if (keep(m) && !overlapsFound(m)) {
            accepted.push(m);
            progress = true;
            return false;
          }
          return true;
        });
      }
      waiting = waiting.filter((m) => {
        if (m.kind !== 'name') return true;
        const beside = within(found, m, BESIDE, m.entityId) ||
          accepted.some((a) => a.entityId !== m.entityId && a.start - m.end < BESIDE && m.start - a.end < BESIDE);
        if (!beside || overlapsFound(m)) return true;
        accepted.push({ ...m, rule: 'acronym-among-listed-companies' });
        return false;
      });
    }
    if (accepted.length === 0) return found;
    all.push(...accepted);
    return all.sort((a, b) => a.start - b.start);
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
    isin: 'an ISIN with a valid check digit',
  };

  function explain(match: TextMatch, text?: string): string {
    const seen = text ? `"${text.slice(match.start, match.end)}"` : `text at ${match.start}–${match.end}`;
    const how = match.rule ? RULE_WORDS[match.rule] : match.kind;
    return `${seen} matched ${match.alias ? `"${match.alias}" ` : ''}of ${match.entityId} as ${how}.`;
  }

  return { scan, explain, stats: { patterns: patterns.length, nodes: automaton.nodeCount }, warnings };
}
