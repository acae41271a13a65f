// The `::highlight()` rules inside shadow roots. A document gets them from the content script's
// stylesheet in the manifest (lib/page/highlights.css), applied by the browser before the page's
// first style pass; document rules do not reach into a shadow root, so a root that holds a match
// adopts one constructed sheet with every look's rules (the same text), once. Adopting it restyles
// that root's tree only, and only roots with a match ever adopt it. A change of look re-registers
// highlight names (highlighter.ts) and never touches a sheet.
import { allHighlightCss } from './highlight-styles';

let shared: CSSStyleSheet | null = null;
const sheetText = () => allHighlightCss();

function sharedSheet(): CSSStyleSheet {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(sheetText());
  }
  return shared;
}

class RootSheet {
  private fallback: HTMLStyleElement | null = null;

  constructor(private readonly root: ShadowRoot) {
    this.adopt();
  }

  /** A page may replace `adoptedStyleSheets` wholesale; put ours back when it did. */
  readopt(): void {
    if (!this.fallback && !this.root.adoptedStyleSheets.includes(sharedSheet())) this.adopt();
  }

  remove(): void {
    try {
      this.root.adoptedStyleSheets = this.root.adoptedStyleSheets.filter((sheet) => sheet !== shared);
    } catch {
      // The root's page is gone; nothing to undo.
    }
    this.fallback?.remove();
  }

  private adopt(): void {
    try {
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, sharedSheet()];
    } catch {
      // Some browsers refuse a content script's constructed sheet (Firefox's script isolation).
      // A <style> element is the fallback: it changes the shadow tree, but highlights stay visible.
      const element = document.createElement('style');
      element.dataset.sanctionsLens = '';
      element.textContent = sheetText();
      this.root.append(element);
      this.fallback = element;
    }
  }
}

export class HighlightSheets {
  private readonly sheets = new Map<ShadowRoot, RootSheet>();

  /** Makes sure a shadow root holding `range` has the highlight rules (a document has them from the manifest). */
  cover(range: Range): void {
    const root = range.startContainer.getRootNode();
    if (!(root instanceof ShadowRoot) || this.sheets.has(root)) return;
    this.sheets.set(root, new RootSheet(root));
  }

  readoptAll(): void {
    for (const sheet of this.sheets.values()) sheet.readopt();
  }

  destroy(): void {
    for (const sheet of this.sheets.values()) sheet.remove();
    this.sheets.clear();
  }
}
