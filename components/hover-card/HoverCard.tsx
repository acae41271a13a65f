// The card shown when the pointer rests on a highlighted company: name, severity in words, every
// list with status and dates, the effect in one line, the latest ruling, and two actions.
import { STATUS_LABEL, outcomeLabel } from '../Chips';
import { formatDate } from '../format';
import { coloursFor } from '../../lib/settings/palette';
import type { Palette } from '../../lib/settings/types';
import { KEY_LABEL, type CardModel } from './card-model';

export interface HoverCardProps {
  model: CardModel;
  palette: Palette;
  /** What was matched on the page, e.g. "1810.HK". */
  matched: string;
  onDetails: () => void;
  onNotThis: () => void;
  onClose: () => void;
}

export function HoverCard({ model, palette, matched, onDetails, onNotThis, onClose }: HoverCardProps) {
  const colours = coloursFor(palette, model.key);
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Sanctions Lens: ${model.name}`}
      data-testid="hover-card"
      data-entity-id={model.entityId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header class="head" style={{ borderColor: colours.underline }}>
        <span class="severity" style={{ background: colours.background, color: colours.text }} data-testid="card-severity">
          {KEY_LABEL[model.key]}
        </span>
        <h2 class="name" data-testid="card-name">{model.name}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      {matched && matched.toLowerCase() !== model.name.toLowerCase() && <p class="matched">Matched “{matched}”</p>}
      <p class="effect" data-testid="card-effect">{model.effect}</p>
      {model.listings.length > 0 && (
        <ul class="listings">
          {model.listings.map((listing) => (
            <li data-testid="card-listing">
              <span class="list">{listing.listName}</span>
              <span class={`status status-${listing.status}`}>{STATUS_LABEL[listing.status] ?? listing.status}</span>
              <span class="dates">
                {listing.until ? `${formatDate(listing.since)} – ${formatDate(listing.until)}` : `since ${formatDate(listing.since)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {model.ruling && (
        <p class="ruling" data-testid="card-ruling">
          <strong>{outcomeLabel(model.ruling.outcome)}</strong> · {model.ruling.court}, {formatDate(model.ruling.date)}
          <br />
          <span class="caption">{model.ruling.caption}</span>
        </p>
      )}
      <footer class="actions">
        <button type="button" class="primary" onClick={onDetails}>Details</button>
        <button type="button" onClick={onNotThis} title="Stop highlighting this match on this site">Not this company</button>
      </footer>
    </div>
  );
}
