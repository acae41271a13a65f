// Runtime check of a dataset (contract 1) wherever one enters: the data build before writing,
// the background when loading the bundled copy, the feed before swapping in an update.
// Every problem names the record (by index and id), the field, and why it is wrong, so a broken
// feed or a bad curated edit can be fixed from the message alone.
import { isDatasetVersion, isIsoDate, isSlug, isValidIsin } from './ids';
import { SCHEMA_VERSION, type Dataset } from './types';
import { checkNameSafety } from './blast-radius';
import { checkChanges } from './changes';

export interface DatasetProblem {
  /** Where: `entities[3] (xiaomi-corporation).listings[0].since`. */
  path: string;
  message: string;
}

export class DatasetError extends Error {
  readonly problems: DatasetProblem[];
  constructor(problems: DatasetProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    if (problems.length > 20) shown.push(`  …and ${problems.length - 20} more`);
    super(`dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${shown.join('\n')}`);
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

export type DatasetCheck = { ok: true; dataset: Dataset; errors: [] } | { ok: false; errors: DatasetProblem[] };

const SEVERITIES = ['prohibited', 'restricted', 'caution'];
const PERMISSIONS = ['allowed', 'prohibited', 'licence-required', 'blocked'];
const SEVERITY_RANK: Record<string, number> = { prohibited: 3, restricted: 2, caution: 1 };

/**
 * Government publication hosts a listing's `source` and a program citation may point at (and any
 * subdomain). News and law-firm pages go in `press`, never here.
 */
export const OFFICIAL_HOSTS = [
  'treasury.gov', 'treas.gov', 'federalregister.gov', 'defense.gov', 'fcc.gov', 'congress.gov', 'govinfo.gov',
  'bis.gov', 'bis.doc.gov', 'ecfr.gov', 'dhs.gov', 'cbp.gov', 'uscourts.gov', 'courtlistener.com',
];
/** Where a ruling's `url` may point: the court record. */
export const COURT_HOSTS = ['uscourts.gov', 'courtlistener.com', 'govinfo.gov'];

export function hostIn(url: string, hosts: string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
const STATUSES = ['active', 'removed', 'vacated', 'enjoined'];
const RELATIONS = ['parent', 'subsidiary', 'affiliate'];
const MAX_TEXT = 4000;
/** Unicode format characters (bidi controls, zero-width, soft hyphen, BOM…); line breaks are fine. */
const INVISIBLE = /\p{Cf}/u;
/** Stops a hostile or corrupt feed from making us collect millions of messages. */
const MAX_PROBLEMS = 200;

type Obj = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

class Checker {
  problems: DatasetProblem[] = [];

  fail(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message });
  }

  object(value: unknown, path: string): value is Obj {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.fail(path, `must be an object (got ${describe(value)})`);
    return false;
  }

  array(value: unknown, path: string): value is unknown[] {
    if (Array.isArray(value)) return true;
    this.fail(path, `must be an array (got ${describe(value)})`);
    return false;
  }

  text(value: unknown, path: string, { optional = false, empty = false } = {}): value is string {
    if (value === undefined && optional) return false;
    if (typeof value !== 'string') {
      this.fail(path, `must be a string (got ${describe(value)})`);
      return false;
    }
    if (!empty && value.trim() === '') {
      this.fail(path, 'must not be empty');
      return false;
    }
    if (value.length > MAX_TEXT) {
      this.fail(path, `is too long (${value.length} characters, at most ${MAX_TEXT})`);
      return false;
    }
    // Bidi overrides could make a signed name display as another company's; zero-width and other
    // format characters could make an "empty" name pass. Neither belongs in a list.
    if (INVISIBLE.test(value)) {
      this.fail(path, `contains an invisible or text-direction control character (U+${value.codePointAt(value.search(INVISIBLE))!.toString(16).toUpperCase().padStart(4, '0')})`);
      return false;
    }
    if (!empty && !/[\p{L}\p{N}]/u.test(value)) {
      this.fail(path, 'must contain a letter or a digit');
      return false;
    }
    return true;
  }

  date(value: unknown, path: string, optional = false): value is string {
    if (!this.text(value, path, { optional })) return false;
    if (isIsoDate(value)) return true;
    this.fail(path, `must be a date written YYYY-MM-DD (got ${describe(value)})`);
    return false;
  }

  url(value: unknown, path: string): void {
    if (!this.text(value, path)) return;
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(value)) this.fail(path, `must be an http(s) URL (got ${describe(value)})`);
  }

  oneOf(value: unknown, allowed: string[], path: string): void {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(path, `must be one of ${allowed.join(', ')} (got ${describe(value)})`);
    }
  }

  strings(value: unknown, path: string): void {
    if (!this.array(value, path)) return;
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (!this.text(item, `${path}[${i}]`)) return;
      if (seen.has(item)) this.fail(`${path}[${i}]`, `duplicates ${describe(item)}`);
      seen.add(item);
    });
  }

  /** Checks every record's `id` is a unique slug; returns the label used in paths. */
  ids(items: unknown[], path: string): Map<string, number> {
    const found = new Map<string, number>();
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null) return;
      const id = (item as Obj).id;
      if (typeof id !== 'string' || !isSlug(id)) {
        this.fail(`${path}[${i}].id`, `must be a lower-case slug like "china-mobile-limited" (got ${describe(id)})`);
        return;
      }
      if (found.has(id)) this.fail(`${path}[${i}].id`, `duplicates ${path}[${found.get(id)}] ("${id}")`);
      else found.set(id, i);
    });
    return found;
  }
}

function label(path: string, index: number, item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as Obj).id : undefined;
  return typeof id === 'string' ? `${path}[${index}] (${id})` : `${path}[${index}]`;
}

function checkSources(c: Checker, sources: unknown[]): Set<string> {
  const ids = c.ids(sources, 'sources');
  sources.forEach((source, i) => {
    const at = label('sources', i, source);
    if (!c.object(source, at)) return;
    c.text(source.title, `${at}.title`);
    c.url(source.url, `${at}.url`);
    c.date(source.asOf, `${at}.asOf`);
    c.text(source.licence, `${at}.licence`, { optional: true });
    c.text(source.note, `${at}.note`, { optional: true });
    if (source.historic !== undefined && typeof source.historic !== 'boolean') c.fail(`${at}.historic`, 'must be true or false');
  });
  return new Set(ids.keys());
}

function checkLists(c: Checker, lists: unknown[]): Set<string> {
  const ids = c.ids(lists, 'lists');
  lists.forEach((list, i) => {
    const at = label('lists', i, list);
    if (!c.object(list, at)) return;
    for (const field of ['name', 'shortName', 'authority', 'legalBasis', 'effect'] as const) {
      c.text(list[field], `${at}.${field}`);
    }
    c.oneOf(list.severity, SEVERITIES, `${at}.severity`);
    c.url(list.url, `${at}.url`);
  });
  return new Set(ids.keys());
}

interface Refs {
  lists: Set<string>;
  entities: Map<string, number>;
  rulings: Map<string, number>;
  programs: Set<string>;
  sources: Set<string>;
}

function checkListing(c: Checker, listing: unknown, at: string, refs: Refs): void {
  if (!c.object(listing, at)) return;
  const listIds = refs.lists;
  if (c.text(listing.list, `${at}.list`) && !listIds.has(listing.list)) {
    c.fail(`${at}.list`, `names a list that is not in lists[] (${describe(listing.list)})`);
  }
  c.oneOf(listing.status, STATUSES, `${at}.status`);
  const since = c.date(listing.since, `${at}.since`) ? listing.since : undefined;
  for (const field of ['until', 'effective', 'divestBy'] as const) {
    if (listing[field] === undefined) continue;
    if (c.date(listing[field], `${at}.${field}`) && since && (listing[field] as string) < since) {
      c.fail(`${at}.${field}`, `is before since (${listing[field]} < ${since})`);
    }
  }
  if (listing.status === 'active' && listing.until !== undefined) {
    c.fail(`${at}.until`, 'an active listing cannot have an end date');
  }
  if (listing.status !== undefined && listing.status !== 'active' && listing.until === undefined) {
    c.fail(`${at}.until`, `a ${String(listing.status)} listing needs the date it ended`);
  }
  c.text(listing.note, `${at}.note`, { optional: true });
  c.url(listing.source, `${at}.source`);
  if (typeof listing.source === 'string' && !hostIn(listing.source, OFFICIAL_HOSTS)) {
    c.fail(`${at}.source`, `must be a government publication (${OFFICIAL_HOSTS.join(', ')}); put news or law-firm pages in "press" (got ${describe(listing.source)})`);
  }
  if (listing.press !== undefined) c.url(listing.press, `${at}.press`);
  // Only its shape: a feed that drops a source is refused by feed:build's as-of gate, which says why.
  if (listing.sourceId !== undefined) c.text(listing.sourceId, `${at}.sourceId`);
  if (listing.programs !== undefined && c.array(listing.programs, `${at}.programs`)) {
    if (listing.programs.length === 0) c.fail(`${at}.programs`, 'must name at least one program when present');
    listing.programs.forEach((id, k) => {
      if (typeof id !== 'string' || !refs.programs.has(id)) {
        c.fail(`${at}.programs[${k}]`, `names a program that is not in programs[] (${describe(id)})`);
      }
    });
  }
}

function checkPrograms(c: Checker, programs: unknown[], listIds: Set<string>): Set<string> {
  const ids = c.ids(programs, 'programs');
  programs.forEach((program, i) => {
    const at = label('programs', i, program);
    if (!c.object(program, at)) return;
    for (const field of ['name', 'legalBasis', 'summary', 'details'] as const) c.text(program[field], `${at}.${field}`);
    if (c.text(program.list, `${at}.list`) && !listIds.has(program.list)) {
      c.fail(`${at}.list`, `names a list that is not in lists[] (${describe(program.list)})`);
    }
    c.oneOf(program.severity, SEVERITIES, `${at}.severity`);
    for (const field of ['buy', 'hold', 'sell'] as const) c.oneOf(program[field], PERMISSIONS, `${at}.${field}`);
    // Severity follows what a US person may not do: a program that bars buying is 'prohibited'.
    if (program.buy === 'prohibited' && typeof program.severity === 'string' && SEVERITY_RANK[program.severity] !== 3) {
      c.fail(`${at}.severity`, `must be "prohibited" when buying is prohibited (got ${describe(program.severity)})`);
    }
    if (c.array(program.citations, `${at}.citations`)) {
      if (program.citations.length === 0) c.fail(`${at}.citations`, 'must cite at least one order or FAQ');
      program.citations.forEach((cite, k) => {
        const cat = `${at}.citations[${k}]`;
        if (!c.object(cite, cat)) return;
        c.text(cite.title, `${cat}.title`);
        c.url(cite.url, `${cat}.url`);
        if (typeof cite.url === 'string' && !hostIn(cite.url, OFFICIAL_HOSTS)) {
          c.fail(`${cat}.url`, `must be an official host (${OFFICIAL_HOSTS.join(', ')}) (got ${describe(cite.url)})`);
        }
      });
    }
  });
  return new Set(ids.keys());
}

function checkEntity(
  c: Checker,
  entity: unknown,
  at: string,
  refs: Refs,
): void {
  if (!c.object(entity, at)) return;
  c.text(entity.name, `${at}.name`);
  if (entity.watchlist !== undefined) c.fail(`${at}.watchlist`, 'only the user adds watchlist entries; a list cannot');
  c.strings(entity.aliases, `${at}.aliases`);
  c.strings(entity.weakAliases, `${at}.weakAliases`);
  if (c.array(entity.tickers, `${at}.tickers`)) {
    const seen = new Set<string>();
    entity.tickers.forEach((ticker, j) => {
      const tat = `${at}.tickers[${j}]`;
      if (!c.object(ticker, tat)) return;
      if (c.text(ticker.exchange, `${tat}.exchange`) && !/^[A-Z][A-Z0-9]{1,9}$/.test(ticker.exchange)) {
        c.fail(`${tat}.exchange`, `must be an upper-case exchange code like HKEX (got ${describe(ticker.exchange)})`);
      }
      if (c.text(ticker.symbol, `${tat}.symbol`) && !/^[A-Z0-9][A-Z0-9.\-]{0,11}$/.test(ticker.symbol)) {
        c.fail(`${tat}.symbol`, `must be an upper-case symbol without spaces (got ${describe(ticker.symbol)})`);
      }
      const key = `${String(ticker.exchange)}:${String(ticker.symbol)}`;
      if (seen.has(key)) c.fail(tat, `duplicates ticker ${key}`);
      seen.add(key);
    });
  }
  if (c.array(entity.isins, `${at}.isins`)) {
    const seen = new Set<string>();
    entity.isins.forEach((isin, j) => {
      if (typeof isin !== 'string' || !isValidIsin(isin)) {
        c.fail(`${at}.isins[${j}]`, `is not a valid ISIN (bad shape or check digit: ${describe(isin)})`);
      } else if (seen.has(isin)) c.fail(`${at}.isins[${j}]`, `duplicates ${isin}`);
      else seen.add(isin);
    });
  }
  if (typeof entity.country !== 'string' || !/^[A-Z]{2}$/.test(entity.country)) {
    c.fail(`${at}.country`, `must be a two-letter ISO country code (got ${describe(entity.country)})`);
  }
  if (c.array(entity.listings, `${at}.listings`)) {
    if (entity.listings.length === 0) c.fail(`${at}.listings`, 'must name at least one listing');
    entity.listings.forEach((listing, j) => checkListing(c, listing, `${at}.listings[${j}]`, refs));
  }
  if (c.array(entity.rulings, `${at}.rulings`)) {
    entity.rulings.forEach((id, j) => {
      if (typeof id !== 'string' || !refs.rulings.has(id)) {
        c.fail(`${at}.rulings[${j}]`, `names a ruling that is not in rulings[] (${describe(id)})`);
      }
    });
  }
  if (entity.related !== undefined && c.array(entity.related, `${at}.related`)) {
    entity.related.forEach((rel, j) => {
      const rat = `${at}.related[${j}]`;
      if (!c.object(rel, rat)) return;
      if (typeof rel.id !== 'string' || !refs.entities.has(rel.id)) {
        c.fail(`${rat}.id`, `names an entity that is not in entities[] (${describe(rel.id)})`);
      } else if (rel.id === entity.id) c.fail(`${rat}.id`, 'an entity cannot be related to itself');
      c.oneOf(rel.relation, RELATIONS, `${rat}.relation`);
    });
  }
}

function checkRulings(c: Checker, rulings: unknown[], entities: unknown[], entityIds: Map<string, number>): void {
  rulings.forEach((ruling, i) => {
    const at = label('rulings', i, ruling);
    if (!c.object(ruling, at)) return;
    for (const field of ['caption', 'court', 'outcome', 'summary'] as const) c.text(ruling[field], `${at}.${field}`);
    // Dockets and judges are sometimes unknown for filed-but-unreported cases; empty is honest there.
    c.text(ruling.docket, `${at}.docket`, { empty: true });
    c.text(ruling.judge, `${at}.judge`, { empty: true });
    c.date(ruling.date, `${at}.date`);
    c.url(ruling.url, `${at}.url`);
    if (typeof ruling.url === 'string' && !hostIn(ruling.url, COURT_HOSTS)) {
      c.fail(`${at}.url`, `must be the court record (${COURT_HOSTS.join(', ')}); put news or law-firm pages in "press" (got ${describe(ruling.url)})`);
    }
    if (ruling.press !== undefined) c.url(ruling.press, `${at}.press`);
    if (!c.array(ruling.entities, `${at}.entities`)) return;
    if (ruling.entities.length === 0) c.fail(`${at}.entities`, 'must name at least one entity');
    ruling.entities.forEach((id, j) => {
      const index = typeof id === 'string' ? entityIds.get(id) : undefined;
      if (index === undefined) {
        c.fail(`${at}.entities[${j}]`, `names an entity that is not in entities[] (${describe(id)})`);
        return;
      }
      const back = (entities[index] as Obj).rulings;
      if (Array.isArray(back) && !back.includes(ruling.id)) {
        c.fail(`${at}.entities[${j}]`, `entity "${String(id)}" does not list this ruling in its rulings[]`);
      }
    });
  });
}

/** Checks a parsed JSON value against contract 1 without throwing. */
export function checkDataset(value: unknown): DatasetCheck {
  const c = new Checker();
  if (!c.object(value, 'dataset')) return { ok: false, errors: c.problems };
  if (value.schemaVersion !== SCHEMA_VERSION) {
    c.fail('schemaVersion', `must be ${SCHEMA_VERSION} (got ${describe(value.schemaVersion)})`);
  }
  if (typeof value.version !== 'string' || !isDatasetVersion(value.version)) {
    c.fail('version', `must look like 2026.08.22.1 (got ${describe(value.version)})`);
  }
  if (typeof value.generatedAt !== 'string' || Number.isNaN(Date.parse(value.generatedAt))) {
    c.fail('generatedAt', `must be an ISO timestamp (got ${describe(value.generatedAt)})`);
  }
  const sources = c.array(value.sources, 'sources') ? value.sources : [];
  const lists = c.array(value.lists, 'lists') ? value.lists : [];
  const entities = c.array(value.entities, 'entities') ? value.entities : [];
  const rulings = c.array(value.rulings, 'rulings') ? value.rulings : [];
  const sourceIds = checkSources(c, sources);
  const listIds = checkLists(c, lists);
  let programIds = new Set<string>();
  if (value.programs !== undefined && c.array(value.programs, 'programs')) programIds = checkPrograms(c, value.programs, listIds);
  for (const field of ['oldestSourceAsOf'] as const) if (value[field] !== undefined) c.date(value[field], field);
  if (value.oldestSourceId !== undefined) c.text(value.oldestSourceId, 'oldestSourceId');
  const entityIds = c.ids(entities, 'entities');
  const rulingIds = c.ids(rulings, 'rulings');
  entities.forEach((entity, i) =>
    checkEntity(c, entity, label('entities', i, entity), {
      lists: listIds,
      entities: entityIds,
      rulings: rulingIds,
      programs: programIds,
      sources: sourceIds,
    }),
  );
  checkRulings(c, rulings, entities, entityIds);
  if (value.changes !== undefined) c.problems.push(...checkChanges(value.changes));
  if (c.problems.length === 0) c.problems.push(...checkNameSafety(value as unknown as Dataset));
  if (c.problems.length > 0) return { ok: false, errors: c.problems };
  return { ok: true, dataset: value as unknown as Dataset, errors: [] };
}

/** Returns the value typed as a Dataset, or throws a DatasetError listing every problem found. */
export function validateDataset(value: unknown): Dataset {
  const result = checkDataset(value);
  if (!result.ok) throw new DatasetError(result.errors);
  return result.dataset;
}
