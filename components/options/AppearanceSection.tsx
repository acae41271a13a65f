// How highlights look: fill or underline, which palette, and whether hovering shows a card.
// The preview uses the same colours the page highlighter paints with.
import { PALETTES, PALETTE_KEYS, PALETTE_LABELS, UNDERLINE_STYLES, type Palette, type PaletteKey, type Settings } from '../../lib/settings';
import { SEVERITY_LABEL } from '../Chips';
import { Section, Toggle } from './Section';
import type { Save } from './useSettings';

const KEY_LABEL: Record<PaletteKey, string> = { ...SEVERITY_LABEL, watchlist: 'Your watchlist' };

function Preview({ settings }: { settings: Settings }) {
  const palette = PALETTES[settings.palette];
  return (
    <div class="preview" aria-label="Preview of highlights" role="img">
      {PALETTE_KEYS.map((key) => {
        const colours = palette[key];
        const style =
          settings.highlightStyle === 'background'
            ? { background: colours.background, color: colours.text }
            : {
                textDecorationLine: 'underline',
                textDecorationColor: colours.underline,
                textDecorationStyle: UNDERLINE_STYLES[key].style,
                textDecorationThickness: UNDERLINE_STYLES[key].thickness,
                textUnderlineOffset: '3px',
              };
        return (
          <span class="preview-item" key={key}>
            <mark class="sample" style={style}>Example Corp</mark>
            <span class="hint">{KEY_LABEL[key]}</span>
          </span>
        );
      })}
    </div>
  );
}

export function AppearanceSection({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <Section id="appearance" title="How it looks">
      <div class="two-col">
        <fieldset class="choices">
          <legend>Highlight style</legend>
          {(['background', 'underline'] as const).map((style) => (
            <label class="choice" key={style}>
              <input type="radio" name="style" value={style} checked={settings.highlightStyle === style}
                onChange={() => save((s) => ({ ...s, highlightStyle: style }), `Highlights now use ${style === 'background' ? 'a coloured background' : 'an underline'}.`)} />
              <span class="toggle-label">{style === 'background' ? 'Coloured background' : 'Underline'}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>Colours</legend>
          {(Object.keys(PALETTES) as Palette[]).map((palette) => (
            <label class="choice" key={palette}>
              <input type="radio" name="palette" value={palette} checked={settings.palette === palette}
                onChange={() => save((s) => ({ ...s, palette }), `${PALETTE_LABELS[palette]} colours.`)} />
              <span class="toggle-label">{PALETTE_LABELS[palette]}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <Preview settings={settings} />
      <Toggle
        label="Show a card when hovering a highlight"
        hint="Which list, since when, and what it means for you. The toolbar button shows the same."
        checked={settings.hoverCards}
        testId="hover-cards"
        onChange={(value) => save((s) => ({ ...s, hoverCards: value }), value ? 'Hover cards on.' : 'Hover cards off.')}
      />
    </Section>
  );
}
