// The `::highlight()` rules each document or shadow root needs, and only those: a rule per element
// name that holds matched text (p, a, td, span…), added as new names turn up, in a constructed
// stylesheet adopted by the root only once it holds a match. Universal rules made the browser
// restyle every element of a long page at once; rules per tag touch only the elements that may
// show a highlight, and a shadow root without matches is not touched at all.
import type { HighlightStyle, Palette } from '../settings/types';
import { highlightCss, highlightRules } from './highlight-styles';

type StyledRoot = Document | ShadowRoot;

/** Element names a type selector can hold as is (anything else is styled by the universal rule). */
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/;

class RootSheet {
  readonly tags = new Set<string>();
  private readonly sheet = new CSSStyleSheet();
  private fallback: HTMLStyleElement | null = null;
  private adopted = false;

  constructor(readonly root: StyledRoot) {}

  /** Adds the rules for `tag`; only the new rules are handed to the browser. */
  addTag(tag: string, palette: Palette, style: HighlightStyle): void {
    this.tags.add(tag);
    if (this.fallback) {
      this.fallback.textContent = this.css(palette, style);
      return;
    }
    for (const rule of highlightRules(palette, style, tag)) this.sheet.insertRule(rule, this.sheet.cssRules.length);
    if (!this.adopted) this.adopt(palette, style);
  }

  restyle(palette: Palette, style: HighlightStyle): void {
    const css = this.css(palette, style);
    if (this.fallback) this.fallback.textContent = css;
    else this.sheet.replaceSync(css);
  }

  /** A page may replace `adoptedStyleSheets` wholesale; put ours back when it did. */
  readopt(palette: Palette, style: HighlightStyle): void {
    if (this.adopted && !this.fallback && !this.root.adoptedStyleSheets.includes(this.sheet)) this.adopt(palette, style);
  }

  remove(): void {
    try {
      if (this.adopted) this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    } catch {
      // The root's page is gone; nothing to undo.
    }
    this.fallback?.remove();
  }

  private css(palette: Palette, style: HighlightStyle): string {
    return highlightCss(palette, style, this.tags);
  }

  private adopt(palette: Palette, style: HighlightStyle): void {
    this.adopted = true;
    try {
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, this.sheet];
    } catch {
      // Some browsers refuse a content script's constructed sheet (Firefox's script isolation).
      // A <style> element is the fallback: it changes the DOM, but highlights stay visible.
      const element = document.createElement('style');
      element.dataset.sanctionsLens = '';
      element.textContent = this.css(palette, style);
      const root = this.root;
      (root instanceof Document ? (root.head ?? root.documentElement) : root).append(element);
      this.fallback = element;
    }
  }
}

export class HighlightSheets {
  private readonly sheets = new Map<StyledRoot, RootSheet>();

  constructor(
    private palette: Palette,
    private style: HighlightStyle,
  ) {}

  /** Makes sure every element holding text of `range` has highlight rules in its root. */
  cover(range: Range): void {
    const start = range.startContainer;
    this.coverText(start);
    const end = range.endContainer;
    if (end === start) return;
    // A phrase across inline elements (`<b>China</b> Mobile`): each piece's element needs rules.
    let node: Node | null = start;
    while (node && node !== end) {
      node = following(node);
      if (node && node.nodeType === Node.TEXT_NODE) this.coverText(node);
    }
  }

  setLook(palette: Palette, style: HighlightStyle): void {
    this.palette = palette;
    this.style = style;
    for (const sheet of this.sheets.values()) sheet.restyle(palette, style);
  }

  readoptDocument(): void {
    this.sheets.get(document)?.readopt(this.palette, this.style);
  }

  destroy(): void {
    for (const sheet of this.sheets.values()) sheet.remove();
    this.sheets.clear();
  }

  private coverText(text: Node): void {
    const parent = text.parentElement;
    if (!parent) return;
    const root = parent.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot)) return;
    const tag = PLAIN_TAG.test(parent.localName) ? parent.localName : '';
    let sheet = this.sheets.get(root);
    if (sheet?.tags.has(tag)) return;
    if (!sheet) {
      sheet = new RootSheet(root);
      this.sheets.set(root, sheet);
    }
    sheet.addTag(tag, this.palette, this.style);
  }
}

/** The node after `node` in document order, or null at the end of its tree. */
function following(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  let current: Node | null = node;
  while (current && !current.nextSibling) current = current.parentNode;
  return current ? current.nextSibling : null;
}
