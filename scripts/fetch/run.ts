// One `data:fetch` run: every source fetched (conditionally) into a temporary file and checked; only
// when all of them succeeded are the files renamed into place and the lock written. A failed
// download, a changed format or a file older than the one fetched before stops the run and leaves
// the previous files and lock exactly as they were.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { download, type Download, type DownloadOptions } from './http';
import { FormatError, type FormatResult } from './formats';
import type { Lock, LockEntry } from './lock';
import { sourceUrl, type Source } from './sources';

export interface FetchOptions {
  sources: readonly Source[];
  outDir: string;
  lock: Lock;
  mirror?: string;
  now?: () => Date;
  retries?: number;
  backoffMs?: number;
  /** Overrides every source's own limits (tests). */
  timeoutMs?: number;
  maxBytes?: number;
  /** Links a person has already transcribed (e.g. the curated 1260H edition URLs); never reported. */
  knownLinks?: ReadonlySet<string>;
  log?: (line: string) => void;
}

export interface Curation {
  source: string;
  url: string;
  title: string;
  date?: string;
}

export interface SourceOutcome {
  id: string;
  url: string;
  status: 'changed' | 'unchanged' | 'failed';
  message: string;
}

export interface FetchResult {
  ok: boolean;
  lock: Lock;
  outcomes: SourceOutcome[];
  curation: Curation[];
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Staged {
  source: Source;
  tempPath?: string;
  entry: LockEntry;
  derived: { file: string; text: string }[];
}

export async function fetchSources(options: FetchOptions): Promise<FetchResult> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  mkdirSync(options.outDir, { recursive: true });
  const outcomes: SourceOutcome[] = [];
  const curation: Curation[] = [];
  const staged: Staged[] = [];

  for (const source of options.sources) {
    const url = sourceUrl(source, options.mirror);
    const previous = options.lock.sources[source.id];
    const finalPath = join(options.outDir, source.file);
    // Validators are sent only when the file they describe is still here, unchanged.
    const haveFile = previous !== undefined && previous.url === url && existsSync(finalPath) && (await fileSha256(finalPath)) === previous.sha256;
    const tempPath = join(options.outDir, `.${source.file}.partial-${process.pid}`);
    const downloadOptions: DownloadOptions = {
      etag: haveFile ? previous.etag : undefined,
      lastModified: haveFile ? previous.lastModified : undefined,
      timeoutMs: options.timeoutMs ?? source.timeoutMs,
      maxBytes: options.maxBytes ?? source.maxBytes,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 2000,
    };
    try {
      const got = await download(url, tempPath, downloadOptions);
      const checkedAt = now().toISOString();
      if (got.kind === 'not-modified') {
        if (!haveFile) throw new Error('the server answered 304 Not Modified to a request without validators');
        // The derived files and links come from the file kept; check it again so they are rebuilt.
        const result = await source.check(finalPath);
        staged.push({ source, entry: { ...previous, checkedAt }, derived: result.derived ?? [] });
        outcomes.push({ id: source.id, url, status: 'unchanged', message: `not modified since ${previous.fetchedAt}` });
      } else {
        const fresh = await checkDownload(source, url, previous, got, checkedAt, options.knownLinks);
        staged.push(fresh.staged);
        curation.push(...fresh.curation);
        outcomes.push(fresh.outcome);
      }
    } catch (error) {
      rmSync(tempPath, { force: true });
      outcomes.push({ id: source.id, url, status: 'failed', message: (error as Error).message });
    }
    const last = outcomes.at(-1)!;
    log(`${last.status.padEnd(9)} ${source.id}: ${last.message}`);

  }

  if (outcomes.some((o) => o.status === 'failed')) {
    for (const item of staged) if (item.tempPath) rmSync(item.tempPath, { force: true });
    return { ok: false, lock: options.lock, outcomes, curation: [] };
  }

  // The build record stays: it describes the dataset built last, which these files have not changed yet.
  const lock: Lock = { ...options.lock, sources: { ...options.lock.sources } };
  for (const item of staged) {
    if (item.tempPath) renameSync(item.tempPath, join(options.outDir, item.source.file));
    for (const derived of item.derived) {
      const temp = join(options.outDir, `.${derived.file}.partial-${process.pid}`);
      writeFileSync(temp, derived.text);
      renameSync(temp, join(options.outDir, derived.file));
    }
    lock.sources[item.source.id] = dropUndefined(item.entry);
  }
  return { ok: true, lock, outcomes, curation };
}

/** Checks a fresh download's format and dates; says what it is, what is new for curation, and its lock entry. */
async function checkDownload(
  source: Source,
  url: string,
  previous: LockEntry | undefined,
  got: Extract<Download, { kind: 'fetched' }>,
  checkedAt: string,
  knownLinks: ReadonlySet<string> | undefined,
): Promise<{ staged: Staged; curation: Curation[]; outcome: SourceOutcome }> {
  let result: FormatResult;
  try {
    result = await source.check(got.tempPath);
  } catch (error) {
    if (error instanceof FormatError) throw new Error(`the file's format changed: ${error.message}`);
    throw error;
  }
  if (result.asOf && previous?.asOf && result.asOf < previous.asOf) {
    throw new Error(`the file is as of ${result.asOf}, older than the ${previous.asOf} fetched before (a stale mirror or cache?)`);
  }
  const seen = new Set(previous?.links ?? []);
  const curation: Curation[] = [];
  if (source.role === 'announcements') {
    for (const link of result.links ?? []) {
      if (!seen.has(link.url) && !knownLinks?.has(link.url)) curation.push({ source: source.id, ...link });
    }
  }
  const links = result.links?.map((link) => link.url);
  const entry: LockEntry = {
    url,
    file: source.file,
    fetchedAt: checkedAt,
    checkedAt,
    httpDate: got.httpDate,
    size: got.size,
    sha256: got.sha256,
    asOf: result.asOf,
    etag: got.etag,
    lastModified: got.lastModified,
    links: links ? [...new Set([...seen, ...links])].sort() : undefined,
  };
  const same = previous?.sha256 === got.sha256;
  return {
    staged: { source, tempPath: got.tempPath, entry, derived: result.derived ?? [] },
    curation,
    outcome: { id: source.id, url, status: same ? 'unchanged' : 'changed', message: `${result.summary}${same ? ' (same bytes as before)' : ''}` },
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
