// data/sources.lock.json says exactly what the data was made from (contract 5 in DESIGN.md):
// - `build` (written by `data:build`): the dataset it built, and every file that build read, with
//   its official address, size, sha256 and the data's own as-of date;
// - `sources` (written by `data:fetch`): for every source fetched, where and when, what came back,
//   and the validators that make the next request conditional.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface LockEntry {
  url: string;
  file: string;
  /** When these bytes were downloaded (ISO). */
  fetchedAt: string;
  /** When the server last confirmed them (a 304 answer moves only this). */
  checkedAt: string;
  /** The server's Date header for the download. */
  httpDate?: string;
  size: number;
  sha256: string;
  /** The data's own as-of date (YYYY-MM-DD), when the file states one. */
  asOf?: string;
  etag?: string;
  lastModified?: string;
  /** Announcement pages: every link seen so far, so only new ones are reported. */
  links?: string[];
}

/** One file a `data:build` run read. */
export interface BuildFile {
  /** What the build read it as (its command-line option). */
  input: string;
  /** The file name; a path from the repository's root for files kept in the repository. */
  file: string;
  /** The dataset source (`sources[].id`) its facts are cited to; several for the curated file. */
  sourceIds: string[];
  /** The official address of this file, or of the publication it transcribes. */
  url?: string;
  size: number;
  sha256: string;
  /** The data's own as-of date (YYYY-MM-DD), when it has one. */
  asOf?: string;
  /** Where that date comes from, or why there is none. */
  asOfFrom: string;
  note?: string;
  /** Present when `data:fetch` downloaded exactly these bytes (same sha256). */
  fetched?: { url: string; fetchedAt: string; httpDate?: string };
}

export interface BuildRecord {
  /** The dataset the build wrote (the feed adds its signed `changes` to it). */
  dataset: { file: string; version: string; size: number; sha256: string };
  files: BuildFile[];
}

export interface Lock {
  build?: BuildRecord;
  sources: Record<string, LockEntry>;
}

export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readLock(path: string): Lock {
  if (!existsSync(path)) return { sources: {} };
  let value: Lock;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix or delete it to fetch everything again`);
  }
  if (typeof value !== 'object' || value === null || typeof value.sources !== 'object' || value.sources === null) {
    throw new Error(`${path} has no "sources" object; fix or delete it to fetch everything again`);
  }
  return value;
}

/** Written to a temporary file and renamed, so a crash never leaves half a lock file. */
export function writeLock(path: string, lock: Lock): void {
  const sorted: Lock = {
    ...(lock.build ? { build: lock.build } : {}),
    sources: Object.fromEntries(Object.entries(lock.sources).sort(([a], [b]) => a.localeCompare(b))),
  };
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temp, path);
}
