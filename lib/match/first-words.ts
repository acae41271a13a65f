// A filter of the words patterns start with. Nearly every word on a page starts no pattern, and the text
// of a pattern's first word must equal the page's word exactly (only a word boundary may follow it), so
// the scanner hashes each word while it reads over it anyway and walks the automaton only when the hash
// is in this bitmap. False positives cost one walk; there are no false negatives for words whose folded
// letters are all ASCII (the scanner walks every other word, so Russian case endings still work).
import { WORD, charClass } from './normalize';

/** Bits in the filter's table (2^20). */
const SIZE = 1 << 20;

/** The word hash is taken modulo this prime (just under 2^20, the bitmap's size)… */
export const HASH_PRIME = 1048573;
/** …after multiplying by this one (small enough that the product stays under 2^30). */
export const HASH_MULTIPLIER = 1021;
/**
 * One step of the word hash over folded code units: a polynomial modulo a prime, every value and every
 * step's intermediate under 2^30. Code running for the first time in a frame (the interpreter) keeps such
 * numbers unboxed; a 32-bit hash made a heap number at about every other letter of a page. Start from
 * `WORD_HASH_SEED`.
 */
export const hashStep = (hash: number, folded: number) => (hash * HASH_MULTIPLIER + folded) % HASH_PRIME;
export const WORD_HASH_SEED = 362_437;

/**
 * The filter's table: one bit per hash value, kept in bytes so that reading it never yields a number
 * outside the small-integer range either.
 */
export type FirstWordTable = Uint8Array;

export class FirstWordFilter {
  private readonly bits: FirstWordTable = new Uint8Array(SIZE >>> 3);

  /** Adds the first word of a match key: its code units up to the first space, `&` or CJK character. */
  addKey(key: string): void {
    let hash = WORD_HASH_SEED;
    let length = 0;
    for (; length < key.length; length++) {
      const code = key.charCodeAt(length);
      if (charClass(code) !== WORD) break;
      hash = hashStep(hash, code);
    }
    if (length > 0) this.add(hash);
  }

  /**
   * Adds the hash of every code unit of `text`, spaces included: a frame's first-word tokens
   * (lib/page/tokens.ts) are already folded, and a two-word token is hashed across its space.
   */
  addText(text: string): void {
    let hash = WORD_HASH_SEED;
    for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
    if (text.length > 0) this.add(hash);
  }

  private add(hash: number): void {
    this.bits[hash >>> 3] |= 1 << (hash & 7);
  }

  /** The table for the scanner's loop: word hash `h` may start a pattern when `mayStart(table, h)`. */
  get table(): FirstWordTable {
    return this.bits;
  }

  /** The bits set, as numbers: a few thousand, where the table is a megabit (to send the filter as text). */
  setBits(): number[] {
    const out: number[] = [];
    for (let byte = 0; byte < this.bits.length; byte++) {
      const value = this.bits[byte];
      if (value === 0) continue;
      for (let bit = 0; bit < 8; bit++) if (value & (1 << bit)) out.push(byte * 8 + bit);
    }
    return out;
  }
}

/** The table whose set bits are `bits` (see `setBits`). */
export function tableFromBits(bits: Iterable<number>): FirstWordTable {
  const table: FirstWordTable = new Uint8Array(SIZE >>> 3);
  for (const bit of bits) if (bit >= 0 && bit < SIZE) table[bit >>> 3] |= 1 << (bit & 7);
  return table;
}

export function mayStart(table: FirstWordTable, hash: number): boolean {
  return (table[hash >>> 3] & (1 << (hash & 7))) !== 0;
}
