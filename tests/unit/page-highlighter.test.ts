// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPainter, supportsHighlights } from '../../lib/page/highlighter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allHighlightNames, highlightCss, highlightName, highlightStylesheet } from '../../lib/page/highlight-styles';
import { collectRuns, locate } from '../../lib/page/walker';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('highlight styles', () => {
  it('gives every severity its own line style, so colour is never the only cue', () => {
    const css = highlightCss('colorblind-safe', 'underline');
    const styles = ['prohibited', 'caution', 'historical', 'watchlist'].map(
      (key) => new RegExp(`::highlight\\(sanctions-lens-${key}-colorblind-safe-underline\\)\\{[^}]*text-decoration-style: (\\w+)`).exec(css)?.[1],
    );
    expect(new Set(styles).size).toBe(4);
  });

  it('recolours text on filled highlights for contrast', () => {
    expect(highlightCss('classic', 'background')).toMatch(/::highlight\(sanctions-lens-prohibited-classic-background\)\{background-color: #C62828;color: #FFFFFF/);
  });

  it('declares every look in the manifest stylesheet, so a change of look only re-registers names', () => {
    // The file the manifest lists is the one this code makes (run scripts/highlight-css.ts after a palette change).
    const file = readFileSync(join(import.meta.dirname, '../../lib/page/highlights.css'), 'utf8');
    expect(file).toBe(highlightStylesheet());
    const names = allHighlightNames();
    expect(new Set(names).size).toBe(20);
    for (const name of names) expect(file).toContain(`::highlight(${name}){`);
    // New installs keep the plain names pages and tests know.
    expect(highlightName('prohibited', 'colorblind-safe', 'background')).toBe('sanctions-lens-prohibited');
    expect(highlightName('prohibited', 'colorblind-safe', 'underline')).toBe('sanctions-lens-prohibited-colorblind-safe-underline');
  });
});

// happy-dom has no CSS Custom Highlight API, which makes it the browser the fallback is for.
describe('wrapping fallback where the Highlight API is missing', () => {
  it('wraps matches in marks and restores the original DOM when they are removed', () => {
    expect(supportsHighlights()).toBe(false);
    const original = '<p>Shares of <b>China</b> Mobile and SMIC fell.</p>';
    document.body.innerHTML = original;
    const [run] = collectRuns(document.body);
    const painter = createPainter('colorblind-safe', 'background');
    const at = run.text.indexOf('SMIC');
    painter.paint(run.nodes[0], [{ range: locate(run, at, at + 4), key: 'prohibited', entityId: 'smic' }]);
    const mark = document.querySelector<HTMLElement>('mark[data-sanctions-lens="prohibited"]');
    expect(mark?.textContent).toBe('SMIC');
    expect(mark?.dataset.entityId).toBe('smic');
    expect(painter.size).toBe(1);

    painter.paint(run.nodes[0], []);
    expect(document.body.innerHTML).toBe(original);
    expect(painter.size).toBe(0);
    painter.destroy();
    expect(document.querySelector('style')).toBeNull();
  });
});
