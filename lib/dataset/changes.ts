// What changed between the last published list and this one, written by `feed:build` into the
// signed dataset (`changes`, optional). The popup's "recent list changes" and the opt-in
// notifications read it instead of guessing from dates; it is checked like every other field,
// because its text reaches the popup. `diffDatasets` is the one definition of a change: the feed
// build signs its result, and the extension uses it only when a user skipped a publication.
import type { Dataset, Entity, Listing } from './types';
import type { DatasetProblem } from './validate';

export const CHANGE_KINDS = [
  'company-added',
  'company-dropped',
  'listing-added',
  'listing-dropped',
  'listing-removed',
  'listing-vacated',
  'listing-enjoined',
  'listing-reinstated',
  'listing-redated',
  'ruling-added',
  'source-updated',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface DatasetChange {
  kind: ChangeKind;
  /** Entity id (company and listing changes). */
  entity?: string;
  /** The company's name, kept so a dropped company can still be named. */
  name?: string;
  /** List id (listing changes). */
  list?: string;
  /** Ruling id (`ruling-added`) or source id (`source-updated`). */
  ref?: string;
  /** When the change took effect by its source (YYYY-MM-DD): listing date, removal date, ruling date, as-of date. */
  date?: string;
  /** The date it replaced (`listing-redated`, `source-updated`). */
  previousDate?: string;
  /** Official URL the fact comes from. */
  source?: string;
}

export interface DatasetChanges {
  /** The version these changes are measured from (the last one published). */
  from: string;
  /** Dataset version they lead to (the dataset holding them). */
  to: string;
  items: DatasetChange[];
}

/** Enough for any real update (OFAC's largest rounds add a few hundred listings); more is refused. */
export const MAX_CHANGES = 5000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FIELDS = ['entity', 'name', 'list', 'ref', 'source'] as const;

export function checkChanges(value: unknown, path = 'changes'): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const fail = (at: string, message: string) => problems.push({ path: at, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, message: 'must be an object' }];
  const changes = value as Record<string, unknown>;
  if (typeof changes.from !== 'string' || changes.from === '') fail(`${path}.from`, 'must be a version string');
  if (typeof changes.to !== 'string' || changes.to === '') fail(`${path}.to`, 'must be a version string');
  if (!Array.isArray(changes.items)) return [...problems, { path: `${path}.items`, message: 'must be an array' }];
  if (changes.items.length > MAX_CHANGES) fail(`${path}.items`, `has ${changes.items.length} changes, more than ${MAX_CHANGES}`);
  changes.items.slice(0, MAX_CHANGES).forEach((item: unknown, i) => {
    const at = `${path}.items[${i}]`;
    if (typeof item !== 'object' || item === null) return fail(at, 'must be an object');
    const change = item as Record<string, unknown>;
    if (!CHANGE_KINDS.includes(change.kind as ChangeKind)) fail(`${at}.kind`, `must be one of ${CHANGE_KINDS.join(', ')}`);
    for (const key of TEXT_FIELDS) {
      const field = change[key];
      if (field !== undefined && (typeof field !== 'string' || field.length > 300)) fail(`${at}.${key}`, 'must be a string of at most 300 characters');
    }
    for (const key of ['date', 'previousDate'] as const) {
      if (change[key] !== undefined && (typeof change[key] !== 'string' || !DATE.test(change[key] as string))) fail(`${at}.${key}`, 'must be a YYYY-MM-DD date');
    }
    if (typeof change.source === 'string' && !/^https:\/\//.test(change.source)) fail(`${at}.source`, 'must be an https URL');
  });
  return problems;
}

/** Only the known fields, as for the rest of the dataset. */
export function projectChanges(value: DatasetChanges): DatasetChanges {
  const keys = ['kind', 'entity', 'name', 'list', 'ref', 'date', 'previousDate', 'source'] as const;
  return {
    from: value.from,
    to: value.to,
    items: value.items.map((item) => {
      const out: Record<string, unknown> = {};
      for (const key of keys) if (item[key] !== undefined) out[key] = item[key];
      return out as unknown as DatasetChange;
    }),
  };
}

// The diff: companies added or dropped, listings added, removed, vacated, enjoined, reinstated or
// re-dated, new rulings, sources with a new as-of date. Pure.

const STATUS_CHANGE: Record<Listing['status'], DatasetChange['kind']> = {
  active: 'listing-reinstated',
  removed: 'listing-removed',
  vacated: 'listing-vacated',
  enjoined: 'listing-enjoined',
};

/** Listings of one company paired across the two datasets: same list and start date, else the only one of that list. */
function pairListings(before: Listing[], after: Listing[]): { pairs: [Listing, Listing][]; added: Listing[]; dropped: Listing[] } {
  const left = [...before];
  const pairs: [Listing, Listing][] = [];
  const unpaired: Listing[] = [];
  for (const listing of after) {
    const i = left.findIndex((l) => l.list === listing.list && l.since === listing.since);
    if (i >= 0) pairs.push([left.splice(i, 1)[0], listing]);
    else unpaired.push(listing);
  }
  const added: Listing[] = [];
  for (const listing of unpaired) {
    const same = left.filter((l) => l.list === listing.list);
    const others = unpaired.filter((l) => l.list === listing.list);
    if (same.length === 1 && others.length === 1) pairs.push([left.splice(left.indexOf(same[0]), 1)[0], listing]);
    else added.push(listing);
  }
  return { pairs, added, dropped: left };
}

function entityChanges(before: Entity | undefined, after: Entity | undefined): DatasetChange[] {
  const entity = (after ?? before)!;
  const base = { entity: entity.id, name: entity.name };
  if (!before) {
    return [
      { kind: 'company-added', ...base },
      ...after!.listings.map((l): DatasetChange => ({ kind: 'listing-added', ...base, list: l.list, date: l.since, source: l.source })),
    ];
  }
  if (!after) return [{ kind: 'company-dropped', ...base }];
  const { pairs, added, dropped } = pairListings(before.listings, after.listings);
  const out: DatasetChange[] = [];
  for (const l of added) out.push({ kind: 'listing-added', ...base, list: l.list, date: l.since, source: l.source });
  for (const l of dropped) out.push({ kind: 'listing-dropped', ...base, list: l.list, date: l.since, source: l.source });
  for (const [old, now] of pairs) {
    if (old.status !== now.status) {
      // A listing's start date is not the day it ended: without an end date, none is given.
      const date = now.status === 'active' ? now.since : now.until;
      out.push({ kind: STATUS_CHANGE[now.status], ...base, list: now.list, date, source: now.source });
    } else if (old.since !== now.since) {
      out.push({ kind: 'listing-redated', ...base, list: now.list, date: now.since, previousDate: old.since, source: now.source });
    } else if ((old.until ?? '') !== (now.until ?? '') && now.until) {
      out.push({ kind: 'listing-redated', ...base, list: now.list, date: now.until, previousDate: old.until, source: now.source });
    }
  }
  return out;
}

export function diffDatasets(previous: Dataset, next: Dataset): DatasetChanges {
  const items: DatasetChange[] = [];
  const before = new Map(previous.entities.map((e) => [e.id, e]));
  const after = new Map(next.entities.map((e) => [e.id, e]));
  for (const id of new Set([...before.keys(), ...after.keys()])) items.push(...entityChanges(before.get(id), after.get(id)));
  const knownRulings = new Set(previous.rulings.map((r) => r.id));
  for (const ruling of next.rulings) {
    if (!knownRulings.has(ruling.id)) {
      items.push({ kind: 'ruling-added', ref: ruling.id, entity: ruling.entities[0], date: ruling.date, source: ruling.url });
    }
  }
  const oldSources = new Map(previous.sources.map((s) => [s.id, s]));
  for (const source of next.sources) {
    const old = oldSources.get(source.id);
    if (old && old.asOf !== source.asOf) items.push({ kind: 'source-updated', ref: source.id, date: source.asOf, previousDate: old.asOf, source: source.url });
  }
  return { from: previous.version, to: next.version, items: items.map(withoutEmpty) };
}

function withoutEmpty(change: DatasetChange): DatasetChange {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined && v !== '')) as unknown as DatasetChange;
}
