// Normalisation is a contract: the data build and the page scanner must reduce a company name to the same
// string, or a listed company silently stops being found. Everything here works per UTF-16 code unit so the
// scanner can fold text on the fly and still report offsets into the original string.
//
// Three levels:
// - `foldCode`/`charClass`: one code unit → its folded form (NFKC, lower case, no diacritics, Traditional
//   Chinese as Simplified) and its class.
// - `matchKey`: the exact string the automaton walks (tokens joined by one space, CJK runs unspaced, `&` a token).
// - `normalize`: a comparison key for people and the data build: also maps legal forms to one spelling,
//   `&` to `and` and drops possessive `'s`, so "China Mobile Ltd" and "CHINA MOBILE LIMITED" are equal.
import { CONNECTORS, LEGAL_FORMS } from './legal-forms';
import { lazy } from './lazy';
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional';

/** Not part of any word: spaces, punctuation, symbols, emoji. Runs of these act as one space. */
export const SEP = 0;
/** Latin, Cyrillic, Greek and other spaced scripts, and digits: names need word boundaries around them. */
export const WORD = 1;
/** Han, kana, hangul: written without spaces, so no word boundary is required. */
export const CJK = 2;
/** Invisible inside a word: combining marks, soft hyphen, zero-width characters. */
export const SKIP = 3;
/** `&`, its own token, equivalent to the word "and". */
export const AMP = 4;

const UNKNOWN = 255;
const classes = new Uint8Array(65536).fill(UNKNOWN);
const folded = new Uint16Array(65536);
// The scanner's word loop in one read: a WORD code unit's folded form, or one of these markers.
const NOT_WORD = 0;
const INVISIBLE = 1;
const UNLEARNED = 2;
const EXPANDS = 3;
const wordFolds = new Uint16Array(65536).fill(UNLEARNED);
/** Code units that fold to several letters ("ﬁ" → "fi"): the letters after the first. */
const expansions = new Map<number, number[]>();

// Letters that Unicode decomposition leaves alone but a reader treats as the base letter.
const EXTRA_BASE: Record<string, string> = {
  ø: 'o', đ: 'd', ð: 'd', ł: 'l', ß: 's', æ: 'a', œ: 'o', ı: 'i', þ: 't', ħ: 'h', ŀ: 'l',
};

const COMBINING = /^\p{M}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const CJK_RANGE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

function learn(code: number): number {
  let cls: number = SEP;
  let out = 0;
  if (code < 128) {
    if (code >= 65 && code <= 90) [cls, out] = [WORD, code + 32];
    else if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) [cls, out] = [WORD, code];
    else if (code === 38) [cls, out] = [AMP, 38];
  } else if (code >= 0xd800 && code <= 0xdfff) {
    cls = SEP; // astral characters (emoji, rare ideographs) never occur in our names
  } else if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) {
    cls = SKIP;
  } else {
    const raw = String.fromCharCode(code);
    if (COMBINING.test(raw)) {
      cls = SKIP;
    } else {
      // NFKC turns full-width, compatibility and presentation forms into ordinary characters.
      // A form that expands to several letters (the ligature "ﬁ") folds to its first here; the rest are
      // kept in `expansions` and read by every caller that walks words.
      const full = raw.normalize('NFKC');
      const compat = full.charAt(0) || raw;
      if (full.length > 1 && full.length <= 3 && [...full].every((ch) => charClass(ch.charCodeAt(0)) === WORD)) {
        const rest = Array.from(full.slice(1), (ch) => foldCode(ch.charCodeAt(0)));
        expansions.set(code, rest);
      }
      const compatCode = compat.charCodeAt(0);
      if (compatCode < 128) {
        cls = learn(compatCode);
        out = folded[compatCode];
      } else if (compatCode >= 0x400 && compatCode <= 0x52f) {
        // Cyrillic keeps its diacritics (й is not и) except ё, which Russian writes as е freely.
        const lower = compat.toLowerCase();
        [cls, out] = [WORD, lower === 'ё' ? 0x435 : lower.charCodeAt(0)];
      } else {
        let base = compat.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().charAt(0);
        base = EXTRA_BASE[base] ?? base;
        if (base && LETTER_OR_DIGIT.test(base)) {
          cls = CJK_RANGE.test(base) ? CJK : WORD;
          out = base.charCodeAt(0);
          if (cls === CJK) out = TRADITIONAL_TO_SIMPLIFIED.get(out) ?? out;
        } else if (compat === '&' || compat === '﹠') {
          [cls, out] = [AMP, 38];
        }
      }
    }
  }
  classes[code] = cls;
  folded[code] = out;
  wordFolds[code] = cls === WORD ? (expansions.has(code) ? EXPANDS : out) : cls === SKIP ? INVISIBLE : NOT_WORD;
  return cls;
}

/** The class (SEP, WORD, CJK, SKIP, AMP) of one UTF-16 code unit. */
export function charClass(code: number): number {
  const cls = classes[code];
  return cls === UNKNOWN ? learn(code) : cls;
}

/** The folded code unit (lower case, no diacritics, NFKC) of a WORD, CJK or AMP code unit; 0 otherwise. */
export function foldCode(code: number): number {
  if (classes[code] === UNKNOWN) learn(code);
  return folded[code];
}

// Learn ASCII up front: it is most of every page.
for (let code = 0; code < 128; code++) learn(code);

/** Direct access for the scanner's hot loop (read-only for callers). */
export const classTable = classes;
export const foldTable = folded;
export const UNKNOWN_CLASS = UNKNOWN;
/**
 * Per code unit: the folded form of a WORD code unit (never below 32), else WORD_FOLD_NONE (separators, CJK,
 * `&`), WORD_FOLD_SKIP (invisible inside a word), WORD_FOLD_EXPANDS (a ligature) or WORD_FOLD_UNLEARNED
 * (call `charClass` first).
 */
export const wordFoldTable = wordFolds;
export const WORD_FOLD_NONE = NOT_WORD;
export const WORD_FOLD_SKIP = INVISIBLE;
export const WORD_FOLD_UNLEARNED = UNLEARNED;
/** In `wordFoldTable`: a WORD code unit that folds to several letters; see `foldedTail`. */
export const WORD_FOLD_EXPANDS = EXPANDS;

/** The folded letters after the first of a code unit that expands ("ﬁ" → ["i"]), or undefined. */
export function foldedTail(code: number): readonly number[] | undefined {
  return expansions.get(code);
}

export interface FoldedText {
  /** The match key of the input: what the automaton walks. */
  text: string;
  /** For each code unit of `text`: where it starts in the original string. */
  starts: Int32Array;
  /** For each code unit of `text`: where it ends (exclusive) in the original string. */
  ends: Int32Array;
}

/**
 * Folds `input` to its match key and keeps, for every folded code unit, the original span it came from.
 * Inserted spaces span the separator run they replace, so any slice of the key maps back exactly.
 */
export function foldWithOffsets(input: string): FoldedText {
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastClass = SEP; // class of the last emitted non-space unit
  let gapStart = -1; // start of a pending separator run, or -1
  const emit = (code: number, start: number, end: number) => {
    out.push(code);
    starts.push(start);
    ends.push(end);
  };
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const cls = charClass(code);
    if (cls === SKIP) {
      if (out.length > 0 && gapStart < 0) ends[ends.length - 1] = i + 1; // a mark belongs to its letter
      continue;
    }
    if (cls === SEP) {
      if (gapStart < 0) gapStart = i;
      continue;
    }
    const needsSpace =
      out.length > 0 && (cls === AMP || lastClass === AMP || (gapStart >= 0 && !(cls === CJK && lastClass === CJK)));
    if (needsSpace) emit(32, gapStart >= 0 ? gapStart : i, gapStart >= 0 ? i : i);
    gapStart = -1;
    emit(folded[code], i, i + 1);
    // Every letter of a ligature maps back to the ligature itself.
    for (const tail of expansions.get(code) ?? []) emit(tail, i, i + 1);
    lastClass = cls;
  }
  return { text: codesToString(out), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function codesToString(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  // Spreading a whole page into String.fromCharCode overflows the stack, so convert in slices.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The automaton's form of a name: folded, tokens separated by one space, `&` a token of its own. */
export function matchKey(input: string): string {
  // Collected as code units and converted once: a string grown one character at a time is a rope that
  // every later split, comparison and map lookup would have to flatten.
  const out: number[] = [];
  let lastClass = SEP;
  let gap = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    const cls = charClass(code);
    if (cls === SKIP) continue;
    if (cls === SEP) {
      gap = true;
      continue;
    }
    if (out.length > 0 && (cls === AMP || lastClass === AMP || (gap && !(cls === CJK && lastClass === CJK)))) {
      out.push(32);
    }
    gap = false;
    out.push(folded[code]);
    const tail = expansions.get(code);
    if (tail) out.push(...tail);
    lastClass = cls;
  }
  return codesToString(out);
}

const POSSESSIVE = /([\p{L}\p{N}])['’ʼ´`]s(?![\p{L}\p{N}])/gu;

interface LegalFormHit {
  canonical: string;
  length: number; // in tokens, or in characters for CJK suffixes
}

// The legal-form table, keyed as text is matched. Built on first use: every frame loads this module,
// and most never normalise a name (the background compiles the patterns).
const legalFormTable = lazy(() => {
  // Longest spelling first, so "company limited" wins over "company".
  const latinForms = new Map<string, string>();
  const cjkForms: { spelling: string; canonical: string }[] = [];
  for (const form of LEGAL_FORMS) {
    for (const spelling of form.spellings) {
      const key = matchKey(spelling);
      if (/^[\p{Script=Han}]+$/u.test(key)) cjkForms.push({ spelling: key, canonical: form.canonical });
      else latinForms.set(key, form.canonical);
    }
  }
  cjkForms.sort((a, b) => b.spelling.length - a.spelling.length);
  return {
    latinForms,
    cjkForms,
    maxFormTokens: Math.max(...[...latinForms.keys()].map((k) => k.split(' ').length)),
    // Most names neither start nor end with a word of a legal form: one set lookup says so before any joining.
    formFirstWords: new Set([...latinForms.keys()].map((k) => k.split(' ')[0])),
    formLastWords: new Set([...latinForms.keys()].map((k) => k.split(' ').pop()!)),
  };
});

function legalFormAt(tokens: string[], index: number): LegalFormHit | undefined {
  const { formFirstWords, maxFormTokens, latinForms } = legalFormTable();
  if (!formFirstWords.has(tokens[index])) return undefined;
  for (let length = Math.min(maxFormTokens, tokens.length - index); length > 0; length--) {
    const canonical = latinForms.get(tokens.slice(index, index + length).join(' '));
    if (canonical !== undefined) return { canonical, length };
  }
  return undefined;
}

/** Legal form ending a token list (or CJK token), as the number of tokens it spans; 0 when none. */
function trailingLegalForm(tokens: string[]): number {
  const { formLastWords, maxFormTokens, latinForms } = legalFormTable();
  if (!formLastWords.has(tokens[tokens.length - 1])) return 0;
  for (let length = Math.min(maxFormTokens, tokens.length); length > 0; length--) {
    if (latinForms.has(tokens.slice(tokens.length - length).join(' '))) return length;
  }
  return 0;
}

/**
 * The comparison key of a company name: `matchKey`, with possessives dropped, `&` written `and`, and every
 * legal form written one way. Two spellings of one name give the same key. Stable: the data build relies on it.
 */
export function normalize(input: string): string {
  const tokens = matchKey(input.normalize('NFKC').replace(POSSESSIVE, '$1')).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = legalFormAt(tokens, i);
    if (hit) {
      out.push(hit.canonical);
      i += hit.length;
      continue;
    }
    let token = tokens[i] === '&' ? 'and' : tokens[i];
    for (const form of legalFormTable().cjkForms) {
      if (token.length > form.spelling.length && token.endsWith(form.spelling)) {
        token = token.slice(0, -form.spelling.length) + form.canonical;
        break;
      }
    }
    out.push(token);
    i++;
  }
  return out.join(' ');
}

/** "Contemporary Amperex Technology Co., Limited (CATL)" → "Contemporary Amperex Technology Co., Limited". */
export function withoutTrailingParenthetical(name: string): string {
  if (!name.includes(')') && !name.includes('）')) return name;
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/u, '');
}

/**
 * The distinctive part of a name, as a match key: legal forms, connectors and a trailing parenthetical
 * ("(CATL)") removed from both ends. "Public Joint Stock Company Gazprom" → "gazprom";
 * "China Mobile Limited" → "china mobile"; "深圳市大疆创新科技有限公司" → "深圳市大疆创新科技".
 */
export function coreName(input: string): string {
  const withoutParen = withoutTrailingParenthetical(input).replace(POSSESSIVE, '$1');
  let tokens = matchKey(withoutParen.normalize('NFKC')).split(' ').filter(Boolean);
  let changed = true;
  while (changed && tokens.length > 0) {
    changed = false;
    const trailing = trailingLegalForm(tokens);
    if (trailing > 0 && trailing < tokens.length) {
      tokens = tokens.slice(0, tokens.length - trailing);
      changed = true;
    }
    const leading = legalFormAt(tokens, 0);
    if (leading && leading.length < tokens.length) {
      tokens = tokens.slice(leading.length);
      changed = true;
    }
    if (tokens.length > 1 && CONNECTORS.includes(tokens[tokens.length - 1])) {
      tokens = tokens.slice(0, -1);
      changed = true;
    }
    const last = tokens[tokens.length - 1];
    const cjkLast = last !== undefined && charClass(last.charCodeAt(last.length - 1)) === CJK;
    for (const form of cjkLast ? legalFormTable().cjkForms : []) {
      if (last.length > form.spelling.length && last.endsWith(form.spelling)) {
        tokens = [...tokens.slice(0, -1), last.slice(0, -form.spelling.length)];
        changed = true;
        break;
      }
    }
  }
  return tokens.join(' ');
}
