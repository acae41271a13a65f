// Reads a page the way a reader sees it: text nodes grouped into runs, where a run is the text
// between two block boundaries (`<b>China</b> Mobile` is one run, two table cells are two).
// The walk is resumable so the scheduler can spread a long page over many short slices, and it
// reads tag names and attributes (computed style only for elements marked `hidden`).
import { ELEMENT_NODE, TEXT_NODE, INLINE, SKIP, classify, isInline, shadowRootOf } from './elements';
import { isQuoteLink } from './quote-links';

/** A phrase-level piece of the page: its text and the text nodes it came from. */
export interface TextRun {
  text: string;
  nodes: Text[];
  /** Where each node's data begins in `text` (same order as `nodes`). */
  starts: number[];
  /** Spans of `text` inside links to quote pages (ticker context for the matcher). */
  quoteLinks: { start: number; end: number }[];
}

export interface DomRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface WalkEvents {
  onRun(run: TextRun): void;
  /** An open shadow root under the walked tree; it is walked as a tree of its own. */
  onShadowRoot(root: ShadowRoot, host: Element): void;
  /** A custom element without a shadow root yet: its root may be attached after it upgrades. */
  onPendingHost?(host: Element): void;
}

const CHECK_EVERY = 64;

/** A walk over one subtree that can stop when its time slice is used up and resume later. */
export class TextWalk {
  private next: Node | null;
  /** The run's text so far, in pieces: joined once per run instead of concatenated per node. */
  private parts: string[] = [];
  private length = 0;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private quoteLinks: { start: number; end: number }[] = [];
  private openLink: Element | null = null;
  private linkStart = 0;
  private started = false;

  constructor(
    readonly root: Node,
    private readonly events: WalkEvents,
  ) {
    this.next = root.nodeType === TEXT_NODE ? root : root.firstChild;
  }

  /** Whether the subtree under `root` is still attached where the walk expects it. */
  get valid(): boolean {
    return this.next === null || this.root.contains(this.next);
  }

  /**
   * Walks until done or until `outOfTime()` says the slice is over (asked every few dozen nodes).
   * Returns true when the whole subtree has been read.
   */
  step(outOfTime: () => boolean = () => false): boolean {
    const root = this.root;
    if (!this.started) {
      this.started = true;
      // The walk starts inside `root`, so the root's own shadow tree would otherwise be missed.
      const shadow = root.nodeType === ELEMENT_NODE ? shadowRootOf(root as Element) : null;
      if (shadow) this.events.onShadowRoot(shadow, root as Element);
    }
    let node = this.next;
    let visited = 0;
    while (node) {
      if (++visited % CHECK_EVERY === 0 && outOfTime()) {
        this.next = node;
        return false;
      }
      let descend = false;
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        this.append(node as Text);
      } else if (type === ELEMENT_NODE) {
        const element = node as Element;
        const kind = classify(element);
        if (kind === SKIP) {
          this.flush();
        } else {
          descend = this.enter(element, kind === INLINE);
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Climb to the next sibling, closing the elements we leave.
      let next: Node | null = node === root ? null : node.nextSibling;
      while (!next && node && node !== root) {
        node = node.parentNode;
        if (!node || node === root) break;
        if (node.nodeType === ELEMENT_NODE) this.leave(node as Element);
        next = node.nextSibling;
      }
      node = next;
    }
    this.next = null;
    this.flush();
    return true;
  }

  /** Handles an element on the way down; returns whether to descend into it. */
  private enter(element: Element, inline: boolean): boolean {
    if (!inline || (this.abutsText() && laidOutApart(element))) this.flush();
    const shadow = shadowRootOf(element);
    if (shadow) {
      this.flush();
      this.events.onShadowRoot(shadow, element);
    } else if (element.localName.includes('-')) {
      this.events.onPendingHost?.(element);
    }
    if (element.localName === 'a' && this.openLink === null && isQuoteLink(element.getAttribute('href'))) {
      this.openLink = element;
      this.linkStart = this.length;
    }
    if (element.firstChild) return true;
    this.leave(element);
    return false;
  }

  private leave(element: Element): void {
    if (element === this.openLink) {
      this.closeLink();
      this.openLink = null;
    }
    if (!isInline(element)) this.flush();
  }

  /** Whether the phrase collected so far ends in a visible character (no space before what comes next). */
  private abutsText(): boolean {
    const last = this.parts.length ? this.parts[this.parts.length - 1] : '';
    return last.length > 0 && !/\s/.test(last[last.length - 1]);
  }

  private append(node: Text): void {
    const data = node.data;
    // Text right after a box laid out apart ("<span style=display:block>SMIC</span>rose") starts a new phrase.
    const previous = node.previousSibling;
    if (previous && previous.nodeType === ELEMENT_NODE && data.length > 0 && !/\s/.test(data[0]) && this.abutsText() && laidOutApart(node)) {
      this.flush();
    }
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  private closeLink(): void {
    if (this.length > this.linkStart) this.quoteLinks.push({ start: this.linkStart, end: this.length });
  }

  private flush(): void {
    if (this.openLink) this.closeLink();
    // Called at every block boundary, most often with nothing collected: allocate nothing then.
    if (this.nodes.length === 0) {
      this.linkStart = 0;
      return;
    }
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    if (/\S/.test(text)) this.events.onRun({ text, nodes: this.nodes, starts: this.starts, quoteLinks: this.quoteLinks });
    this.parts = [];
    this.length = 0;
    this.nodes = [];
    this.starts = [];
    this.quoteLinks = [];
    this.linkStart = 0;
  }
}

/** Reads a whole subtree at once (tests, small mutation targets). */
export function collectRuns(root: Node): TextRun[] {
  const runs: TextRun[] = [];
  new TextWalk(root, { onRun: (run) => runs.push(run), onShadowRoot: () => {} }).step();
  return runs;
}

/** Index of the node holding `offset`; `preferEnd` picks the earlier node at a boundary (range ends). */
function nodeAt(run: TextRun, offset: number, preferEnd: boolean): number {
  let low = 0;
  let high = run.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = run.starts[mid];
    if (start < offset || (!preferEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Maps a span of a run's text back to text nodes and offsets inside them. */
export function locate(run: TextRun, start: number, end: number): DomRange {
  const first = nodeAt(run, start, false);
  const last = nodeAt(run, end, true);
  return {
    startNode: run.nodes[first],
    startOffset: start - run.starts[first],
    endNode: run.nodes[last],
    endOffset: end - run.starts[last],
  };
}

/**
 * Inline tags that the page lays out as separate boxes: flex and grid items (`<span>Qty 10</span>
 * <span>Sberbank</span>` in a flex row reads as two cells, not "10Sberbank"), or spans styled as blocks.
 * Asked only where two pieces of text touch without a space, so a long page pays for a handful of
 * style look-ups, not one per element.
 */
function laidOutApart(node: Element | Text): boolean {
  if (typeof getComputedStyle !== 'function') return false;
  const previous = node.previousSibling;
  const neighbour = previous && previous.nodeType === ELEMENT_NODE ? (previous as Element) : null;
  const self = node.nodeType === ELEMENT_NODE ? !isInlineBox(node as Element) : false;
  return self || (neighbour !== null && !isInlineBox(neighbour));
}

function isInlineBox(element: Element): boolean {
  const display = getComputedStyle(element).display;
  return display === '' || display === 'inline' || display === 'contents' || display === 'ruby';
}
