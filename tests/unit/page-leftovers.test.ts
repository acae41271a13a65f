// @vitest-environment happy-dom
// What an earlier copy of the content script left in a page (Firefox does not run a killed copy's
// clean-up): its highlights, its `::highlight()` sheets in the document and in shadow roots, and
// its card host go; the page's own sheets and highlights stay; a page it never ran in is untouched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeLeftovers } from '../../lib/page/leftovers';
import { highlightCss } from '../../lib/page/highlight-styles';

const registry = new Map<string, object>();

/** A constructed sheet holding these rules (happy-dom's parser drops `::highlight()` rules). */
function sheetOf(rules: string[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  Object.defineProperty(sheet, 'cssRules', { value: rules.map((cssText) => ({ cssText })) });
  return sheet;
}

/** What the highlighter adopts: one `::highlight()` rule per severity. */
const ourSheet = () => sheetOf(highlightCss('colorblind-safe', 'background').split('\n'));
const pageSheet = () => sheetOf(['p { color: navy; }', '::highlight(search-results) { background: yellow; }']);

beforeEach(() => {
  registry.clear();
  (globalThis as unknown as { CSS: { highlights: Map<string, object> } }).CSS = { highlights: registry };
});

afterEach(() => {
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

describe('removeLeftovers', () => {
  it('leaves a page it never ran in alone', () => {
    const own = pageSheet();
    document.adoptedStyleSheets = [own];
    registry.set('search-results', {});
    expect(removeLeftovers()).toBe(false);
    expect(document.adoptedStyleSheets).toEqual([own]);
    expect([...registry.keys()]).toEqual(['search-results']);
  });

  it('removes the old highlights, sheets (document and shadow roots) and card host, and keeps the page’s own', () => {
    const own = pageSheet();
    document.adoptedStyleSheets = [own, ourSheet()];
    registry.set('sanctions-lens-prohibited', {});
    registry.set('sanctions-lens-historical', {});
    registry.set('search-results', {});
    document.body.innerHTML = '<p>China Mobile</p><quote-box></quote-box><sanctions-lens-ui></sanctions-lens-ui>';
    const widget = document.querySelector('quote-box')!.attachShadow({ mode: 'open' });
    widget.innerHTML = '<inner-row></inner-row>';
    const nested = widget.querySelector('inner-row')!.attachShadow({ mode: 'open' });
    const widgetOwn = pageSheet();
    widget.adoptedStyleSheets = [widgetOwn, ourSheet()];
    nested.adoptedStyleSheets = [ourSheet()];

    expect(removeLeftovers()).toBe(true);
    expect(document.adoptedStyleSheets).toEqual([own]);
    expect(widget.adoptedStyleSheets).toEqual([widgetOwn]);
    expect(nested.adoptedStyleSheets).toEqual([]);
    expect([...registry.keys()]).toEqual(['search-results']);
    expect(document.querySelector('sanctions-lens-ui')).toBeNull();
    expect(document.body.innerHTML).toBe('<p>China Mobile</p><quote-box></quote-box>');
  });

  it('an old sheet alone (highlights already replaced) is enough to clean up', () => {
    document.adoptedStyleSheets = [ourSheet()];
    expect(removeLeftovers()).toBe(true);
    expect(document.adoptedStyleSheets).toEqual([]);
  });
});
