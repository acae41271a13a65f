// The second signals: how a match's surroundings in the original text confirm (or contradict) it.
// All functions read the original text around a candidate; they run only on candidates, never per character.
import type { CaseRule } from './patterns';
import { BLOOMBERG_VENUES, PREFIX_VENUES, SUFFIX_VENUES } from './exchanges';
import { AutomatonBuilder } from './automaton';
import { lazy } from './lazy';
import { codePointLength, isHanUnit, isJsSpace, isLetterOrDigitAt, isLetterUnit, lowerSameAt, lowerSameUnit, upperSameAt, upperSameUnit } from './chars';
import { AMP, CJK, SEP, SKIP, charClass, foldCode, matchKey } from './normalize';
import { CJK_PLACE_WORDS, COUNTRY_NAMES, PLACE_NAMES, isPlace } from './places';
import { legalTailEnd } from './legal-tail';
import { ownWordsOf } from './own-words';
import {
  CJK_CODE_LABELS, CJK_SINGLE_VENUE_LABELS, CJK_VENUE_LABELS, CJK_COMPANY_CUES, CJK_NAME_CONTINUATIONS, CJK_NAME_SUFFIXES, CJK_PRICE_MOVE, COMPANY_CUES, CUES_IN_CAPITALS, GIVEN_NAMES, INDEX_CUES,
  MARKET_TALK, NAMED_AFTER_NOUNS, TICKER_CUE_AFTER, TICKER_CUE_PHRASES, EVENT_NOUNS, EVENT_NOUN_BEFORE, SPORTS_TALK, CLUB_BEFORE, OWNER_BEFORE,
} from './word-lists';

// Words a capitalised name may keep in lower case ("Bank of China").
const LOWER_OK = ['of', 'and', 'the', 'for', 'de', 'in', 'on'];
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Does text[start, end) follow the alias's case rule? */
export function caseRuleHolds(text: string, start: number, end: number, rule: CaseRule): boolean {
  if (rule === 'any') return true;
  if (rule === 'upper') {
    // All in capitals, and at least one character that has a lower case.
    let cased = false;
    for (let k = start; k < end; k += codePointLength(text, k)) {
      if (!upperSameAt(text, k)) return false;
      if (!cased && !lowerSameAt(text, k)) cased = true;
    }
    return cased;
  }
  if (rule === 'lead') {
    let first = start;
    while (first < end && !isLetterOrDigitAt(text, first)) first += codePointLength(text, first);
    const unit = text.charCodeAt(first);
    return first < end && !(isLetterUnit(unit) && lowerSameUnit(unit) && !upperSameUnit(unit));
  }
  // Each word (a run of letters and digits) starts with a capital, unless it is a small joining word.
  let k = start;
  while (k < end) {
    while (k < end && !isLetterOrDigitAt(text, k)) k += codePointLength(text, k);
    if (k >= end) break;
    const wordStart = k;
    while (k < end && isLetterOrDigitAt(text, k)) k += codePointLength(text, k);
    const first = text.charCodeAt(wordStart);
    if (isLetterUnit(first) && lowerSameUnit(first) && !upperSameUnit(first) && !isJoiningWord(text, wordStart, k)) return false;
  }
  return true;
}

function isJoiningWord(text: string, start: number, end: number): boolean {
  for (const word of LOWER_OK) if (word.length === end - start && text.startsWith(word, start)) return true;
  return false;
}

// Company cues as small tries of folded words, so the words around a candidate are compared in place.
function cueTrieOf(cues: ReadonlySet<string>) {
  const builder = new AutomatonBuilder();
  // A cue that folds to several words could never equal one word of text.
  for (const cue of cues) if (matchKey(cue) === cue) builder.add(cue, 0);
  return builder.build();
}
const allCues = lazy(() => cueTrieOf(COMPANY_CUES));
const shoutedCues = lazy(() => cueTrieOf(CUES_IN_CAPITALS));

const tokenStarts = new Int32Array(64);
const tokenEnds = new Int32Array(64);

/**
 * Splits text[from, to) into words exactly as `matchKey` does (its tokens), into `tokenStarts`/`tokenEnds`;
 * returns how many.
 */
function tokenize(text: string, from: number, to: number): number {
  let count = 0;
  let lastClass = SEP;
  let gap = false;
  for (let k = from; k < to; k++) {
    const cls = charClass(text.charCodeAt(k));
    if (cls === SKIP) continue;
    if (cls === SEP) {
      gap = true;
      continue;
    }
    if (count === 0 || cls === AMP || lastClass === AMP || (gap && !(cls === CJK && lastClass === CJK))) {
      tokenStarts[count] = k;
      count++;
    }
    tokenEnds[count - 1] = k + 1;
    gap = false;
    lastClass = cls;
  }
  return count;
}

function isCue(text: string, token: number, cueTrie: ReturnType<typeof allCues>): boolean {
  let node = 0;
  for (let k = tokenStarts[token]; k < tokenEnds[token]; k++) {
    const code = text.charCodeAt(k);
    const cls = charClass(code);
    if (cls === SKIP || cls === SEP) continue;
    node = cueTrie.child(node, foldCode(code));
    if (node === 0) return false;
  }
  return cueTrie.terminal[node] >= 0;
}

/**
 * A company word ("shares", "maker", "Ltd", "Chinese") within three words of text[start, end). In a line of
 * capitals (`shouted`) only words that name what a company makes count: "CEO", "SAYS" and "SHARES" fill every
 * wire headline.
 */
export function companyCueNear(text: string, start: number, end: number, shouted = false): boolean {
  const cueTrie = shouted ? shoutedCues() : allCues();
  let han = false;
  for (let k = start; k < end && !han; k++) han = isHanUnit(text.charCodeAt(k));
  if (han) {
    // A product model right after the name ("小米SU7", "华为Mate60") names the maker.
    const next = text.charCodeAt(end);
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) return true;
    // A company-form word straight after the name ("大疆创新", "华为公司") makes it a company name.
    if (CJK_NAME_SUFFIXES.some((suffix) => containsWithin(text, suffix, end, end + suffix.length))) return true;
    // A price move right after the name ("騰訊一度跌近2%") is a market report about the stock.
    if (CJK_PRICE_MOVE.test(text.slice(end, end + 16))) return true;
    return CJK_COMPANY_CUES.some((cue) => containsWithin(text, cue, Math.max(0, start - 8), start) ||
      containsWithin(text, cue, end, Math.min(text.length, end + 8))) || stockTagOnLine(text, start, end);
  }
  const before = tokenize(text, Math.max(0, start - 50), start);
  for (let t = Math.max(0, before - 3); t < before; t++) if (isCue(text, t, cueTrie)) return true;
  const after = tokenize(text, end, Math.min(text.length, end + 50));
  for (let t = 0; t < Math.min(3, after); t++) if (isCue(text, t, cueTrie)) return true;
  return !shouted && appositiveCue(text, end);
}

const APPOSITIVE = /^,\s+(?:the|a|an)\s[^,.;:!?]{0,80}/iu;

/** "DJI, the world's largest drone maker, …": a description set off after the name says what it is. */
function appositiveCue(text: string, end: number): boolean {
  const appositive = APPOSITIVE.exec(text.slice(end, end + 90));
  if (!appositive) return false;
  const count = tokenize(text, end, end + appositive[0].length);
  const cues = allCues();
  for (let t = 0; t < count; t++) if (isCue(text, t, cues)) return true;
  return false;
}

/**
 * `needle` occurs entirely inside text[from, to), compared folded: a Traditional page writes 發布 where the
 * cue list says 发布, and the cue means the same.
 */
function containsWithin(text: string, needle: string, from: number, to: number): boolean {
  const last = Math.min(to, text.length) - needle.length;
  outer: for (let k = from; k <= last; k++) {
    for (let i = 0; i < needle.length; i++) {
      if (foldCode(text.charCodeAt(k + i)) !== foldCode(needle.charCodeAt(i))) continue outer;
    }
    return true;
  }
  return false;
}

export type VenueMark =
  | { rule: 'exchange-prefix' | 'exchange-suffix' | 'bloomberg-code'; venue: string }
  | { rule: 'exchange-prefix'; venue: '*' };

const GENERIC_PREFIXES = new Set(['TICKER', 'SYMBOL', 'CODE', 'STOCK']);

/** "NYSE: CHL", "HKG:0700", "(HKEX: 1810", "股票代码：002415". */
export function venuePrefix(text: string, start: number): VenueMark | undefined {
  let k = start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  // A list after one prefix ("OTC: BYDDY, XIACF, TCEHY") shares it.
  for (let items = 0; items < 12 && text[k] === ','; items++) {
    const item = /(?:^|[\s:：])([A-Z0-9.]{1,10})$/.exec(text.slice(Math.max(0, k - 12), k));
    if (!item) break;
    k -= item[1].length + 1;
    while (k >= 0 && text[k] === ' ') k--;
  }
  if (text[k] !== ':' && text[k] !== '：') return undefined;
  k--;
  while (k >= 0 && text[k] === ' ') k--;
  const cjkLabel = text.slice(Math.max(0, k - 1), k + 1);
  if (CJK_CODE_LABELS.includes(cjkLabel)) return { rule: 'exchange-prefix', venue: '*' };
  const cjkVenue = CJK_VENUE_LABELS[cjkLabel] ?? CJK_VENUE_LABELS[text.slice(Math.max(0, k - 3), k + 1)];
  if (cjkVenue) return { rule: 'exchange-prefix', venue: cjkVenue };
  // "A股(深:002594)": one character for the venue, right after a bracket.
  const single = CJK_SINGLE_VENUE_LABELS[text[k]];
  if (single && (text[k - 1] === '(' || text[k - 1] === '（')) return { rule: 'exchange-prefix', venue: single };
  let from = k;
  while (from >= 0 && from > k - 14 && /[A-Za-z0-9]/.test(text[from])) from--;
  if (isWordChar(text[from])) return undefined;
  const word = text.slice(from + 1, k + 1).toUpperCase();
  if (GENERIC_PREFIXES.has(word)) return { rule: 'exchange-prefix', venue: '*' };
  const venue = PREFIX_VENUES[word];
  return venue ? { rule: 'exchange-prefix', venue } : undefined;
}

/** "1810.HK", "600760.SS", "941 HK", "CHL US Equity", "9988: HKG". */
export function venueSuffix(text: string, end: number): VenueMark | undefined {
  // Some wires write the venue after the code and a colon: "9988: HKG is down 5.52%, NIO: NYSE closed down".
  const colon = /^:[ \u00a0]?([A-Z]{2,8})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 11));
  if (colon && PREFIX_VENUES[colon[1]]) return { rule: 'exchange-suffix', venue: PREFIX_VENUES[colon[1]] };
  // NFKC first: full-width pages write "０１８１０．ＨＫ".
  const dotted = /^\.([A-Za-z]{1,2})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 4).normalize('NFKC'));
  if (dotted) {
    const venue = SUFFIX_VENUES[dotted[1].toUpperCase()];
    if (venue) return { rule: 'exchange-suffix', venue };
  }
  const bloomberg = /^[ \u00a0]([A-Z][A-Z0-9])(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 4));
  if (bloomberg) {
    const venue = BLOOMBERG_VENUES[bloomberg[1]];
    if (venue) return { rule: 'bloomberg-code', venue };
  }
  // Broker screens write the exchange after the code: "1810 SEHK", "SBER MOEX".
  const named = /^[ \u00a0]+([A-Z]{3,12})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 16));
  if (named && PREFIX_VENUES[named[1]]) return { rule: 'exchange-suffix', venue: PREFIX_VENUES[named[1]] };
  return undefined;
}

/** "$XIACY" (but not "$700", and not "US$BABA"). */
export function isCashtag(text: string, start: number): boolean {
  return text[start - 1] === '$' && !isWordChar(text[start - 2]);
}

const OPENING_BRACKETS = '(（﹙';
const CLOSING_BRACKETS = ')）﹚';

/** Index of the "(" that opens just before `start` ("Xiaomi (1810)", "小米（1810）", "中移動﹙0941﹚"), or -1. */
export function openingParenBefore(text: string, start: number): number {
  let k = start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  return k >= 0 && OPENING_BRACKETS.includes(text[k]) ? k : -1;
}

/**
 * "洪都航空(600316)", "中移動﹙0941﹚": a code alone in brackets straight after Chinese characters (a company's
 * name in Chinese text), the way mainland and Hong Kong reports cite a stock.
 */
export function codeInBracketsAfterHan(text: string, start: number, end: number): boolean {
  const open = openingParenBefore(text, start);
  if (open < 1 || open !== start - 1 || !isHanUnit(text.charCodeAt(open - 1))) return false;
  return CLOSING_BRACKETS.includes(text.charAt(end));
}

/**
 * "股份有限公司(AMEC)", "Co., Ltd. (CIMC)": a short name in brackets right after a legal form, the way lists give a
 * company's own abbreviation after its full name (in any script).
 */
export function bracketAfterLegalForm(text: string, start: number, end: number): boolean {
  const open = openingParenBefore(text, start);
  if (open < 0 || !CLOSING_BRACKETS.includes(text.charAt(end))) return false;
  let k = open - 1;
  while (k >= 0 && text[k] === ' ') k--;
  const before = text.slice(Math.max(0, k - 7), k + 1);
  if (/(?:有限公司|有限責任公司|有限责任公司|公司)$/u.test(before)) return true;
  return /(?:^|[^\p{L}])(?:Ltd|Limited|Inc|Corp|Co|LLC|PLC|JSC|PJSC)\.?$/u.test(text.slice(Math.max(0, k - 9), k + 1));
}

// A price of any size: "128.9", "6,820", "6 820", "6820", "262,10" (decimal comma), "1,234.5".
const QUOTE_AFTER =
  /^[ \t\u00a0]+(?:[-+]?\d[\d,.]*%?[ \t\u00a0]+){0,2}[-+(]?[$€¥₽]?(?:\d{1,3}(?:[,\u00a0\u2009\u202f ]\d{3})+|\d+)(?:[.,]\d+)?%?(?![\p{L}\p{N}])/u;

/** A price or change right after a symbol on the same line ("XIACY 8.71", "SBER  500  262.10"): a quote row. */
export function quoteFollows(text: string, end: number): boolean {
  const line = text.slice(end, end + 40).split('\n', 1)[0];
  return QUOTE_AFTER.test(line);
}

/**
 * "^DJI", "NASDAQ: .DJI", "indexdjx:.dji": a caret, or a dot opening the symbol, marks an index symbol (quote
 * sites and newswire codes write indices so), never a company.
 */
export function isIndexSymbol(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === 94) return true;
  return before === 46 && (start === 1 || !isWordChar(text[start - 2]));
}

/** "symbol=DJI&view", "indexdjx:.dji": the candidate sits inside a web address or a query, not in prose. */
export function insideWebAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < 200 && !isJsSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < 200 && !isJsSpace(text.charCodeAt(to))) to++;
  const token = text.slice(from, to);
  return /(?:https?:\/\/|www\.|\/\/)/i.test(token) || /[?&][\w.-]+=/.test(token.slice(0, start - from + 1));
}

// "sberbank.ru", "www.gazprombank.ru/": a lower-case word followed by a dot and a top-level domain.
const DOMAIN_AFTER = /^(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?![\p{L}\p{N}-])/u;

/**
 * "www.sberbank.ru", "sovcombank.ru", "https://…/sberbank-i-vtb": a name inside a web address is the address of
 * a page (the page's own text names the company where it means it), never a mention of its own.
 */
export function inWebAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const hostStart = start === 0 || before === 46 || before === 47 || before === 64 || isJsSpace(before) || before === 40;
  if (hostStart && text.charCodeAt(end) === 46 && !upperSameUnit(text.charCodeAt(start)) && DOMAIN_AFTER.test(text.slice(end, end + 24))) {
    return true;
  }
  return (before === 46 || before === 47 || before === 45 || before === 61) && insideWebAddress(text, start, end);
}

/**
 * A market symbol that is also a company's acronym ("DJI") reads as the index next to words of indices: "the Dow
 * Jones Industrial Average (DJI)", "DJI closed 200 points lower".
 */
export function indexWordsNear(text: string, start: number, end: number): boolean {
  // "CAC 40", "CSI 300", "FTSE 100": an index symbol followed by its count of members is the index's name.
  if (INDEX_COUNT_AFTER.test(text.slice(end, end + 6))) return true;
  let [from, to] = lineAround(text, start, end, 60);
  // A short row of an infobox or table ("Symbol (DJI)") is read with the rows beside it ("Name (Dow Jones …)").
  if (to - from <= SHORT_ROW) [from, to] = rowsBeside(text, from, to);
  const line = (text.slice(from, start) + ' ' + text.slice(end, to)).toLowerCase();
  return INDEX_CUES.some((cue) => line.includes(cue));
}

const INDEX_COUNT_AFTER = /^[ \u00a0-]\d{2,4}(?![\p{L}\p{N}])/u;

/** A line this short is a row of label and value, not prose. */
const SHORT_ROW = 24;

/** The line [from, to) widened by the line before and the line after it (each at most 60 characters). */
function rowsBeside(text: string, from: number, to: number): [number, number] {
  let before = from;
  if (before > 0 && text.charCodeAt(before - 1) === 10) {
    before--;
    while (before > 0 && from - before < 60 && text.charCodeAt(before - 1) !== 10) before--;
  }
  let after = to;
  if (after < text.length && text.charCodeAt(after) === 10) {
    after++;
    while (after < text.length && after - to < 60 && text.charCodeAt(after) !== 10) after++;
  }
  return [before, after];
}

const tickerCueTrie = lazy(() => {
  const builder = new AutomatonBuilder();
  for (const phrase of TICKER_CUE_PHRASES) builder.add(matchKey(phrase), 0);
  return builder.build();
});
const LIST_ITEM_BEFORE = /(?:^|[\s(])([A-Z][A-Z0-9.]{0,9})(?:,| and| или| и)\s*$/u;

/**
 * "ticker symbol CEO", "trading in CHA, CHL and CHU", "(тикер SBER)": the words before the symbol, or before the list
 * of symbols it ends, say it is a ticker.
 */
export function tickerNamedBefore(text: string, start: number): boolean {
  let k = start;
  // Walk back over a list of other symbols: "CHA, CHL and " before "CHU".
  for (let items = 0; items < 8; items++) {
    const item = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, k - 16), k));
    if (!item) break;
    k -= item[0].length - (item[0].startsWith(' ') || item[0].startsWith('(') ? 1 : 0);
  }
  // The phrase: up to two words right before, compared folded.
  let e = k;
  while (e > 0 && (isJsSpace(text.charCodeAt(e - 1)) || text[e - 1] === ':' || text[e - 1] === '—' || text[e - 1] === '–' || text[e - 1] === '-')) e--;
  if (e === k && e > 0 && isLetterUnit(text.charCodeAt(e - 1))) return false;
  const trie = tickerCueTrie();
  for (let words = 1; words <= 2; words++) {
    let s0 = e;
    let seen = 0;
    while (s0 > 0 && seen < words) {
      while (s0 > 0 && isLetterUnit(text.charCodeAt(s0 - 1))) s0--;
      seen++;
      if (seen < words) while (s0 > 0 && text.charCodeAt(s0 - 1) === 32) s0--;
    }
    const phrase = matchKey(text.slice(s0, e));
    if (s0 > 0 && isLetterUnit(text.charCodeAt(s0 - 1))) continue;
    let node = 0;
    for (let c = 0; c < phrase.length && (c === 0 || node !== 0); c++) node = trie.child(node, phrase.charCodeAt(c));
    if (phrase && node !== 0 && trie.terminal[node] >= 0) return true;
  }
  return false;
}

const tickerCueAfterKeys = lazy(() => TICKER_CUE_AFTER.map((phrase) => matchKey(phrase)));

/** "if BABA gets delisted", "BABA stock fell": the words right after the symbol say it is a ticker. */
export function tickerNamedAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 0xa0) return false;
  const after = /^[ \u00a0]+(\p{L}+(?:[ \u00a0]+\p{L}+){0,2})/u.exec(text.slice(end, end + 32));
  if (!after) return false;
  const words = matchKey(after[1]);
  return tickerCueAfterKeys().some((cue) => words === cue || words.startsWith(cue + ' '));
}

/**
 * "GPB Financial Services Hong Kong Limited", "Gazprombank Switzerland Ltd": the name goes on with a place and a
 * legal form, which names the company's local offshoot, a company of its own.
 */
export function placeThenLegalForm(text: string, end: number, ownNames?: readonly string[]): boolean {
  if (bracketedPlaceThenLegalForm(text, end, ownNames) || latinBracketedPlaceThenLegalForm(text, end, ownNames)) return true;
  const next = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) !== 32 || !(next >= 65 && next <= 90)) return false;
  const after = /^[ \u00a0]+(\p{Lu}[\p{L}]+(?:[ \u00a0]+\p{Lu}[\p{L}]+)?)[ \u00a0]+/u.exec(text.slice(end, end + 40));
  if (!after || !isPlace(matchKey(after[1]))) return false;
  const formAt = end + after[0].length;
  return legalTailEnd(text, formAt - 1) > formAt;
}

const LATIN_PLACE_IN_BRACKETS = /^[ \u00a0]?[(（]((?:\p{Lu}\p{Ll}+[ \u00a0]?){1,2})[)）][ \u00a0]?/u;

/**
 * "Cosco (India) Limited", "COSCO (India) Ltd": a Latin name, a place in brackets and a legal form name a company
 * of that place — another company of the name, or the company's local offshoot, not the listed company — unless
 * the company's own names carry that place.
 */
function latinBracketedPlaceThenLegalForm(text: string, end: number, ownNames?: readonly string[], countryOnly = false): boolean {
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 40 && c !== 0xff08) return false;
  const bracket = LATIN_PLACE_IN_BRACKETS.exec(text.slice(end, end + 32));
  if (!bracket) return false;
  const place = matchKey(bracket[1]);
  if (!(countryOnly ? COUNTRY_NAMES.has(place) : isPlace(place)) || ownNames?.some((name) => matchKey(name).includes(place))) return false;
  const formAt = end + bracket[0].length;
  return legalTailEnd(text, formAt) > formAt;
}

/** "Cosco (India) Limited": as above, for a country only (not a city or region an offshoot names). */
export function countryInBracketsThenLegalForm(text: string, end: number, ownNames?: readonly string[]): boolean {
  return latinBracketedPlaceThenLegalForm(text, end, ownNames, true);
}

// "(香港)", "（北京）", "(BVI)", "香港": a place, in brackets or not, before a Chinese legal form.
const LATIN_IN_BRACKETS = /^[(（]([A-Za-z ]{2,12})[)）]/u;
const QUALIFIER_IN_BRACKETS = /^[(（][\p{Script=Han}A-Za-z]{1,6}[)）]/u;
const CJK_LEGAL_FORM_AHEAD = /^(?:股份有限公司|有限责任公司|有限責任公司|有限公司|公司)/u;
const OFFSHORE_PLACES = new Set(['bvi', 'cayman', '开曼', '開曼']);
const CJK_PLACES = [...new Set([...Object.keys(CJK_PLACE_WORDS), ...[...PLACE_NAMES].filter((p) => /^\p{Script=Han}/u.test(p)), '开曼', '開曼'])]
  .sort((a, b) => b.length - a.length);
const CJK_PLACE_STARTS = new Set(CJK_PLACES.map((p) => p.charCodeAt(0)));

/**
 * `regional-namesake`: "湖北航宇科技有限公司" — a Chinese short name with a place right before it and a legal form
 * right after it is a regional company of that name, not the listed one ("贵州航宇科技发展股份有限公司"), unless
 * the company's own names carry that place and name together.
 */
export function regionalNamesake(text: string, start: number, end: number, ownNames: readonly string[] = []): boolean {
  if (start === 0 || !isHanUnit(text.charCodeAt(start - 1)) || !isHanUnit(text.charCodeAt(end - 1))) return false;
  if (!CJK_LEGAL_FORM_AHEAD.test(text.slice(end, end + 6))) return false;
  const before = text.slice(Math.max(0, start - 4), start);
  const place = CJK_PLACES.find((p) => before.endsWith(p));
  if (place === undefined || !CJK_PLACE_WORDS[place]) return false;
  const name = text.slice(start - place.length, end);
  return !ownNames.some((own) => own.includes(name));
}

/**
 * "中國聯合網絡通信(香港)股份有限公司", "中芯国际香港(国际)有限公司": a Chinese name, a place (in brackets or not,
 * perhaps with a qualifier in brackets) and a legal form name the company's local offshoot, a company of its own.
 */
function bracketedPlaceThenLegalForm(text: string, end: number, ownNames?: readonly string[]): boolean {
  let k = end;
  const c = text.charCodeAt(k);
  const bracketed = c === 40 || c === 0xff08;
  // Most names are followed by neither a bracket nor the first character of a place: decided at once.
  if ((!bracketed && !CJK_PLACE_STARTS.has(c)) || !isHanUnit(text.charCodeAt(end - 1))) return false;
  let place: string | undefined;
  if (bracketed) {
    const latin = LATIN_IN_BRACKETS.exec(text.slice(k, k + 16));
    if (latin) {
      place = latin[1];
      k += latin[0].length;
    } else k++;
  }
  if (place === undefined) {
    place = CJK_PLACES.find((p) => text.startsWith(p, k));
    if (place === undefined) return false;
    k += place.length;
    if (bracketed) {
      const close = text.charCodeAt(k);
      if (close !== 41 && close !== 0xff09) return false;
      k++;
    }
  }
  const qualifier = QUALIFIER_IN_BRACKETS.exec(text.slice(k, k + 10));
  if (qualifier) k += qualifier[0].length;
  if (!CJK_LEGAL_FORM_AHEAD.test(text.slice(k, k + 6))) return false;
  const key = matchKey(place);
  if (!isPlace(key) && !OFFSHORE_PLACES.has(key) && !CJK_PLACE_WORDS[place]) return false;
  // "中国联通(香港)有限公司" is China Unicom (Hong Kong) itself: a place its own names carry is no offshoot.
  const words = (CJK_PLACE_WORDS[place] ?? key).split(' ');
  return !(ownNames && words.every((w) => ownWordsOf(ownNames).has(w)));
}

const LIKENESS = /^-(?:style|like|type|esque|inspired)(?![\p{L}\p{N}])/iu;
// Russian names compounds with a hyphen ("Газпром-Медиа", "Сбербанк-Лизинг"); English headlines capitalise
// every word ("Tencent-Backed"), so only a Cyrillic compound counts.
const COMPOUND = /^[-‐‑](?=\p{Script=Cyrillic})\p{Lu}/u;

/**
 * "AVIC-style connectors" likens something to the company; "Газпром-Медиа" is a compound naming another
 * company. Neither is the company itself (a compound that is itself an alias matches as the longer name).
 */
export function isLikenessOrCompound(text: string, end: number): boolean {
  const hyphen = text.charCodeAt(end);
  if (hyphen !== 45 && hyphen !== 0x2010 && hyphen !== 0x2011) return false;
  const after = text.slice(end, end + 12);
  return LIKENESS.test(after) || COMPOUND.test(after);
}

// "(NASDAQ: CSGP)", and as Indian pages write it, "(BSE Code-530545)", "(NSE code: COSCO)".
const LISTING_AFTER = /^\s*[(（]\s*([A-Za-z]{2,12})(?:\s+[Cc]ode)?\s*(?:[:：]|(?<=[Cc]ode)\s*-)\s*([A-Za-z0-9.]{1,10})\s*[)）]/u;

/**
 * "CoStar Group Inc. (NASDAQ: CSGP)": the text gives the named company's listing, and it is not one of
 * ours, so it is another company of the same name.
 */
export function listedAsAnotherCompany(text: string, end: number, symbols: ReadonlySet<string>): boolean {
  let k = end;
  while (isJsSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== 40 && text.charCodeAt(k) !== 0xff08) return false;
  const listing = LISTING_AFTER.exec(text.slice(end, end + 40));
  if (!listing || !PREFIX_VENUES[listing[1].toUpperCase()]) return false;
  return !symbols.has(symbolKey(listing[2]));
}

const SYMBOL_AFTER = /^\s*[(（]\s*(?:[A-Za-z]{2,12}\s*[:：]\s*)?([A-Za-z0-9.]{1,10})\s*[)）]/u;

/**
 * "Sber (SBER)", "DJI (NASDAQ: …)": the text gives the company's own symbol in brackets right after a short
 * name, which vouches for both.
 */
export function ownSymbolFollows(text: string, end: number, symbols: ReadonlySet<string>): boolean {
  const listing = SYMBOL_AFTER.exec(text.slice(end, end + 40));
  return listing !== null && symbols.has(symbolKey(listing[1]));
}

/** A symbol as compared between text and data: upper case, Hong Kong leading zeros dropped. */
export function symbolKey(symbol: string): string {
  return symbol.trim().toUpperCase().replace(/^0+(?=\d)/, '');
}

/** The line around text[start, end), up to `reach` code units each way, as [from, to). */
function lineAround(text: string, start: number, end: number, reach: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < reach && text.charCodeAt(from - 1) !== 10) from--;
  let to = end;
  while (to < text.length && to - end < reach && text.charCodeAt(to) !== 10) to++;
  return [from, to];
}

/**
 * Is the line around text[start, end) written mostly in capitals (a wire headline, a shouted post)? There,
 * capitals say nothing: "SHARES ROSE 4%" is not an acronym, "CEO" and "SAYS" are not cue words.
 */
export function inShoutedLine(text: string, start: number, end: number): boolean {
  const [from, to] = lineAround(text, start, end, 120);
  let upper = 0;
  let lower = 0;
  for (let k = from; k < to; k++) {
    if (k === start) k = end;
    if (k >= to) break;
    const code = text.charCodeAt(k);
    if (!isLetterUnit(code)) continue;
    const isUpper = upperSameUnit(code);
    const isLower = lowerSameUnit(code);
    if (isUpper && !isLower) upper++;
    else if (isLower && !isUpper) lower++;
  }
  return upper >= 12 && upper >= 4 * lower;
}

/** The word right after `end` (past spaces, hyphens or a slash), as [start, end), or undefined. */
function wordAfter(text: string, end: number): [number, number] | undefined {
  let k = end;
  let skipped = 0;
  while (k < text.length && skipped < 3 && (isJsSpace(text.charCodeAt(k)) || text[k] === '-' || text[k] === '/')) {
    k++;
    skipped++;
  }
  if (k === end || !isLetterUnit(text.charCodeAt(k))) return undefined;
  let e = k;
  while (e < text.length && isLetterOrDigitAt(text, e)) e++;
  return [k, e];
}

/** Does `word` start with a capital? */
const capitalised = (text: string, at: number) => upperSameUnit(text.charCodeAt(at)) && !lowerSameUnit(text.charCodeAt(at));

/** The sentence around text[start, end): from the last full stop, ! or ? or line break, to the next (160 units each way at most). */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 160 && !/[.!?\n]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < 160 && !/[!?\n]/.test(text[to]) && !(text[to] === '.' && /\s/.test(text[to + 1] ?? ' '))) to++;
  return text.slice(from, to);
}

/** Market talk in the symbol's sentence ("most talked-about stock", "put/call volume ratio", "market cap"). */
export function marketTalkAround(text: string, start: number, end: number): boolean {
  return MARKET_TALK.test(sentenceAround(text, start, end).toLowerCase());
}

/**
 * "ZTE Plaza", "Gazprom Arena", "the Polyus spacecraft": the name is followed by a noun that makes the pair a
 * place (written as a proper name, capitalised) or a craft named after it, not the company.
 */
export function namedAfterNounFollows(text: string, end: number): boolean {
  const next = wordAfter(text, end);
  if (!next || text[next[0] - 1] === '-' || text[next[0] - 1] === '/') return false;
  const word = matchKey(text.slice(next[0], next[1]));
  if (word === 'arena') return capitalised(text, next[0]) && stadiumFollows(text, next[1]);
  return NAMED_AFTER_NOUNS.has(word) && (capitalised(text, next[0]) || word === 'spacecraft');
}

/**
 * "Gazprom Arena Stadium": an arena is read as naming its sponsor ("through the Gazprom Arena"), but an arena the
 * text goes on to call a stadium is the ground itself.
 */
function stadiumFollows(text: string, end: number): boolean {
  const next = wordAfter(text, end);
  return next !== undefined && capitalised(text, next[0]) && matchKey(text.slice(next[0], next[1])) === 'stadium';
}

/**
 * "Rostelecom Cup", "VTB United League", «Кубок Ростелекома», «Единой лиги ВТБ»: the name is the sponsor's in an
 * event's or league's name, which means the event, not the company.
 */
export function eventNamedAfter(text: string, start: number, end: number): boolean {
  if (EVENT_NOUN_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return true;
  let from = end;
  for (let words = 0; words < 2; words++) {
    const next = wordAfter(text, from);
    if (!next || !capitalised(text, next[0]) || text[next[0] - 1] === '-' || text[next[0] - 1] === '/') return false;
    if (EVENT_NOUNS.has(matchKey(text.slice(next[0], next[1])))) return true;
    from = next[1];
  }
  return false;
}

/**
 * «Северсталь» обыграла «Сочи», "матч между местной командой Северсталь": a name written as a team's (in quotes,
 * or after ХК, команда, клуб) in a sentence of a sports report is the club named after the company. Not after a
 * word of ownership: «подопечным «Газпрома»» are the company's club's players, and the company is meant.
 */
export function sportsClubNamed(text: string, start: number, end: number): boolean {
  const quoted = start > 0 && OPENING_QUOTES.includes(text.charAt(start - 1));
  const before = text.slice(Math.max(0, start - 24), start);
  if ((!quoted && !CLUB_BEFORE.test(before)) || OWNER_BEFORE.test(before)) return false;
  return SPORTS_TALK.test(sentenceAround(text, start, end));
}

/**
 * 比亚迪电子 (BYD Electronic), 大华银行: a Chinese name run on, without a space, into a word that starts another
 * company's name. Not when one of the company's own names goes on the same way (熊猫电子 for Panda Electronics).
 */
export function cjkNameContinues(text: string, start: number, end: number, ownNames: readonly string[]): boolean {
  if (!isHanUnit(text.charCodeAt(end - 1))) return false;
  const word = CJK_NAME_CONTINUATIONS.find((w) => text.startsWith(w, end));
  if (word === undefined) return false;
  const runOn = matchKey(text.slice(start, end) + word);
  return !ownNames.some((name) => matchKey(name).includes(runOn));
}

/**
 * "CHINA MOBILE PHONE SHIPMENTS", "China Telecom Equipment Exports", "中国移动支付": a name made of ordinary
 * words runs into a common compound. Only where case gives no evidence (the next word capitalised too, or
 * CJK); "China Mobile phone plans" written so names the company.
 */
export function genericCompoundFollows(text: string, end: number, latinNext: ReadonlySet<string>, cjkNext: readonly string[]): boolean {
  if (isHanUnit(text.charCodeAt(end - 1))) return cjkNext.some((word) => text.startsWith(word, end));
  const next = wordAfter(text, end);
  if (!next || !capitalised(text, next[0])) return false;
  return latinNext.has(matchKey(text.slice(next[0], next[1])));
}

// Words in title case (a capital, then lower case), as an expansion is written; "(SBER RX)" is a code.
const EXPANSION = /^[ \u00a0]*[(（]((?:\p{Lu}\p{Ll}[\p{L}\p{N}.&'’-]*[ \u00a0]+(?:(?:of|and|the|for|de|&)[ \u00a0]+)?){1,6}\p{Lu}\p{Ll}[\p{L}\p{N}.&'’-]*)[)）]/u;

/**
 * The text says what a short name stands for, and it is not this company: an expansion in brackets
 * ("CTG (Computer Task Group)") or a name word after it ("CCA Industries", "Novatek Microelectronics") that
 * none of the company's own names has.
 */
export function namesAnotherCompany(
  text: string, end: number, ownWords: ReadonlySet<string>, continuations: ReadonlySet<string>, acronym: boolean,
): boolean {
  let k = end;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  const bracket = text.charCodeAt(k) === 40 || text.charCodeAt(k) === 0xff08;
  const expansion = acronym && bracket ? EXPANSION.exec(text.slice(end, end + 90)) : null;
  if (expansion) {
    const words = matchKey(expansion[1]).split(' ').filter((w) => w.length > 2 && !LOWER_OK.includes(w));
    return words.some((w) => !ownWords.has(w));
  }
  // Past words of the company's own names ("COSCO SHIPPING" before "Ports"), the next word decides.
  let from = end;
  for (let words = 0; words < 3; words++) {
    const next = wordAfter(text, from);
    if (!next || !capitalised(text, next[0]) || text[next[0] - 1] === '-') return false;
    const word = matchKey(text.slice(next[0], next[1]));
    if (!ownWords.has(word)) return continuations.has(word);
    from = next[1];
  }
  return false;
}

const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;

/**
 * "CoStar" for a company the data spells "Costar": a brand's inner capital that the company's own spelling
 * (in mixed case, so its case means something) does not have marks a different brand.
 */
export function innerCapitalDiffers(text: string, start: number, end: number, alias: string): boolean {
  const written = text.slice(start, end);
  if (!CAMEL.test(written) || alias === alias.toUpperCase() || alias === alias.toLowerCase()) return false;
  const at = alias.toLowerCase().indexOf(written.toLowerCase());
  if (at < 0) return false;
  const spelled = alias.slice(at, at + written.length);
  for (let k = 1; k < written.length; k++) {
    const ch = written[k];
    if (ch !== ch.toLowerCase() && ch === ch.toUpperCase() && spelled[k] !== ch && /\p{Ll}/u.test(written[k - 1])) return true;
  }
  return false;
}

const XUEQIU_CASHTAG = /\$[^$\s]{1,24}\$/u;

/** "$京东集团-SW(09618)$ …": a stock-forum post tagging listed companies on the same line. */
export function stockTagOnLine(text: string, start: number, end: number): boolean {
  const [from, to] = lineAround(text, start, end, 80);
  return XUEQIU_CASHTAG.test(text.slice(from, to));
}

const GIVEN_NAME_BEFORE = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+) $/u;

/** "Eugene Kaspersky": a capitalised given name right before a one-word name makes it a person's surname. */
export function givenNameBefore(text: string, start: number): boolean {
  const before = GIVEN_NAME_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
  return before !== null && GIVEN_NAMES.has(before[1].toLowerCase());
}

// Apostrophes are left out: they also open quoted screen text ('China Mobile Ltd ADR – no quote').
const OPENING_QUOTES = '«“„"';
// The quoted name goes on with a capitalised word (Арене, Arena, United), not a share class or legal form (ADR).
// A quoted name may hold a quote of its own: «ВТБ Арена - Центральный стадион «Динамо» имени Льва Яшина».
// A dash may join the rest: “ЛУКОЙЛ – Украина”, a regional company of the group.
const QUOTED_REST = /^ (?:[-–—] )?\p{Lu}\p{Ll}[^»“”"\n.!?]{0,60}?[»”"]/u;

/**
 * «ВТБ Арене», "Gazprom Arena": the name opens a quoted proper name that goes on past it (and past any legal
 * form), so the quoted whole names something else — a stadium, a league, a fund.
 */
export function opensLongerQuotedName(text: string, start: number, end: number): boolean {
  if (start === 0 || !OPENING_QUOTES.includes(text.charAt(start - 1))) return false;
  return QUOTED_REST.test(text.slice(end, end + 48));
}

const HK_CLASS_NAME_BEFORE = /\p{Script=Han}-(?:W|SW|S|R)\s*[(（]\s*$/u;

/**
 * "禾赛-W (02525)": a zero-padded five-digit code in brackets after a Chinese short name with a Hong Kong
 * share-class suffix (-W weighted voting, -SW, -S secondary listing, -R renminbi counter) is an HKEX code.
 */
export function hkCodeAfterClassName(text: string, start: number, end: number): boolean {
  if (end - start !== 5 || text.charCodeAt(start) !== 48) return false;
  const close = text.charCodeAt(end);
  return (close === 41 || close === 0xff09) && HK_CLASS_NAME_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
