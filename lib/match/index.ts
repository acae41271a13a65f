// The detection engine (contract 2 in DESIGN.md): `createMatcher(dataset).scan(text)` finds the listed
// companies a reader would see in a piece of text — by name, ticker or ISIN — and nothing else. Pure and
// synchronous; runs in Node, in tests and in every extension context.
//
// One left-to-right pass: at each word start (and each CJK character) walk the automaton to the longest
// pattern, then ask the pattern's rule whether the surroundings confirm it. Matches that need "the company
// named nearby" wait until the pass is over and are then kept or dropped.
import type { Dataset } from '../dataset/types';
import { AutomatonBuilder } from './automaton';
import { caseRuleHolds, companyCueNear, isCashtag, openingParenBefore, quoteFollows, venuePrefix, venueSuffix } from './context';
import { numericCodeFits, venuesCompatible } from './exchanges';
import { LEGAL_FORMS } from './legal-forms';
import { AMP, CJK, SEP, SKIP, UNKNOWN_CLASS, WORD, charClass, classTable, foldTable } from './normalize';
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

// Legal forms written after a core name ("Xiaomi Corp.", "China Mobile Limited") belong in the highlight.
const LEGAL_TAIL = (() => {
  const spellings = LEGAL_FORMS.flatMap((form) => form.spellings)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.split(' ').map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s.,-]*'));
  return new RegExp(`(?:[ \\t\\u00a0]*,?[ \\t\\u00a0]*(?:${spellings.join('|')})(?![\\p{L}\\p{N}])\\.?)+`, 'iuy');
})();

// Russian declines names: "Сбербанка", "Роснефти", "ЛУКОЙЛа". A case ending after a Cyrillic name (or after
// its stem, see patterns.ts) still ends the name.
const RUSSIAN_ENDINGS = new Set(['а', 'я', 'у', 'ю', 'ом', 'ем', 'ой', 'ей', 'е', 'и', 'ы', 'ов', 'ев', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях', 'ью']);
const isCyrillic = (folded: number) => folded >= 0x430 && folded <= 0x45f;

/** End of a Russian case ending starting at `from`, or -1 when the rest of the word is not one. */
function inflectedEnd(text: string, from: number): number {
  let tail = '';
  let k = from;
  while (k < text.length && tail.length <= 3) {
    const cls = charClass(text.charCodeAt(k));
    if (cls === SKIP) {
      k++;
      continue;
    }
    if (cls !== WORD) break;
    tail += String.fromCharCode(foldTable[text.charCodeAt(k)]);
    k++;
  }
  const atWordEnd = k >= text.length || charClass(text.charCodeAt(k)) !== WORD;
  return atWordEnd && RUSSIAN_ENDINGS.has(tail) ? k : -1;
}

interface Pending {
  match: TextMatch;
}

export function createMatcher(dataset: Pick<Dataset, 'entities'>): Matcher {
  const { patterns, warnings } = compilePatterns(dataset);
  const builder = new AutomatonBuilder();
  patterns.forEach((pattern, id) => builder.add(pattern.key, id));
  const automaton = builder.build();
  const { child, terminal, payloads, root, asciiSlot, ascii } = automaton;

  const candidateNode = new Int32Array(MAX_CANDIDATES);
  const candidateEnd = new Int32Array(MAX_CANDIDATES);

  /** Walks from `start`; fills the candidate arrays with every pattern end at a word boundary. */
  function walk(text: string, start: number): number {
    const n = text.length;
    let j = start;
    // Hong Kong codes: "0700" and "700" are one code; patterns are stored without leading zeros.
    if (text.charCodeAt(j) === 48) {
      while (j + 1 < n && text.charCodeAt(j) === 48 && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57) j++;
    }
    let node = 0;
    let count = 0;
    let lastClass = SEP;
    let gap = false;
    while (j < n) {
      const code = text.charCodeAt(j);
      let cls = classTable[code];
      if (cls === UNKNOWN_CLASS) cls = charClass(code);
      if (cls === SKIP) {
        j++;
        continue;
      }
      if (cls === SEP) {
        gap = true;
        j++;
        continue;
      }
      if (node !== 0 && (cls === AMP || lastClass === AMP || (gap && !(cls === CJK && lastClass === CJK)))) {
        node = child(node, 32);
        if (node === 0) break;
      }
      // The first two steps of nearly every walk are dense-table reads (see automaton.ts).
      const folded = foldTable[code];
      if (node === 0) node = root[folded];
      else if (folded < 128 && asciiSlot[node] >= 0) node = ascii[asciiSlot[node] * 128 + folded];
      else node = child(node, folded);
      if (node === 0) break;
      gap = false;
      lastClass = cls;
      j++;
      if (terminal[node] >= 0 && count < MAX_CANDIDATES) {
        let boundary = true;
        let end = j;
        if (cls === WORD) {
          let k = j;
          while (k < n && charClass(text.charCodeAt(k)) === SKIP) k++;
          boundary = k >= n || charClass(text.charCodeAt(k)) !== WORD;
          if (!boundary && isCyrillic(foldTable[code])) end = inflectedEnd(text, k);
          if (end > j) boundary = true;
        }
        if (boundary) {
          candidateNode[count] = node;
          candidateEnd[count] = end;
          count++;
        }
      }
    }
    return count;
  }

  type Verdict = { accept: true; match: TextMatch } | { accept: false; defer?: TextMatch; skip?: number };

  function judge(text: string, pattern: Pattern, start: number, end: number, found: TextMatch[], context: ScanContext): Verdict {
    const span = text.slice(start, end);
    const base = { start, end, entityId: pattern.entityId, alias: pattern.alias };
    const previous = found[found.length - 1];
    const afterOwnName = () => {
      const paren = openingParenBefore(text, start);
      const nameEnd = paren >= 0 ? paren : start;
      return (
        previous !== undefined &&
        previous.entityId === pattern.entityId &&
        previous.kind === 'name' &&
        nameEnd - previous.end <= 2 &&
        (paren >= 0 || /^[\s,]*$/.test(text.slice(previous.end, start)))
      );
    };
    switch (pattern.kind) {
      case 'exclude':
        return { accept: false, skip: end };
      case 'isin':
        return { accept: true, match: { ...base, kind: 'isin', rule: 'isin' } };
      case 'name': {
        if (!caseRuleHolds(span, pattern.caseRule)) return { accept: false };
        LEGAL_TAIL.lastIndex = end;
        const tail = LEGAL_TAIL.exec(text);
        const fullEnd = tail ? end + tail[0].length : end;
        return { accept: true, match: { ...base, end: fullEnd, kind: 'name', rule: 'name' } };
      }
      case 'weak': {
        if (!caseRuleHolds(span, pattern.caseRule)) return { accept: false };
        if (afterOwnName()) return { accept: true, match: { ...base, kind: 'name', rule: 'acronym-after-name' } };
        if (companyCueNear(text, start, end)) return { accept: true, match: { ...base, kind: 'name', rule: 'acronym-with-cue' } };
        return { accept: false, defer: { ...base, kind: 'name', rule: 'acronym-with-company-nearby' } };
      }
      case 'ticker': {
        const venue = pattern.venue ?? '';
        if (pattern.numeric) {
          if (!numericCodeFits(venue, end - start)) return { accept: false };
        } else if (isCashtag(text, start)) {
          return { accept: true, match: { ...base, kind: 'ticker', rule: 'cashtag' } };
        } else if (!caseRuleHolds(span, 'upper')) {
          return { accept: false };
        }
        const mark = venuePrefix(text, start) ?? venueSuffix(text, end);
        if (mark) {
          // An explicit venue decides: "NASDAQ: COST" is never a symbol listed elsewhere.
          if (mark.venue !== '*' && !venuesCompatible(mark.venue, venue)) return { accept: false };
          return { accept: true, match: { ...base, kind: 'ticker', rule: mark.rule } };
        }
        if (afterOwnName()) return { accept: true, match: { ...base, kind: 'ticker', rule: 'ticker-after-name' } };
        if (context.tickerContext) return { accept: true, match: { ...base, kind: 'ticker', rule: 'ticker-context' } };
        if (pattern.numeric || pattern.wordTicker || end - start < 3) return { accept: false };
        if (quoteFollows(text, end)) return { accept: true, match: { ...base, kind: 'ticker', rule: 'ticker-with-quote' } };
        return { accept: false, defer: { ...base, kind: 'ticker', rule: 'ticker-with-company-nearby' } };
      }
    }
  }

  function scan(text: string, context: ScanContext = {}): TextMatch[] {
    const found: TextMatch[] = [];
    const pending: Pending[] = [];
    const n = text.length;
    let i = 0;
    let inWord = false;
    while (i < n) {
      const code = text.charCodeAt(i);
      let cls = classTable[code];
      if (cls === UNKNOWN_CLASS) cls = charClass(code);
      if (cls === WORD) {
        if (inWord) {
          i++;
          continue;
        }
        inWord = true;
      } else if (cls !== CJK) {
        if (cls !== SKIP) inWord = false;
        i++;
        continue;
      }
      const count = walk(text, i);
      let next = -1;
      let deferred: TextMatch | undefined;
      for (let c = count - 1; c >= 0 && next < 0; c--) {
        for (let p = terminal[candidateNode[c]]; payloads[p] >= 0; p++) {
          const verdict = judge(text, patterns[payloads[p]], i, candidateEnd[c], found, context);
          if (verdict.accept) {
            found.push(verdict.match);
            next = verdict.match.end;
            break;
          }
          if (verdict.skip !== undefined) {
            next = verdict.skip;
            break;
          }
          deferred ??= verdict.defer;
        }
      }
      if (next >= 0) {
        i = next;
        inWord = false;
      } else {
        if (deferred) pending.push({ match: deferred });
        i++;
        if (cls === WORD) {
          // Skip the rest of the word in a tight loop: no pattern can start inside it.
          while (i < n) {
            const c = text.charCodeAt(i);
            const k = classTable[c];
            if (k === WORD || k === SKIP) i++;
            else if (k === UNKNOWN_CLASS && (charClass(c) === WORD || charClass(c) === SKIP)) i++;
            else break;
          }
        }
        inWord = false;
      }
    }
    if (pending.length === 0) return found;
    return resolvePending(found, pending, context);
  }

  /**
   * Keeps an acronym or bare symbol when its own company is named within NEARBY code units or elsewhere on the
   * page; then keeps an acronym that sits right beside another listed company ("Sberbank, VTB and Gazprombank").
   */
  function resolvePending(found: TextMatch[], pending: Pending[], context: ScanContext): TextMatch[] {
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
    let waiting = pending.map((p) => p.match);
    let progress = true;
    while (progress && waiting.length > 0) {
      progress = false;
      waiting = waiting.filter((m) => {
        const own = context.entitiesNearby?.has(m.entityId) || within(byEntity.get(m.entityId), m, NEARBY) ||
          accepted.some((a) => a.entityId === m.entityId && a.start - m.end < NEARBY && m.start - a.end < NEARBY);
        if (own && !overlapsFound(m)) {
          accepted.push(m);
          progress = true;
          return false;
        }
        return true;
      });
    }
    for (const m of waiting) {
      if (m.kind !== 'name') continue;
      const beside = within(found, m, BESIDE, m.entityId) ||
        accepted.some((a) => a.entityId !== m.entityId && a.start - m.end < BESIDE && m.start - a.end < BESIDE);
      if (beside && !overlapsFound(m)) accepted.push({ ...m, rule: 'acronym-among-listed-companies' });
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
    isin: 'an ISIN with a valid check digit',
  };

  function explain(match: TextMatch, text?: string): string {
    const seen = text ? `"${text.slice(match.start, match.end)}"` : `text at ${match.start}–${match.end}`;
    const how = match.rule ? RULE_WORDS[match.rule] : match.kind;
    return `${seen} matched ${match.alias ? `"${match.alias}" ` : ''}of ${match.entityId} as ${how}.`;
  }

  return { scan, explain, stats: { patterns: patterns.length, nodes: automaton.nodeCount }, warnings };
}
