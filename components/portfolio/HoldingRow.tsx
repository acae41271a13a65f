// One holding in the report: what it is, what matched and where, what it means for a US person,
// the lists with their dates, the divest-by date, court rulings and official sources.
import { ExternalLink } from '../ExternalLink';
import { formatDate } from '../format';
import { outcomeLabel } from '../Chips';
import { STATUS_LABEL, type ReportRow } from '../../lib/portfolio/report';

const LISTING_STATUS: Record<string, string> = { active: 'In force', removed: 'Removed', vacated: 'Vacated by court', enjoined: 'Enjoined by court' };

function Dates({ listing }: { listing: ReportRow['listings'][number] }) {
  const dates: [string, string | undefined][] = [
    ['listed', listing.since],
    ['effective', listing.effective],
    ['divest by', listing.divestBy],
    [listing.status === 'vacated' ? 'vacated' : listing.status === 'enjoined' ? 'enjoined' : 'ended', listing.until],
  ];
  return (
    <span class="dates">
      {dates
        .filter(([, value]) => value)
        .map(([label, value]) => `${label} ${formatDate(value)}`)
        .join(' · ')}
    </span>
  );
}

export function HoldingRow({ row }: { row: ReportRow }) {
  const title = [row.symbol, row.name].filter(Boolean).join(' — ') || row.isin || `Row ${row.row}`;
  const amounts = [row.quantity && `${row.quantity} held`, row.value && `value ${row.value}`].filter(Boolean).join(' · ');
  return (
    <li class={`holding status-${row.status}`} data-testid="holding" data-entity-id={row.entityId} data-status={row.status}>
      <div class="holding-head">
        <span class={`chip status-chip chip-${row.status}`}>{row.chip ?? STATUS_LABEL[row.status]}</span>
        <h3 class="holding-title">{title}</h3>
        {amounts ? <span class="amounts">{amounts}</span> : null}
      </div>
      {row.company ? (
        <p class="matched">
          {row.status === 'check' ? 'Could be ' : 'Matched '}
          <strong>{row.company}</strong>
          {row.matched ? <span class="muted"> — by {row.matched}</span> : null}
        </p>
      ) : null}
      <p class="verdict">{row.verdict}</p>
      {row.divest ? <p class={`divest${/passed/.test(row.divest) ? ' passed' : ''}`}>{row.divest}</p> : null}
      <p class="explanation small muted">{row.explanation}</p>
      {row.listings.length > 0 ? (
        <ul class="listings">
          {row.listings.map((listing) => (
            <li key={`${listing.listId}-${listing.since}`} class={listing.inForce ? 'in-force' : 'past'}>
              <span class="list-name">{listing.list}</span> <span class="list-status">{LISTING_STATUS[listing.status] ?? listing.status}</span> <Dates listing={listing} />
              {listing.meaning ? <span class="meaning"> {listing.inForce ? '' : 'While it applied: '}{listing.meaning}</span> : null}{' '}
              <ExternalLink href={listing.source} label={`Official source for ${listing.list} (opens in a new tab)`}>source</ExternalLink>
            </li>
          ))}
        </ul>
      ) : null}
      {row.rulings.length > 0 ? (
        <div class="rulings">
          <h4>Court rulings</h4>
          <ul>
            {row.rulings.map((ruling) => (
              <li key={ruling.url + ruling.date}>
                <time dateTime={ruling.date}>{formatDate(ruling.date)}</time> — <ExternalLink href={ruling.url}>{ruling.caption}</ExternalLink>: {outcomeLabel(ruling.outcome)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {row.sources.length > 0 ? (
        <p class="sources small">
          Sources:{' '}
          {row.sources.map((url, i) => (
            <span key={url}>
              {i > 0 ? ' · ' : ''}
              <ExternalLink href={url}>{hostOf(url)}</ExternalLink>
              <span class="print-url"> ({url})</span>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** "ofac.treasury.gov/faqs/899": the site and where on it, short enough for one line. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    const place = `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : parsed.pathname}`;
    return place.length > 48 ? `${place.slice(0, 47)}…` : place;
  } catch {
    return url;
  }
}
