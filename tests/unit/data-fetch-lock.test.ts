// data/sources.lock.json must say exactly what the committed dataset was built from: the dataset's
// own bytes, and for every source the dataset cites, the files read with their official address,
// size, sha256 and as-of date, agreeing with the dataset's `sources[]`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { buildRecord } from '../../scripts/fetch/build-record';
import { readLock, sha256Of, writeLock, type LockEntry } from '../../scripts/fetch/lock';
import { makeDataset } from './feed-helpers';

const ROOT = join(import.meta.dirname, '../..');
const datasetText = readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8');
const dataset: Dataset = JSON.parse(datasetText);
const lock = readLock(join(ROOT, 'data/sources.lock.json'));

describe('the committed lock and the committed dataset', () => {
  it('describes this very dataset file', () => {
    expect(lock.build, 'data/sources.lock.json has no build record: run npm run data:build').toBeDefined();
    expect(lock.build!.dataset).toEqual({ file: 'public/data/dataset.json', version: dataset.version, size: Buffer.byteLength(datasetText), sha256: sha256Of(datasetText) });
  });

  it('names files for every source the dataset cites, with the same as-of dates', () => {
    const files = lock.build!.files;
    const cited = new Set(files.flatMap((f) => f.sourceIds));
    for (const source of dataset.sources) expect(cited.has(source.id), `no file in the lock for source ${source.id}`).toBe(true);
    const ids = new Set(dataset.sources.map((s) => s.id));
    for (const file of files) for (const id of file.sourceIds) expect(ids.has(id), `${file.file} names ${id}, which the dataset does not cite`).toBe(true);
    for (const source of dataset.sources) {
      const dated = files.filter((f) => f.sourceIds.includes(source.id) && f.asOf).map((f) => f.asOf!);
      if (dated.length > 0) expect([...dated].sort().at(-1), `as-of date of ${source.id}`).toBe(source.asOf);
    }
  });

  it('gives each official file its government address, and each file its exact bytes', () => {
    for (const file of lock.build!.files) {
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.size).toBeGreaterThan(0);
      expect(file.asOfFrom.length).toBeGreaterThan(0);
      if (file.input === 'curated' || file.input === 'sdn-history') continue;
      expect(new URL(file.url!).protocol).toBe('https:');
      expect(new URL(file.url!).hostname).toMatch(/\.gov$/);
    }
  });

  it('holds the files it names in this checkout as they are now (rebuild after editing them)', () => {
    // Named by a path: files inside the checkout (the curated file always; fetched files after data:fetch).
    const kept = lock.build!.files.filter((f) => f.file.includes('/') && existsSync(join(ROOT, f.file)));
    expect(kept.map((f) => f.file)).toContain('data/curated.json');
    for (const file of kept) {
      const bytes = readFileSync(join(ROOT, file.file));
      expect({ file: file.file, sha256: sha256Of(bytes), size: bytes.length }).toEqual({ file: file.file, sha256: file.sha256, size: file.size });
    }
  });
});

describe('the build record', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records what was read, ties a file to its download by sha256, and never a machine’s folders', () => {
    const xml = join(dir, 'CONS_ENHANCED.XML');
    const csv = join(dir, 'cons_prim.csv');
    writeFileSync(xml, '<sanctionsData>official bytes</sanctionsData>');
    writeFileSync(csv, '1,"A CO",-0-');
    const small = makeDataset('2026.11.20.1');
    small.sources = [{ id: 'ofac-consolidated', title: 'OFAC Consolidated List', url: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList', asOf: '2026-11-19' }];
    const download: LockEntry = {
      url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.XML',
      file: 'CONS_ENHANCED.XML',
      fetchedAt: '2026-11-20T06:23:00.000Z',
      checkedAt: '2026-11-20T06:23:00.000Z',
      httpDate: 'Fri, 20 Nov 2026 06:23:00 GMT',
      size: readFileSync(xml).length,
      sha256: sha256Of(readFileSync(xml)),
    };
    const record = buildRecord({
      read: [{ input: 'ofac-xml', path: xml }, { input: 'ofac-csv', path: csv }],
      dataset: small,
      datasetText: '{"version":"2026.11.20.1"}',
      datasetFile: 'dataset.json',
      fetched: { 'ofac-consolidated': download, other: { ...download, sha256: 'f'.repeat(64), url: 'https://example.gov/other' } },
      root: join(dir, 'elsewhere'),
    });
    expect(record.files).toEqual([
      {
        input: 'ofac-xml',
        file: 'CONS_ENHANCED.XML',
        sourceIds: ['ofac-consolidated'],
        url: download.url,
        asOf: '2026-11-19',
        asOfFrom: 'the file’s publicationInfo dataAsOf',
        size: readFileSync(xml).length,
        sha256: download.sha256,
        fetched: { url: download.url, fetchedAt: download.fetchedAt, httpDate: download.httpDate },
      },
      {
        input: 'ofac-csv',
        file: 'cons_prim.csv',
        sourceIds: ['ofac-consolidated'],
        url: 'https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv',
        asOfFrom: 'none: OFAC’s legacy CSV states no date',
        size: Buffer.byteLength('1,"A CO",-0-'),
        sha256: sha256Of('1,"A CO",-0-'),
      },
    ]);
    expect(record.dataset).toEqual({ file: 'dataset.json', version: '2026.11.20.1', size: 26, sha256: sha256Of('{"version":"2026.11.20.1"}') });
  });

  it('survives data:fetch rewriting the lock, and the fetch record survives it', () => {
    const path = join(dir, 'sources.lock.json');
    writeLock(path, { build: lock.build, sources: { b: { url: 'https://b.gov/', file: 'b', fetchedAt: 'x', checkedAt: 'x', size: 1, sha256: 'a'.repeat(64) }, a: { url: 'https://a.gov/', file: 'a', fetchedAt: 'x', checkedAt: 'x', size: 1, sha256: 'b'.repeat(64) } } });
    const again = readLock(path);
    expect(again.build).toEqual(lock.build);
    expect(Object.keys(again.sources)).toEqual(['a', 'b']);
  });
});
