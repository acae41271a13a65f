// Companies the user has come across lately, so an update that changes a listing or adds a ruling
// for one of them can say what changed. Only entity ids and the day last seen are kept, locally,
// for 30 days.
import { diffDatasets, type DatasetChange } from '../dataset/changes';
import type { Dataset } from '../dataset/types';
import type { KeyValueArea } from '../dataset/store';
import { SEEN_RETENTION_MS } from './config';
import { formatDate } from '../../components/format';

export const SEEN_KEY = 'feed:seen';

/** entity id → epoch ms of the day (UTC midnight) it was last seen. */
export type SeenLog = Record<string, number>;

const DAY = 24 * 60 * 60 * 1000;

/** Adds ids for today and forgets entries older than the retention period. Returns null when nothing changed. */
export function addSeen(log: SeenLog, entityIds: readonly string[], now: number): SeenLog | null {
  const today = Math.floor(now / DAY) * DAY;
  const next: SeenLog = {};
  let changed = false;
  for (const [id, when] of Object.entries(log)) {
    if (typeof when === 'number' && now - when <= SEEN_RETENTION_MS) next[id] = when;
    else changed = true;
  }
  for (const id of entityIds) {
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
    if (next[id] !== today) {
      next[id] = today;
      changed = true;
    }
  }
  return changed ? next : null;
}

export function recentlySeen(log: SeenLog, now: number): Set<string> {
  return new Set(Object.keys(log).filter((id) => now - log[id] <= SEEN_RETENTION_MS));
}

export interface SeenNews {
  entityId: string;
  name: string;
  /** Plain words with the date the change took effect: "added to the NS-CMIC List (Dec 3, 2026)". */
  change: string;
  /** The official publication the change comes from, when the update names one. */
  source?: string;
}

/**
 * What an update changed, as signed by the feed: its `changes` when they are measured from the list
 * the user had (`from` is that list's version). A user who missed a publication gets the same diff
 * computed from the two verified lists, so nothing between them is left out.
 */
export function changesBetween(previous: Dataset, next: Dataset): DatasetChange[] {
  if (next.changes && next.changes.from === previous.version && next.changes.to === next.version) return next.changes.items;
  return diffDatasets(previous, next).items;
}

function dated(words: string, date: string | undefined): string {
  return date ? `${words} (${formatDate(date)})` : words;
}

/** One line a user reads in the notification; null for changes that are not about one company. */
function describe(change: DatasetChange, listName: (id: string | undefined) => string): string | null {
  const list = listName(change.list);
  switch (change.kind) {
    case 'listing-added':
      return dated(`added to the ${list}`, change.date);
    case 'listing-removed':
      return dated(`removed from the ${list}`, change.date);
    case 'listing-vacated':
      return dated(`${list} listing vacated by a court`, change.date);
    case 'listing-enjoined':
      return dated(`${list} listing blocked by a court order`, change.date);
    case 'listing-reinstated':
      return dated(`back on the ${list}`, change.date);
    case 'listing-redated':
      return `${list} listing now dated ${formatDate(change.date)}${change.previousDate ? ` (was ${formatDate(change.previousDate)})` : ''}`;
    case 'listing-dropped':
      return `${list} listing no longer in the list data`;
    case 'company-dropped':
      return 'no longer in the list data';
    case 'ruling-added':
      return dated('new court ruling', change.date);
    // A new company is announced by its listings; a source's new date concerns no one company.
    case 'company-added':
    case 'source-updated':
      return null;
  }
}

/** What the update changed for the given companies, in plain words, from the signed changes. Pure. */
export function newsFor(previous: Dataset, next: Dataset, entityIds: ReadonlySet<string>): SeenNews[] {
  const lists = new Map([...previous.lists, ...next.lists].map((list) => [list.id, list.shortName || list.name]));
  const listName = (id: string | undefined) => (id ? (lists.get(id) ?? id) : 'list');
  const names = new Map([...previous.entities, ...next.entities].map((entity) => [entity.id, entity.name]));
  // A ruling may concern several companies; the change names the first, the ruling all of them.
  const rulingEntities = new Map(next.rulings.map((ruling) => [ruling.id, ruling.entities]));
  const news: SeenNews[] = [];
  for (const change of changesBetween(previous, next)) {
    const concerned = change.kind === 'ruling-added' && change.ref ? (rulingEntities.get(change.ref) ?? [change.entity]) : [change.entity];
    const words = describe(change, listName);
    if (words === null) continue;
    for (const id of concerned) {
      if (!id || !entityIds.has(id)) continue;
      news.push({ entityId: id, name: names.get(id) ?? change.name ?? id, change: words, ...(change.source ? { source: change.source } : {}) });
    }
  }
  return news;
}

/** Serialises read-modify-write of the seen log so concurrent reports do not lose entries. */
export function createSeenLog(area: KeyValueArea, clock: () => number = Date.now) {
  let queue: Promise<unknown> = Promise.resolve();
  async function read(): Promise<SeenLog> {
    const stored = (await area.get(SEEN_KEY))[SEEN_KEY];
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as SeenLog) : {};
  }
  return {
    record(entityIds: readonly string[]): Promise<void> {
      const run = queue.then(async () => {
        const next = addSeen(await read(), entityIds, clock());
        if (next) await area.set({ [SEEN_KEY]: next });
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async recent(): Promise<Set<string>> {
      await queue;
      return recentlySeen(await read(), clock());
    },
  };
}
