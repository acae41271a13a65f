// What changed between the last published list and this one, written by `feed:build` into the
// signed dataset (`changes`, optional). The popup's "recent list changes" and the opt-in
// notifications can read it instead of guessing from dates; it is checked like every other field,
// because its text reaches the popup.
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
