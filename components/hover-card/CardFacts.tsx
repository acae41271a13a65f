// The facts the hover card and the findings panel share about one company: what it means now,
// buy / hold / sell, the dates that matter, the lists in force and the former ones, the latest
// ruling and what it did to the listing. One component so the keyboard path (the panel) never says
// less than the card.
import { STATUS_LABEL, outcomeLabel } from '../Chips';
import { formatDate } from '../format';
import { dateRange, type CardModel } from './card-model';

export function CardFacts({ model }: { model: CardModel }) {
  return (
    <>
      <p class="effect" data-testid="card-effect">{model.effect}</p>
      {model.permissions ? <p class="permissions" data-testid="card-permissions">{model.permissions}</p> : null}
      {model.dates.length > 0 ? (
        <ul class="key-dates" data-testid="card-dates">
          {model.dates.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {model.listings.length > 0 ? (
        <ul class="listings" aria-label="Lists in force">
          {model.listings.map((listing) => (
            <li data-testid="card-listing" key={`${listing.listName}-${listing.since}`}>
              <span class="list">{listing.listName}</span>
              <span class={`status status-${listing.status}`}>{STATUS_LABEL[listing.status] ?? listing.status}</span>
              <span class="dates">{dateRange(listing)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {model.former.length > 0 ? (
        <p class="former" data-testid="card-former">
          Formerly:{' '}
          {model.former
            .map((listing) => `${listing.listName} (${(STATUS_LABEL[listing.status] ?? listing.status).toLowerCase()}, ${dateRange(listing)})`)
            .join('; ')}
        </p>
      ) : null}
      {model.ruling ? (
        <p class="ruling" data-testid="card-ruling">
          <strong>{outcomeLabel(model.ruling.outcome)}</strong> · {model.ruling.court}, {formatDate(model.ruling.date)}
          <br />
          {model.ruling.effect ? (
            <>
              <span class="ruling-effect" data-testid="card-ruling-effect">{model.ruling.effect}.</span>
              <br />
            </>
          ) : null}
          <span class="caption">{model.ruling.caption}</span>
        </p>
      ) : null}
    </>
  );
}

/** The severity chip for a listing in force, or the plain label of a company with none. */
export function StandingMark({ model, colours }: { model: CardModel; colours: { background: string; text: string } }) {
  if (model.standing === 'in-force' && model.chip) {
    return (
      <span class="severity" style={{ background: colours.background, color: colours.text }} data-testid="card-severity" data-standing="in-force">
        {model.chip}
      </span>
    );
  }
  return (
    <span class="plain-label" data-testid="card-severity" data-standing={model.standing}>
      {model.label}
    </span>
  );
}
