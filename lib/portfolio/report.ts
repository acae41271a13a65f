// The portfolio report: every holding with what it is, how serious, and what that means for a US
// person — worded from the dataset's programs when it has them, else from the list's own effect.
// Plain data (strings and numbers), so the page, the CSV export and the kept copy read the same.
import { divestStatus, listingPermissions, listingSeverity, programIndex, programsOf, strictestPermissions, summaryPrograms, type Permissions } from '../dataset/effect';
import { SEVERITY_RANK, entitySeverity, isInForce, listIndex } from '../dataset/severity';
import type { Dataset, Entity, Listing, Permission, Program, SanctionList } from '../dataset/types';
import { decidingAsOf } from '../findings/freshness';
import { entityMeaning } from '../../components/meaning';
import type { ColumnMap } from './columns';
import type { HoldingIdentifier, Identification } from './identify';
import type { Position } from './positions';

/** Report order: the most serious first. Formerly listed companies are not a severity: they sit with the clear ones. */
export type HoldingStatus = 'prohibited' | 'restricted' | 'caution' | 'check' | 'formerly-listed' | 'clear';

export const STATUS_ORDER: HoldingStatus[] = ['prohibited', 'restricted', 'caution', 'check', 'formerly-listed', 'clear'];

export const STATUS_LABEL: Record<HoldingStatus, string> = {
  prohibited: 'Prohibited',
  restricted: 'Restricted',
  caution: 'Caution',
  check: 'Check',
  'formerly-listed': 'Formerly listed',
  clear: 'Clear',
};

export interface ReportListing {
  listId: string;
  list: string;
  status: Listing['status'];
  since: string;
  until?: string;
  effective?: string;
  divestBy?: string;
  inForce: boolean;
  /** What it means for a US person: the programs' summaries, else the list's effect. */
  meaning: string;
  source: string;
}

export interface ReportRow {
  /** Row in the file (or on the page). */
  row: number;
  status: HoldingStatus;
  symbol?: string;
  name?: string;
  isin?: string;
  quantity?: string;
  value?: string;
  entityId?: string;
  company?: string;
  /** What matched and where: `ticker “CHU” in column Symbol`. */
  matched?: string;
  /** Why the match is confident, or why it needs checking. */
  explanation: string;
  /** One line: may not buy / blocked / caution only. */
  verdict: string;
  /**
   * The chip's words for a listing in force, as the popup and hover card word it ("Blocked",
   * "Buying banned", "Restricted", "Caution"); the row's status groups it. Absent in reports kept
   * by earlier versions.
   */
  chip?: string;
  listings: ReportListing[];
  /** "Divest by Jun 3, 2022: passed" / "… 40 days left". */
  divest?: string;
  rulings: { caption: string; date: string; outcome: string; url: string }[];
  sources: string[];
}

export interface ReportSummary {
  prohibited: number;
  restricted: number;
  caution: number;
  check: number;
  clear: number;
  /** Of the clear ones, how many were on a list once. */
  formerlyListed: number;
}

export interface Report {
  source: string;
  createdAt: string;
  dataVersion: string;
  dataAsOf: string;
  columns: string;
  checkedAgainst: string;
  rows: ReportRow[];
  summary: ReportSummary;
  notes: string[];
}

const PERMISSION_WORD: Record<Permission, string> = {
  allowed: 'may',
  prohibited: 'may not',
  'licence-required': 'need an OFAC licence to',
  blocked: 'must freeze and report to OFAC what they',
};

/** "US persons may not buy, may hold, need an OFAC licence to sell." */
function permissionsSentence(combined: Permissions | undefined): string | undefined {
  if (!combined) return undefined;
  const parts = (['buy', 'hold', 'sell'] as const).map((action) => `${PERMISSION_WORD[combined[action]]} ${action}`);
  return `US persons ${parts.join(', ')}.`;
}

/** The one-line verdict from the programs; else from the list's severity, in the list's own terms. */
function verdictOf(entity: Entity, lists: Map<string, SanctionList>, programs: Map<string, Program>, now: Date): string {
  const inForce = entity.listings.filter(isInForce);
  const each = inForce.flatMap((listing) => listingPermissions(listing, programsOf(listing, programs), now) ?? []);
  const fromPrograms = permissionsSentence(strictestPermissions(each));
  if (fromPrograms) return fromPrograms;
  const ids = new Set(inForce.map((listing) => listing.list));
  if (ids.has('ofac-sdn')) return 'Blocked: US persons may not buy, sell or otherwise deal in its securities.';
  if (ids.has('ofac-ns-cmic')) return 'US persons may not buy its securities; sales to divest were allowed only during the divestment window.';
  const severities = inForce.map((listing) => lists.get(listing.list)?.severity);
  if (severities.includes('prohibited')) return 'Prohibited dealings: see the list below.';
  if (severities.includes('restricted')) return 'Restricted: US persons may not deal in certain new debt or equity it issued; older securities are not covered.';
  if (severities.includes('caution')) return 'Caution only: no ban on buying or holding its securities.';
  return 'No list applies today.';
}

/**
 * The as-of date a "clear" row stands on: that of the lists that prohibit or restrict trading
 * (OFAC's, today), as the popup and badge say it, never the newest source's (an FCC table from
 * last month would make a year-old OFAC file look current).
 */
function reportAsOf(dataset: Pick<Dataset, 'lists' | 'sources' | 'generatedAt' | 'programs'>): { date: string; authority: string } {
  return decidingAsOf(dataset) ?? { date: dataset.generatedAt.slice(0, 10), authority: 'list' };
}

const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const formatDay = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? DATE.format(Date.parse(`${iso}T00:00:00Z`)) : iso);

const KIND_WORD = { isin: 'ISIN', cusip: 'CUSIP', ticker: 'ticker', name: 'name' } as const;

export interface BuildOptions {
  source: string;
  columns: ColumnMap;
  /** Venue bare symbols are on. */
  venue?: string;
  notes?: string[];
  now?: Date;
}

export function describeColumns(columns: ColumnMap): string {
  const words: Record<string, string> = { symbol: 'symbol', isin: 'ISIN', cusip: 'CUSIP', name: 'name', quantity: 'quantity', value: 'value', exchange: 'exchange', currency: 'currency' };
  return Object.entries(columns)
    .map(([role, column]) => `${words[role]}: ${column!.header}`)
    .join(' · ');
}

export function buildReport(dataset: Dataset, identifier: HoldingIdentifier, positions: Position[], options: BuildOptions): Report {
  const now = options.now ?? new Date();
  const lists = listIndex(dataset);
  const programs = programIndex(dataset);
  const entities = new Map(dataset.entities.map((entity) => [entity.id, entity]));
  const deciding = reportAsOf(dataset);
  const asOf = deciding.date;
  const byWhom = deciding.authority === 'list' ? '' : `${deciding.authority} `;
  // A list with no entries yet (UFLPA in the bundled data) checked nothing: it is not counted.
  const listed = new Set(dataset.entities.flatMap((entity) => entity.listings.map((listing) => listing.list)));
  const listCount = dataset.lists.filter((list) => listed.has(list.id)).length;
  const checkedAgainst = `${dataset.entities.length.toLocaleString('en-US')} companies on ${listCount} lists (data ${dataset.version}, ${byWhom}lists as of ${formatDay(asOf)})`;
  const columnOf = (field: 'symbol' | 'isin' | 'cusip' | 'name') => options.columns[field]?.header ?? field;

  const rows = positions.map((position): ReportRow => {
    const base = { row: position.row, symbol: position.symbol, name: position.name, isin: position.isin ?? position.cusip, quantity: position.quantity, value: position.value };
    const found: Identification = identifier.identify(position, { venue: options.venue, columnOf });
    const checked = [
      position.symbol && `symbol ${position.symbol}`,
      position.isin && `ISIN ${position.isin}`,
      position.cusip && `CUSIP ${position.cusip}`,
      position.name && `name “${position.name}”`,
    ].filter(Boolean).join(', ');
    if (found.status === 'unmatched') {
      return {
        ...base, status: 'clear', verdict: 'Not on any list in the data.', listings: [], rulings: [], sources: [],
        explanation: [`Checked ${checked} against ${checkedAgainst}: no match.`, ...found.notes].join(' '),
      };
    }
    if (found.status === 'check') {
      const candidates = found.entityIds.map((id) => entities.get(id)).filter((entity): entity is Entity => !!entity);
      return {
        ...base, status: 'check', company: candidates.map((entity) => entity.name).join(' / '),
        matched: `${KIND_WORD[found.by]} “${found.text}” in column ${found.column}`,
        explanation: [found.reason, ...found.notes].join(' '),
        verdict: 'Not confirmed: check which security this is before relying on this report.',
        listings: [], rulings: [], sources: [],
      };
    }
    const entity = entities.get(found.entityId)!;
    const severity = entitySeverity(entity, lists, programs);
    const listings = entity.listings
      .slice()
      // In force first, the most severe first, then the newest.
      .sort((a, b) => Number(isInForce(b)) - Number(isInForce(a)) || SEVERITY_RANK[listingSeverity(b, lists, programs)] - SEVERITY_RANK[listingSeverity(a, lists, programs)] || b.since.localeCompare(a.since))
      .map((listing): ReportListing => {
        const list = lists.get(listing.list);
        const own = programsOf(listing, programs);
        return {
          listId: listing.list, list: list ? `${list.shortName} — ${list.name}` : listing.list, status: listing.status,
          since: listing.since, until: listing.until, effective: listing.effective, divestBy: listing.divestBy, inForce: isInForce(listing),
          meaning: own.length > 0 ? summaryPrograms(listing, own).map((program) => program.summary).join(' ') : list?.effect ?? '',
          source: listing.source,
        };
      });
    const divest = entity.listings.map((listing) => divestStatus(listing, now)).find(Boolean);
    const rulingIds = new Set(entity.rulings);
    const rulings = dataset.rulings
      .filter((ruling) => rulingIds.has(ruling.id) || ruling.entities.includes(entity.id))
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((ruling) => ({ caption: ruling.caption, date: ruling.date, outcome: ruling.outcome, url: ruling.url }));
    const citations = entity.listings.filter(isInForce).flatMap((listing) => programsOf(listing, programs)).flatMap((program) => program.citations.map((citation) => citation.url));
    const sources = [...new Set([...entity.listings.map((listing) => listing.source), ...citations, ...entity.listings.map((listing) => lists.get(listing.list)?.url ?? '')].filter(Boolean))];
    return {
      ...base,
      status: severity === 'historical' ? 'formerly-listed' : severity,
      entityId: entity.id,
      company: entity.name,
      matched: `${KIND_WORD[found.by]} “${found.text}” in column ${found.column}`,
      explanation: [`Matched because ${found.detail}.`, ...found.notes].join(' '),
      verdict: severity === 'historical' ? 'Formerly listed: no list applies today (see the dates and rulings).' : verdictOf(entity, lists, programs, now),
      chip: severity === 'historical' ? undefined : entityMeaning(entity, { lists, programs }, now).chip,
      listings,
      divest: divest ? `Divest by ${formatDay(divest.date)}: ${divest.passed ? 'passed' : `${divest.daysLeft} day${divest.daysLeft === 1 ? '' : 's'} left`}` : undefined,
      rulings,
      sources,
    };
  });

  const rank = (status: HoldingStatus) => STATUS_ORDER.indexOf(status);
  rows.sort((a, b) => rank(a.status) - rank(b.status) || a.row - b.row);
  return {
    source: options.source,
    createdAt: now.toISOString(),
    dataVersion: dataset.version,
    dataAsOf: asOf,
    columns: describeColumns(options.columns),
    checkedAgainst,
    rows,
    summary: summarize(rows),
    notes: options.notes ?? [],
  };
}

export function summarize(rows: Pick<ReportRow, 'status'>[]): ReportSummary {
  const count = (status: HoldingStatus) => rows.filter((row) => row.status === status).length;
  const formerlyListed = count('formerly-listed');
  return {
    prohibited: count('prohibited'),
    restricted: count('restricted'),
    caution: count('caution'),
    check: count('check'),
    clear: count('clear') + formerlyListed,
    formerlyListed,
  };
}

/** "1 prohibited · 1 restricted · 1 caution · 1 to check · 4 clear (1 formerly listed)". */
export function summaryLine(summary: ReportSummary): string {
  const parts = [`${summary.prohibited} prohibited`, `${summary.restricted} restricted`, `${summary.caution} caution`];
  if (summary.check > 0) parts.push(`${summary.check} to check`);
  parts.push(`${summary.clear} clear${summary.formerlyListed > 0 ? ` (${summary.formerlyListed} formerly listed)` : ''}`);
  return parts.join(' · ');
}

