// One multi-pattern automaton for every name, alias, ticker and ISIN: a trie over folded UTF-16 code units,
// frozen into flat typed arrays. The scanner starts a walk only where a word starts (or at every CJK
// character), follows edges while the text agrees and so finds the longest pattern at that start; it never
// builds a RegExp per name, and its cost does not grow with the number of patterns.
//
// Layout: the root has a dense table over all 65,536 code units; each child of the root reached by an ASCII
// code unit has a dense 128-entry table for its ASCII children (most words fail within two letters, so those
// steps are one array read); deeper nodes keep their edges sorted in one flat array (CSR).

export interface Automaton {
  /** Child of `node` on folded code unit `code`, or 0 when there is none (0 is the root, never a child). */
  child(node: number, code: number): number;
  /** First index into `payloads` for a node that ends a pattern, or -1. */
  readonly terminal: Int32Array;
  /** Per terminal: pattern ids in the order they were added; a -1 closes each node's run. */
  readonly payloads: Int32Array;
  readonly nodeCount: number;
  /** The dense tables behind `child`, for the scanner's hot loop: root[code]; ascii[asciiSlot[node] * 128 + code]. */
  readonly root: Int32Array;
  readonly asciiSlot: Int32Array;
  readonly ascii: Int32Array;
}

export class AutomatonBuilder {
  private readonly entries: { key: string; id: number }[] = [];

  /** Adds `key` (a match key, see normalize.ts) ending in pattern `id`. */
  add(key: string, id: number): void {
    if (key) this.entries.push({ key, id });
  }

  build(): Automaton {
    // Sorted keys share prefixes with their predecessor, so the trie is built in one pass without a hash map,
    // and every node's edges come out already sorted by code unit.
    const entries = this.entries
      .map((entry, order) => ({ ...entry, order }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order));
    const totalChars = entries.reduce((sum, e) => sum + e.key.length, 0);
    const edgeParent = new Int32Array(totalChars);
    const edgeCode = new Uint16Array(totalChars);
    const edgeTarget = new Int32Array(totalChars);
    let edges = 0;
    let nodes = 1;
    const path: number[] = [0]; // path[d] = node at depth d along the previous key
    let previous = '';
    const ends = new Map<number, number[]>();
    for (const { key, id } of entries) {
      let common = 0;
      while (common < key.length && common < previous.length && key.charCodeAt(common) === previous.charCodeAt(common)) common++;
      path.length = common + 1;
      for (let d = common; d < key.length; d++) {
        const node = nodes++;
        edgeParent[edges] = path[d];
        edgeCode[edges] = key.charCodeAt(d);
        edgeTarget[edges] = node;
        edges++;
        path.push(node);
      }
      const end = path[key.length];
      const list = ends.get(end);
      if (!list) ends.set(end, [id]);
      else if (!list.includes(id)) list.push(id);
      previous = key;
    }

    const nodeCount = nodes;
    const root = new Int32Array(65536);
    const asciiSlot = new Int32Array(nodeCount).fill(-1);
    const first = new Int32Array(nodeCount + 1);
    for (let e = 0; e < edges; e++) {
      if (edgeParent[e] === 0) {
        root[edgeCode[e]] = edgeTarget[e];
        if (edgeCode[e] < 128) asciiSlot[edgeTarget[e]] = 0; // marked; numbered below
      } else first[edgeParent[e] + 1]++;
    }
    let slots = 0;
    for (let n = 1; n < nodeCount; n++) if (asciiSlot[n] === 0) asciiSlot[n] = slots++;
    const ascii = new Int32Array(slots * 128);
    for (let n = 1; n <= nodeCount; n++) first[n] += first[n - 1];
    const codes = new Uint16Array(first[nodeCount]);
    const targets = new Int32Array(first[nodeCount]);
    const fill = first.slice();
    for (let e = 0; e < edges; e++) {
      const parent = edgeParent[e];
      if (parent === 0) continue;
      const at = fill[parent]++;
      codes[at] = edgeCode[e];
      targets[at] = edgeTarget[e];
      if (asciiSlot[parent] >= 0 && edgeCode[e] < 128) ascii[asciiSlot[parent] * 128 + edgeCode[e]] = edgeTarget[e];
    }

    const terminal = new Int32Array(nodeCount).fill(-1);
    const payloadList: number[] = [];
    for (const [node, ids] of ends) {
      terminal[node] = payloadList.length;
      payloadList.push(...ids.sort((a, b) => a - b), -1);
    }
    const payloads = Int32Array.from(payloadList);

    const child = (node: number, code: number): number => {
      if (node === 0) return root[code];
      const slot = asciiSlot[node];
      if (slot >= 0 && code < 128) return ascii[slot * 128 + code];
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
    return { child, terminal, payloads, nodeCount, root, asciiSlot, ascii };
  }
}
