// One HTTP download, done carefully: a conditional request (If-None-Match / If-Modified-Since),
// a time limit per attempt, a size cap enforced while the body streams, retries with backoff on
// network errors and 5xx/429 answers, and the body written to a temporary file whose SHA-256 is
// computed on the way. The caller decides whether the file is used; nothing here renames it into place.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

export interface DownloadOptions {
  /** Validators from the last successful fetch; sent so an unchanged file costs one small answer. */
  etag?: string;
  lastModified?: string;
  /** Per attempt, for the whole response (headers and body). */
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first one. */
  retries: number;
  /** Milliseconds before the first retry; doubled each time. */
  backoffMs: number;
  headers?: Record<string, string>;
}

export type Download =
  | { kind: 'not-modified'; httpDate?: string }
  | { kind: 'fetched'; tempPath: string; size: number; sha256: string; etag?: string; lastModified?: string; httpDate?: string };

/** A failure worth reporting as it is: retrying would not help (4xx, size cap) or retries ran out. */
export class DownloadError extends Error {}

class RetryableError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function download(url: string, tempPath: string, options: DownloadOptions): Promise<Download> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.backoffMs * 2 ** (attempt - 1));
    try {
      return await attemptDownload(url, tempPath, options);
    } catch (error) {
      await rm(tempPath, { force: true });
      if (!(error instanceof RetryableError)) throw error;
      lastError = error;
    }
  }
  throw new DownloadError(`${lastError?.message} (gave up after ${options.retries + 1} attempts)`);
}

async function attemptDownload(url: string, tempPath: string, options: DownloadOptions): Promise<Download> {
  const headers: Record<string, string> = { 'user-agent': 'sanctions-lens-data-fetch', ...options.headers };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new RetryableError(describeNetworkError(error, options.timeoutMs));
    }
    const httpDate = response.headers.get('date') ?? undefined;
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', httpDate };
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new RetryableError(`the server answered ${response.status} ${response.statusText}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new DownloadError(`the server answered ${response.status} ${response.statusText}`);
    }
    // With a content encoding, Content-Length counts compressed bytes while the body arrives decoded.
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const declared = encoded ? NaN : Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw new DownloadError(`the file is ${declared} bytes, more than the ${options.maxBytes} allowed for this source`);
    }
    const hash = createHash('sha256');
    const out = createWriteStream(tempPath);
    let size = 0;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          controller.abort();
          throw new DownloadError(`the file passed the ${options.maxBytes} bytes allowed for this source; download stopped`);
        }
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    } catch (error) {
      // Wait until the file is closed, so the caller's clean-up never races a file still opening.
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      out.on('error', () => undefined);
      out.destroy();
      await closed;
      if (error instanceof DownloadError) throw error;
      throw new RetryableError(describeNetworkError(error, options.timeoutMs));
    }
    out.end();
    await finished(out);
    if (Number.isFinite(declared) && declared !== size) {
      throw new RetryableError(`the download ended after ${size} of ${declared} bytes`);
    }
    return {
      kind: 'fetched',
      tempPath,
      size,
      sha256: hash.digest('hex'),
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      httpDate,
    };
  } finally {
    clearTimeout(timer);
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'AbortError' || err?.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = err?.cause?.code ?? err?.cause?.message;
  return `network error: ${err?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}
