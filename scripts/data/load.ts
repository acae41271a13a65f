// Reads the official source files named on the command line and hands them to the build.
// Kept apart from the CLI so tests can run the same pipeline on fixture excerpts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildInputs, OfacInput } from './build';
import type { Curated } from './curated';
import { parseDod1260hCsv } from './dod-1260h';
import { parseFccCsv } from './fcc';
import { parseNdaaCsv } from './ndaa';
import { parseOfacCsv } from './ofac-csv';
import { parseOfacEnhancedXml } from './ofac-enhanced';

export interface SourcePaths {
  curated: string;
  ofacXml?: string;
  ofacCsvDir?: string;
  dod1260h?: string;
  fcc?: string;
  ndaaDir?: string;
}

function read(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} at ${path}: ${(error as Error).message}`);
  }
}

export function loadCurated(path: string): Curated {
  try {
    return JSON.parse(read(path, 'the curated file')) as Curated;
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${path} is not valid JSON: ${error.message}`);
    throw error;
  }
}

export function loadInputs(paths: SourcePaths): BuildInputs {
  const ofac: OfacInput[] = [];
  if (paths.ofacXml) {
    const file = parseOfacEnhancedXml(read(paths.ofacXml, 'the OFAC ENHANCED XML'));
    ofac.push({ records: file.records, asOf: file.asOf, format: 'enhanced-xml' });
  }
  if (paths.ofacCsvDir) {
    const dir = paths.ofacCsvDir;
    const optional = (name: string) => {
      const found = readdirSync(dir).find((f) => f.toLowerCase() === name);
      return found ? read(join(dir, found), `OFAC ${name}`) : '';
    };
    const prim = optional('cons_prim.csv');
    if (!prim) throw new Error(`--ofac-csv ${dir}: no cons_prim.csv in that folder`);
    const records = parseOfacCsv(prim, optional('cons_alt.csv'), optional('cons_comments.csv'), optional('cons_add.csv'));
    ofac.push({ records, format: 'legacy-csv' });
  }
  const inputs: BuildInputs = { curated: loadCurated(paths.curated), ofac };
  if (paths.dod1260h) inputs.dod1260h = parseDod1260hCsv(read(paths.dod1260h, 'the DoD 1260H table'));
  if (paths.fcc) inputs.fcc = parseFccCsv(read(paths.fcc, 'the FCC Covered List table'));
  if (paths.ndaaDir) {
    const dir = paths.ndaaDir;
    const files = readdirSync(dir)
      .filter((f) => /^section_\d+\.csv$/i.test(f))
      .sort();
    if (files.length === 0) throw new Error(`--ndaa ${dir}: no section_*.csv files in that folder`);
    inputs.ndaa = files.flatMap((f) => parseNdaaCsv(read(join(dir, f), `NDAA ${f}`), f));
  }
  return inputs;
}
