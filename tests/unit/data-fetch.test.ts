// data:fetch against a local 127.0.0.1 server: conditional requests, size caps, timeouts, retries,
// a changed format and a failed download, and the rule that nothing half-fetched is ever used.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dodReleasePage, fccCoveredListPage, ofacEnhancedXml } from '../../scripts/fetch/formats';
import { readLock, writeLock } from '../../scripts/fetch/lock';
import { fetchSources, type FetchOptions } from '../../scripts/fetch/run';
import { SOURCES, sourceUrl, type Source } from '../../scripts/fetch/sources';

const FIXTURES = join(import.meta.dirname, '../fixtures/pipeline/v1');
const CONS = readFileSync(join(FIXTURES, 'api/PublicationPreview/exports/CONS_ENHANCED.XML'), 'utf8');
const FCC = readFileSync(join(FIXTURES, 'supplychain/coveredlist'), 'utf8');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let routes: Map<string, Handler>;
let requests: { path: string; headers: IncomingMessage['headers'] }[];
let dir: string;

beforeEach(async () => {
  routes = new Map();
  requests = [];
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'data-fetch-'));
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Serves `body` with an ETag, answering 304 when the client already has it. */
function serveWithEtag(path: string, body: () => string, etag: () => string): void {
  routes.set(path, (req, res) => {
    if (req.headers['if-none-match'] === etag()) return void res.writeHead(304).end();
    res.writeHead(200, { etag: etag(), 'content-type': 'application/xml' }).end(body());
  });
}

const cons: Source = { ...SOURCES.find((s) => s.id === 'ofac-consolidated')!, timeoutMs: 2000 };
const fcc: Source = { ...SOURCES.find((s) => s.id === 'fcc-covered')!, timeoutMs: 2000 };
const consPath = new URL(cons.url).pathname;
const fccPath = new URL(fcc.url).pathname;

function run(options: Partial<FetchOptions> = {}) {
  const lockPath = join(dir, 'lock.json');
  return fetchSources({ sources: [cons], outDir: join(dir, 'out'), lock: readLock(lockPath), mirror: base, retries: 0, backoffMs: 10, ...options });
}

async function runAndLock(options: Partial<FetchOptions> = {}) {
  const result = await run(options);
  if (result.ok) writeLock(join(dir, 'lock.json'), result.lock);
  return result;
}

describe('data:fetch', () => {
  it('keeps the official path and query under a mirror', () => {
    expect(sourceUrl(cons, 'http://127.0.0.1:9/m/')).toBe('http://127.0.0.1:9/m/api/PublicationPreview/exports/CONS_ENHANCED.XML');
    const fr = SOURCES.find((s) => s.id === 'federal-register-1260h')!;
    expect(sourceUrl(fr, 'http://127.0.0.1:9')).toBe(`http://127.0.0.1:9/api/v1/documents.json${new URL(fr.url).search}`);
    expect(sourceUrl(cons)).toBe(cons.url);
  });

  it('records URL, size, sha256, server date and the data’s own as-of date, then asks again conditionally', async () => {
    let etag = '"v1"';
    serveWithEtag(consPath, () => CONS, () => etag);
    const first = await runAndLock();
    expect(first.ok).toBe(true);
    const entry = first.lock.sources['ofac-consolidated'];
    expect(entry).toMatchObject({ url: `${base}${consPath}`, size: Buffer.byteLength(CONS), asOf: '2026-10-01', etag: '"v1"' });
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.httpDate).toMatch(/GMT$/);
    expect(readFileSync(join(dir, 'out/CONS_ENHANCED.XML'), 'utf8')).toBe(CONS);

    const second = await runAndLock({ now: () => new Date('2030-01-01T00:00:00Z') });
    expect(requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(second.outcomes[0].status).toBe('unchanged');
    expect(second.lock.sources['ofac-consolidated']).toMatchObject({ fetchedAt: entry.fetchedAt, checkedAt: '2030-01-01T00:00:00.000Z', sha256: entry.sha256 });

    etag = '"v2"';
    const third = await runAndLock();
    expect(third.outcomes[0].status).toBe('unchanged'); // same bytes under a new ETag
    expect(third.lock.sources['ofac-consolidated'].etag).toBe('"v2"');
  });

  it('sends no validators when the file they describe is gone, so a deleted file is fetched again', async () => {
    serveWithEtag(consPath, () => CONS, () => '"v1"');
    await runAndLock();
    rmSync(join(dir, 'out/CONS_ENHANCED.XML'));
    const again = await runAndLock();
    expect(requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(again.ok).toBe(true);
    expect(existsSync(join(dir, 'out/CONS_ENHANCED.XML'))).toBe(true);
  });

  it('stops a file over its size cap, whether the size is announced or only found while streaming', async () => {
    routes.set(consPath, (_req, res) => res.writeHead(200, { 'content-length': String(Buffer.byteLength(CONS)) }).end(CONS));
    const announced = await run({ maxBytes: 10_000 });
    expect(announced.ok).toBe(false);
    expect(announced.outcomes[0].message).toMatch(/more than the 10000 allowed/);

    routes.set(consPath, (_req, res) => {
      res.writeHead(200); // chunked: no length announced
      res.write(CONS.slice(0, 8000));
      res.end(CONS.slice(8000));
    });
    const streamed = await run({ maxBytes: 10_000 });
    expect(streamed.ok).toBe(false);
    expect(streamed.outcomes[0].message).toMatch(/passed the 10000 bytes allowed/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('gives up on a server that does not answer in time, after its retries', async () => {
    routes.set(consPath, () => undefined); // never answers
    const result = await run({ timeoutMs: 200, retries: 1 });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0].message).toMatch(/no complete answer within 0.2 s \(gave up after 2 attempts\)/);
    expect(requests.filter((r) => r.path === consPath)).toHaveLength(2);
  });

  it('accepts a compressed answer, whose Content-Length counts compressed bytes', async () => {
    const body = gzipSync(CONS);
    routes.set(consPath, (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body));
    const result = await run();
    expect(result.ok).toBe(true);
    expect(result.lock.sources['ofac-consolidated'].size).toBe(Buffer.byteLength(CONS));
  });

  it('treats a connection cut before the announced length as a failed download', async () => {
    routes.set(consPath, (_req, res) => {
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(CONS)) });
      res.write(CONS.slice(0, 5000));
      setTimeout(() => res.destroy(), 50);
    });
    const result = await run({ retries: 1 });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0].message).toMatch(/gave up after 2 attempts/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('retries a 503 with backoff and uses the file once the server recovers', async () => {
    let calls = 0;
    routes.set(consPath, (_req, res) => (++calls === 1 ? res.writeHead(503).end() : res.writeHead(200).end(CONS)));
    const result = await run({ retries: 2 });
    expect(result.ok).toBe(true);
    expect(calls).toBe(2);
  });

  it('refuses a file whose format changed, naming what is wrong, and keeps the previous file and lock', async () => {
    serveWithEtag(consPath, () => CONS, () => '"v1"');
    await runAndLock();
    const lockBefore = readFileSync(join(dir, 'lock.json'), 'utf8');

    routes.set(consPath, (_req, res) => res.writeHead(200).end('<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry/></sdnList>'));
    const renamed = await run();
    expect(renamed.ok).toBe(false);
    expect(renamed.outcomes[0].message).toMatch(/format changed: root element is <sdnList>/);

    routes.set(consPath, (_req, res) => res.writeHead(200).end(CONS.slice(0, CONS.length - 200)));
    const cut = await run();
    expect(cut.outcomes[0].message).toMatch(/format changed: not well-formed XML/);

    routes.set(fccPath, (_req, res) => res.writeHead(200).end(FCC.replace('Date of Inclusion on Covered List', 'Date Added')));
    const fccChanged = await run({ sources: [fcc] });
    expect(fccChanged.outcomes[0].message).toMatch(/format changed: no table headed/);

    expect(readFileSync(join(dir, 'out/CONS_ENHANCED.XML'), 'utf8')).toBe(CONS);
    expect(readFileSync(join(dir, 'lock.json'), 'utf8')).toBe(lockBefore);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('uses nothing from a run where one source failed: the other source’s new file is not put in place', async () => {
    serveWithEtag(consPath, () => CONS, () => '"v1"');
    routes.set(fccPath, (_req, res) => res.writeHead(200).end(FCC));
    await runAndLock({ sources: [cons, fcc] });
    const csvBefore = readFileSync(join(dir, 'out/fcc-covered.csv'), 'utf8');

    const newer = CONS.replace('2026-10-01T00:00:00', '2026-11-24T00:00:00');
    serveWithEtag(consPath, () => newer, () => '"v2"');
    routes.set(fccPath, (_req, res) => res.writeHead(404).end());
    const result = await run({ sources: [cons, fcc] });
    expect(result.ok).toBe(false);
    expect(result.outcomes.map((o) => o.status)).toEqual(['changed', 'failed']);
    expect(result.outcomes[1].message).toBe('the server answered 404 Not Found');
    expect(readFileSync(join(dir, 'out/CONS_ENHANCED.XML'), 'utf8')).toBe(CONS);
    expect(readFileSync(join(dir, 'out/fcc-covered.csv'), 'utf8')).toBe(csvBefore);
    expect(readLock(join(dir, 'lock.json')).sources['ofac-consolidated'].asOf).toBe('2026-10-01');
  });

  it('refuses a file older than the one fetched before (a stale mirror)', async () => {
    serveWithEtag(consPath, () => CONS, () => '"v1"');
    await runAndLock();
    routes.set(consPath, (_req, res) => res.writeHead(200).end(CONS.replace('2026-10-01T00:00:00', '2026-01-08T00:00:00')));
    const result = await run();
    expect(result.ok).toBe(false);
    expect(result.outcomes[0].message).toMatch(/as of 2026-01-08, older than the 2026-10-01 fetched before/);
  });

  it('reports a new 1260H edition as needing curation once, with its address, and never one already curated', async () => {
    const dod: Source = { ...SOURCES.find((s) => s.id === 'dod-1260h-releases')!, timeoutMs: 2000 };
    const known = 'https://media.defense.gov/2025/Jan/07/known.PDF';
    const fresh = 'https://media.defense.gov/2026/Nov/23/new-edition.PDF';
    let page = `<p>Section 1260H list</p><a href="${known}">2025 edition</a>`;
    routes.set(new URL(dod.url).pathname, (_req, res) => res.writeHead(200).end(page));
    const first = await runAndLock({ sources: [dod], knownLinks: new Set([known]) });
    expect(first.curation).toEqual([]);
    page += `<a href="${fresh}">List of entities (November 23, 2026)</a>`;
    const second = await runAndLock({ sources: [dod], knownLinks: new Set([known]) });
    expect(second.curation).toEqual([{ source: 'dod-1260h-releases', url: fresh, title: 'List of entities (November 23, 2026)' }]);
    const third = await runAndLock({ sources: [dod], knownLinks: new Set([known]) });
    expect(third.curation).toEqual([]);
  });
});

describe('format checks on official-format excerpts', () => {
  it('reads OFAC’s ENHANCED XML as a stream: entries and dataAsOf', async () => {
    await expect(ofacEnhancedXml(1)(join(FIXTURES, 'api/PublicationPreview/exports/CONS_ENHANCED.XML'))).resolves.toMatchObject({
      asOf: '2026-10-01',
      summary: '5 entries, data as of 2026-10-01',
    });
  });

  it('turns the FCC page’s table into the CSV the build reads, with the latest date as as-of', async () => {
    const result = await fccCoveredListPage(join(FIXTURES, 'supplychain/coveredlist'));
    expect(result.asOf).toBe('2026-07-21');
    const csv = result.derived![0].text.split('\n');
    expect(csv[0]).toBe('covered_equipment_or_services,date_of_inclusion_on_covered_list');
    expect(csv[1]).toMatch(/^"Telecommunications equipment produced by Huawei Technologies Company, .*","March 12, 2021"$/);
  });

  it('lists the PDF editions and release articles a DoD release page links, and refuses a page that no longer is about 1260H', async () => {
    const result = await dodReleasePage(join(FIXTURES, 'News/Releases/Search/1260H/index.html'));
    expect(result.links!.map((l) => new URL(l.url).pathname.split('/')[1])).toEqual(['2025', '2026']);
    const articles = join(dir, 'articles.html');
    writeFileSync(articles, '<h1>1260H</h1><a href="/News/Releases/Release/Article/4200000/dod-releases-list/">DoD Releases List</a><a href="/About/">About</a>');
    expect((await dodReleasePage(articles)).links).toEqual([
      { url: 'https://www.defense.gov/News/Releases/Release/Article/4200000/dod-releases-list/', title: 'DoD Releases List' },
    ]);
    const other = join(dir, 'other.html');
    writeFileSync(other, '<a href="x.pdf">Annual report</a>');
    await expect(dodReleasePage(other)).rejects.toThrow(/no longer mentions Section 1260H/);
  });
});
