// One company found on the page, as a row: what it means for a US person now (one line that is
// never cut off), buy / hold / sell and the dates that matter, the lists in force, how the page
// named it. The whole story is one click away in the details view.
import { STATUS_LABEL, StandingChip } from '../Chips';
import { distinctTexts, formatDate, plural } from '../format';
import { divestWords, effectiveWords, leadClause, permissionLine } from '../meaning';
import type { Catalog, PageCompany } from './model';

export function FindingCard({ company, data, onOpen, now = new Date() }: { company: PageCompany; data: Catalog; onOpen: (entityId: string) => void; now?: Date }) {
  const { entity, finding, severity, meaning } = company;
  const describedBy = `finding-${entity.id}-line`;
  const dates = meaning.inForce.flatMap((item) => [
    ...(item.listing.effective ? [`${item.listName} ${effectiveWords(item.listing.effective, now).replace(/^./, (c) => c.toLowerCase())}`] : []),
    ...(item.divest ? [divestWords(item.divest)] : []),
  ]);
  const texts = distinctTexts(finding.texts);
  return (
    <li class={`card finding sev-${severity}`} data-testid="finding" data-entity-id={entity.id} data-severity={severity} data-standing={meaning.standing.kind}>
      <div class="card-head">
        <h3 class="card-title">
          <button type="button" class="link-button" onClick={() => onOpen(entity.id)} aria-describedby={describedBy}>
            {entity.name}
          </button>
        </h3>
        <StandingChip meaning={meaning} severity={severity} />
      </div>
      <p class="small effect-short" id={describedBy} data-testid="finding-line">{meaning.permissions ? leadClause(meaning.headline) : meaning.headline}</p>
      {meaning.permissions ? <p class="small permissions" data-testid="finding-permissions">{permissionLine(meaning.permissions)}</p> : null}
      {dates.length > 0 ? <p class="small muted" data-testid="finding-dates">{dates.join(' · ')}</p> : null}
      {meaning.inForce.length > 0 ? (
        <ul class="listing-chips" aria-label="Lists in force">
          {meaning.inForce.map(({ listing, listName }) => (
            <li key={`${listing.list}-${listing.since}`} data-testid="finding-list">
              <span class="list-name">{listName}</span> <span class="muted nowrap">since {formatDate(listing.since)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {meaning.inForce.length > 0 && meaning.former.length > 0 ? (
        <p class="small muted">
          Formerly:{' '}
          {meaning.former
            .map((listing) => `${data.lists.get(listing.list)?.shortName ?? listing.list} (${STATUS_LABEL[listing.status].toLowerCase()}${listing.until ? ` ${formatDate(listing.until)}` : ''})`)
            .join(', ')}
        </p>
      ) : null}
      <p class="small muted matched">
        Named here as {texts.length > 0 ? texts.map((text) => `“${text}”`).join(', ') : 'its identifier'}, {plural(finding.count, 'time')}
      </p>
    </li>
  );
}
