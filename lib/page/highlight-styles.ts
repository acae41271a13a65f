// The look of highlights on the page: one `::highlight()` rule per severity and look (palette ×
// highlight style). Every look's rules are declared once, in the content script's stylesheet of the
// manifest (lib/page/highlights.css, generated from this file), which the browser applies before the
// page's first style pass: a setting changes which highlight names the painter registers, never a
// stylesheet, so no page is ever restyled for it. Severity is told by line style as well as colour
// (solid, dashed, dotted, wavy), so it survives colour-blindness and greyscale screens.
import { PALETTES, PALETTE_KEYS, UNDERLINE_STYLES, coloursFor, type PaletteKey } from '../settings/palette';
import type { HighlightStyle, Palette } from '../settings/types';

export const HIGHLIGHT_PREFIX = 'sanctions-lens-';

export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['background', 'underline'];
/** The look new installs have: its highlights keep the plain names (`sanctions-lens-prohibited`). */
const DEFAULT_LOOK: readonly [Palette, HighlightStyle] = ['colorblind-safe', 'background'];

/** Every look there is, as [palette, style]. */
export function allLooks(): [Palette, HighlightStyle][] {
  return (Object.keys(PALETTES) as Palette[]).flatMap((palette) => HIGHLIGHT_STYLES.map((style) => [palette, style] as [Palette, HighlightStyle]));
}

/** The registered name of a severity's highlight in a look. */
export function highlightName(key: PaletteKey, palette: Palette = DEFAULT_LOOK[0], style: HighlightStyle = DEFAULT_LOOK[1]): string {
  return palette === DEFAULT_LOOK[0] && style === DEFAULT_LOOK[1] ? HIGHLIGHT_PREFIX + key : `${HIGHLIGHT_PREFIX}${key}-${palette}-${style}`;
}

/** Every name this extension may register, in every look (for clean-up). */
export function allHighlightNames(): string[] {
  return allLooks().flatMap(([palette, style]) => PALETTE_KEYS.map((key) => highlightName(key, palette, style)));
}

/** Paint order: a stronger warning is drawn over a weaker one where they touch. */
export const HIGHLIGHT_PRIORITY: Record<PaletteKey, number> = {
  historical: 1,
  caution: 2,
  watchlist: 3,
  restricted: 4,
  prohibited: 5,
};

function declarations(key: PaletteKey, palette: Palette, style: HighlightStyle): string {
  const colours = coloursFor(palette, key);
  const line = UNDERLINE_STYLES[key];
  // Formerly listed names carry no restriction: a grey fill was quiet on white pages but the
  // brightest thing on dark ones, so they get only their dotted line, whatever the style.
  if (style === 'underline' || key === 'historical') {
    return [
      `text-decoration-line: underline`,
      `text-decoration-style: ${line.style}`,
      `text-decoration-color: ${colours.underline}`,
      `text-decoration-thickness: ${line.thickness}`,
    ].join(';');
  }
  // A solid fill with text recoloured for contrast; the line underneath keeps severities apart
  // for readers who cannot tell the fills apart.
  return [
    `background-color: ${colours.background}`,
    `color: ${colours.text}`,
    `text-decoration-line: underline`,
    `text-decoration-style: ${line.style}`,
    `text-decoration-color: ${colours.text}`,
    `text-decoration-thickness: ${key === 'prohibited' ? '2px' : '1px'}`,
  ].join(';');
}

/** The `::highlight()` rules of one look. */
export function highlightCss(palette: Palette, style: HighlightStyle): string {
  return PALETTE_KEYS.map((key) => `::highlight(${highlightName(key, palette, style)}){${declarations(key, palette, style)}}`).join('\n');
}

/** The rules of every look: the manifest's stylesheet for documents, and the sheet shadow roots adopt. */
export function allHighlightCss(): string {
  return allLooks().map(([palette, style]) => highlightCss(palette, style)).join('\n');
}

/** The stylesheet text for the wrapping fallback (browsers without the Highlight API). */
export function markCss(palette: Palette, style: HighlightStyle): string {
  return PALETTE_KEYS.map(
    (key) => `mark[data-sanctions-lens="${key}"]{all:unset;${declarations(key, palette, style)}}`,
  ).join('\n');
}

/** The text of lib/page/highlights.css (written by scripts/highlight-css.ts). */
export function highlightStylesheet(): string {
  return `/* Generated from lib/page/highlight-styles.ts by scripts/highlight-css.ts: do not edit. */\n${allHighlightCss()}\n`;
}
