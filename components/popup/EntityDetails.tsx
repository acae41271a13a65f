// Everything we know about one company: what it means for a US person now, each list it is or was
// on with status, dates (effective, divest by — passed or days left), the programs' full text and
// the orders they cite, the sources labelled for what they are, then the court rulings about it.
import { isInForce } from '../../lib/dataset/severity';
import type { Finding } from '../../lib/messaging';
import { StandingChip, StatusChip } from '../Chips';
import { ExternalLink } from '../ExternalLink';
import { distinctTexts, formatDate, plural, readableDates } from '../format';
import { divestWords, effectiveWords, entityMeaning, listingMeaning, permissionLine, type ListingMeaning } from '../meaning';
import { orderedListings, severityOf, type Catalog } from './model';
import { RulingItem } from './RulingItem';
import { sourceLabel } from './sources';

/** The first few items, then a disclosure with the rest: a long alias list would push the lists off screen. */
function ShortList({ label, items, max }: { label: string; items: string[]; max: number }) {
  if (items.length <= max) return <p class="small muted">{label} {items.join(' · ')}</p>;
  return (
    <details class="small muted">
      <summary>
        {label} {items.slice(0, max).join(' · ')} and {items.length - max} more
      </summary>
      <p>{items.slice(max).join(' · ')}</p>
    </details>
  );
}

/** Lists whose limits an SDN blocking swallows: a blocked company's SSI text ("Not blocked…") would contradict it. */
const SUPERSEDED_BY_SDN = new Set(['ofac-ssi', 'ofac-ns-mbs']);

function ListingDetails({ meaning, superseded, now }: { meaning: ListingMeaning; superseded: boolean; now: Date }) {
  const { listing, list } = meaning;
  const inForce = isInForce(listing);
  const dates: [string, string | undefined, string?][] = [
    ['Listed', listing.since],
    ['Effective', listing.effective, inForce && listing.effective ? effectiveWords(listing.effective, now) : undefined],
    ['Divest by', listing.divestBy, meaning.divest ? (meaning.divest.passed ? 'passed' : divestWords(meaning.divest).replace(/^.*\((.*)\)$/, '$1')) : undefined],
    [listing.status === 'vacated' ? 'Vacated' : listing.status === 'enjoined' ? 'Enjoined' : 'Ended', listing.until],
  ];
  const source = sourceLabel(listing.source);
  return (
    <li class="card listing" data-testid="listing" data-list-id={listing.list}>
      <div class="card-head">
        <h4 class="card-title">{list ? `${list.shortName} — ${list.name}` : listing.list}</h4>
        <StatusChip status={listing.status} />
      </div>
      <dl class="dates">
        {dates
          .filter(([, value]) => value)
          .map(([label, value, extra]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <time dateTime={value}>{formatDate(value)}</time>
                {extra && label === 'Divest by' ? <span class="date-note" data-testid="divest-status"> ({extra})</span> : null}
              </dd>
            </div>
          ))}
      </dl>
      {superseded ? (
        <p class="effect small" data-testid="superseded">Its limits are swallowed by the SDN blocking above: a blocked company may not be dealt with at all.</p>
      ) : meaning.full.length > 0 ? (
        <div class="effect">
          {inForce ? <strong>What it means: </strong> : <strong>While it applied: </strong>}
          {meaning.full.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      ) : null}
      {inForce && meaning.permissions ? <p class="small permissions">{permissionLine(meaning.permissions)}</p> : null}
      {listing.note ? <p class="small">{readableDates(listing.note)}</p> : null}
      {list ? <p class="muted small">{readableDates([list.authority, list.legalBasis].filter(Boolean).join(' · '))}</p> : null}
      <p class="links small">
        <ExternalLink href={listing.source} label={`${source.words}, for the ${list?.shortName ?? listing.list} listing (opens in a new tab)`}>
          {source.words}
        </ExternalLink>
        {list?.url && list.url !== listing.source ? (
          <>
            {' · '}
            <ExternalLink href={list.url} label={`About this list: ${list.shortName} (opens in a new tab)`}>
              About this list
            </ExternalLink>
          </>
        ) : null}
        {meaning.citations.map((citation) => (
          <span key={citation.url}>
            {' · '}
            <ExternalLink href={citation.url} label={`${citation.title} (opens in a new tab)`}>{citation.title}</ExternalLink>
          </span>
        ))}
      </p>
    </li>
  );
}

export function EntityDetails({ entityId, data, finding, onBack, backLabel, now = new Date() }: { entityId: string; data: Catalog; finding?: Finding; onBack: () => void; backLabel: string; now?: Date }) {
  const entity = data.entities.get(entityId);
  if (!entity) {
    return (
      <section class="details" aria-labelledby="details-title">
        <button type="button" class="back" onClick={onBack}>← {backLabel}</button>
        <h2 id="details-title" tabIndex={-1}>Company not found</h2>
        <p>This company is not in the current list data. The data may have been updated since the link was made.</p>
      </section>
    );
  }
  const severity = severityOf(entity, data);
  const meaning = entityMeaning(entity, data, now);
  const rulingIds = new Set(entity.rulings);
  const rulings = data.dataset.rulings
    .filter((ruling) => rulingIds.has(ruling.id) || ruling.entities.includes(entity.id))
    .sort((a, b) => b.date.localeCompare(a.date));
  const tickers = entity.tickers.map((t) => `${t.exchange} ${t.symbol}`);
  const seen = new Set([entity.name.toLowerCase()]);
  const otherNames = entity.aliases.filter((alias) => {
    const key = alias.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const blocked = entity.listings.some((listing) => listing.list === 'ofac-sdn' && isInForce(listing));
  return (
    <section class="details" aria-labelledby="details-title" data-testid="details" data-entity-id={entity.id}>
      <button type="button" class="back" onClick={onBack}>← {backLabel}</button>
      <div class="card-head">
        <h2 id="details-title" tabIndex={-1}>{entity.name}</h2>
        <StandingChip meaning={meaning} severity={severity} />
      </div>
      <p data-testid="details-headline">{meaning.headline}</p>
      {meaning.permissions ? <p class="small permissions" data-testid="details-permissions">{permissionLine(meaning.permissions)}</p> : null}
      {otherNames.length > 0 ? <ShortList label="Also known as" items={otherNames} max={4} /> : null}
      {tickers.length > 0 ? <ShortList label="Tickers:" items={tickers} max={6} /> : null}
      {entity.isins.length > 0 ? (
        <details class="small muted">
          <summary>{entity.isins.length === 1 ? '1 ISIN' : `${entity.isins.length} ISINs`} (shares, receipts and bonds)</summary>
          <p class="isins">{entity.isins.join(' · ')}</p>
        </details>
      ) : null}
      {finding ? (
        <p class="small matched">
          On this page as {distinctTexts(finding.texts).map((text) => `“${text}”`).join(', ') || 'an identifier'}, {plural(finding.count, 'time')}.
        </p>
      ) : null}
      <h3>Lists</h3>
      {entity.listings.length > 0 ? (
        <ul class="cards">
          {orderedListings(entity, data).map((listing) => (
            <ListingDetails
              key={`${listing.list}-${listing.since}`}
              meaning={listingMeaning(listing, data, now)}
              superseded={blocked && isInForce(listing) && SUPERSEDED_BY_SDN.has(listing.list)}
              now={now}
            />
          ))}
        </ul>
      ) : (
        <p class="small">Not on any list we track{entity.watchlist ? ': it is on your watchlist.' : '.'}</p>
      )}
      <h3>Court rulings</h3>
      {rulings.length > 0 ? (
        <ol class="timeline">
          {rulings.map((ruling) => (
            <RulingItem key={ruling.id} ruling={ruling} />
          ))}
        </ol>
      ) : (
        <p class="small muted">No court ruling about this company is recorded.</p>
      )}
    </section>
  );
}
