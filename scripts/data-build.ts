// `npm run data:build -- --ofac-xml PATH --dod-1260h PATH --fcc PATH --ndaa DIR [--ofac-csv DIR]`
// Builds public/data/dataset.json from the official source files plus data/curated.json, validates it,
// and refuses to write a version that is not newer than the one already there (unless identical).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions } from '../lib/dataset/ids';
import { validateDataset } from '../lib/dataset/validate';
import { buildDataset } from './data/build';
import { loadInputs } from './data/load';
import { serializeDataset } from './data/serialize';

const USAGE = `usage: npm run data:build -- [--sources data/sources] --ofac-xml cons_enhanced.xml --dod-1260h sanctions.csv --fcc table.csv --ndaa DIR [--ofac-csv DIR] [--curated data/curated.json] [--out public/data/dataset.json] [--check]

  --ofac-xml   OFAC Consolidated List, ENHANCED XML export
  --ofac-csv   folder with OFAC's legacy cons_prim.csv / cons_alt.csv / cons_comments.csv / cons_add.csv
  --dod-1260h  DoD Section 1260H table (Name, Clean Name, Alias, …, Start date, End date)
  --fcc        FCC Covered List table (covered_equipment_or_services, date_of_inclusion_on_covered_list)
  --ndaa       folder with section_889.csv, section_5949.csv, section_154.csv
  --sources    folder written by \`npm run data:fetch\`: reads CONS_ENHANCED.XML and fcc-covered.csv from it
               unless --ofac-xml / --fcc are given
  --check      build and compare with --out without writing; exit 1 if they differ`;

function main(): number {
  const { values } = parseArgs({
    options: {
      'ofac-xml': { type: 'string' },
      'ofac-csv': { type: 'string' },
      'dod-1260h': { type: 'string' },
      fcc: { type: 'string' },
      ndaa: { type: 'string' },
      sources: { type: 'string' },
      curated: { type: 'string', default: 'data/curated.json' },
      out: { type: 'string', default: 'public/data/dataset.json' },
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
  }
  if (!values['ofac-xml'] && !values['ofac-csv']) {
    console.error(`data:build: give at least --ofac-xml or --ofac-csv\n\n${USAGE}`);
    return 2;
  }
  const inputs = loadInputs({
    curated: values.curated!,
    ofacXml: values['ofac-xml'],
    ofacCsvDir: values['ofac-csv'],
    dod1260h: values['dod-1260h'],
    fcc: values.fcc,
    ndaaDir: values.ndaa,
  });
  const { dataset, warnings } = buildDataset(inputs);
  validateDataset(dataset);
  const text = serializeDataset(dataset);
  for (const warning of warnings) console.warn(`note: ${warning}`);

  const out = resolve(values.out!);
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  if (values.check) {
    if (previous === text) {
      console.log(`${out} is up to date (${dataset.version})`);
      return 0;
    }
    console.error(`${out} differs from a fresh build (${dataset.version})`);
    return 1;
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
  const counts = new Map<string, number>();
  for (const entity of dataset.entities) for (const l of new Set(entity.listings.map((x) => x.list))) counts.set(l, (counts.get(l) ?? 0) + 1);
  console.log(
    `wrote ${out}: version ${dataset.version}, ${dataset.entities.length} companies, ${dataset.rulings.length} rulings, ` +
      `${(text.length / 1024).toFixed(0)} kB\n  ${[...counts].map(([l, n]) => `${l} ${n}`).join(', ')}`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`data:build: ${(error as Error).message}`);
  process.exitCode = 1;
}
