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

export type Permissions = { buy: Permission; hold: Permission; sell: Permission };

/** Strictest first: a ban beats blocking, blocking beats a licence requirement. */
const STRICTNESS: readonly Permission[] = ['prohibited', 'blocked', 'licence-required', 'allowed'];

function strictest(values: Permission[]): Permission {
  return STRICTNESS.find((permission) => values.includes(permission)) ?? 'allowed';
}

/** The strictest answer to each of buy / hold / sell over several answers. */
export function strictestPermissions(all: Permissions[]): Permissions | undefined {
  if (all.length === 0) return undefined;
  return {
    buy: strictest(all.map((each) => each.buy)),
    hold: strictest(all.map((each) => each.hold)),
    sell: strictest(all.map((each) => each.sell)),
  };
}

/** The strictest answer to "may a US person buy / hold / sell?" over a listing's programs, as the programs word it. */
export function combinedPermissions(programs: Program[]): Permissions | undefined {
  return strictestPermissions(programs.map(({ buy, hold, sell }) => ({ buy, hold, sell })));
}

/**
 * What one listing lets a US person do on `now`'s date. The NS-CMIC ban starts on the listing's
 * effective date (purchases and sales stay allowed before it), and sales to divest are allowed up
 * to its divest-by date (EO 14032 §1; OFAC FAQ 1046): the program's own words are for after that.
 * A blocked (SDN) company's securities may be kept only frozen, whatever another program says.
 */
export function listingPermissions(listing: Listing, programs: Program[], now: Date = new Date()): Permissions | undefined {
  const day = now.toISOString().slice(0, 10);
  const each = programs.map((program): Permissions => {
    const words = { buy: program.buy, hold: program.hold, sell: program.sell };
    if (program.list !== 'ofac-ns-cmic') return words;
    if (listing.effective && day < listing.effective) return { buy: 'allowed', hold: 'allowed', sell: 'allowed' };
    if (listing.divestBy && day <= listing.divestBy) return { ...words, sell: 'allowed' };
    return words;
  });
  const combined = strictestPermissions(each);
  if (combined && listing.list === 'ofac-sdn' && combined.hold !== 'prohibited') combined.hold = 'blocked';
  return combined;
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
