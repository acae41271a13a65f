// First words, read the way the matcher reads them (lib/match/normalize.ts folding, invisible marks
// skipped, leading zeros of codes dropped, each CJK character a start of its own). The background
// lists the first word of every pattern — or, when a pattern starts with two plain ASCII words, the
// pair of them ("bank uralsib"), since a lone "bank" or "open" is on every page; a frame compares its
// text's words and word pairs with that list to know, cheaply and without the matcher, which
// companies its text could possibly name. The comparison must never miss: a company none of whose
// first words (or pairs) is present cannot match, so a matcher built from the companies whose first
// words are present finds exactly what the full matcher finds.
import { FirstWordFilter, HASH_MULTIPLIER, HASH_PRIME, WORD_HASH_SEED, hashStep, mayStart, tableFromBits, type FirstWordTable } from '../match/first-words';
import {
  AMP, CJK, WORD, WORD_FOLD_EXPANDS, WORD_FOLD_NONE, WORD_FOLD_SKIP, WORD_FOLD_UNLEARNED, charClass, foldCode, foldedTail, wordFoldTable,
} from '../match/normalize';

const wordFolds = wordFoldTable;

const ZERO = 48;
/** Longer words are not looked up: the index lists patterns with longer first words under ALWAYS. */
export const MAX_TOKEN_LENGTH = 100;
/** The index's entry for patterns every frame with text must include. */
export const ALWAYS = '';
const isDigit = (folded: number) => folded >= 48 && folded <= 57;

const isAsciiWord = (text: string) => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
};

/** The first word of a match key (what the automaton is entered with), or its first CJK character. */
function firstWordOf(key: string): string {
  if (key.length === 0) return '';
  if (charClass(key.charCodeAt(0)) === CJK) return key[0];
  let end = 0;
  while (end < key.length && charClass(key.charCodeAt(end)) === WORD) end++;
  return key.slice(0, end);
}

/**
 * What a frame must see in its text for the pattern `key` to be possible there: its first two words
 * joined by a space when both are ASCII (keys join words with one space; text reads the same between
 * words whatever separators it has), else its first word or first CJK character. Words with letters
 * beyond ASCII stay single: a Russian word takes case endings, and the text's form differs from the key's.
 */
export function keyToken(key: string): string {
  const first = firstWordOf(key);
  if (first.length === 0 || first.length === key.length || key.charCodeAt(first.length) !== 32 || !isAsciiWord(first)) return first;
  const second = firstWordOf(key.slice(first.length + 1));
  // A second word with leading zeros is read without them in text ("HKEX 0700"): keep to the first word.
  if (second.length === 0 || charClass(second.charCodeAt(0)) !== WORD || second.charCodeAt(0) === ZERO || !isAsciiWord(second)) return first;
  const pair = `${first} ${second}`;
  return pair.length > MAX_TOKEN_LENGTH ? first : pair;
}

/** The first words of the pair tokens among `tokens`: only after one of these does a frame look at the next word. */
export function pairStarts(tokens: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) {
    const space = token.indexOf(' ');
    if (space > 0) out.add(token.slice(0, space));
  }
  return out;
}

/** The code unit between the two words of a pair token (keys join words with one space). */
const SPACE = 32;

/**
 * A bitmap of the word hashes worth a look (the matcher's first-word hash): each one-word token, each
 * pair token whole ("bank uralsib"), and each pair's first word followed by its space ("bank "). With
 * it, `visitTokens` makes no string for a plain word that is no token, starts no pair and ends no pair
 * with the word before it, which is nearly every word of a page ("the", "bank" alone).
 */
export function tokenFilter(tokens: Iterable<string>): FirstWordTable {
  return filterOf(tokens).table;
}

function filterOf(tokens: Iterable<string>): FirstWordFilter {
  const filter = new FirstWordFilter();
  for (const token of tokens) {
    const space = token.indexOf(' ');
    if (space > 0) {
      filter.addText(token);
      filter.addText(token.slice(0, space + 1));
    } else {
      // A word token, or a CJK character (read without the filter, like every word beyond ASCII).
      filter.addKey(token);
    }
  }
  return filter;
}

/** `tokenFilter` as text (its set bits in base 36), for the background to send: a frame then only sets bits. */
export function tokenFilterText(tokens: Iterable<string>): string {
  return filterOf(tokens).setBits().map((bit) => bit.toString(36)).join(',');
}

export function tokenFilterFromText(text: string): FirstWordTable {
  return tableFromBits(text ? text.split(',').map((bit) => Number.parseInt(bit, 36)) : []);
}

/** Membership in a list of words sent as one string, one per line: a frame looks up only the few words its filter lets through. */
export interface WordSet {
  has(word: string): boolean;
}

export function wordsOfLines(lines: string): WordSet {
  const padded = `\n${lines}\n`;
  // A search of the string per word costs more than a set once a frame looks up more than a few: then a set.
  let lookups = 0;
  let set: Set<string> | null = null;
  return {
    has(word) {
      if (set) return set.has(word);
      if (++lookups > SEARCHES_BEFORE_SET) {
        set = new Set(lines.split('\n').filter((line) => line.length > 0));
        return set.has(word);
      }
      return word.length > 0 && !word.includes('\n') && padded.includes(`\n${word}\n`);
    },
  };
}

/** Looked up by searching the string this many times at most (an ad frame's few words), then from a set. */
const SEARCHES_BEFORE_SET = 64;

/** The letters of the word being read (reused: one array per frame, not one per word). */
const letters: number[] = [];

/**
 * Calls `visit` with every token of `text` a pattern could start with: each word (folded), every
 * prefix of a word with letters beyond ASCII (a Russian name takes case endings), each CJK
 * character, and, after a word in `pairsAfter`, that word and the next joined by a space when both
 * are ASCII and only separators lie between them. Stops early when `visit` returns true. With
 * `filter` (`tokenFilter` of the tokens looked for), plain words and pairs whose hash is not in it
 * are not visited, and pair starts come from the filter too (`pairsAfter` is not asked).
 */
export function visitTokens(text: string, visit: (token: string) => boolean | void, pairsAfter?: WordSet, filter?: FirstWordTable): void {
  const n = text.length;
  let i = 0;
  /** The previous word, when it starts a pair and nothing but separators followed it yet. */
  let pending: string | null = null;
  /** With a filter: the hash of the pending word and the space after it. */
  let pendingHash = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === CJK) {
      pending = null;
      if (visit(String.fromCharCode(foldCode(code)))) return;
      i++;
      continue;
    }
    if (cls !== WORD) {
      // `&` is a word of its own in a key: "a & b" is not the pair "a b".
      if (cls === AMP) pending = null;
      i++;
      continue;
    }
    // Hong Kong codes: "0700" is looked up as "700", as the matcher does.
    let j = i;
    while (j + 1 < n && foldCode(text.charCodeAt(j)) === ZERO && isDigit(foldCode(text.charCodeAt(j + 1)))) j++;
    letters.length = 0;
    let wide = false;
    let hash = WORD_HASH_SEED;
    // Every letter of the page passes here, mostly in code running for the first time in the frame: the
    // tables are read directly and the hash step (first-words.ts, `hashStep`) is written out.
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      let folded = wordFolds[c];
      if (folded === WORD_FOLD_UNLEARNED) {
        charClass(c);
        folded = wordFolds[c];
      }
      if (folded === WORD_FOLD_SKIP) continue;
      if (folded === WORD_FOLD_NONE) break;
      if (folded === WORD_FOLD_EXPANDS) {
        // A ligature ("ﬁ"): its first letter, then the rest.
        for (const letter of [foldCode(c), ...foldedTail(c)!]) {
          letters.push(letter);
          hash = hashStep(hash, letter);
          if (letter >= 128) wide = true;
        }
        continue;
      }
      letters.push(folded);
      hash = (hash * HASH_MULTIPLIER + folded) % HASH_PRIME;
      if (folded >= 128) wide = true;
    }
    if (filter && !wide) {
      // A plain word: a string is made only when the filter says it may be a token, end a pair or start one.
      const short = letters.length <= MAX_TOKEN_LENGTH;
      let endsPair = false;
      if (pending !== null && short) {
        let pairHash = pendingHash;
        for (let l = 0; l < letters.length; l++) pairHash = hashStep(pairHash, letters[l]);
        endsPair = mayStart(filter, pairHash);
      }
      const spaceHash = hashStep(hash, SPACE);
      const startsPair = short && mayStart(filter, spaceHash);
      const isToken = short && mayStart(filter, hash);
      if (isToken || endsPair || startsPair) {
        const word = String.fromCharCode(...letters);
        if (isToken && visit(word)) return;
        if (endsPair && visit(`${pending} ${word}`)) return;
        pending = startsPair ? word : null;
        pendingHash = spaceHash;
      } else {
        pending = null;
      }
      i = j;
      continue;
    }
    if (letters.length > MAX_TOKEN_LENGTH) letters.length = MAX_TOKEN_LENGTH + 1;
    const word = String.fromCharCode(...letters);
    if (wide) {
      for (let length = 1; length < Math.min(word.length, MAX_TOKEN_LENGTH + 1); length++) if (visit(word.slice(0, length))) return;
    }
    if (word.length <= MAX_TOKEN_LENGTH && visit(word)) return;
    if (pending !== null && !wide && word.length <= MAX_TOKEN_LENGTH && visit(`${pending} ${word}`)) return;
    pending = pairsAfter && !wide && pairsAfter.has(word) ? word : null;
    i = j;
  }
}
