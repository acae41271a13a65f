// How old the list data is that decides the warnings a user cares most about. The dataset's
// newest source (an FCC table from last month) says little when the OFAC file behind every
// "may not buy" is from the winter: the age that matters is the oldest source of the lists that
// prohibit or restrict trading. Shared by the badge (background) and the popup's status line.
import type { Dataset, SanctionList, SourceRef } from '../dataset/types';

/** List data older than this likely misses list changes (OFAC and DoD act several times a month). */
export const OLD_DATA_DAYS = 30;

export interface DecidingAsOf {
  /** YYYY-MM-DD: the oldest as-of date of the sources behind the trading lists. */
  date: string;
  /** Who publishes those sources, for the sentence ("OFAC"). */
  authority: string;
  /** The list whose source is that old, by its short name ("SDN List"), when a list decided. */
  list?: string;
}

/**
 * The source a list is read from: the one with the list's own id, else the one sharing its
 * publisher prefix (`ofac-ns-cmic` → `ofac-consolidated`).
 */
export function sourceOfList(list: Pick<SanctionList, 'id'>, sources: SourceRef[]): SourceRef | undefined {
  const exact = sources.find((source) => source.id === list.id);
  if (exact) return exact;
  const prefix = list.id.split('-')[0];
  return sources.find((source) => source.id.split('-')[0] === prefix);
}

/** Publisher words for a list's authority line ("US Treasury, Office of Foreign Assets Control (OFAC)" → "OFAC"). */
function shortAuthority(authority: string, fallback: string): string {
  const bracket = /\(([A-Z][A-Za-z]{1,9})\)/.exec(authority);
  return bracket ? bracket[1] : fallback.split('-')[0].toUpperCase();
}

/**
 * The as-of date of the lists that prohibit or restrict trading, or of every source when the
 * dataset has no such list (a test dataset) — undefined when nothing carries a date.
 */
export function decidingAsOf(dataset: Partial<Pick<Dataset, 'lists' | 'sources' | 'generatedAt' | 'programs'>>): DecidingAsOf | undefined {
  const sources = dataset.sources ?? [];
  const strict = new Set((dataset.programs ?? []).filter((program) => program.severity !== 'caution').map((program) => program.list));
  const lists = (dataset.lists ?? []).filter((list) => list.severity !== 'caution' || strict.has(list.id));
  let best: DecidingAsOf | undefined;
  for (const list of lists) {
    const source = sourceOfList(list, sources);
    // A closed list (DoD §1237) is dated the day it ended; it says nothing about how current the rest is.
    if (!source?.asOf || source.historic) continue;
    if (!best || source.asOf < best.date) {
      best = { date: source.asOf.slice(0, 10), authority: shortAuthority(list.authority, list.id), list: list.shortName };
    }
  }
  if (best) return best;
  const dates = sources.map((source) => source.asOf).filter(Boolean).sort();
  if (dates.length > 0) return { date: dates[0].slice(0, 10), authority: 'list' };
  return dataset.generatedAt ? { date: dataset.generatedAt.slice(0, 10), authority: 'list' } : undefined;
}

/** Whether data of this age (in days) likely misses list changes: over OLD_DATA_DAYS. */
export function isOldAge(days: number | undefined): days is number {
  return days !== undefined && days > OLD_DATA_DAYS;
}

/** Whole days from a YYYY-MM-DD date to `now`, or undefined when the date cannot be read. */
export function ageInDays(date: string | undefined, now: number): number | undefined {
  const time = date ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, Math.floor((now - time) / 86_400_000));
}

/** "today", "1 day old", "327 days old". */
export function ageWords(days: number): string {
  return days === 0 ? 'from today' : days === 1 ? '1 day old' : `${days} days old`;
}
