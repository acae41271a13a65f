// Companies the user has come across lately, so an update that adds a listing or a ruling for one
// of them can say so. Only entity ids and the day last seen are kept, locally, for 30 days.
import type { Dataset } from '../dataset/types';
import type { KeyValueArea } from '../dataset/store';
import { SEEN_RETENTION_MS } from './config';

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
  /** Plain words: "now on NS-CMIC List", "new court ruling". */
  change: string;
}

/** Listings and rulings that the new dataset adds for the given companies. Pure. */
export function newsFor(previous: Dataset, next: Dataset, entityIds: ReadonlySet<string>): SeenNews[] {
  const before = new Map(previous.entities.map((entity) => [entity.id, entity]));
  const listNames = new Map(next.lists.map((list) => [list.id, list.shortName || list.name]));
  const news: SeenNews[] = [];
  for (const entity of next.entities) {
    if (!entityIds.has(entity.id)) continue;
    const old = before.get(entity.id);
    const oldListings = new Set((old?.listings ?? []).map((l) => `${l.list}|${l.status}`));
    for (const listing of entity.listings) {
      if (oldListings.has(`${listing.list}|${listing.status}`)) continue;
      const list = listNames.get(listing.list) ?? listing.list;
      const change = listing.status === 'active' ? `now on the ${list}` : `${list} listing ${listing.status}`;
      news.push({ entityId: entity.id, name: entity.name, change });
    }
    const oldRulings = new Set(old?.rulings ?? []);
    if (entity.rulings.some((id) => !oldRulings.has(id))) {
      news.push({ entityId: entity.id, name: entity.name, change: 'new court ruling' });
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
