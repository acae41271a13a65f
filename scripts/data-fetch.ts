// `npm run data:fetch`: downloads every official source the data build reads (scripts/fetch/sources.ts),
// records what it got in data/sources.lock.json, and reports what needs a person: new 1260H
// editions or notices, and new entries on the dockets of the curated court cases.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDockets, COURTLISTENER, docketsToCheck, type CuratedRuling } from './fetch/courts';
import { readLock, writeLock } from './fetch/lock';
import { fetchSources, type Curation } from './fetch/run';
import { SOURCES } from './fetch/sources';

const USAGE = `usage: npm run data:fetch -- [options]

Fetches every source from its official address into --out, checks each file's format, and writes
--lock. Only when every source succeeds are the new files moved into place; otherwise the previous
files and lock stay as they were and the run exits with status 1.

  --out DIR            where the files go (default data/sources; not committed)
  --lock PATH          the lock file (default data/sources.lock.json; the record data:build
                       writes there of what the dataset was built from is kept)
  --mirror BASE        fetch each file from BASE + the official path and query instead
                       (e.g. BASE/api/PublicationPreview/exports/SDN_ENHANCED.XML)
  --only IDS           fetch only these sources (comma-separated ids, see below)
  --retries N          retries after a network error or a 5xx/429 answer (default 3, backoff 2 s, 4 s, 8 s…)
  --timeout SECONDS    time limit per attempt for every source (default: each source's own)
  --curated PATH       the curated file: known 1260H editions and the court cases to check
                       (default data/curated.json)
  --report PATH        also write what needs curation as Markdown (empty file when nothing does)
  --courtlistener BASE CourtListener's address (default ${COURTLISTENER})
  --no-courts          skip the court docket check
  --help               this text

Court dockets are checked only when COURTLISTENER_TOKEN holds a CourtListener API token
(free account; Profile → Developer Tools → API token). Without it the check is skipped, saying so.

Sources:
${SOURCES.map((s) => `  ${s.id.padEnd(24)} ${s.url}`).join('\n')}`;

interface CuratedFile {
  dod1260h?: { editionUrls?: Record<string, string> };
  rulings?: CuratedRuling[];
}

function curationMarkdown(items: Curation[], notes: string[]): string {
  if (items.length === 0 && notes.length === 0) return '';
  const lines = ['Changed, needs curation (nothing below was added to the data):', ''];
  for (const item of items) lines.push(`- [${item.source}] ${item.date ? `${item.date} ` : ''}${item.title}: ${item.url}`);
  if (notes.length > 0) lines.push('', 'Not checked:', '', ...notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: 'data/sources' },
        lock: { type: 'string', default: 'data/sources.lock.json' },
        mirror: { type: 'string' },
        only: { type: 'string' },
        retries: { type: 'string', default: '3' },
        timeout: { type: 'string' },
        curated: { type: 'string', default: 'data/curated.json' },
        report: { type: 'string' },
        courtlistener: { type: 'string', default: COURTLISTENER },
        'no-courts': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`data:fetch: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const retries = Number(values.retries);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (!Number.isInteger(retries) || retries < 0) return usage(`--retries must be a whole number (got ${values.retries})`);
  if (timeout !== undefined && !(timeout > 0)) return usage(`--timeout must be a positive number of seconds (got ${values.timeout})`);
  if (values.mirror && !/^https?:\/\//.test(values.mirror)) return usage(`--mirror must be an http(s) address (got ${values.mirror})`);
  let sources = SOURCES;
  if (values.only) {
    const ids = values.only.split(',').map((s) => s.trim());
    const unknown = ids.filter((id) => !SOURCES.some((s) => s.id === id));
    if (unknown.length > 0) return usage(`--only: no source named ${unknown.join(', ')}`);
    sources = SOURCES.filter((s) => ids.includes(s.id));
  }

  const curated = JSON.parse(readFileSync(values.curated!, 'utf8')) as CuratedFile;
  const lockPath = resolve(values.lock!);
  const result = await fetchSources({
    sources,
    outDir: resolve(values.out!),
    lock: readLock(lockPath),
    mirror: values.mirror,
    retries,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    knownLinks: new Set(Object.values(curated.dod1260h?.editionUrls ?? {})),
    log: (line) => console.log(line),
  });
  if (!result.ok) {
    const failed = result.outcomes.filter((o) => o.status === 'failed');
    console.error(`\ndata:fetch stopped: ${failed.length} source(s) failed, so no new file is used and ${values.lock} is unchanged.`);
    for (const f of failed) console.error(`  ${f.id} (${f.url}): ${f.message}`);
    return 1;
  }
  writeLock(lockPath, result.lock);

  const curation = [...result.curation];
  const notes: string[] = [];
  if (!values['no-courts']) {
    const token = process.env.COURTLISTENER_TOKEN;
    const { dockets, skipped } = docketsToCheck(curated.rulings ?? []);
    if (!token) notes.push('court dockets: COURTLISTENER_TOKEN is not set');
    else {
      const courts = await checkDockets(dockets, { token, base: values.courtlistener });
      curation.push(...courts.curation);
      notes.push(...courts.problems.map((p) => `court docket ${p}`));
    }
    notes.push(...skipped.map((s) => `ruling ${s}: no docket CourtListener can look up`));
  }
  const changed = result.outcomes.filter((o) => o.status === 'changed').length;
  console.log(`\n${changed} of ${result.outcomes.length} sources changed; lock written to ${values.lock}.`);
  for (const item of curation) console.log(`changed, needs curation: [${item.source}] ${item.date ? `${item.date} ` : ''}${item.title} — ${item.url}`);
  for (const note of notes) console.log(`not checked: ${note}`);
  if (values.report) {
    mkdirSync(dirname(resolve(values.report)), { recursive: true });
    writeFileSync(values.report, curationMarkdown(curation, curation.length > 0 ? notes : []));
  }
  return 0;
}

function usage(message: string): number {
  console.error(`data:fetch: ${message}\n\n${USAGE}`);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`data:fetch: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
