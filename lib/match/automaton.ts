// One multi-pattern automaton for every name, alias, ticker and ISIN: a trie over folded UTF-16 code units,
// frozen into flat typed arrays. The scanner starts a walk only where a word starts (or at every CJK
// character), follows edges while the text agrees and so finds the longest pattern at that start; it never
// builds a RegExp per name, and its cost does not grow with the number of patterns.
//
// Layout: the root has a dense table over all 65,536 code units; the nodes of the first few levels (where
// nearly every walk ends) and any node with many children have a dense 128-entry row for their ASCII
// children, so those steps are one array read; all other edges are kept sorted in one flat array (CSR).
// Each step needs one memory read: whether the next node ends a pattern is part of the reference to it.

export interface Automaton {
  /** Child of `node` on folded code unit `code`, or 0 when there is none (0 is the root, never a child). */
  child(node: number, code: number): number;
  /** First index into `payloads` for a node that ends a pattern, or -1. */
  readonly terminal: Int32Array;
  /** Per terminal: pattern ids in the order they were added; a -1 closes each node's run. */
  readonly payloads: Int32Array;
  readonly nodeCount: number;
  // The tables behind `child`, for the scanner's hot loop. They hold references, not node ids:
  // ref = node * 2 + (1 when the node ends a pattern), 0 for no edge. Nodes 0 (the root) to `denseCount`
  // have a dense row for ASCII: ascii[node * 128 + code]. The root also has root[code] for every code unit.
  // Other edges: codes/targets[first[node] .. first[node + 1]), sorted by code.
  readonly root: Int32Array;
  readonly denseCount: number;
  readonly ascii: Int32Array;
  readonly first: Int32Array;
  readonly codes: Uint16Array;
  readonly targets: Int32Array;
}

/** Nodes this close to the root get a dense ASCII row: most walks end within these steps. */
const DENSE_DEPTH = 3;
/** Deeper nodes with at least this many ASCII children get one too. */
const DENSE_FANOUT = 12;

export class AutomatonBuilder {
  private readonly entries: { key: string; id: number }[] = [];

  /** Adds `key` (a match key, see normalize.ts) ending in pattern `id`. */
  add(key: string, id: number): void {
    if (key) this.entries.push({ key, id });
  }

  build(): Automaton {
    const steps = this.steps();
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The build as steps: it pauses (yields) every few thousand units of work, so a page can spread the
   * build of a large automaton over short tasks (`build` runs it in one go).
   */
  *steps(): Generator<void, Automaton> {
    // Sorted keys share prefixes with their predecessor, so the trie is built in one pass without a hash map,
    // and every node's edges come out already sorted by code unit.
    // (Array sort is stable, so equal keys keep the order they were added in.)
    const entries = this.entries.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const totalChars = entries.reduce((sum, e) => sum + e.key.length, 0);
    const edgeParent = new Int32Array(totalChars);
    const edgeCode = new Uint16Array(totalChars);
    const edgeTarget = new Int32Array(totalChars);
    let edges = 0;
    let nodes = 1;
    const path: number[] = [0]; // path[d] = node at depth d along the previous key
    const depth = new Uint16Array(totalChars + 1);
    let previous = '';
    const ends = new Map<number, number[]>();
    let done = 0;
    for (const { key, id } of entries) {
      if ((++done & 255) === 0) yield;
      let common = 0;
      while (common < key.length && common < previous.length && key.charCodeAt(common) === previous.charCodeAt(common)) common++;
      path.length = common + 1;
      for (let d = common; d < key.length; d++) {
        const node = nodes++;
        edgeParent[edges] = path[d];
        edgeCode[edges] = key.charCodeAt(d);
        edgeTarget[edges] = node;
        depth[node] = d + 1;
        edges++;
        path.push(node);
      }
      const end = path[key.length];
      const list = ends.get(end);
      if (!list) ends.set(end, [id]);
      else if (!list.includes(id)) list.push(id);
      previous = key;
    }

    yield;
    const nodeCount = nodes;
    const asciiChildren = new Int32Array(nodeCount);
    for (let e = 0; e < edges; e++) if (edgeCode[e] < 128) asciiChildren[edgeParent[e]]++;
    // Renumber so that the nodes with a dense row come first: the scanner then tells them apart by id alone,
    // and the rows of the first levels, where every walk passes, sit together in memory.
    const id = new Int32Array(nodeCount);
    let denseCount = 0;
    for (let n = 1; n < nodeCount; n++) {
      if (asciiChildren[n] > 0 && (depth[n] <= DENSE_DEPTH || asciiChildren[n] >= DENSE_FANOUT)) id[n] = ++denseCount;
    }
    let nextId = denseCount;
    for (let n = 1; n < nodeCount; n++) if (id[n] === 0) id[n] = ++nextId;

    yield;
    const terminal = new Int32Array(nodeCount).fill(-1);
    const payloadList: number[] = [];
    for (const [node, ids] of ends) {
      terminal[id[node]] = payloadList.length;
      payloadList.push(...ids.sort((a, b) => a - b), -1);
    }
    const payloads = Int32Array.from(payloadList);
    const ref = (node: number) => id[node] * 2 + (terminal[id[node]] >= 0 ? 1 : 0);

    const root = new Int32Array(65536);
    const ascii = new Int32Array((denseCount + 1) * 128);
    const first = new Int32Array(nodeCount + 1);
    for (let e = 0; e < edges; e++) first[id[edgeParent[e]] + 1]++;
    for (let n = 1; n <= nodeCount; n++) first[n] += first[n - 1];
    const codes = new Uint16Array(first[nodeCount]);
    const targets = new Int32Array(first[nodeCount]);
    const fill = first.slice();
    // Edges were made in key order, so each node's edges are filled in ascending code order.
    for (let e = 0; e < edges; e++) {
      if ((e & 4095) === 4095) yield;
      const parent = id[edgeParent[e]];
      const code = edgeCode[e];
      const target = ref(edgeTarget[e]);
      const at = fill[parent]++;
      codes[at] = code;
      targets[at] = target;
      if (parent === 0) root[code] = target;
      if (parent <= denseCount && code < 128) ascii[parent * 128 + code] = target;
    }

    const child = (node: number, code: number): number => {
      if (node === 0) return root[code] >> 1;
      if (node <= denseCount && code < 128) return ascii[node * 128 + code] >> 1;
      let lo = first[node];
      let hi = first[node + 1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const at = codes[mid];
        if (at === code) return targets[mid] >> 1;
        if (at < code) lo = mid + 1;
        else hi = mid;
      }
      return 0;
    };
    return { child, terminal, payloads, nodeCount, root, denseCount, ascii, first, codes, targets };
  }
}
