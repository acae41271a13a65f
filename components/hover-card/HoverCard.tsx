// The card shown when the pointer rests on a highlighted company: what it means for a US person
// now, the dates and lists behind it, and two actions. "Not this company" on a company US persons
// may not buy asks first; once done, the card turns into a notice with Undo.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { coloursFor } from '../../lib/settings/palette';
import type { Palette } from '../../lib/settings/types';
import { listsAsOfWords } from '../format';
import { US_PERSON_NOTE } from '../meaning';
import type { CardModel } from './card-model';
import { CardFacts, StandingMark } from './CardFacts';

export interface HoverCardProps {
  model: CardModel;
  palette: Palette;
  /** What was matched on the page, e.g. "1810.HK". */
  matched: string;
  /** Where an ignore rule applies ("127.0.0.1"). */
  site: string;
  onDetails: () => void;
  onNotThis: () => void;
  onClose: () => void;
  /** The "Not this company?" question opened or closed, after the card shows it (the card's height changed). */
  onConfirmToggle?: (open: boolean) => void;
}

/** Companies whose warning is serious enough that silencing it takes a second click. */
export function asksBeforeIgnoring(model: CardModel): boolean {
  return model.standing === 'in-force' && (model.key === 'prohibited' || model.key === 'restricted');
}

export function HoverCard({ model, palette, matched, site, onDetails, onNotThis, onClose, onConfirmToggle }: HoverCardProps) {
  const colours = coloursFor(palette, model.key);
  const [confirming, setConfirming] = useState(false);
  const shown = useRef(confirming);
  useLayoutEffect(() => {
    if (shown.current === confirming) return;
    shown.current = confirming;
    onConfirmToggle?.(confirming);
  }, [confirming]);
  const notThis = () => (asksBeforeIgnoring(model) && !confirming ? setConfirming(true) : onNotThis());
  return (
    <div
      class={`card standing-${model.standing}`}
      role="dialog"
      aria-label={`Sanctions Lens: ${model.name}`}
      data-testid="hover-card"
      data-entity-id={model.entityId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div class="head" style={{ borderColor: model.standing === 'in-force' ? colours.underline : undefined }}>
        <StandingMark model={model} colours={colours} />
        <h2 class="name" data-testid="card-name">{model.name}</h2>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>×</button>
      </div>
      {matched && matched.toLowerCase() !== model.name.toLowerCase() && <p class="matched">Matched “{matched}”</p>}
      <CardFacts model={model} />
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="sl-confirm-text" data-testid="card-confirm">
          <p id="sl-confirm-text">
            Stop warning about “{matched}” on {site}? {model.name} is on a list that restricts US persons; only do this if
            the page means another company.
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={onNotThis}>Yes, not this company</button>
            <button type="button" data-answer="keep" onClick={() => setConfirming(false)}>Keep the warning</button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={onDetails}>Details</button>
          <button type="button" class="quiet" data-action="not-this" onClick={notThis} title={`Stop highlighting “${matched}” as ${model.name} on ${site}`}>
            Not this company
          </button>
        </div>
      )}
      <p class="foot" data-testid="card-foot">
        {model.asOf ? `${listsAsOfWords(model.asOf)} ` : ''}
        {US_PERSON_NOTE}
      </p>
    </div>
  );
}

/** Shown in the card's place after "Not this company": what was ignored, where, and Undo. */
export function IgnoredNotice({ name, matched, site, onUndo, onClose }: { name: string; matched: string; site: string; onUndo: () => void; onClose: () => void }) {
  return (
    <div class="card notice" role="status" data-testid="ignored-notice" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <p>
        “{matched}” is no longer flagged as {name} on {site}.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={onUndo}>Undo</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      <p class="foot">Ignored matches are listed in the toolbar popup and the settings.</p>
    </div>
  );
}
