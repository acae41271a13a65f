// "This page": the companies found on the tab — those with a listing in force first, then the ones
// named here with no restriction in force (formerly listed, your watchlist) — what is ignored on
// this site, or a plain explanation of why there is nothing to show.
import type { IgnoreRule } from '../../lib/settings/types';
import { CoverageNote, OfacSearchLink } from './Coverage';
import { FindingCard } from './FindingCard';
import type { Catalog, PageCompany, SiteState } from './model';

/** Why nothing is shown, without repeating the header's "Off for …" / "Paused until …". */
function offExplanation(site: Exclude<SiteState, { kind: 'unscannable' }>): string {
  switch (site.decision.reason) {
    case 'paused':
      return 'No page is scanned until then; highlights come back by themselves, or now if you resume.';
    case 'site-off':
    case 'page-off':
      return 'Its pages are not scanned and show no highlights; other sites are scanned as your settings say.';
    default:
      return site.description;
  }
}

export function PageView({ companies, data, site, loadError, ignored, onOpen, onTurnOn, onResume, onSearch, onUnignore, holdingsHref }: {
  companies: PageCompany[];
  data: Catalog;
  site: SiteState;
  loadError?: string;
  /** Ignore rules that apply on this site. */
  ignored: IgnoreRule[];
  onOpen: (entityId: string) => void;
  onTurnOn: () => void;
  onResume: () => void;
  onSearch: () => void;
  onUnignore: (rule: IgnoreRule) => void;
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
        <p>{offExplanation(site)}</p>
        {paused ? (
          <button type="button" class="primary" onClick={onResume}>Resume now</button>
        ) : site.kind === 'site' && !site.siteOn ? (
          <button type="button" class="primary" onClick={onTurnOn}>Turn on for {site.label}</button>
        ) : null}
      </div>
    );
  }
  const inForce = companies.filter((company) => company.meaning.standing.kind === 'in-force');
  const others = companies.filter((company) => company.meaning.standing.kind !== 'in-force');
  const ignoredNote = ignored.length > 0 ? <IgnoredList rules={ignored} data={data} site={site} onUnignore={onUnignore} /> : null;
  if (companies.length === 0) {
    return (
      <div class="empty" data-testid="empty-state" data-reason="none">
        <h2>No company from the lists we track was found here</h2>
        <CoverageNote data={data} />
        <OfacSearchLink />
        <p class="muted small">Pages that load content later are checked as it appears.</p>
        <button type="button" class="primary" onClick={onSearch}>Look up a company</button>
        <p class="small">
          <a href="portfolio.html" target="_blank" rel="noopener" data-testid="portfolio-link">Check a positions file</a> from your broker.
        </p>
        {ignoredNote}
      </div>
    );
  }
  return (
    <>
      {inForce.length > 0 ? (
        <section aria-labelledby="in-force-title">
          <h2 id="in-force-title" class="group-title">With a listing in force</h2>
          <ul class="cards" aria-labelledby="in-force-title">
            {inForce.map((company) => (
              <FindingCard key={company.entity.id} company={company} data={data} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ) : (
        <p class="small" data-testid="none-in-force">No company on this page has a listing in force on the US lists we track.</p>
      )}
      {others.length > 0 ? (
        <section aria-labelledby="others-title" class="others">
          <h2 id="others-title" class="group-title">Also named here, no restriction in force</h2>
          <ul class="cards" aria-labelledby="others-title">
            {others.map((company) => (
              <FindingCard key={company.entity.id} company={company} data={data} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ) : null}
      {holdingsHref ? <p class="small"><a href={holdingsHref} target="_blank" rel="noopener">Check holdings on this page</a></p> : null}
      {ignoredNote}
    </>
  );
}

function IgnoredList({ rules, data, site, onUnignore }: { rules: IgnoreRule[]; data: Catalog; site: SiteState; onUnignore: (rule: IgnoreRule) => void }) {
  const where = site.kind === 'site' ? site.label : 'this page';
  return (
    <details class="ignored small" data-testid="ignored-here">
      <summary>{rules.length === 1 ? '1 match ignored' : `${rules.length} matches ignored`} on {where}</summary>
      <ul>
        {rules.map((rule) => (
          <li key={`${rule.entityId}-${rule.text}-${rule.site}`} data-testid="ignored-rule">
            “{rule.text || 'any text'}” as {data.entities.get(rule.entityId)?.name ?? rule.entityId}
            {rule.site === '*' ? ' (everywhere)' : ''}{' '}
            <button type="button" class="link-button" onClick={() => onUnignore(rule)}>Flag it again</button>
          </li>
        ))}
      </ul>
    </details>
  );
}
