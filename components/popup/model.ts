// The popup's view of the data, computed without the DOM: which companies to show in which
// order, what a page's site state is, and which list changes are recent.
import { compareSeverity, entitySeverity, isInForce, listIndex, type DisplaySeverity } from '../../lib/dataset/severity';
import type { Dataset, Entity, Listing, SanctionList } from '../../lib/dataset/types';
import type { Finding } from '../../lib/messaging';
import { isEnabledFor, siteDecision, describeDecision, type SiteDecision } from '../../lib/settings/resolve';
import { watchlistEntities } from '../../lib/settings/rules';
import { displayHost, pageSite } from '../../lib/settings/site';
import type { Settings } from '../../lib/settings/types';

export interface Catalog {
  dataset: Dataset;
  lists: Map<string, SanctionList>;
  entities: Map<string, Entity>;
}

export function catalog(dataset: Dataset, settings?: Pick<Settings, 'watchlist'>): Catalog {
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  // Names the user watches are found like listed companies; the popup must be able to name them.
  for (const entity of settings ? watchlistEntities(settings) : []) if (!entities.has(entity.id)) entities.set(entity.id, entity);
  return { dataset, lists: listIndex(dataset), entities };
}

export interface PageCompany {
  entity: Entity;
  finding: Finding;
  severity: DisplaySeverity;
}

/** Companies found on the page, most serious first, then the most often named. Unknown ids are left out. */
export function pageCompanies(findings: Finding[], data: Catalog): PageCompany[] {
  const companies: PageCompany[] = [];
  for (const finding of findings) {
    const entity = data.entities.get(finding.entityId);
    if (!entity) continue;
    companies.push({ entity, finding, severity: severityOf(entity, data) });
  }
  return companies.sort(
    (a, b) => compareSeverity(a.severity, b.severity) || b.finding.count - a.finding.count || a.entity.name.localeCompare(b.entity.name),
  );
}

export function severityOf(entity: Entity, data: Catalog): DisplaySeverity {
  return entity.watchlist && entity.listings.length === 0 ? 'caution' : entitySeverity(entity, data.lists);
}

/** Listings in force first, then the most recent. */
export function orderedListings(entity: Entity, data: Catalog): Listing[] {
  return [...entity.listings].sort((a, b) => {
    const force = Number(isInForce(b)) - Number(isInForce(a));
    if (force) return force;
    const severity = compareSeverity(data.lists.get(a.list)?.severity ?? 'caution', data.lists.get(b.list)?.severity ?? 'caution');
    return severity || b.since.localeCompare(a.since);
  });
}

export function severitySentence(severity: DisplaySeverity): string {
  switch (severity) {
    case 'prohibited':
      return 'US persons may not trade its securities.';
    case 'restricted':
      return 'Some dealings in its securities are restricted for US persons.';
    case 'caution':
      return 'Listed by the US government, with no trading ban of its own.';
    case 'historical':
      return 'Formerly listed: no listing is in force now.';
  }
}

export type SiteState =
  | { kind: 'unscannable'; url: string }
  | { kind: 'file'; url: string; decision: SiteDecision; siteOn: boolean; description: string }
  | { kind: 'site'; url: string; host: string; label: string; decision: SiteDecision; siteOn: boolean; description: string };

/** Where the tab is and whether the extension scans it, from the URL and settings alone. */
export function siteState(url: string, settings: Settings, now = Date.now()): SiteState {
  const site = url ? pageSite(url) : null;
  if (!site) return { kind: 'unscannable', url };
  const decision = isEnabledFor(url, settings, now);
  const siteOn = siteDecision(site, settings).enabled;
  const description = describeDecision(decision);
  if (site.scheme === 'file') return { kind: 'file', url, decision, siteOn, description };
  return { kind: 'site', url, host: site.host, label: displayHost(site.host), decision, siteOn, description };
}

export interface ListChange {
  date: string;
  entity: Entity;
  list: SanctionList | undefined;
  listId: string;
  change: 'added' | 'removed' | 'vacated' | 'enjoined';
}

/** Additions and removals recorded in the dataset, newest first. */
export function listChanges(data: Catalog, limit = 20): ListChange[] {
  const changes: ListChange[] = [];
  for (const entity of data.dataset.entities) {
    for (const listing of entity.listings) {
      const list = data.lists.get(listing.list);
      changes.push({ date: listing.since, entity, list, listId: listing.list, change: 'added' });
      if (listing.status !== 'active') {
        // An injunction may come without an end date; the listing's own date then stands in.
        changes.push({ date: listing.until ?? listing.since, entity, list, listId: listing.list, change: listing.status });
      }
    }
  }
  return changes
    .sort((a, b) => b.date.localeCompare(a.date) || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit);
}
