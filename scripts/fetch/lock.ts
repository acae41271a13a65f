// data/sources.lock.json: for every source, where and when it was fetched and exactly what came
// back, so every build can say what it was made from (contract 5 in DESIGN.md).
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

export interface Lock {
  sources: Record<string, LockEntry>;
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
  const sorted: Lock = { sources: Object.fromEntries(Object.entries(lock.sources).sort(([a], [b]) => a.localeCompare(b))) };
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(sorted, null, 2)}\n`);
  renameSync(temp, path);
}
