// What a listing means for a US person: the programs it is under (buy / hold / sell), how severe
// that is, and where an NS-CMIC divestment window stands. Shared by the hover card, the popup,
// the findings panel and the portfolio report, so every place says the same thing.
import { isInForce } from './severity';
import type { Dataset, Listing, Permission, Program, SanctionList, Severity } from './types';

const RANK: Record<Severity, number> = { prohibited: 3, restricted: 2, caution: 1 };

export function programIndex(dataset: Pick<Dataset, 'programs'>): Map<string, Program> {
  return new Map((dataset.programs ?? []).map((program) => [program.id, program]));
}

/** The programs a listing names that the dataset defines (unknown ids are skipped). */
export function programsOf(listing: Listing, programs: Map<string, Program>): Program[] {
  return (listing.programs ?? []).flatMap((id) => programs.get(id) ?? []);
}

/**
 * A listing's severity: the most severe of its programs, else its list's. A company whose
 * securities US persons may not buy is `prohibited` whichever list says so.
 */
export function listingSeverity(
  listing: Listing,
  lists: Map<string, SanctionList>,
  programs: Map<string, Program>,
): Severity {
  let best: Severity | undefined;
  for (const program of programsOf(listing, programs)) {
    if (!best || RANK[program.severity] > RANK[best]) best = program.severity;
  }
  return best ?? lists.get(listing.list)?.severity ?? 'caution';
}

/**
 * The programs whose one-line summary speaks for a listing. On a blocked (SDN) listing another
 * program's "selling to a non-US person is allowed" (EO 14071) would contradict the blocking in one
 * line, so the blocking speaks alone there; details keep every program.
 */
export function summaryPrograms(listing: Listing, programs: Program[]): Program[] {
  if (listing.list !== 'ofac-sdn') return programs;
  const blocking = programs.filter((program) => program.list === 'ofac-sdn');
  return blocking.length > 0 ? blocking : programs;
}

/** The strictest answer to "may a US person buy / hold / sell?" over a listing's programs. */
export function combinedPermissions(
  programs: Program[],
): { buy: Permission; hold: Permission; sell: Permission } | undefined {
  if (programs.length === 0) return undefined;
  const strictest = (key: 'buy' | 'hold' | 'sell'): Permission => {
    const values = programs.map((program) => program[key]);
    if (values.includes('prohibited')) return 'prohibited';
    if (values.includes('blocked')) return 'blocked';
    if (values.includes('licence-required')) return 'licence-required';
    return 'allowed';
  };
  return { buy: strictest('buy'), hold: strictest('hold'), sell: strictest('sell') };
}

export interface DivestStatus {
  /** YYYY-MM-DD */
  date: string;
  passed: boolean;
  /** Whole days from `now` to the end of the divest-by day; 0 on the day itself. */
  daysLeft: number;
}

/** Where an in-force listing's divest-by date stands at `now`, if it has one. */
export function divestStatus(listing: Listing, now: Date = new Date()): DivestStatus | undefined {
  if (!listing.divestBy || !isInForce(listing)) return undefined;
  const end = Date.parse(`${listing.divestBy}T23:59:59Z`);
  if (!Number.isFinite(end)) return undefined;
  const daysLeft = Math.floor((end - now.getTime()) / 86_400_000);
  return { date: listing.divestBy, passed: end < now.getTime(), daysLeft: Math.max(0, daysLeft) };
}
