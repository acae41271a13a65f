// Bounded downloads for the feed: a deadline for the whole request, a byte limit that stops reading
// as soon as it is passed (a hostile server cannot feed us endless data), and conditional requests.
import { FeedError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface BoundedFetchOptions {
  fetch: FetchLike;
  timeoutMs: number;
  maxBytes: number;
  /** Sent as If-None-Match; a 304 answer then means "nothing new". */
  etag?: string;
  /** What is being fetched, for messages ("the update manifest"). */
  what: string;
}

export type BoundedFetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; etag?: string; url: string };

export async function fetchBounded(url: string, options: BoundedFetchOptions): Promise<BoundedFetchResult> {
  const { what } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const headers: Record<string, string> = {};
    if (options.etag) headers['If-None-Match'] = options.etag;
    let response: Response;
    try {
      // The feed has its own freshness rules (ETag, version, expiry); the HTTP cache would only blur them.
      response = await options.fetch(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      if (timedOut) throw timeoutError(what, options.timeoutMs);
      // Browsers report every network failure as a bare "Failed to fetch"; say what it means instead.
      throw new FeedError(
        'offline',
        `Could not reach the update server for ${what}: this computer may be offline, or the server is down or blocked (${describe(error)}).`,
      );
    }
    if (response.status === 304 && options.etag) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedError('http', `The update server answered ${response.status}${statusWords(response.status)} for ${what}.`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(what, options.maxBytes);
    }
    const bytes = await readLimited(response, options.maxBytes, what, () => timedOut, options.timeoutMs);
    return { status: 'ok', bytes, etag: response.headers.get('etag') ?? undefined, url: response.url || url };
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(
  response: Response,
  maxBytes: number,
  what: string,
  timedOut: () => boolean,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(what, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (timedOut()) throw timeoutError(what, timeoutMs);
    throw new FeedError('truncated', `The download of ${what} broke off before it was complete (${describe(error)}).`);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(what: string, maxBytes: number): FeedError {
  return new FeedError('too-large', `The update server sent more than ${formatBytes(maxBytes)} for ${what}; it was not accepted.`);
}

function timeoutError(what: string, timeoutMs: number): FeedError {
  return new FeedError('timeout', `The update server did not answer within ${Math.round(timeoutMs / 1000)} seconds for ${what}.`);
}

function statusWords(status: number): string {
  if (status === 404) return ' (not found)';
  if (status === 403) return ' (forbidden)';
  if (status >= 500) return ' (server error)';
  return '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}
