// A filter of the words patterns start with. Nearly every word on a page starts no pattern, and the text
// of a pattern's first word must equal the page's word exactly (only a word boundary may follow it), so
// the scanner hashes each word while it reads over it anyway and walks the automaton only when the hash
// is in this bitmap. False positives cost one walk; there are no false negatives for words whose folded
// letters are all ASCII (the scanner walks every other word, so Russian case endings still work).
import { WORD, charClass } from './normalize';

const BITS = 20;
const SIZE = 1 << BITS;

/** One step of the word hash (FNV-1a over folded code units). Start from `WORD_HASH_SEED`. */
export const hashStep = (hash: number, folded: number) => Math.imul(hash ^ folded, 16777619);
export const WORD_HASH_SEED = 0x811c9dc5 | 0;

export class FirstWordFilter {
  private readonly bits = new Int32Array(SIZE >>> 5);

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

  private add(hash: number): void {
    const bit = hash >>> (32 - BITS);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  /** The table for the scanner's loop: word hash `h` may start a pattern when `mayStart(table, h)`. */
  get table(): Int32Array {
    return this.bits;
  }

  /** The bits set, as numbers: a few thousand, where the table is a megabit (to send the filter as text). */
  setBits(): number[] {
    const out: number[] = [];
    for (let word = 0; word < this.bits.length; word++) {
      for (let bit = 0; bit < 32; bit++) if (this.bits[word] & (1 << bit)) out.push(word * 32 + bit);
    }
    return out;
  }
}

/** The table whose set bits are `bits` (see `setBits`). */
export function tableFromBits(bits: Iterable<number>): Int32Array {
  const table = new Int32Array(SIZE >>> 5);
  for (const bit of bits) if (bit >= 0 && bit < SIZE) table[bit >>> 5] |= 1 << (bit & 31);
  return table;
}

export function mayStart(table: Int32Array, hash: number): boolean {
  const bit = hash >>> (32 - BITS);
  return (table[bit >>> 5] & (1 << (bit & 31))) !== 0;
}
