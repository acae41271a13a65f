// Paints matches without touching the page's DOM: one CSS Custom Highlight per severity, registered
// under the name of the user's look, styled by `::highlight()` rules the manifest's content-script
// stylesheet declares for every look (shadow roots adopt the same rules, highlight-sheets.ts). A
// change of look registers the same highlights under other names: no stylesheet changes, so the
// page is never restyled, and the DOM tree and its serialization stay exactly as the page made them.
// Browsers without the Highlight API get a wrapping fallback that inserts <mark> elements.
import type { PaletteKey } from '../settings/palette';
import { PALETTE_KEYS } from '../settings/palette';
import type { HighlightStyle, Palette } from '../settings/types';
import { HighlightSheets } from './highlight-sheets';
import { HIGHLIGHT_PRIORITY, highlightName, markCss } from './highlight-styles';
import type { DomRange } from './walker';

export interface PaintedRange {
  range: DomRange;
  key: PaletteKey;
  entityId: string;
}

/** The ranges painted for one owner (one text run), so they can be replaced or removed together. */
export interface Painter {
  /** Replaces what was painted for `owner` with `ranges` (empty = remove); shown at the next `flush`. */
  paint(owner: object, ranges: PaintedRange[]): void;
  /**
   * Hands the changes since the last flush to the browser. Each change to a highlight costs the
   * page a repaint, so the scanner batches them instead of flushing after every run.
   */
  flush(): void;
  /** A shadow root the scanner reads: document rules do not cross into it, and hit-testing must look inside. */
  styleRoot(root: ShadowRoot): void;
  setLook(palette: Palette, style: HighlightStyle): void;
  /** Which painted entity, if any, lies under a viewport point. */
  hitTest(x: number, y: number): { entityId: string; range: Range } | null;
  /** Registers our highlights again if the page removed them (called on each flush and now and then). */
  reassert?(): void;
  /** Number of painted ranges (for tests and the findings panel). */
  readonly size: number;
  /** Removes every highlight and stylesheet. */
  destroy(): void;
}

export function supportsHighlights(win: typeof globalThis = globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && !!win.CSS.highlights;
}

export function createPainter(palette: Palette, style: HighlightStyle): Painter {
  return supportsHighlights() ? new HighlightPainter(palette, style) : new MarkPainter(palette, style);
}

interface Painted {
  range: Range;
  key: PaletteKey;
  entityId: string;
}

function toRange(dom: DomRange): Range {
  const range = document.createRange();
  range.setStart(dom.startNode, dom.startOffset);
  range.setEnd(dom.endNode, dom.endOffset);
  return range;
}

function rectContains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** The caret under a point, whichever API the browser has. */
function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: unknown) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) {
    // Without the roots listed, the caret stops at a shadow host and never reaches its text.
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

class HighlightPainter implements Painter {
  private readonly highlights = new Map<PaletteKey, Highlight>();
  private readonly owners = new WeakMap<object, Painted[]>();
  /** Painted ranges by text node, for hit-testing without a scan of every highlight. */
  private readonly byNode = new WeakMap<Node, Painted[]>();
  private readonly sheets: HighlightSheets;
  /** Shadow roots read so far: the caret lookup must be told about them. */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly pendingAdds = new Set<Painted>();
  private readonly pendingDeletes: Painted[] = [];
  private count = 0;
  /** The name each severity's highlight is registered under in the current look (once it holds a range). */
  private names: Map<PaletteKey, string>;

  constructor(palette: Palette, style: HighlightStyle) {
    for (const key of PALETTE_KEYS) {
      const highlight = new Highlight();
      highlight.priority = HIGHLIGHT_PRIORITY[key];
      // Registered once it holds a range (see reassert): a page sees no name of a colour never painted.
      this.highlights.set(key, highlight);
    }
    this.names = this.namesFor(palette, style);
    this.sheets = new HighlightSheets();
  }

  private namesFor(palette: Palette, style: HighlightStyle): Map<PaletteKey, string> {
    return new Map(PALETTE_KEYS.map((key) => [key, highlightName(key, palette, style)]));
  }

  get size(): number {
    return this.count;
  }

  paint(owner: object, ranges: PaintedRange[]): void {
    const old = this.owners.get(owner);
    if (old) {
      for (const painted of old) {
        if (!this.pendingAdds.delete(painted)) this.pendingDeletes.push(painted);
        this.unindex(painted);
      }
      this.count -= old.length;
    }
    if (ranges.length === 0) {
      this.owners.delete(owner);
      return;
    }
    const fresh: Painted[] = [];
    for (const { range, key, entityId } of ranges) {
      const painted = { range: toRange(range), key, entityId };
      this.pendingAdds.add(painted);
      this.index(painted);
      fresh.push(painted);
    }
    this.count += fresh.length;
    this.owners.set(owner, fresh);
  }

  flush(): void {
    this.reassert();
    if (this.pendingDeletes.length === 0 && this.pendingAdds.size === 0) return;
    for (const painted of this.pendingDeletes) this.highlights.get(painted.key)?.delete(painted.range);
    for (const painted of this.pendingAdds) {
      this.sheets.cover(painted.range);
      this.highlights.get(painted.key)?.add(painted.range);
    }
    this.pendingDeletes.length = 0;
    this.pendingAdds.clear();
    this.reassert();
    this.sheets.readoptAll();
  }

  styleRoot(root: ShadowRoot): void {
    this.shadowRoots.add(root);
  }

  /** The registry is the page's too: a page that cleared or replaced our highlights gets them back. */
  reassert(): void {
    if (this.count === 0) return;
    for (const key of PALETTE_KEYS) {
      const name = this.names.get(key)!;
      const ours = this.highlights.get(key)!;
      if (ours.size > 0 && CSS.highlights.get(name) !== ours) CSS.highlights.set(name, ours);
    }
  }

  /** A new look: the same highlights under that look's names (its rules are already in the manifest's stylesheet). */
  setLook(palette: Palette, style: HighlightStyle): void {
    const next = this.namesFor(palette, style);
    for (const key of PALETTE_KEYS) {
      const ours = this.highlights.get(key)!;
      const old = this.names.get(key)!;
      if (old !== next.get(key) && CSS.highlights.get(old) === ours) CSS.highlights.delete(old);
    }
    this.names = next;
    this.reassert();
  }

  hitTest(x: number, y: number): { entityId: string; range: Range } | null {
    const registry = CSS.highlights as HighlightRegistry & {
      highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight; ranges: AbstractRange[] }[];
    };
    if (typeof registry.highlightsFromPoint === 'function') {
      for (const hit of registry.highlightsFromPoint(x, y)) {
        for (const range of hit.ranges) {
          const painted = this.find(range as Range);
          if (painted) return { entityId: painted.entityId, range: painted.range };
        }
      }
      return null;
    }
    const caret = caretAt(x, y, [...this.shadowRoots]);
    if (!caret) return null;
    for (const painted of this.byNode.get(caret.node) ?? []) {
      for (const rect of painted.range.getClientRects()) {
        if (rectContains(rect, x, y)) return { entityId: painted.entityId, range: painted.range };
      }
    }
    return null;
  }

  destroy(): void {
    this.pendingAdds.clear();
    this.pendingDeletes.length = 0;
    for (const key of PALETTE_KEYS) {
      const name = this.names.get(key);
      if (name && CSS.highlights.get(name) === this.highlights.get(key)) CSS.highlights.delete(name);
      this.highlights.get(key)?.clear();
    }
    this.sheets.destroy();
    this.shadowRoots.clear();
    this.count = 0;
  }

  private find(range: Range): Painted | undefined {
    return this.byNode.get(range.startContainer)?.find((painted) => painted.range === range);
  }

  private index(painted: Painted): void {
    const node = painted.range.startContainer;
    const list = this.byNode.get(node);
    if (list) list.push(painted);
    else this.byNode.set(node, [painted]);
    const end = painted.range.endContainer;
    if (end !== node) {
      const endList = this.byNode.get(end);
      if (endList) endList.push(painted);
      else this.byNode.set(end, [painted]);
    }
  }

  private unindex(painted: Painted): void {
    for (const node of [painted.range.startContainer, painted.range.endContainer]) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const at = list.indexOf(painted);
      if (at >= 0) list.splice(at, 1);
    }
  }
}

/**
 * Fallback for browsers without the Highlight API: wraps matches in <mark> elements. This does
 * change the page's DOM, so it is only used where painting is impossible.
 */
class MarkPainter implements Painter {
  private readonly owners = new WeakMap<object, HTMLElement[]>();
  private readonly style = document.createElement('style');
  private count = 0;

  constructor(palette: Palette, style: HighlightStyle) {
    this.setLook(palette, style);
    (document.head ?? document.documentElement).append(this.style);
  }

  get size(): number {
    return this.count;
  }

  paint(owner: object, ranges: PaintedRange[]): void {
    const old = this.owners.get(owner) ?? [];
    for (const mark of old) this.unwrap(mark);
    this.count -= old.length;
    const marks: HTMLElement[] = [];
    // Wrap from the end so earlier offsets stay valid while text nodes are split.
    for (const { range, key, entityId } of [...ranges].reverse()) {
      // A phrase spread over several elements (`<b>China</b> Mobile`) would need one mark per
      // piece and could break the page's own markup; the fallback leaves such phrases unmarked.
      if (range.startNode !== range.endNode) continue;
      const mark = document.createElement('mark');
      mark.dataset.sanctionsLens = key;
      mark.dataset.entityId = entityId;
      const dom = toRange(range);
      try {
        dom.surroundContents(mark);
        marks.push(mark);
      } catch {
        // The text changed under us; the next scan of this run paints it again.
      }
    }
    this.count += marks.length;
    if (marks.length) this.owners.set(owner, marks);
    else this.owners.delete(owner);
  }

  /** Marks are inserted as they are painted; there is nothing to batch. */
  flush(): void {}

  reassert(): void {}

  styleRoot(root: ShadowRoot): void {
    const copy = this.style.cloneNode(true);
    root.append(copy);
  }

  setLook(palette: Palette, style: HighlightStyle): void {
    this.style.textContent = markCss(palette, style);
  }

  hitTest(x: number, y: number): { entityId: string; range: Range } | null {
    const mark = document.elementFromPoint(x, y)?.closest<HTMLElement>('mark[data-sanctions-lens]');
    if (!mark?.dataset.entityId) return null;
    const range = document.createRange();
    range.selectNodeContents(mark);
    return { entityId: mark.dataset.entityId, range };
  }

  destroy(): void {
    for (const mark of document.querySelectorAll<HTMLElement>('mark[data-sanctions-lens]')) this.unwrap(mark);
    this.style.remove();
    this.count = 0;
  }

  private unwrap(mark: HTMLElement): void {
    const parent = mark.parentNode;
    if (!parent) return;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parent.normalize();
  }
}
