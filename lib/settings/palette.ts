// Highlight colours per severity for both palettes, shared by the page highlighter, the hover
// card and the popup. The default palette is built on Okabe & Ito's colour-blind-safe set
// ("Color Universal Design", 2002): vermillion, reddish purple, yellow, sky blue and grey stay apart
// under protanopia, deuteranopia and tritanopia. (Its orange sits too close to vermillion for the two
// most serious levels, so restricted uses the reddish purple.) Severity is never told by colour alone: the
// underline style differs too, and cards and the popup always name the severity in words.
import type { DisplaySeverity } from '../dataset/severity';
import type { Palette } from './types';

export type PaletteKey = DisplaySeverity | 'watchlist';

export interface SeverityColours {
  /** Fill behind matched text in the 'background' style. */
  background: string;
  /** Text drawn on `background`; each pair keeps WCAG AA contrast (4.5:1, checked in tests). */
  text: string;
  /** Line colour in the 'underline' style; at least 3:1 against a white page (checked in tests). */
  underline: string;
}

export const PALETTE_KEYS: readonly PaletteKey[] = ['prohibited', 'restricted', 'caution', 'historical', 'watchlist'];

export const PALETTES: Record<Palette, Record<PaletteKey, SeverityColours>> = {
  'colorblind-safe': {
    prohibited: { background: '#D55E00', text: '#000000', underline: '#D55E00' },
    restricted: { background: '#CC79A7', text: '#000000', underline: '#A8517F' },
    caution: { background: '#F0E442', text: '#000000', underline: '#857A00' },
    historical: { background: '#D9D9D9', text: '#000000', underline: '#767676' },
    watchlist: { background: '#56B4E9', text: '#000000', underline: '#0072B2' },
  },
  classic: {
    prohibited: { background: '#C62828', text: '#FFFFFF', underline: '#C62828' },
    restricted: { background: '#EF6C00', text: '#000000', underline: '#C25700' },
    caution: { background: '#FFD54F', text: '#000000', underline: '#9E7C00' },
    historical: { background: '#CFD8DC', text: '#000000', underline: '#607D8B' },
    watchlist: { background: '#7E57C2', text: '#FFFFFF', underline: '#7E57C2' },
  },
};

/** How the underline is drawn per severity, so the style tells severities apart without colour. */
export const UNDERLINE_STYLES: Record<PaletteKey, { style: 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy'; thickness: string }> = {
  prohibited: { style: 'solid', thickness: '3px' },
  // Double, not solid: prohibited and restricted fills are close in luminance (1.26:1), so their lines differ in shape.
  restricted: { style: 'double', thickness: '3px' },
  caution: { style: 'dashed', thickness: '2px' },
  historical: { style: 'dotted', thickness: '2px' },
  watchlist: { style: 'wavy', thickness: '2px' },
};

export const PALETTE_LABELS: Record<Palette, string> = {
  'colorblind-safe': 'Colour-blind safe (Okabe–Ito)',
  classic: 'Classic (red, orange, yellow)',
};

export function coloursFor(palette: Palette, key: PaletteKey): SeverityColours {
  return (PALETTES[palette] ?? PALETTES['colorblind-safe'])[key];
}

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a #RRGGBB colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio between two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
