// `npx tsx scripts/data/sdn-history.ts GIT_DIR > data/sdn-first-seen.csv`
// The legacy sdn.csv carries no designation dates. A git repository that copied OFAC's sdn.csv
// every day (one commit per change) dates each entry: the first commit whose file holds the
// ent_num. Only entities are kept (individuals, vessels and aircraft never enter the dataset).
// Output: `ent_num,first_seen,in_first_copy`, sorted by ent_num. first_seen is the commit's date in
// US Eastern time (OFAC publishes in Washington; a copy taken at 01:52 UTC is the evening before).
// in_first_copy = 1 marks entries already in the repository's first copy: designated on or before
// that date, not on it.
import { execFileSync } from 'node:child_process';
import { parseCsv } from './csv';

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
}

export interface FirstSeen {
  date: string;
  inFirstCopy: boolean;
}

export function firstSeen(dir: string, path = 'sdn.csv'): Map<string, FirstSeen> {
  const commits = git(dir, ['log', '--reverse', '--format=%H %cI', '--', path])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '));
  const seen = new Map<string, FirstSeen>();
  let first = true;
  for (const [hash, when] of commits) {
    let text: string;
    try {
      text = git(dir, ['show', `${hash}:${path}`]);
    } catch {
      continue;
    }
    const date = new Date(when).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    for (const row of parseCsv(text)) {
      const id = row[0]?.trim();
      if (!/^\d+$/.test(id ?? '') || seen.has(id)) continue;
      const type = (row[2] ?? '').trim().toLowerCase();
      if (type === '-0-' || type === '') seen.set(id, { date, inFirstCopy: first });
    }
    first = false;
  }
  return seen;
}

if (process.argv[1]?.endsWith('sdn-history.ts')) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx scripts/data/sdn-history.ts GIT_DIR_OF_A_DAILY_SDN_CSV_COPY');
    process.exit(2);
  }
  const seen = firstSeen(dir);
  const rows = [...seen].sort((a, b) => Number(a[0]) - Number(b[0]));
  process.stdout.write(
    `ent_num,first_seen,in_first_copy\n${rows.map(([id, d]) => `${id},${d.date},${d.inFirstCopy ? 1 : 0}`).join('\n')}\n`,
  );
}
