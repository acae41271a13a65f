// Shared by the feed tests: small valid datasets, a signed feed built with a key generated per
// run, and an in-memory "server" behind a fetch function.
import type { Dataset, Entity } from '../../lib/dataset/types';
import { generateSigningKeyPair, type FeedPublicKey } from '../../lib/feed/crypto';
import { buildFeed, type BuiltFeed } from '../../lib/feed/publish';

export const FEED_URL = 'https://feed.example.org/v1/manifest.json';

export function entity(id: string, name: string, list = 'ofac-ns-cmic'): Entity {
  return {
    id,
    name,
    aliases: [],
    weakAliases: [],
    tickers: [],
    isins: [],
    country: 'CN',
    listings: [{ list, status: 'active', since: '2021-06-03', source: 'https://ofac.treasury.gov/recent-actions/20210603' }],
    rulings: [],
  };
}

export function makeDataset(version: string, extra: Entity[] = []): Dataset {
  return {
    schemaVersion: 1,
    version,
    generatedAt: '2026-11-20T08:00:00.000Z',
    sources: [
      { id: 'ofac-ns-cmic', title: 'OFAC NS-CMIC List', url: 'https://ofac.treasury.gov/consolidated-sanctions-list', asOf: '2026-11-19' },
    ],
    lists: [
      {
        id: 'ofac-ns-cmic',
        name: 'Non-SDN Chinese Military-Industrial Complex Companies List',
        shortName: 'NS-CMIC List',
        authority: 'OFAC',
        legalBasis: 'Executive Order 13959, as amended by EO 14032',
        severity: 'prohibited',
        effect: 'US persons may not buy its publicly traded securities.',
        url: 'https://ofac.treasury.gov/consolidated-sanctions-list',
      },
    ],
    entities: [entity('china-mobile-limited', 'China Mobile Limited'), ...extra],
    rulings: [],
  };
}

export function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export async function makeKeys(): Promise<{ privateKey: JsonWebKey; publicKey: FeedPublicKey }> {
  return generateSigningKeyPair();
}

export async function signedFeed(
  dataset: Dataset,
  privateKey: JsonWebKey,
  options: { now?: Date; expiresDays?: number; baseUrl?: string; minExtensionVersion?: string; datasetBytes?: Uint8Array } = {},
): Promise<BuiltFeed> {
  return buildFeed({
    datasetBytes: options.datasetBytes ?? bytesOf(dataset),
    privateKey,
    now: options.now ?? new Date('2026-11-26T06:00:00Z'),
    expiresDays: options.expiresDays ?? 14,
    baseUrl: options.baseUrl,
    minExtensionVersion: options.minExtensionVersion,
  });
}

export type Handler = (init: RequestInit | undefined) => Response | Promise<Response>;

/** A fetch over a table of URLs; records each request so tests can see what was asked. */
export function fakeServer(routes: Record<string, Handler | Uint8Array>) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    requests.push({ url, headers: { ...((init?.headers as Record<string, string>) ?? {}) } });
    const route = routes[url];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (route instanceof Uint8Array) return new Response(route as BodyInit, { status: 200 });
    return route(init);
  };
  return { fetch, requests, routes };
}

/** Routes serving a built feed at FEED_URL. */
export function feedRoutes(feed: BuiltFeed, manifestUrl = FEED_URL): Record<string, Uint8Array> {
  return {
    [manifestUrl]: feed.manifestBytes,
    [new URL(feed.manifest.datasetUrl, manifestUrl).href]: feed.datasetBytes,
  };
}

/** A body that produces chunks for as long as it is read, counting how many were pulled. */
export function endlessBody(chunkSize = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(new Uint8Array(chunkSize).fill(32));
    },
  });
  return { stream, counter };
}

/** A body that sends the first bytes then fails, as when a connection drops. */
export function brokenBody(bytes: Uint8Array, keep: number): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes.slice(0, keep));
      } else {
        controller.error(new TypeError('network connection was lost'));
      }
    },
  });
}
