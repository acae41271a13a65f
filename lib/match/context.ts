// The second signals: how a match's surroundings in the original text confirm (or contradict) it.
// All functions read the original text around a candidate; they run only on candidates, never per character.
import type { CaseRule } from './patterns';
import { BLOOMBERG_VENUES, PREFIX_VENUES, SUFFIX_VENUES } from './exchanges';
import { matchKey } from './normalize';
import { CJK_COMPANY_CUES, COMPANY_CUES } from './word-lists';

const LOWER_OK = new Set(['of', 'and', 'the', 'for', 'de', 'in', 'on']);
const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Does the text span follow the alias's case rule? */
export function caseRuleHolds(span: string, rule: CaseRule): boolean {
  if (rule === 'any') return true;
  if (rule === 'upper') return span === span.toUpperCase() && span !== span.toLowerCase();
  for (const word of span.split(/[^\p{L}\p{N}]+/u)) {
    if (!word || LOWER_OK.has(word)) continue;
    const first = word.charAt(0);
    if (isLetter(first) && first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  }
  return true;
}

/** Up to `count` folded words just before `start` and just after `end`. */
function wordsAround(text: string, start: number, end: number, count: number): string[] {
  const before = matchKey(text.slice(Math.max(0, start - 50), start)).split(' ');
  const after = matchKey(text.slice(end, end + 50)).split(' ');
  return [...before.slice(-count), ...after.slice(0, count)].filter(Boolean);
}

/** A company word ("shares", "maker", "Ltd", "Chinese") within three words of the span. */
export function companyCueNear(text: string, start: number, end: number): boolean {
  if (/[\p{Script=Han}]/u.test(text.slice(start, end))) {
    const around = text.slice(Math.max(0, start - 8), start) + '\u0000' + text.slice(end, end + 8);
    return CJK_COMPANY_CUES.some((cue) => around.includes(cue));
  }
  return wordsAround(text, start, end, 3).some((word) => COMPANY_CUES.has(word));
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
  if (text.slice(Math.max(0, k - 1), k + 1) === '代码' || text.slice(Math.max(0, k - 1), k + 1) === '代碼') {
    return { rule: 'exchange-prefix', venue: '*' };
  }
  let from = k;
  while (from >= 0 && from > k - 14 && /[A-Za-z0-9]/.test(text[from])) from--;
  if (isWordChar(text[from])) return undefined;
  const word = text.slice(from + 1, k + 1).toUpperCase();
  if (GENERIC_PREFIXES.has(word)) return { rule: 'exchange-prefix', venue: '*' };
  const venue = PREFIX_VENUES[word];
  return venue ? { rule: 'exchange-prefix', venue } : undefined;
}

/** "1810.HK", "600760.SS", "941 HK", "CHL US Equity". */
export function venueSuffix(text: string, end: number): VenueMark | undefined {
  const dotted = /^\.([A-Za-z]{1,2})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 4));
  if (dotted) {
    const venue = SUFFIX_VENUES[dotted[1].toUpperCase()];
    if (venue) return { rule: 'exchange-suffix', venue };
  }
  const bloomberg = /^[ \u00a0]([A-Z][A-Z0-9])(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 4));
  if (bloomberg) {
    const venue = BLOOMBERG_VENUES[bloomberg[1]];
    if (venue) return { rule: 'bloomberg-code', venue };
  }
  return undefined;
}

/** "$XIACY" (but not "$700", and not "US$BABA"). */
export function isCashtag(text: string, start: number): boolean {
  return text[start - 1] === '$' && !isWordChar(text[start - 2]);
}

/** Index of the "(" that opens just before `start` ("Xiaomi (1810)", "小米（1810）"), or -1. */
export function openingParenBefore(text: string, start: number): number {
  let k = start - 1;
  while (k >= 0 && text[k] === ' ') k--;
  return text[k] === '(' || text[k] === '（' ? k : -1;
}

const QUOTE_AFTER = /^[ \t\u00a0]+(?:[-+]?\d[\d,.]*%?[ \t\u00a0]+){0,2}[-+(]?[$€¥₽]?\d[\d,]*(?:\.\d+|,\d{1,2}(?!\d))%?(?![\p{L}\p{N}])/u;

/** A price or change right after a symbol on the same line ("XIACY 8.71", "SBER  500  262.10"): a quote row. */
export function quoteFollows(text: string, end: number): boolean {
  const line = text.slice(end, end + 40).split('\n', 1)[0];
  return QUOTE_AFTER.test(line);
}
