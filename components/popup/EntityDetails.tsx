// Everything we know about one company: each list it is or was on, with status, dates, what it
// means for an investor and the official source, then the court rulings about it.
import { isInForce } from '../../lib/dataset/severity';
import type { Listing } from '../../lib/dataset/types';
import type { Finding } from '../../lib/messaging';
import { SeverityChip, StatusChip } from '../Chips';
import { ExternalLink } from '../ExternalLink';
import { formatDate, plural } from '../format';
import { orderedListings, severityOf, severitySentence, type Catalog } from './model';
import { RulingItem } from './RulingItem';

/** The first few items, then how many more: a long alias list would push the lists off screen. */
function shortList(items: string[], max: number): string {
  return items.length <= max ? items.join(' · ') : `${items.slice(0, max).join(' · ')} and ${items.length - max} more`;
}

function ListingDetails({ listing, data }: { listing: Listing; data: Catalog }) {
  const list = data.lists.get(listing.list);
  const inForce = isInForce(listing);
  const dates: [string, string | undefined][] = [
    ['Listed', listing.since],
    ['Effective', listing.effective],
    ['Divestment deadline', listing.divestBy],
    [listing.status === 'vacated' ? 'Vacated' : listing.status === 'enjoined' ? 'Enjoined' : 'Ended', listing.until],
  ];
  return (
    <li class="card listing" data-testid="listing" data-list-id={listing.list}>
      <div class="card-head">
        <h4 class="card-title">{list ? `${list.shortName} — ${list.name}` : listing.list}</h4>
        <StatusChip status={listing.status} />
      </div>
      <dl class="dates">
        {dates
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <time dateTime={value}>{formatDate(value)}</time>
              </dd>
            </div>
          ))}
      </dl>
      {list ? (
        <p class="effect">
          {inForce ? <strong>What it means: </strong> : <strong>While it applied: </strong>}
          {list.effect}
        </p>
      ) : null}
      {listing.note ? <p class="small">{listing.note}</p> : null}
      {list ? <p class="muted small">{[list.authority, list.legalBasis].filter(Boolean).join(' · ')}</p> : null}
      <p class="links small">
        <ExternalLink href={listing.source} label={`Official source for the ${list?.shortName ?? listing.list} listing (opens in a new tab)`}>
          Official source
        </ExternalLink>
        {list?.url && list.url !== listing.source ? (
          <>
            {' · '}
            <ExternalLink href={list.url} label={`About the ${list.shortName} list (opens in a new tab)`}>
              About this list
            </ExternalLink>
          </>
        ) : null}
      </p>
    </li>
  );
}

export function EntityDetails({ entityId, data, finding, onBack, backLabel }: { entityId: string; data: Catalog; finding?: Finding; onBack: () => void; backLabel: string }) {
  const entity = data.entities.get(entityId);
  if (!entity) {
    return (
      <section class="details" aria-labelledby="details-title">
        <button type="button" class="back" onClick={onBack}>← {backLabel}</button>
        <h2 id="details-title">Company not found</h2>
        <p>This company is not in the current list data. The data may have been updated since the link was made.</p>
      </section>
    );
  }
  const severity = severityOf(entity, data);
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
  return (
    <section class="details" aria-labelledby="details-title" data-testid="details" data-entity-id={entity.id}>
      <button type="button" class="back" onClick={onBack}>← {backLabel}</button>
      <div class="card-head">
        <h2 id="details-title" tabIndex={-1}>{entity.name}</h2>
        <SeverityChip severity={severity} />
      </div>
      <p>{severitySentence(severity)}</p>
      {otherNames.length > 0 ? <p class="small muted">Also known as {shortList(otherNames, 4)}</p> : null}
      {tickers.length > 0 ? <p class="small muted">Tickers: {shortList(tickers, 6)}</p> : null}
      {entity.isins.length > 0 ? (
        <details class="small muted">
          <summary>{entity.isins.length === 1 ? '1 ISIN' : `${entity.isins.length} ISINs`} (shares, receipts and bonds)</summary>
          <p class="isins">{entity.isins.join(' · ')}</p>
        </details>
      ) : null}
      {finding ? (
        <p class="small matched">
          On this page as {finding.texts.map((text) => `“${text}”`).join(', ') || 'an identifier'}, {plural(finding.count, 'time')}.
        </p>
      ) : null}
      <h3>Lists</h3>
      {entity.listings.length > 0 ? (
        <ul class="cards">
          {orderedListings(entity, data).map((listing) => (
            <ListingDetails key={`${listing.list}-${listing.since}`} listing={listing} data={data} />
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
