// Character properties the candidate checks need (letter or digit, upper or lower case, RegExp's `\s`),
// answered per UTF-16 code unit from lazily filled tables, so judging a candidate never builds a string or
// runs a RegExp. Code points outside the BMP (rare in names) fall back to the slow, exact answer.

const KNOWN = 0x80;
const LETTER = 0x01;
const LETTER_OR_DIGIT = 0x02;
/** `toUpperCase()` leaves the character as it is. */
const UPPER_SAME = 0x04;
/** `toLowerCase()` leaves the character as it is. */
const LOWER_SAME = 0x08;
const HAN = 0x10;

const flags = new Uint8Array(65536);
/** Simple case folding as a case-insensitive RegExp compares characters; 0 = not yet learned. */
const caseKeys = new Uint16Array(65536);

function learn(code: number): number {
  if (code < 128) {
    // ASCII, most of every page, without compiling the Unicode RegExps below (a frame's first match paid for them).
    const upper = code >= 65 && code <= 90;
    const lower = code >= 97 && code <= 122;
    const digit = code >= 48 && code <= 57;
    const ascii = KNOWN | (upper || lower ? LETTER | LETTER_OR_DIGIT : digit ? LETTER_OR_DIGIT : 0) | (lower ? 0 : UPPER_SAME) | (upper ? 0 : LOWER_SAME);
    flags[code] = ascii;
    return ascii;
  }
  const ch = String.fromCharCode(code);
  let f = KNOWN;
  // A lone surrogate is no letter: astral characters are looked at as whole code points by the callers.
  if (/\p{L}/u.test(ch)) f |= LETTER | LETTER_OR_DIGIT;
  else if (/\p{N}/u.test(ch)) f |= LETTER_OR_DIGIT;
  if (ch.toUpperCase() === ch) f |= UPPER_SAME;
  if (ch.toLowerCase() === ch) f |= LOWER_SAME;
  if (/\p{Script=Han}/u.test(ch)) f |= HAN;
  flags[code] = f;
  return f;
}

const flagsOf = (code: number) => (flags[code] & KNOWN ? flags[code] : learn(code));

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Length in code units of the code point at `k` (2 for a surrogate pair). */
export function codePointLength(text: string, k: number): number {
  return isHighSurrogate(text.charCodeAt(k)) && isLowSurrogate(text.charCodeAt(k + 1)) ? 2 : 1;
}

/** `/[\p{L}\p{N}]/u` at the code point starting at `k` (false past the end). */
export function isLetterOrDigitAt(text: string, k: number): boolean {
  if (k >= text.length) return false;
  const code = text.charCodeAt(k);
  if (codePointLength(text, k) === 2) return /[\p{L}\p{N}]/u.test(text.slice(k, k + 2));
  return (flagsOf(code) & LETTER_OR_DIGIT) !== 0;
}

/** `/\p{L}/u` for one code unit on its own. */
export const isLetterUnit = (code: number) => (flagsOf(code) & LETTER) !== 0;
/** The code point at `k` has no upper-case form different from itself. */
export function upperSameAt(text: string, k: number): boolean {
  if (codePointLength(text, k) === 2) {
    const ch = text.slice(k, k + 2);
    return ch.toUpperCase() === ch;
  }
  return (flagsOf(text.charCodeAt(k)) & UPPER_SAME) !== 0;
}
export function lowerSameAt(text: string, k: number): boolean {
  if (codePointLength(text, k) === 2) {
    const ch = text.slice(k, k + 2);
    return ch.toLowerCase() === ch;
  }
  return (flagsOf(text.charCodeAt(k)) & LOWER_SAME) !== 0;
}
export const upperSameUnit = (code: number) => (flagsOf(code) & UPPER_SAME) !== 0;
export const lowerSameUnit = (code: number) => (flagsOf(code) & LOWER_SAME) !== 0;
/** `/\p{Script=Han}/u` for one BMP code unit. */
export const isHanUnit = (code: number) => (flagsOf(code) & HAN) !== 0;

/** A code unit's key under a case-insensitive Unicode RegExp: upper-cased then lower-cased when both are one character. */
export function caseKey(code: number): number {
  const known = caseKeys[code];
  if (known !== 0) return known;
  const ch = String.fromCharCode(code);
  let upper = ch.toUpperCase();
  if (upper.length !== 1) upper = ch;
  let lower = upper.toLowerCase();
  if (lower.length !== 1) lower = upper;
  const key = lower.charCodeAt(0) || code;
  caseKeys[code] = key;
  return key;
}

/** RegExp's `\s`: white space and line terminators. */
export function isJsSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
