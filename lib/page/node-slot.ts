// Per-node memory for the scanner, kept as a symbol-keyed property on the content script's own
// wrapper of the node. Wrappers are per JavaScript world, so the page never sees these properties;
// and unlike a WeakMap with tens of thousands of DOM keys, they add no garbage-collection work
// (ephemeron tables showed up as a large share of a long page's scan time).
export class NodeSlot<T> {
  private readonly key = Symbol('sanctions-lens');

  get(node: Node): T | undefined {
    return (node as unknown as Record<symbol, T | undefined>)[this.key];
  }

  set(node: Node, value: T): void {
    (node as unknown as Record<symbol, T | undefined>)[this.key] = value;
  }

  delete(node: Node): void {
    (node as unknown as Record<symbol, T | undefined>)[this.key] = undefined;
  }
}
