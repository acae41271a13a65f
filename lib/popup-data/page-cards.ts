// The popup's first view without the whole dataset: the background, which already holds the verified
// list, cuts it to what one tab's findings render (the companies, every list and program they may
// name, the rulings about them) and the popup paints from that, loading the whole list only after
// (for search and updates). Pure, so tests check both sides: the cut renders what the whole list
// would, and an answer the popup cannot read is refused so it falls back to loading the list itself.
import type { Dataset, Entity, Ruling } from '../dataset/types';
import type { PageCards, TabFindings } from '../messaging';
import { hostCoveredBy } from '../settings/site';
import type { IgnoreRule, Settings } from '../settings/types';
import { validateSettings } from '../settings/validate';

export type DatasetCoverage = PageCards['coverage'];

/** What a "nothing found" answer was checked against: how many companies, which lists hold some, which none. */
export function datasetCoverage(dataset: Pick<Dataset, 'entities' | 'lists'>): DatasetCoverage {
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) {
    for (const id of new Set(entity.listings.map((listing) => listing.list))) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const name = (list: Dataset['lists'][number]) => list.shortName || list.name;
  return {
    companies: dataset.entities.length,
    lists: dataset.lists.filter((list) => counts.get(list.id)).map(name),
    emptyLists: dataset.lists.filter((list) => !counts.get(list.id)).map(name),
  };
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Ignore rules the popup lists for this tab's site ("1 match ignored · Flag it again"), which name their company. */
export function ignoredOnTab(tab: Pick<TabFindings, 'url'>, ignored: readonly IgnoreRule[]): IgnoreRule[] {
  const host = hostnameOf(tab.url);
  return ignored.filter((rule) => rule.site === '*' || (host !== '' && hostCoveredBy(rule.site, host)));
}

/**
 * The tab's findings with the dataset cut to them. Companies the dataset does not hold (watchlist
 * names, a company dropped by an update) are simply absent, as they are from the whole list; the
 * popup adds watchlist names from the user's own settings.
 */
export function buildPageCards(tab: TabFindings, dataset: Dataset, settings: Settings): PageCards {
  const wanted = new Set([...tab.findings.map((finding) => finding.entityId), ...ignoredOnTab(tab, settings.ignored).map((rule) => rule.entityId)]);
  const entities: Entity[] = dataset.entities.filter((entity) => wanted.has(entity.id));
  const named = new Set(entities.flatMap((entity) => entity.rulings));
  const rulings: Ruling[] = dataset.rulings.filter((ruling) => named.has(ruling.id) || ruling.entities.some((id) => wanted.has(id)));
  // `changes` (what an update changed) is left out: only the Updates view reads it, from the whole list.
  const { changes: _changes, ...rest } = dataset;
  return { tab, dataset: { ...rest, entities, rulings }, coverage: datasetCoverage(dataset), settings };
}

// The reader: the answer crosses from the background's process. A bug or a version skew (a popup
// left open across an extension update) must not leave a blank popup, so anything the views would
// trip over is refused and the popup loads the list itself.
type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStr = (value: unknown): value is string => typeof value === 'string';
const strings = (value: unknown): boolean => Array.isArray(value) && value.every(isStr);
const every = (value: unknown, check: (item: Obj) => boolean): boolean => Array.isArray(value) && value.every((item) => isObj(item) && check(item));

const finding = (f: Obj) => isStr(f.entityId) && strings(f.texts) && strings(f.kinds) && typeof f.count === 'number';
const listing = (l: Obj) => isStr(l.list) && isStr(l.status) && isStr(l.since) && isStr(l.source) && (l.programs === undefined || strings(l.programs));
const entity = (e: Obj) =>
  isStr(e.id) && isStr(e.name) && strings(e.aliases) && strings(e.weakAliases) && strings(e.isins) && strings(e.rulings) &&
  every(e.tickers, (t) => isStr(t.exchange) && isStr(t.symbol)) && every(e.listings, listing);
const list = (l: Obj) => isStr(l.id) && isStr(l.name) && isStr(l.severity) && isStr(l.effect);
const program = (p: Obj) => isStr(p.id) && isStr(p.list) && isStr(p.severity) && isStr(p.summary) && every(p.citations, (c) => isStr(c.title) && isStr(c.url));
const ruling = (r: Obj) => isStr(r.id) && isStr(r.caption) && isStr(r.date) && isStr(r.outcome) && isStr(r.summary) && strings(r.entities);
const source = (s: Obj) => isStr(s.id) && isStr(s.title) && isStr(s.asOf);

/**
 * Whether a dataset from the background has the shape the popup's views read. Not a validation (the
 * background validated and verified it): a guard against a bug or a version skew across processes.
 */
export function isRenderableDataset(value: unknown): value is Dataset {
  return (
    isObj(value) && isStr(value.version) && isStr(value.generatedAt) && every(value.sources, source) && every(value.lists, list) &&
    every(value.entities, entity) && every(value.rulings, ruling) && (value.programs === undefined || every(value.programs, program))
  );
}

/** The answer as PageCards, or undefined when it is missing, an error, or not in the shape the views read. */
export function readPageCards(value: unknown): PageCards | undefined {
  if (!isObj(value) || !isObj(value.tab) || !isObj(value.coverage)) return undefined;
  const { tab, coverage } = value;
  const tabOk = typeof tab.tabId === 'number' && isStr(tab.url) && typeof tab.enabled === 'boolean' && every(tab.findings, finding);
  const coverageOk = typeof coverage.companies === 'number' && strings(coverage.lists) && strings(coverage.emptyLists);
  // Settings the background read went through the same checks; any problem here is a bug or a skew.
  const settings = isObj(value.settings) ? validateSettings(value.settings) : undefined;
  if (!tabOk || !coverageOk || !settings || settings.problems.length > 0 || !isRenderableDataset(value.dataset)) return undefined;
  return { ...(value as unknown as PageCards), settings: settings.settings };
}
