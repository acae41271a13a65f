// What a "not found" was checked against, and as of when, with OFAC's own search beside it:
// silence from a partial dataset must never read as "this company is safe".
import { ExternalLink } from '../ExternalLink';
import { formatDate } from '../format';
import { coverage, type Catalog } from './model';

export const OFAC_SEARCH_URL = 'https://sanctionssearch.ofac.treas.gov/';

export function CoverageNote({ data }: { data: Catalog }) {
  const covered = coverage(data);
  return (
    <p class="small" data-testid="coverage">
      Checked against {covered.companies.toLocaleString()} companies from {covered.lists.join(', ')}
      {data.asOf ? `; ${data.asOf.authority} lists as of ${formatDate(data.asOf.date)}` : ''}. The data holds selected companies from each
      list, not every entry{covered.emptyLists.length > 0 ? `; no entries yet for ${covered.emptyLists.join(', ')}` : ''}.
    </p>
  );
}

/** A link to OFAC's Sanctions List Search; it takes no query in its address, so the name is copied for pasting. */
export function OfacSearchLink({ query }: { query?: string }) {
  const copy = () => {
    if (query) void navigator.clipboard?.writeText(query).catch(() => undefined);
  };
  return (
    <p class="small" data-testid="ofac-search">
      <span onClick={copy}>
        <ExternalLink href={OFAC_SEARCH_URL} label={query ? `Search “${query}” on OFAC’s Sanctions List Search (opens in a new tab; the name is copied for pasting)` : undefined}>
          {query ? `Search “${query}” on OFAC’s Sanctions List Search` : 'OFAC’s Sanctions List Search'}
        </ExternalLink>
      </span>
      {query ? ' (the name is copied: paste it there)' : ' checks every OFAC list.'}
    </p>
  );
}
