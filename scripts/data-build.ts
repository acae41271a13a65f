// `npm run data:build -- --ofac-xml PATH --sdn-xml PATH --dod-1260h PATH --fcc PATH --ndaa DIR [--ofac-csv DIR]`
// Builds public/data/dataset.json from the official source files plus data/curated.json, validates it,
// and refuses to write a version that is not newer than the one already there (unless identical).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions } from '../lib/dataset/ids';
import { validateDataset } from '../lib/dataset/validate';
import { buildDataset } from './data/build';
import { loadInputs, type InputKind } from './data/load';
import { buildRecord, fileName } from './fetch/build-record';
import { readLock, writeLock } from './fetch/lock';
import { serializeDataset } from './data/serialize';

const USAGE = `usage: npm run data:build -- [--sources data/sources] --ofac-xml cons_enhanced.xml --dod-1260h sanctions.csv --fcc table.csv --ndaa DIR [--ofac-csv DIR] [--sdn-xml SDN_ENHANCED.XML | --sdn-csv DIR --sdn-as-of DATE [--sdn-aux DIR --sdn-aux-as-of DATE]] [--curated data/curated.json] [--out public/data/dataset.json] [--check]

  --ofac-xml   OFAC Consolidated List, ENHANCED XML export
  --ofac-csv   folder with OFAC's legacy cons_prim.csv / cons_alt.csv / cons_comments.csv / cons_add.csv
  --dod-1260h  DoD Section 1260H table (Name, Clean Name, Alias, …, Start date, End date)
  --fcc        FCC Covered List table (covered_equipment_or_services, date_of_inclusion_on_covered_list)
  --ndaa       folder with section_889.csv, section_5949.csv, section_154.csv
  --sdn-xml    OFAC SDN List, ENHANCED XML export (SDN_ENHANCED.XML): entities that issue securities are
               taken, dated by the file. It wins over --sdn-csv / --sdn-aux, which are then not read:
               it is OFAC's current list with its own date, and older files would bring back removed entries
  --sdn-csv    folder with OFAC's legacy sdn.csv (SDN list; entities that issue securities are taken)
  --sdn-as-of  the date that sdn.csv was published (the file carries none), YYYY-MM-DD
  --sdn-aux    folder with alt.csv / add.csv / sdn_comments.csv newer than sdn.csv (aliases of later designations)
  --sdn-aux-as-of  the date of those companion files, YYYY-MM-DD
  --sdn-history  table ent_num,first_seen,in_first_copy dating SDN entries (default data/sdn-first-seen.csv;
               made by scripts/data/sdn-history.ts from a daily copy of sdn.csv)
  --sources    folder written by \`npm run data:fetch\`: reads CONS_ENHANCED.XML and fcc-covered.csv from it
               unless --ofac-xml / --fcc are given, and SDN_ENHANCED.XML unless --sdn-xml or --sdn-csv is
  --lock       where to record what the dataset was built from (every file read: official URL, size,
               sha256, as-of date), kept next to what data:fetch records there. Default
               data/sources.lock.json when --out is the bundled dataset; otherwise only when given
  --check      build and compare with --out (and the lock's record) without writing; exit 1 if they differ`;

const BUNDLED = 'public/data/dataset.json';
const DEFAULT_LOCK = 'data/sources.lock.json';

function main(): number {
  const { values } = parseArgs({
    options: {
      'ofac-xml': { type: 'string' },
      'ofac-csv': { type: 'string' },
      'dod-1260h': { type: 'string' },
      fcc: { type: 'string' },
      ndaa: { type: 'string' },
      'sdn-xml': { type: 'string' },
      'sdn-csv': { type: 'string' },
      'sdn-aux': { type: 'string' },
      'sdn-as-of': { type: 'string' },
      'sdn-aux-as-of': { type: 'string' },
      'sdn-history': { type: 'string', default: 'data/sdn-first-seen.csv' },
      sources: { type: 'string' },
      curated: { type: 'string', default: 'data/curated.json' },
      out: { type: 'string', default: BUNDLED },
      lock: { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.sources) {
    const fetched = (file: string) => (existsSync(join(values.sources!, file)) ? join(values.sources!, file) : undefined);
    values['ofac-xml'] ??= fetched('CONS_ENHANCED.XML');
    values.fcc ??= fetched('fcc-covered.csv');
    if (!values['sdn-csv']) values['sdn-xml'] ??= fetched('SDN_ENHANCED.XML');
  }
  if (!values['ofac-xml'] && !values['ofac-csv']) {
    console.error(`data:build: give at least --ofac-xml or --ofac-csv\n\n${USAGE}`);
    return 2;
  }
  const read: { input: InputKind; path: string }[] = [];
  const inputs = loadInputs({
    curated: values.curated!,
    ofacXml: values['ofac-xml'],
    ofacCsvDir: values['ofac-csv'],
    dod1260h: values['dod-1260h'],
    fcc: values.fcc,
    ndaaDir: values.ndaa,
    sdnXml: values['sdn-xml'],
    sdnDir: values['sdn-csv'],
    sdnAuxDir: values['sdn-aux'],
    sdnAsOf: values['sdn-as-of'],
    sdnAuxAsOf: values['sdn-aux-as-of'],
    sdnHistory: values['sdn-csv'] || values['sdn-xml'] ? values['sdn-history'] : undefined,
  }, (input, path) => read.push({ input, path }));
  const { dataset, warnings, nameProblems } = buildDataset(inputs);
  validateDataset(dataset);
  if (nameProblems.length > 0) {
    const shown = nameProblems
      .map((p) => `  "${p.name}" (${p.from}) of ${p.entityId} → ${p.found.length ? p.found.join(', ') : 'nothing'}`)
      .join('\n');
    console.error(
      `data:build: ${nameProblems.length} official name(s) do not resolve to their own company with the product's matcher:\n${shown}\n` +
        'Fix the data (aliases, merges), or add a nameResolutions entry with the reason to data/curated.json.',
    );
    return 1;
  }
  const text = serializeDataset(dataset);
  for (const warning of warnings) console.warn(`note: ${warning}`);

  const out = resolve(values.out!);
  const lockPath = values.lock ?? (out === resolve(BUNDLED) ? DEFAULT_LOCK : undefined);
  const lock = lockPath ? readLock(lockPath) : undefined;
  const record = buildRecord({
    read,
    dataset,
    datasetText: text,
    datasetFile: fileName(out, process.cwd()),
    sdnAsOf: values['sdn-csv'] && !values['sdn-xml'] ? values['sdn-as-of'] : undefined,
    sdnAuxAsOf: values['sdn-aux'] && !values['sdn-xml'] ? values['sdn-aux-as-of'] : undefined,
    fetched: lock?.sources ?? {},
    root: process.cwd(),
  });
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  if (values.check) {
    if (previous !== text) {
      console.error(`${out} differs from a fresh build (${dataset.version})`);
      return 1;
    }
    if (lock && JSON.stringify(lock.build) !== JSON.stringify(record)) {
      console.error(`${out} is up to date (${dataset.version}), but ${lockPath} does not record these inputs; run the same build without --check`);
      return 1;
    }
    console.log(`${out} is up to date (${dataset.version})${lock ? `, and ${lockPath} records its inputs` : ''}`);
    return 0;
  }
  if (previous !== undefined && previous !== text) {
    const before = (JSON.parse(previous) as { version?: string }).version ?? '';
    const order = compareVersions(dataset.version, before);
    if (!(order > 0)) {
      console.error(
        `data:build: the data changed but version ${dataset.version} is not newer than ${before}. ` +
          'Bump "revision" in data/curated.json (or use newer sources) so installed copies take the update.',
      );
      return 1;
    }
  }
  writeFileSync(out, text);
  if (lock && lockPath) {
    writeLock(lockPath, { ...lock, build: record });
    console.log(`recorded ${record.files.length} input files in ${lockPath}`);
  }
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) for (const l of new Set(entity.listings.map((x) => x.list))) counts.set(l, (counts.get(l) ?? 0) + 1);
  console.log(
    `wrote ${out}: version ${dataset.version}, ${dataset.entities.length} companies, ${dataset.rulings.length} rulings, ` +
      `${(text.length / 1024).toFixed(0)} kB\n  ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}\n  ${sdnSourceLine(inputs)}`,
  );
  return 0;
}

/** Which SDN file the build read, so the log (and the workflow's) says it in words; the lock records the file. */
function sdnSourceLine(inputs: ReturnType<typeof loadInputs>): string {
  if (!inputs.sdn) return 'SDN list: none read (only SDN entries on the consolidated list)';
  if (inputs.sdn.format === 'enhanced-xml') return `SDN list: OFAC's ENHANCED XML export, as of ${inputs.sdn.asOf}`;
  return `SDN list: legacy sdn.csv as of ${inputs.sdn.asOf}${inputs.sdn.auxAsOf ? ` with companions as of ${inputs.sdn.auxAsOf}` : ''}`;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`data:build: ${(error as Error).message}`);
  process.exitCode = 1;
}
