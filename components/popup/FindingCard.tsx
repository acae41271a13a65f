// One company found on the page, as a card: what it is on, how serious that is, how the page
// named it. The whole story is one click away in the details view.
import { isInForce } from '../../lib/dataset/severity';
import { STATUS_LABEL, SeverityChip, StatusChip } from '../Chips';
import { formatDate, plural } from '../format';
import { orderedListings, severitySentence, type Catalog, type PageCompany } from './model';

export function FindingCard({ company, data, onOpen }: { company: PageCompany; data: Catalog; onOpen: (entityId: string) => void }) {
  const { entity, finding, severity } = company;
  const listings = orderedListings(entity, data);
  const current = listings.filter(isInForce);
  const former = listings.filter((listing) => !isInForce(listing));
  const leading = current[0];
  const effect = leading ? data.lists.get(leading.list)?.effect : undefined;
  return (
    <li class={`card finding sev-${severity}`} data-testid="finding" data-entity-id={entity.id} data-severity={severity}>
      <div class="card-head">
        <h3 class="card-title">
          <button type="button" class="link-button" onClick={() => onOpen(entity.id)} aria-label={`${entity.name}: show details`}>
            {entity.name}
          </button>
        </h3>
        <SeverityChip severity={severity} />
      </div>
      <p class="small effect-short">{effect ?? severitySentence(severity)}</p>
      {current.length > 0 ? (
        <ul class="listing-chips" aria-label="Lists in force">
          {current.map((listing) => (
            <li key={`${listing.list}-${listing.since}`}>
              <span class="list-name">{data.lists.get(listing.list)?.shortName ?? listing.list}</span>
              <StatusChip status={listing.status} />
              <span class="muted small">since {formatDate(listing.since)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {former.length > 0 ? (
        <p class="small muted">
          Formerly:{' '}
          {former
            .map((listing) => `${data.lists.get(listing.list)?.shortName ?? listing.list} (${STATUS_LABEL[listing.status].toLowerCase()}${listing.until ? ` ${formatDate(listing.until)}` : ''})`)
            .join(', ')}
        </p>
      ) : null}
      {listings.length === 0 && entity.watchlist ? <p class="small muted">On your watchlist (not on any list we track).</p> : null}
      <p class="small muted matched">
        Named here as {finding.texts.length > 0 ? finding.texts.map((text) => `“${text}”`).join(', ') : 'its identifier'},{' '}
        {plural(finding.count, 'time')}
      </p>
    </li>
  );
}
