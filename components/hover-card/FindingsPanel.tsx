// The keyboard and screen-reader way to see what the page mentions: highlights are paint, invisible
// to assistive technology, so the `show-findings` shortcut (Alt+Shift+L) opens this list. It says as
// much as the hover card. Only companies found in this page's own frame are named here: what an
// embedded page from another site shows is counted, and named only in the toolbar popup, which
// the page cannot read.
import { useEffect, useRef } from 'preact/hooks';
import { coloursFor } from '../../lib/settings/palette';
import type { Palette } from '../../lib/settings/types';
import { listsAsOfWords, plural } from '../format';
import { US_PERSON_NOTE } from '../meaning';
import type { CardModel } from './card-model';
import { CardFacts, StandingMark } from './CardFacts';

export interface PanelEntry {
  model: CardModel;
  count: number;
  texts: string[];
}

export interface FindingsPanelProps {
  entries: PanelEntry[];
  /** Companies found only in embedded content of other sites. */
  elsewhere: number;
  asOf?: string;
  palette: Palette;
  onShow: (entityId: string) => void;
  onDetails: (entityId: string) => void;
  onClose: () => void;
}

function headline(entries: PanelEntry[]): string {
  const inForce = entries.filter((entry) => entry.model.standing === 'in-force').length;
  const other = entries.length - inForce;
  if (entries.length === 0) return 'No listed company found on this page';
  const parts = [inForce > 0 ? `${plural(inForce, 'company', 'companies')} with a listing in force` : 'No listing in force'];
  if (other > 0) parts.push(`${other} more without one`);
  return `${parts.join(', ')} on this page`;
}

export function FindingsPanel({ entries, elsewhere, asOf, palette, onShow, onDetails, onClose }: FindingsPanelProps) {
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
      <div class="head">
        <h2 id="sl-panel-title" class="name" tabIndex={-1} ref={heading}>{headline(entries)}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      </div>
      <ul class="findings">
        {entries.map(({ model, count, texts }) => {
          const colours = coloursFor(palette, model.key);
          return (
            <li data-testid="panel-finding" data-entity-id={model.entityId} data-standing={model.standing} key={model.entityId}>
              <div class="row">
                <StandingMark model={model} colours={colours} />
                <h3 class="entry-name">{model.name}</h3>
              </div>
              <CardFacts model={model} />
              <p class="matched">
                Mentioned {plural(count, 'time')}{texts.length > 0 ? `, as “${texts.join('”, “')}”` : ''}
              </p>
              <div class="actions">
                <button type="button" onClick={() => onShow(model.entityId)} aria-label={`Show on page: ${model.name}`}>Show on page</button>
                <button type="button" class="primary" onClick={() => onDetails(model.entityId)} aria-label={`Details: ${model.name}`}>Details</button>
              </div>
            </li>
          );
        })}
      </ul>
      {elsewhere > 0 ? (
        <p class="elsewhere" data-testid="panel-elsewhere">
          And {plural(elsewhere, 'company', 'companies')} in embedded content from other sites; open the toolbar popup to see {elsewhere === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      <p class="foot">
        {asOf ? `${listsAsOfWords(asOf)} ` : ''}
        {US_PERSON_NOTE}
      </p>
    </section>
  );
}
