// The `::highlight()` rules, in one constructed stylesheet per document or shadow root, adopted by
// a root only once it holds a match: adopting the rules makes the browser restyle every element of
// that root, so a page or widget without matches is never restyled at all.
//
// Rules scoped to the tags that hold matched text (`td::highlight(…)`) were tried and measured
// worse on the benchmark page: the tags that hold matches (td, p, a, span) are most of a long
// page's elements, and each new tag cost another restyle of them (up to 190 ms in one task).
import type { HighlightStyle, Palette } from '../settings/types';
import { highlightCss } from './highlight-styles';

type StyledRoot = Document | ShadowRoot;

class RootSheet {
  private readonly sheet = new CSSStyleSheet();
  private fallback: HTMLStyleElement | null = null;

  constructor(
    private readonly root: StyledRoot,
    palette: Palette,
    style: HighlightStyle,
  ) {
    this.sheet.replaceSync(highlightCss(palette, style));
    this.adopt();
  }

  restyle(palette: Palette, style: HighlightStyle): void {
    const css = highlightCss(palette, style);
    if (this.fallback) this.fallback.textContent = css;
    else this.sheet.replaceSync(css);
  }

  /** A page may replace `adoptedStyleSheets` wholesale; put ours back when it did. */
  readopt(): void {
    if (!this.fallback && !this.root.adoptedStyleSheets.includes(this.sheet)) this.adopt();
  }

  remove(): void {
    try {
      this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    } catch {
      // The root's page is gone; nothing to undo.
    }
    this.fallback?.remove();
  }

  private adopt(): void {
    try {
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, this.sheet];
    } catch {
      // Some browsers refuse a content script's constructed sheet (Firefox's script isolation).
      // A <style> element is the fallback: it changes the DOM, but highlights stay visible.
      const element = document.createElement('style');
      element.dataset.sanctionsLens = '';
      element.textContent = [...this.sheet.cssRules].map((rule) => rule.cssText).join('\n');
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

  /** Makes sure the root holding `range` has the highlight rules. */
  cover(range: Range): void {
    const root = range.startContainer.getRootNode();
    if (!(root instanceof Document || root instanceof ShadowRoot) || this.sheets.has(root)) return;
    this.sheets.set(root, new RootSheet(root, this.palette, this.style));
  }

  setLook(palette: Palette, style: HighlightStyle): void {
    this.palette = palette;
    this.style = style;
    for (const sheet of this.sheets.values()) sheet.restyle(palette, style);
  }

  readoptDocument(): void {
    this.sheets.get(document)?.readopt();
  }

  destroy(): void {
    for (const sheet of this.sheets.values()) sheet.remove();
    this.sheets.clear();
  }
}
