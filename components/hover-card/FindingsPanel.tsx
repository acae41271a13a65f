// The keyboard and screen-reader way to see what the page mentions: highlights are paint, invisible
// to assistive technology, so the `show-findings` shortcut opens this list of the page's findings.
import { useEffect, useRef } from 'preact/hooks';
import { coloursFor, type PaletteKey } from '../../lib/settings/palette';
import type { Palette } from '../../lib/settings/types';
import { KEY_LABEL } from './card-model';

export interface PanelEntry {
  entityId: string;
  name: string;
  key: PaletteKey;
  effect: string;
  count: number;
  texts: string[];
}

export interface FindingsPanelProps {
  entries: PanelEntry[];
  palette: Palette;
  onShow: (entityId: string) => void;
  onDetails: (entityId: string) => void;
  onClose: () => void;
}

export function FindingsPanel({ entries, palette, onShow, onDetails, onClose }: FindingsPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="sl-panel-title"
      data-testid="findings-panel"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header class="head">
        <h2 id="sl-panel-title" class="name" tabIndex={-1} ref={heading}>
          {entries.length === 0
            ? 'No listed companies on this page'
            : `${entries.length} listed ${entries.length === 1 ? 'company' : 'companies'} on this page`}
        </h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <ul class="findings">
        {entries.map((entry) => {
          const colours = coloursFor(palette, entry.key);
          return (
            <li data-testid="panel-finding" data-entity-id={entry.entityId}>
              <div class="row">
                <span class="severity" style={{ background: colours.background, color: colours.text }}>{KEY_LABEL[entry.key]}</span>
                <strong>{entry.name}</strong>
                <span class="count">{entry.count}×</span>
              </div>
              <p class="effect">{entry.effect}</p>
              <p class="matched">As “{entry.texts.join('”, “')}”</p>
              <div class="actions">
                <button type="button" onClick={() => onShow(entry.entityId)}>Show on page</button>
                <button type="button" class="primary" onClick={() => onDetails(entry.entityId)}>Details</button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
