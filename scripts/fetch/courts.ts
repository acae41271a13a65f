// Court rulings stay current by a person, helped by this check: for every docket in the curated
// rulings, CourtListener's REST API (v4) is asked for docket entries filed after the newest ruling
// the curated file holds for that case. New entries are reported with links for curation; nothing
// is ever added to the data from here.
import type { Curation } from './run';

export const COURTLISTENER = 'https://www.courtlistener.com';

/** CourtListener's ids for the courts the curated rulings name. */
const COURT_IDS: [RegExp, string][] = [
  [/District Court for the District of Columbia/i, 'dcd'],
  [/Court of Appeals for the (?:D\.C\.|District of Columbia) Circuit/i, 'cadc'],
];

export interface CuratedRuling {
  id: string;
  court: string;
  docket: string;
  date: string;
}

export interface DocketToCheck {
  court: string;
  courtId: string;
  /** As CourtListener writes it: `1:21-cv-00280`, `25-5256`. */
  docketNumber: string;
  /** The newest curated ruling's date for this case. */
  since: string;
}

/** One entry per case: the docket number without the judge's initials, and the newest curated date. */
export function docketsToCheck(rulings: readonly CuratedRuling[]): { dockets: DocketToCheck[]; skipped: string[] } {
  const byKey = new Map<string, DocketToCheck>();
  const skipped: string[] = [];
  for (const ruling of rulings) {
    const number = /(\d+:\d{2}-[a-z]{2}-\d{5}|\d{2}-\d{4})/i.exec(ruling.docket)?.[1];
    const courtId = COURT_IDS.find(([pattern]) => pattern.test(ruling.court))?.[1];
    if (!number || !courtId) {
      skipped.push(`${ruling.id} (${ruling.docket ? `docket "${ruling.docket}"` : 'no docket number'}, ${ruling.court})`);
      continue;
    }
    const key = `${courtId} ${number}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { court: ruling.court, courtId, docketNumber: number, since: ruling.date });
    else if (ruling.date > known.since) known.since = ruling.date;
  }
  return { dockets: [...byKey.values()], skipped };
}

interface Page<T> {
  results?: T[];
}

async function getJson<T>(url: string, token: string, timeoutMs: number): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Token ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export interface CourtCheck {
  curation: Curation[];
  problems: string[];
}

export async function checkDockets(
  dockets: readonly DocketToCheck[],
  options: { token: string; base?: string; timeoutMs?: number },
): Promise<CourtCheck> {
  const base = (options.base ?? COURTLISTENER).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const curation: Curation[] = [];
  const problems: string[] = [];
  for (const docket of dockets) {
    try {
      const query = new URLSearchParams({ docket_number: docket.docketNumber, court: docket.courtId });
      const found = await getJson<Page<{ id: number; absolute_url?: string; case_name?: string }>>(`${base}/api/rest/v4/dockets/?${query}`, options.token, timeoutMs);
      const first = found.results?.[0];
      if (!first) {
        problems.push(`${docket.courtId} ${docket.docketNumber}: no such docket on CourtListener`);
        continue;
      }
      const entriesQuery = new URLSearchParams({ docket: String(first.id), date_filed__gt: docket.since, order_by: '-date_filed' });
      const entries = await getJson<Page<{ date_filed?: string; entry_number?: number; description?: string; absolute_url?: string }>>(
        `${base}/api/rest/v4/docket-entries/?${entriesQuery}`,
        options.token,
        timeoutMs,
      );
      for (const entry of entries.results ?? []) {
        if (!entry.date_filed || entry.date_filed <= docket.since) continue;
        const path = entry.absolute_url ?? first.absolute_url ?? '';
        curation.push({
          source: 'courtlistener',
          url: path.startsWith('http') ? path : `${COURTLISTENER}${path}`,
          title: `${first.case_name ?? docket.docketNumber} (${docket.docketNumber}): entry ${entry.entry_number ?? '?'} — ${(entry.description ?? '').slice(0, 160)}`,
          date: entry.date_filed,
        });
      }
    } catch (error) {
      problems.push(`${docket.courtId} ${docket.docketNumber}: ${(error as Error).message}`);
    }
  }
  return { curation, problems };
}
