// The `build` part of data/sources.lock.json: for every file a `data:build` run read, its official
// address, size, sha256 and the data's own as-of date, so a dataset says exactly what it was made
// from. Dates come from the dataset the build made (the same dates its `sources[]` carry) or from
// the command line for files that state none; nothing here guesses one.
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, sep } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import type { InputKind } from '../data/load';
import { sha256Of, type BuildFile, type BuildRecord, type LockEntry } from './lock';
import { SOURCES } from './sources';

const OFAC_DOWNLOADS = 'https://www.treasury.gov/ofac/downloads';
const DOD_1260H = 'https://www.defense.gov/News/Releases/Search/1260H/';

/** The public law each NDAA table transcribes. */
const NDAA_LAWS: Record<string, string> = {
  'section_889.csv': 'https://www.congress.gov/115/plaws/publ232/PLAW-115publ232.pdf',
  'section_5949.csv': 'https://www.congress.gov/117/plaws/publ263/PLAW-117publ263.pdf',
  'section_154.csv': 'https://www.congress.gov/118/plaws/publ31/PLAW-118publ31.pdf',
};

export interface RecordOptions {
  /** Every file the build read, in order, as `loadInputs` reported them. */
  read: { input: InputKind; path: string }[];
  dataset: Dataset;
  /** The dataset's bytes as written, and where (a path from the repository's root). */
  datasetText: string;
  datasetFile: string;
  sdnAsOf?: string;
  sdnAuxAsOf?: string;
  /** What `data:fetch` recorded: a file with the same sha256 was downloaded by it. */
  fetched: Record<string, LockEntry>;
  /** The repository's root: files inside it are named by their path, others by their name only. */
  root: string;
}

/** A path from the repository's root for files inside it, else the file's name only (no machine's paths). */
export function fileName(path: string, root: string): string {
  const rel = relative(root, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return basename(path);
}

export function buildRecord(options: RecordOptions): BuildRecord {
  const asOf = (id: string) => options.dataset.sources.find((s) => s.id === id)?.asOf;
  const officialUrl = (id: string) => SOURCES.find((s) => s.id === id)!.url;
  const fileBacked = new Set<string>();
  const files: BuildFile[] = [];
  const seen = new Set<string>();
  for (const { input, path } of options.read) {
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = readFileSync(path);
    const name = basename(path);
    const described = describe(input, name.toLowerCase(), { asOf, officialUrl, sdnAsOf: options.sdnAsOf, sdnAuxAsOf: options.sdnAuxAsOf });
    for (const id of described.sourceIds) fileBacked.add(id);
    const sha256 = sha256Of(bytes);
    const download = Object.values(options.fetched).find((entry) => entry.sha256 === sha256);
    files.push(
      dropUndefined({
        input,
        file: fileName(path, options.root),
        ...described,
        size: bytes.length,
        sha256,
        fetched: download ? dropUndefined({ url: download.url, fetchedAt: download.fetchedAt, httpDate: download.httpDate }) : undefined,
      }),
    );
  }
  // The curated file's facts are cited to the sources no file feeds (rulings, BIS, §1237…).
  for (const file of files) {
    if (file.input === 'curated') file.sourceIds = options.dataset.sources.map((s) => s.id).filter((id) => !fileBacked.has(id));
  }
  return {
    dataset: {
      file: options.datasetFile,
      version: options.dataset.version,
      size: Buffer.byteLength(options.datasetText),
      sha256: sha256Of(options.datasetText),
    },
    files,
  };
}

type Described = Pick<BuildFile, 'sourceIds' | 'url' | 'asOf' | 'asOfFrom' | 'note'>;

function describe(
  input: InputKind,
  name: string,
  ctx: { asOf: (id: string) => string | undefined; officialUrl: (id: string) => string; sdnAsOf?: string; sdnAuxAsOf?: string },
): Described {
  switch (input) {
    case 'ofac-xml':
      return { sourceIds: ['ofac-consolidated'], url: ctx.officialUrl('ofac-consolidated'), asOf: ctx.asOf('ofac-consolidated'), asOfFrom: 'the file’s publicationInfo dataAsOf' };
    case 'ofac-csv':
      return { sourceIds: ['ofac-consolidated'], url: `${OFAC_DOWNLOADS}/consolidated/${name}`, asOfFrom: 'none: OFAC’s legacy CSV states no date' };
    case 'sdn-xml':
      return { sourceIds: ['ofac-sdn'], url: ctx.officialUrl('ofac-sdn'), asOf: ctx.asOf('ofac-sdn'), asOfFrom: 'the file’s publicationInfo dataAsOf' };
    case 'sdn-csv':
      return { sourceIds: ['ofac-sdn'], url: `${OFAC_DOWNLOADS}/${name}`, asOf: ctx.sdnAsOf, asOfFrom: 'given with --sdn-as-of: the legacy CSV states no date' };
    case 'sdn-aux':
      return { sourceIds: ['ofac-sdn-aux'], url: `${OFAC_DOWNLOADS}/${name}`, asOf: ctx.sdnAuxAsOf, asOfFrom: 'given with --sdn-aux-as-of: the legacy CSV states no date' };
    case 'sdn-history':
      return { sourceIds: ['ofac-sdn'], asOfFrom: 'none: designation dates made from daily copies of sdn.csv by scripts/data/sdn-history.ts' };
    case 'dod-1260h':
      return {
        sourceIds: ['dod-1260h'],
        url: DOD_1260H,
        asOf: ctx.asOf('dod-1260h'),
        asOfFrom: 'the newest edition date in the table',
        note: 'A transcription of DoD’s PDF editions, not a file DoD publishes.',
      };
    case 'fcc':
      return {
        sourceIds: ['fcc-covered'],
        url: ctx.officialUrl('fcc-covered'),
        asOf: ctx.asOf('fcc-covered'),
        asOfFrom: 'the newest date of inclusion in the table',
        note: 'The page’s table saved as CSV.',
      };
    case 'ndaa':
      return {
        sourceIds: ['ndaa'],
        url: NDAA_LAWS[name],
        asOf: ctx.asOf('ndaa'),
        asOfFrom: 'the curated date of the newest statute',
        note: 'A transcription of the statute’s list of companies.',
      };
    case 'curated':
      return { sourceIds: [], asOfFrom: 'none for the file: every fact carries its own date and official URL' };
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
