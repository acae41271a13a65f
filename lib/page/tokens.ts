// First words, read the way the matcher reads them (lib/match/normalize.ts folding, invisible marks
// skipped, leading zeros of codes dropped, each CJK character a start of its own). The background
// lists the first word of every pattern; a frame compares its text's words with that list to know,
// cheaply and without the matcher, which companies its text could possibly name. The comparison
// must never miss: a company whose first word is absent cannot match, so a matcher built from the
// companies whose first words are present finds exactly what the full matcher finds.
import { CJK, SKIP, WORD, charClass, foldCode, foldedTail } from '../match/normalize';

const ZERO = 48;
/** Longer words are not looked up: the index lists patterns with longer first words under ALWAYS. */
export const MAX_TOKEN_LENGTH = 100;
/** The index's entry for patterns every frame with text must include. */
export const ALWAYS = '';
const isDigit = (folded: number) => folded >= 48 && folded <= 57;

/** The first word of a match key (what the automaton is entered with), or its first CJK character. */
export function keyToken(key: string): string {
  if (key.length === 0) return '';
  if (charClass(key.charCodeAt(0)) === CJK) return key[0];
  let end = 0;
  while (end < key.length && charClass(key.charCodeAt(end)) === WORD) end++;
  return key.slice(0, end);
}

/**
 * Calls `visit` with every token of `text` a pattern could start with: each word (folded), every
 * prefix of a word with letters beyond ASCII (a Russian name takes case endings), and each CJK
 * character. Stops early when `visit` returns true.
 */
export function visitTokens(text: string, visit: (token: string) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === CJK) {
      if (visit(String.fromCharCode(foldCode(code)))) return;
      i++;
      continue;
    }
    if (cls !== WORD) {
      i++;
      continue;
    }
    // Hong Kong codes: "0700" is looked up as "700", as the matcher does.
    let j = i;
    while (j + 1 < n && foldCode(text.charCodeAt(j)) === ZERO && isDigit(foldCode(text.charCodeAt(j + 1)))) j++;
    const letters: number[] = [];
    let wide = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      const k = charClass(c);
      if (k === SKIP) continue;
      if (k !== WORD) break;
      const folded = foldCode(c);
      letters.push(folded);
      if (folded >= 128) wide = true;
      const tail = foldedTail(c);
      if (tail) letters.push(...tail);
    }
    if (letters.length > MAX_TOKEN_LENGTH) letters.length = MAX_TOKEN_LENGTH + 1;
    const word = String.fromCharCode(...letters);
    if (wide) {
      for (let length = 1; length < Math.min(word.length, MAX_TOKEN_LENGTH + 1); length++) if (visit(word.slice(0, length))) return;
    }
    if (word.length <= MAX_TOKEN_LENGTH && visit(word)) return;
    i = j;
  }
}
