// Reads the official source files named on the command line and hands them to the build.
// Kept apart from the CLI so tests can run the same pipeline on fixture excerpts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildInputs, OfacInput } from './build';
import type { Curated } from './curated';
import { parseDod1260hCsv } from './dod-1260h';
import { parseFccCsv } from './fcc';
import { parseNdaaCsv } from './ndaa';
import { parseOfacCsv } from './ofac-csv';
import { parseOfacEnhancedXml } from './ofac-enhanced';
import { parseSdnAliases, parseSdnCountries, parseSdnCsv, parseSdnHistory, readSdnEnhancedXml } from './ofac-sdn';

export interface SourcePaths {
  curated: string;
  ofacXml?: string;
  ofacCsvDir?: string;
  dod1260h?: string;
  fcc?: string;
  ndaaDir?: string;
  /**
   * OFAC's SDN list as its ENHANCED XML export (SDN_ENHANCED.XML). When given, the legacy `sdnDir` /
   * `sdnAuxDir` files are not read (see `loadInputs`).
   */
  sdnXml?: string;
  /** Folder with sdn.csv (and, optionally, its companions). */
  sdnDir?: string;
  /** Folder with newer alt.csv / add.csv / sdn_comments.csv than sdn.csv, if any. */
  sdnAuxDir?: string;
  /** The legacy sdn.csv carries no date: the date it was downloaded (YYYY-MM-DD). */
  sdnAsOf?: string;
  /** The companions carry no date either: the date they were downloaded (YYYY-MM-DD). */
  sdnAuxAsOf?: string;
  /** ent_num → first day in OFAC's published sdn.csv (scripts/data/sdn-history.ts). */
  sdnHistory?: string;
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

/** The command-line option a file was read for; `data:build` records each file in the lock. */
export type InputKind = 'curated' | 'ofac-xml' | 'ofac-csv' | 'sdn-xml' | 'sdn-csv' | 'sdn-aux' | 'sdn-history' | 'dod-1260h' | 'fcc' | 'ndaa';

export function loadInputs(paths: SourcePaths, onRead: (input: InputKind, path: string) => void = () => undefined): BuildInputs {
  const readAs = (input: InputKind, path: string, what: string) => {
    const text = read(path, what);
    onRead(input, path);
    return text;
  };
  const ofac: OfacInput[] = [];
  if (paths.ofacXml) {
    const file = parseOfacEnhancedXml(readAs('ofac-xml', paths.ofacXml, 'the OFAC ENHANCED XML'));
    ofac.push({ records: file.records, asOf: file.asOf, format: 'enhanced-xml' });
  }
  if (paths.ofacCsvDir) {
    const dir = paths.ofacCsvDir;
    const optional = (name: string) => {
      const found = readdirSync(dir).find((f) => f.toLowerCase() === name);
      return found ? readAs('ofac-csv', join(dir, found), `OFAC ${name}`) : '';
    };
    const prim = optional('cons_prim.csv');
    if (!prim) throw new Error(`--ofac-csv ${dir}: no cons_prim.csv in that folder`);
    const records = parseOfacCsv(prim, optional('cons_alt.csv'), optional('cons_comments.csv'), optional('cons_add.csv'));
    ofac.push({ records, format: 'legacy-csv' });
  }
  const inputs: BuildInputs = { curated: loadCurated(paths.curated), ofac, notes: [] };
  onRead('curated', paths.curated);
  const history = () => (paths.sdnHistory ? parseSdnHistory(readAs('sdn-history', paths.sdnHistory, 'the SDN first-seen table')) : new Map());
  if (paths.sdnXml) {
    // The ENHANCED export wins over the legacy files: it is OFAC's current SDN list, dated by the
    // file itself, with every entry's names, addresses and designation date. sdn.csv states no date
    // and the copies at hand are frozen; mixing the two would bring back entries OFAC has since
    // removed, so the legacy files are not read at all.
    if (paths.sdnDir || paths.sdnAuxDir) {
      inputs.notes!.push(
        `--sdn-xml ${paths.sdnXml} is the SDN source; the legacy ${[paths.sdnDir && `--sdn-csv ${paths.sdnDir}`, paths.sdnAuxDir && `--sdn-aux ${paths.sdnAuxDir}`].filter(Boolean).join(' and ')} ` +
          'are not read (OFAC’s current, self-dated export; mixing in older files would bring back entries OFAC has removed)',
      );
    }
    if (!existsSync(paths.sdnXml)) throw new Error(`cannot read the OFAC SDN ENHANCED XML at ${paths.sdnXml}: no such file`);
    let file: ReturnType<typeof readSdnEnhancedXml>;
    try {
      file = readSdnEnhancedXml(paths.sdnXml);
    } catch (error) {
      throw new Error(`--sdn-xml ${paths.sdnXml}: ${(error as Error).message}`);
    }
    onRead('sdn-xml', paths.sdnXml);
    inputs.notes!.push(...file.notes);
    inputs.sdn = { format: 'enhanced-xml', records: file.records, aliases: new Map(), countries: new Map(), history: history(), asOf: file.asOf };
  } else if (paths.sdnDir) {
    if (!paths.sdnAsOf || !/^\d{4}-\d{2}-\d{2}$/.test(paths.sdnAsOf)) {
      throw new Error('--sdn-csv needs --sdn-as-of YYYY-MM-DD: the legacy sdn.csv carries no date of its own');
    }
    const aux = paths.sdnAuxDir ?? paths.sdnDir;
    const auxKind: InputKind = paths.sdnAuxDir ? 'sdn-aux' : 'sdn-csv';
    const file = (dir: string, name: string, input: InputKind = auxKind) => {
      const found = readdirSync(dir).find((f) => f.toLowerCase() === name);
      return found ? readAs(input, join(dir, found), `OFAC ${name}`) : '';
    };
    const sdnText = file(paths.sdnDir, 'sdn.csv', 'sdn-csv');
    if (!sdnText) throw new Error(`--sdn-csv ${paths.sdnDir}: no sdn.csv in that folder`);
    if (paths.sdnAuxDir && !/^\d{4}-\d{2}-\d{2}$/.test(paths.sdnAuxAsOf ?? '')) {
      throw new Error('--sdn-aux needs --sdn-aux-as-of YYYY-MM-DD: the companion files carry no date of their own');
    }
    const comments = file(aux, 'sdn_comments.csv');
    inputs.sdn = {
      format: 'legacy-csv',
      records: parseSdnCsv(sdnText, comments),
      aliases: parseSdnAliases(file(aux, 'alt.csv')),
      countries: parseSdnCountries(file(aux, 'add.csv')),
      history: history(),
      asOf: paths.sdnAsOf,
      ...(paths.sdnAuxDir ? { auxAsOf: paths.sdnAuxAsOf } : {}),
    };
  }
  if (paths.dod1260h) inputs.dod1260h = parseDod1260hCsv(readAs('dod-1260h', paths.dod1260h, 'the DoD 1260H table'));
  if (paths.fcc) inputs.fcc = parseFccCsv(readAs('fcc', paths.fcc, 'the FCC Covered List table'));
  if (paths.ndaaDir) {
    const dir = paths.ndaaDir;
    const files = readdirSync(dir)
      .filter((f) => /^section_\d+\.csv$/i.test(f))
      .sort();
    if (files.length === 0) throw new Error(`--ndaa ${dir}: no section_*.csv files in that folder`);
    inputs.ndaa = files.flatMap((f) => parseNdaaCsv(readAs('ndaa', join(dir, f), `NDAA ${f}`), f));
  }
  return inputs;
}
