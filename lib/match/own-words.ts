// The words of all a company's names, folded, built the first time a rule needs them (most companies are
// never asked), so building a matcher costs nothing extra.
import { matchKey } from './normalize';

const cache = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Every word of every name in `names`, in folded form ("CTG", "China Three Gorges" → ctg, china, three, gorges). */
export function ownWordsOf(names: readonly string[]): ReadonlySet<string> {
  let words = cache.get(names);
  if (!words) {
    words = new Set(names.flatMap((name) => matchKey(name).split(' ')));
    cache.set(names, words);
  }
  return words;
}
