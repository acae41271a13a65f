// The court docket check: one query per curated case, entries filed after the newest curated ruling
// reported for curation with links, the token sent as CourtListener expects, failures named.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDockets, docketsToCheck } from '../../scripts/fetch/courts';

const RULINGS = [
  { id: 'dji-v-dod-2025-09-26', court: 'US District Court for the District of Columbia', docket: 'No. 1:24-cv-02970-PLF', date: '2025-09-26' },
  { id: 'dji-v-dod-appeal-2026', court: 'US Court of Appeals for the D.C. Circuit', docket: 'No. 25-5367', date: '2026-02-06' },
  { id: 'hesai-v-dod-2024-08-05', court: 'US District Court for the District of Columbia', docket: 'No. 1:24-cv-01381-PLF', date: '2024-08-05' },
  { id: 'hesai-v-dod-2025-07-11', court: 'US District Court for the District of Columbia', docket: 'No. 1:24-cv-01381-PLF', date: '2025-07-11' },
  { id: 'gowin-v-dod-2021-05-21', court: 'US District Court for the District of Columbia', docket: '', date: '2021-05-21' },
];

let server: Server;
let base: string;
let seen: { url: string; auth?: string }[];

beforeEach(async () => {
  seen = [];
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push({ url: `${url.pathname}${url.search}`, auth: req.headers.authorization });
    const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname === '/api/rest/v4/dockets/') {
      if (url.searchParams.get('docket_number') === '25-5367') return json({ results: [{ id: 77, case_name: 'SZ DJI Technology Co. v. DoD', absolute_url: '/docket/77/sz-dji/' }] });
      if (url.searchParams.get('docket_number') === '1:24-cv-01381') return void res.writeHead(500).end();
      return json({ results: [] });
    }
    if (url.pathname === '/api/rest/v4/docket-entries/' && url.searchParams.get('docket') === '77') {
      return json({ results: [{ date_filed: '2026-11-14', entry_number: 41, description: 'OPINION filed (Judgment affirmed)', absolute_url: '/docket/77/sz-dji/#entry-41' }, { date_filed: '2026-02-06', entry_number: 30, description: 'argued' }] });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('court docket check', () => {
  it('asks once per case, from the newest curated ruling, and skips a ruling without a docket number', () => {
    const { dockets, skipped } = docketsToCheck(RULINGS);
    expect(dockets).toEqual([
      expect.objectContaining({ courtId: 'dcd', docketNumber: '1:24-cv-02970', since: '2025-09-26' }),
      expect.objectContaining({ courtId: 'cadc', docketNumber: '25-5367', since: '2026-02-06' }),
      expect.objectContaining({ courtId: 'dcd', docketNumber: '1:24-cv-01381', since: '2025-07-11' }),
    ]);
    expect(skipped).toEqual(['gowin-v-dod-2021-05-21 (no docket number, US District Court for the District of Columbia)']);
  });

  it('reports entries filed after the newest ruling with a CourtListener link, and names the dockets it could not check', async () => {
    const { dockets } = docketsToCheck(RULINGS);
    const result = await checkDockets(dockets, { token: 'secret-token', base });
    expect(result.curation).toEqual([
      {
        source: 'courtlistener',
        url: 'https://www.courtlistener.com/docket/77/sz-dji/#entry-41',
        title: 'SZ DJI Technology Co. v. DoD (25-5367): entry 41 — OPINION filed (Judgment affirmed)',
        date: '2026-11-14',
      },
    ]);
    expect(result.problems).toEqual([
      'dcd 1:24-cv-02970: no such docket on CourtListener',
      expect.stringMatching(/^dcd 1:24-cv-01381: .* answered 500/),
    ]);
    expect(seen.every((r) => r.auth === 'Token secret-token')).toBe(true);
    expect(seen.find((r) => r.url.startsWith('/api/rest/v4/docket-entries/'))!.url).toContain('date_filed__gt=2026-02-06');
  });
});
