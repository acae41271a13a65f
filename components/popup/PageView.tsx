// "This page": the companies found on the tab, or a plain explanation of why there are none.
import { formatDate } from '../format';
import { FindingCard } from './FindingCard';
import type { Catalog, PageCompany, SiteState } from './model';

export function PageView({ companies, data, site, loadError, onOpen, onTurnOn, onResume, onSearch, holdingsHref }: {
  companies: PageCompany[];
  data: Catalog;
  site: SiteState;
  loadError?: string;
  onOpen: (entityId: string) => void;
  onTurnOn: () => void;
  onResume: () => void;
  onSearch: () => void;
  /** The portfolio check for this tab's positions table. */
  holdingsHref?: string;
}) {
  if (loadError) {
    return (
      <div class="empty" data-testid="empty-state" data-reason="error" role="alert">
        <h2>Couldn’t get this page’s results</h2>
        <p>{loadError}. Reload the page, then open Sanctions Lens again.</p>
      </div>
    );
  }
  if (site.kind === 'unscannable') {
    return (
      <div class="empty" data-testid="empty-state" data-reason="unscannable">
        <h2>This page can’t be scanned</h2>
        <p>Browser pages (like chrome:// pages, the extension store and new tabs) don’t let extensions read them. Open a web page to see what Sanctions Lens finds there.</p>
      </div>
    );
  }
  if (!site.decision.enabled) {
    const paused = site.decision.reason === 'paused';
    return (
      <div class="empty" data-testid="empty-state" data-reason={paused ? 'paused' : 'off'}>
        <h2>{paused ? 'Sanctions Lens is paused' : `Sanctions Lens is off ${site.kind === 'site' ? `for ${site.label}` : 'here'}`}</h2>
        <p>{site.description}</p>
        {paused ? (
          <button type="button" class="primary" onClick={onResume}>Resume now</button>
        ) : site.kind === 'site' && !site.siteOn ? (
          <button type="button" class="primary" onClick={onTurnOn}>Turn on for {site.label}</button>
        ) : null}
      </div>
    );
  }
  if (companies.length === 0) {
    const lists = data.dataset.lists.length;
    return (
      <div class="empty" data-testid="empty-state" data-reason="none">
        <h2>Nothing on this page is on a list we track</h2>
        <p>
          Checked against {data.dataset.entities.length.toLocaleString()} companies on {lists} US government lists
          (data version {data.dataset.version}, generated {formatDate(data.dataset.generatedAt.slice(0, 10))}).
        </p>
        <p class="muted small">Pages that load content later are checked as it appears.</p>
        <button type="button" class="primary" onClick={onSearch}>Look up a company</button>
      </div>
    );
  }
  return (
    <>
      <ul class="cards" aria-label="Companies found on this page">
        {companies.map((company) => (
          <FindingCard key={company.entity.id} company={company} data={data} onOpen={onOpen} />
        ))}
      </ul>
      {holdingsHref ? <p class="small"><a href={holdingsHref} target="_blank" rel="noopener">Check holdings on this page</a></p> : null}
    </>
  );
}
