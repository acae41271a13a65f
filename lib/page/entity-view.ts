// What the page shows, decided from the dataset and the user's settings: which companies are
// highlighted, in which colour, and the dataset the matcher is built from (list entries plus the
// user's watchlist). Lists the user turned off, severities below their threshold and (if they
// chose so) historical listings drop out here, before anything is matched.
import { listingSeverity, programIndex } from '../dataset/effect';
import { SEVERITY_RANK, isInForce, listIndex, type DisplaySeverity } from '../dataset/severity';
import type { Dataset, Entity, Program, SanctionList } from '../dataset/types';
import type { PaletteKey } from '../settings/palette';
import { listVisible, watchlistEntities } from '../settings/rules';
import type { Settings } from '../settings/types';

export type ViewSettings = Pick<Settings, 'lists' | 'minSeverity' | 'showHistorical' | 'watchlist'>;

export interface PageView {
  /** Entities to match: visible list entries and watchlist terms. */
  dataset: Dataset;
  /** Colour key of every entity that may be highlighted. */
  keys: Map<string, PaletteKey>;
  entities: Map<string, Entity>;
  lists: Map<string, SanctionList>;
  programs: Map<string, Program>;
}

/**
 * The entity's severity counting only lists the user shows; null when none of its lists is shown.
 * A listing's severity is its programs' when the dataset defines them, else its list's.
 */
export function visibleSeverity(
  entity: Entity,
  lists: Map<string, SanctionList>,
  settings: Pick<Settings, 'lists'>,
  programs: Map<string, Program> = new Map(),
): DisplaySeverity | null {
  let best: DisplaySeverity | null = null;
  for (const listing of entity.listings) {
    if (!listVisible(listing.list, settings)) continue;
    const severity: DisplaySeverity = isInForce(listing) ? listingSeverity(listing, lists, programs) : 'historical';
    if (best === null || SEVERITY_RANK[severity] > SEVERITY_RANK[best]) best = severity;
  }
  return best;
}

export function buildPageView(dataset: Dataset, settings: ViewSettings): PageView {
  const lists = listIndex(dataset);
  const programs = programIndex(dataset);
  const keys = new Map<string, PaletteKey>();
  const entities = new Map<string, Entity>();
  const shown: Entity[] = [];
  for (const entity of dataset.entities) {
    const severity = visibleSeverity(entity, lists, settings, programs);
    if (severity === null) continue;
    if (severity === 'historical' ? !settings.showHistorical : SEVERITY_RANK[severity] < SEVERITY_RANK[settings.minSeverity]) {
      continue;
    }
    keys.set(entity.id, severity);
    entities.set(entity.id, entity);
    shown.push(entity);
  }
  for (const entity of watchlistEntities(settings)) {
    // A list entry wins over a watchlist term with the same id (none today, but feeds may add one).
    if (keys.has(entity.id)) continue;
    keys.set(entity.id, 'watchlist');
    entities.set(entity.id, entity);
    shown.push(entity);
  }
  return { dataset: { ...dataset, entities: shown }, keys, entities, lists, programs };
}
