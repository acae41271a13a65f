// The look of highlights on the page: one `::highlight()` rule per severity, built from the user's
// palette and highlight style. Severity is told by line style as well as colour (solid, dashed,
// dotted, wavy), so it survives colour-blindness and greyscale screens.
import { PALETTE_KEYS, UNDERLINE_STYLES, coloursFor, type PaletteKey } from '../settings/palette';
import type { HighlightStyle, Palette } from '../settings/types';

export const HIGHLIGHT_PREFIX = 'sanctions-lens-';

export function highlightName(key: PaletteKey): string {
  return HIGHLIGHT_PREFIX + key;
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

/** The stylesheet text for the Custom Highlight API. */
export function highlightCss(palette: Palette, style: HighlightStyle): string {
  return PALETTE_KEYS.map((key) => `::highlight(${highlightName(key)}){${declarations(key, palette, style)}}`).join('\n');
}

/** The stylesheet text for the wrapping fallback (browsers without the Highlight API). */
export function markCss(palette: Palette, style: HighlightStyle): string {
  return PALETTE_KEYS.map(
    (key) => `mark[data-sanctions-lens="${key}"]{all:unset;${declarations(key, palette, style)}}`,
  ).join('\n');
}
