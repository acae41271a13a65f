// The popup's view of the data, computed without the DOM: which companies to show in which
// order, and what a page's site state is. (Recent list changes: updates.ts.)
import { programIndex } from '../../lib/dataset/effect';
import { compareSeverity, entitySeverity, isInForce, listIndex } from '../../lib/dataset/severity';
import type { Dataset, Entity, Listing, Program, SanctionList } from '../../lib/dataset/types';
import { decidingAsOf, type DecidingAsOf } from '../../lib/findings/freshness';
import type { PaletteKey } from '../../lib/settings/palette';
import { entityMeaning, type EntityMeaning } from '../meaning';
import type { Finding } from '../../lib/messaging';
import { datasetCoverage, type DatasetCoverage } from '../../lib/popup-data/page-cards';
import { isEnabledFor, siteDecision, describeDecision, type SiteDecision } from '../../lib/settings/resolve';
import { watchlistEntities } from '../../lib/settings/rules';
import { displayHost, pageSite } from '../../lib/settings/site';
import type { Settings } from '../../lib/settings/types';

export interface Catalog {
  dataset: Dataset;
  lists: Map<string, SanctionList>;
  programs: Map<string, Program>;
  entities: Map<string, Entity>;
  /** The as-of date of the lists that decide "prohibited" and "restricted". */
  asOf?: DecidingAsOf;
  /**
   * False while `dataset` is only the page's cut (lib/popup-data/page-cards.ts): views that read the
   * whole list (search, updates, a company the page did not name) wait for it rather than answer
   * from a part.
   */
  complete: boolean;
  /** What the whole list covers, given with a cut (a cut's own counts would understate it). */
  wholeCoverage?: Coverage;
}

/** The popup's indexes over a dataset: the whole list, or a page's cut with what the whole list covers. */
export function catalog(dataset: Dataset, settings?: Pick<Settings, 'watchlist'>, cut?: { coverage?: Coverage }): Catalog {
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  // Names the user watches are found like listed companies; the popup must be able to name them.
  for (const entity of settings ? watchlistEntities(settings) : []) if (!entities.has(entity.id)) entities.set(entity.id, entity);
  return {
    dataset,
    lists: listIndex(dataset),
    programs: programIndex(dataset),
    entities,
    asOf: decidingAsOf(dataset),
    complete: !cut,
    wholeCoverage: cut?.coverage,
  };
}

export interface PageCompany {
  entity: Entity;
  finding: Finding;
  /** The colour key: a severity for a listing in force, else 'historical' or 'watchlist'. */
  severity: PaletteKey;
  meaning: EntityMeaning;
}

const KEY_RANK: Record<PaletteKey, number> = { prohibited: 4, restricted: 3, caution: 2, watchlist: 1, historical: 0 };

/** Companies found on the page, most serious first, then the most often named. Unknown ids are left out. */
export function pageCompanies(findings: Finding[], data: Catalog, now: Date = new Date()): PageCompany[] {
  const companies: PageCompany[] = [];
  for (const finding of findings) {
    const entity = data.entities.get(finding.entityId);
    if (!entity) continue;
    companies.push({ entity, finding, severity: severityOf(entity, data), meaning: entityMeaning(entity, data, now) });
  }
  return companies.sort(
    (a, b) => KEY_RANK[b.severity] - KEY_RANK[a.severity] || b.finding.count - a.finding.count || a.entity.name.localeCompare(b.entity.name),
  );
}

/** A company's colour key: watchlist names are never a government severity. */
export function severityOf(entity: Entity, data: Catalog): PaletteKey {
  return entity.watchlist && entity.listings.length === 0 ? 'watchlist' : entitySeverity(entity, data.lists, data.programs);
}

/** "2 prohibited · 1 caution · 1 formerly listed · 1 watchlist". */
export function pageSummary(companies: PageCompany[]): string {
  const counts = new Map<PaletteKey, number>();
  for (const company of companies) counts.set(company.severity, (counts.get(company.severity) ?? 0) + 1);
  const words: [PaletteKey, string][] = [
    ['prohibited', 'prohibited'],
    ['restricted', 'restricted'],
    ['caution', 'caution'],
    ['historical', 'formerly listed'],
    ['watchlist', 'on your watchlist'],
  ];
  return words.filter(([key]) => counts.has(key)).map(([key, word]) => `${counts.get(key)} ${word}`).join(' · ');
}

/** Companies in the data; lists with at least one, and lists it names but holds none of, by short name. */
export type Coverage = DatasetCoverage;

/** What a negative answer was checked against: always the whole list, even while the popup holds a cut. */
export function coverage(data: Catalog): Coverage {
  return data.wholeCoverage ?? datasetCoverage(data.dataset);
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
