// One multi-pattern automaton for every name, alias, ticker and ISIN: a trie over folded UTF-16 code units,
// frozen into flat typed arrays. The scanner starts a walk only where a word starts (or at every CJK
// character), follows edges while the text agrees and so finds the longest pattern at that start; it never
// builds a RegExp per name, and its cost does not grow with the number of patterns.

export interface Automaton {
  /** Child of `node` on folded code unit `code`, or 0 when there is none (0 is the root, never a child). */
  child(node: number, code: number): number;
  /** First index into `payloads` for a node that ends a pattern, or -1. */
  readonly terminal: Int32Array;
  /** Per terminal: pattern ids, in the order they were added; a -1 closes each node's run. */
  readonly payloads: Int32Array;
  readonly nodeCount: number;
}

export class AutomatonBuilder {
  private readonly edges = new Map<number, number>();
  private readonly ends = new Map<number, number[]>();
  private nodes = 1;

  /** Adds `key` (a match key, see normalize.ts) ending in pattern `id`. */
  add(key: string, id: number): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = node * 65536 + key.charCodeAt(i);
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(edge, next);
      }
      node = next;
    }
    const list = this.ends.get(node);
    if (list) {
      if (!list.includes(id)) list.push(id);
    } else this.ends.set(node, [id]);
  }

  build(): Automaton {
    const nodeCount = this.nodes;
    const root = new Int32Array(65536);
    const counts = new Int32Array(nodeCount + 1);
    for (const [edge, target] of this.edges) {
      const parent = Math.floor(edge / 65536);
      if (parent === 0) root[edge % 65536] = target;
      else counts[parent + 1]++;
    }
    const first = new Int32Array(nodeCount + 1);
    for (let n = 1; n <= nodeCount; n++) first[n] = first[n - 1] + counts[n];
    const codes = new Uint16Array(first[nodeCount]);
    const targets = new Int32Array(first[nodeCount]);
    const fill = first.slice();
    for (const [edge, target] of this.edges) {
      const parent = Math.floor(edge / 65536);
      if (parent === 0) continue;
      const at = fill[parent]++;
      codes[at] = edge % 65536;
      targets[at] = target;
    }
    // Sort each node's edges by code so large fan-outs can be binary-searched.
    for (let n = 1; n < nodeCount; n++) {
      const lo = first[n];
      const hi = first[n + 1];
      if (hi - lo < 2) continue;
      const order = Array.from({ length: hi - lo }, (_, k) => lo + k).sort((a, b) => codes[a] - codes[b]);
      const sortedCodes = order.map((k) => codes[k]);
      const sortedTargets = order.map((k) => targets[k]);
      codes.set(sortedCodes, lo);
      targets.set(sortedTargets, lo);
    }
    const terminal = new Int32Array(nodeCount).fill(-1);
    const payloadList: number[] = [];
    for (const [node, ids] of this.ends) {
      terminal[node] = payloadList.length;
      payloadList.push(...ids, -1);
    }
    const payloads = Int32Array.from(payloadList);

    const child = (node: number, code: number): number => {
      if (node === 0) return root[code];
      let lo = first[node];
      let hi = first[node + 1];
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) if (codes[lo] === code) return targets[lo];
        return 0;
      }
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const at = codes[mid];
        if (at === code) return targets[mid];
        if (at < code) lo = mid + 1;
        else hi = mid;
      }
      return 0;
    };
    return { child, terminal, payloads, nodeCount };
  }
}
