// What an earlier copy of this content script may have left in the page. Firefox kills a reloaded or
// updated extension's content scripts without running their clean-up, then runs the new copy in
// the same page: the old highlight registrations and the `::highlight()` sheets of shadow roots (and
// of documents, in versions before the rules moved to the manifest) would stay beside the new ones (after a style change the old fill colour still shows, and a company the new data
// no longer lists stays painted). The new copy removes them once, before it paints anything.
import { shadowRootOf } from './elements';
import { HIGHLIGHT_PREFIX, allHighlightNames } from './highlight-styles';

type StyledRoot = Document | ShadowRoot;

const RULE_START = `::highlight(${HIGHLIGHT_PREFIX}`;
/** The host of the hover card and findings panel (lib/page/page-ui.ts). */
const UI_HOST = 'sanctions-lens-ui';
/** The `<style>` used where a constructed sheet is refused (lib/page/highlight-sheets.ts). */
const FALLBACK_STYLE = 'style[data-sanctions-lens]';

/** A constructed sheet holding only our `::highlight()` rules: the page never makes one like it. */
function isOurSheet(sheet: CSSStyleSheet): boolean {
  try {
    const rules = sheet.cssRules;
    if (rules.length === 0) return false;
    for (let i = 0; i < rules.length; i++) if (!rules[i].cssText.startsWith(RULE_START)) return false;
    return true;
  } catch {
    return false;
  }
}

function hasOurSheet(root: StyledRoot): boolean {
  try {
    return root.adoptedStyleSheets.some(isOurSheet);
  } catch {
    return false;
  }
}

function clearRoot(root: StyledRoot): void {
  try {
    const sheets = root.adoptedStyleSheets;
    const kept = sheets.filter((sheet) => !isOurSheet(sheet));
    if (kept.length !== sheets.length) root.adoptedStyleSheets = kept;
  } catch {
    // A root that refuses the read never got our sheet either.
  }
  for (const element of root.querySelectorAll(FALLBACK_STYLE)) element.remove();
}

/** Every shadow root under `root`, open or closed, nested ones included. */
function* shadowRootsUnder(root: StyledRoot): Generator<ShadowRoot> {
  const pending: StyledRoot[] = [root];
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const element of next.querySelectorAll('*')) {
      const shadow = shadowRootOf(element);
      if (shadow) {
        pending.push(shadow);
        yield shadow;
      }
    }
  }
}

/**
 * Removes what an earlier copy of the content script left in this document. Returns whether it
 * found anything. On a page it never ran in, this costs a look at the highlight registry and at the
 * document's adopted sheets; only when one of them shows an earlier copy are shadow roots visited.
 */
export function removeLeftovers(doc: Document = document): boolean {
  try {
    return clearDocument(doc);
  } catch (error) {
    // Never let old debris stop this copy from scanning the page.
    console.warn('Sanctions Lens could not remove what an earlier copy left on this page:', error);
    return false;
  }
}

function clearDocument(doc: Document): boolean {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  // Looked up by name: Firefox refuses a content script an iterator over the page's registry.
  const names = registry ? allHighlightNames().filter((name) => registry.has(name)) : [];
  if (names.length === 0 && !hasOurSheet(doc)) return false;
  for (const name of names) registry?.delete(name);
  clearRoot(doc);
  for (const shadow of shadowRootsUnder(doc)) clearRoot(shadow);
  for (const host of doc.querySelectorAll(UI_HOST)) host.remove();
  return true;
}
