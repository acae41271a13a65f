// What changed between the last published dataset and a new one, in the words a user reads in the
// popup: companies added or dropped, listings added, removed, vacated, enjoined, reinstated or
// re-dated, new rulings, sources with a new as-of date. Pure; written into the signed feed.
import type { DatasetChange, DatasetChanges } from '../../lib/dataset/changes';
import type { Dataset, Entity, Listing } from '../../lib/dataset/types';

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
      out.push({ kind: STATUS_CHANGE[now.status], ...base, list: now.list, date: now.status === 'active' ? now.since : (now.until ?? now.since), source: now.source });
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
