// Legal forms written after a matched name ("Xiaomi Corp.", "China Mobile Limited", "ПАО", "股份有限公司")
// belong in the highlight. This reads them straight from the text, without building strings or running a
// RegExp per match: spellings from the legal-form table, grouped by first letter, longest spelling first.
//
// Rules, in the words of a reader: a form may follow after spaces and one comma; the words of a form may be
// joined by spaces, dots, commas or hyphens ("Co., Ltd", "Co-Ltd") or nothing ("CoLtd"); a form must end
// where a word ends, and may carry a full stop; several forms may follow each other ("Holdings Co., Ltd.").
import { caseKey, isJsSpace, isLetterOrDigitAt } from './chars';
import { lazy } from './lazy';
import { LEGAL_FORMS } from './legal-forms';

/** Each spelling as its words, each word as the string of its case keys (one string, not an array, per word). */
type Spelling = string[];

/** `word` as case keys; the table is built the first time a frame checks a legal form, so it is kept cheap. */
function caseKeysOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += String.fromCharCode(caseKey(word.charCodeAt(i)));
  return out;
}

const spellingsByFirst = lazy(() => {
  const byFirst = new Map<number, Spelling[]>();
  const spellings = LEGAL_FORMS.flatMap((form) => form.spellings).sort((a, b) => b.length - a.length);
  for (const spelling of spellings) {
    const words = spelling.split(' ').map(caseKeysOf);
    const first = words[0].charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(words);
    else byFirst.set(first, [words]);
  }
  return byFirst;
});

const isInlineSpace = (code: number) => code === 32 || code === 9 || code === 0xa0;
const isJoiner = (code: number) => code === 46 || code === 44 || code === 45 || isJsSpace(code);

/** End of `spelling` written at `k`, or -1. */
function spellingEnd(text: string, k: number, spelling: Spelling): number {
  const n = text.length;
  for (let w = 0; w < spelling.length; w++) {
    if (w > 0) while (k < n && isJoiner(text.charCodeAt(k))) k++;
    const word = spelling[w];
    if (k + word.length > n) return -1;
    for (let c = 0; c < word.length; c++) if (caseKey(text.charCodeAt(k + c)) !== word.charCodeAt(c)) return -1;
    k += word.length;
  }
  return isLetterOrDigitAt(text, k) ? -1 : k;
}

/** Where the legal forms after offset `end` stop; `end` itself when none follows. */
export function legalTailEnd(text: string, end: number): number {
  const n = text.length;
  let pos = end;
  for (;;) {
    let k = pos;
    while (k < n && isInlineSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 44) k++;
    while (k < n && isInlineSpace(text.charCodeAt(k))) k++;
    if (k >= n) return pos;
    const candidates = spellingsByFirst().get(caseKey(text.charCodeAt(k)));
    if (!candidates) return pos;
    let formEnd = -1;
    for (let s = 0; s < candidates.length && formEnd < 0; s++) formEnd = spellingEnd(text, k, candidates[s]);
    if (formEnd < 0) return pos;
    pos = text.charCodeAt(formEnd) === 46 ? formEnd + 1 : formEnd;
  }
}
