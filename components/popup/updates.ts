// "Recent list changes" for the popup's Updates tab, without the DOM. A feed update carries the
// signed list of what changed since the last published list (`changes`, written by `feed:build`):
// companies added, listings added, removed, vacated, enjoined, back in force or re-dated, each with
// its date and source. That list is the truth and is shown as it is. The list built into the
// extension has none, so the listing dates in the data stand in, said as such. Either way changes
// are grouped by date and list ("Jun 8, 2026 · DoD 1260H: 14 added"), newest first: one edition of
// a list is one event for the reader, not fourteen rows.
import type { DatasetChange } from '../../lib/dataset/changes';
import type { SanctionList } from '../../lib/dataset/types';
import type { Catalog } from './model';

export type ChangeWord = 'added' | 'removed' | 'vacated' | 'enjoined' | 'reinstated' | 'redated' | 'dropped' | 'company-dropped' | 'ruling';

export interface UpdateChange {
  change: ChangeWord;
  /** The company, when the data still holds it (a dropped one can only be named). */
  entityId?: string;
  name: string;
  /** The company is new in the data with this update. */
  newCompany?: boolean;
  date?: string;
  /** The date a re-dated listing had before. */
  previousDate?: string;
  source?: string;
}

export interface ChangeGroup {
  date?: string;
  listId?: string;
  list?: SanctionList;
  changes: UpdateChange[];
}

export interface SourceUpdate {
  id: string;
  title: string;
  date?: string;
  previousDate?: string;
}

export interface RecentChanges {
  /** 'signed': from the feed's own list of changes; 'dates': read off listing dates in the data. */
  basis: 'signed' | 'dates';
  /** The versions a signed list leads from and to. */
  from?: string;
  to?: string;
  groups: ChangeGroup[];
  /** Sources with a new as-of date in this update (signed only). */
  sources: SourceUpdate[];
}

const LISTING_WORD: Partial<Record<DatasetChange['kind'], ChangeWord>> = {
  'listing-added': 'added',
  'listing-removed': 'removed',
  'listing-vacated': 'vacated',
  'listing-enjoined': 'enjoined',
  'listing-reinstated': 'reinstated',
  'listing-redated': 'redated',
  'listing-dropped': 'dropped',
};

function nameOf(change: DatasetChange, data: Catalog): string {
  return (change.entity && data.entities.get(change.entity)?.name) || change.name || change.entity || 'A company';
}

function group(items: (UpdateChange & { listId?: string })[], data: Catalog, limit: number): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const { listId, ...change } of items) {
    const key = `${change.date ?? ''}|${listId ?? ''}`;
    let found = groups.get(key);
    if (!found) {
      found = { date: change.date, listId, list: listId ? data.lists.get(listId) : undefined, changes: [] };
      groups.set(key, found);
    }
    found.changes.push(change);
  }
  const order = (g: ChangeGroup) => g.date ?? '';
  const sorted = [...groups.values()].sort((a, b) => order(b).localeCompare(order(a)) || (a.listId ?? '').localeCompare(b.listId ?? ''));
  for (const g of sorted) g.changes.sort((a, b) => Number(!!b.newCompany) - Number(!!a.newCompany) || a.name.localeCompare(b.name));
  return sorted.slice(0, limit);
}

/** The signed changes of the last update, when the active data came with them. */
function fromSigned(data: Catalog, limit: number): RecentChanges | undefined {
  const signed = data.dataset.changes;
  if (!signed) return undefined;
  const newCompanies = new Set(signed.items.filter((i) => i.kind === 'company-added' && i.entity).map((i) => i.entity));
  const withListing = new Set(signed.items.filter((i) => i.kind === 'listing-added').map((i) => i.entity));
  const items: (UpdateChange & { listId?: string })[] = [];
  const sources: SourceUpdate[] = [];
  for (const item of signed.items) {
    const base = { entityId: item.entity && data.entities.has(item.entity) ? item.entity : undefined, name: nameOf(item, data), date: item.date, source: item.source };
    const word = LISTING_WORD[item.kind];
    if (word) {
      items.push({ ...base, change: word, listId: item.list, previousDate: item.previousDate, newCompany: word === 'added' && newCompanies.has(item.entity) ? true : undefined });
    } else if (item.kind === 'company-added' && !withListing.has(item.entity)) {
      items.push({ ...base, change: 'added', newCompany: true });
    } else if (item.kind === 'company-dropped') {
      items.push({ ...base, change: 'company-dropped', entityId: undefined });
    } else if (item.kind === 'ruling-added') {
      const ruling = data.dataset.rulings.find((r) => r.id === item.ref);
      items.push({ ...base, change: 'ruling', name: ruling?.caption ?? item.ref ?? 'A court ruling', entityId: base.entityId });
    } else if (item.kind === 'source-updated' && item.ref) {
      const source = data.dataset.sources.find((s) => s.id === item.ref);
      sources.push({ id: item.ref, title: source?.title ?? item.ref, date: item.date, previousDate: item.previousDate });
    }
  }
  return { basis: 'signed', from: signed.from, to: signed.to, groups: group(items, data, limit), sources };
}

/** Without a signed list: additions and removals read off the listing dates the data holds. */
function fromDates(data: Catalog, limit: number): RecentChanges {
  const items: (UpdateChange & { listId?: string })[] = [];
  for (const entity of data.dataset.entities) {
    for (const listing of entity.listings) {
      const base = { entityId: entity.id, name: entity.name, listId: listing.list, source: listing.source };
      items.push({ ...base, change: 'added', date: listing.since });
      // An injunction may come without an end date; the listing's own date then stands in.
      if (listing.status !== 'active') items.push({ ...base, change: listing.status, date: listing.until ?? listing.since });
    }
  }
  return { basis: 'dates', groups: group(items, data, limit), sources: [] };
}

const COUNT_WORD: Record<ChangeWord, [string, string]> = {
  added: ['added', 'added'],
  removed: ['removed', 'removed'],
  vacated: ['vacated by a court', 'vacated by a court'],
  enjoined: ['enjoined by a court', 'enjoined by a court'],
  reinstated: ['back in force', 'back in force'],
  redated: ['re-dated', 're-dated'],
  dropped: ['no longer in the data', 'no longer in the data'],
  'company-dropped': ['no longer in the data', 'no longer in the data'],
  ruling: ['new ruling', 'new rulings'],
};

export function recentChanges(data: Catalog, limit = 8): RecentChanges {
  return fromSigned(data, limit) ?? fromDates(data, limit);
}

/** "14 added · 1 removed" for a group's heading. */
export function groupCounts(group: ChangeGroup): string {
  const counts = new Map<ChangeWord, number>();
  for (const change of group.changes) counts.set(change.change, (counts.get(change.change) ?? 0) + 1);
  const words = new Map<string, number>();
  for (const [change, n] of counts) {
    const [one, many] = COUNT_WORD[change];
    const word = n === 1 ? one : many;
    words.set(word, (words.get(word) ?? 0) + n);
  }
  return [...words].map(([word, n]) => `${n} ${word}`).join(' · ');
}
