// Reading back the published feed that every new publication is compared with: it must be signed by
// a trusted key and its dataset must match the manifest, or the comparison means nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../lib/feed/crypto';
import { buildFeed, type BuiltFeed } from '../../lib/feed/publish';
import { dataOnly, readPublished } from '../../scripts/feed/previous';

const bytes = readFileSync(join(import.meta.dirname, '../../public/data/dataset.json'));
let keys: Awaited<ReturnType<typeof generateSigningKeyPair>>;
let feed: BuiltFeed;
let dir: string;

function publish(datasetBytes: Uint8Array = feed.datasetBytes): void {
  writeFileSync(join(dir, feed.datasetFileName), datasetBytes);
  writeFileSync(join(dir, 'manifest.json'), feed.manifestBytes);
}

beforeAll(async () => {
  keys = await generateSigningKeyPair();
  feed = await buildFeed({ datasetBytes: bytes, privateKey: keys.privateKey, now: new Date(), expiresDays: 14 });
  dir = mkdtempSync(join(tmpdir(), 'feed-previous-'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the published feed', () => {
  it('is read back with its dataset when the signature and fingerprint hold', async () => {
    publish();
    const published = await readPublished(dir, [keys.publicKey]);
    expect(published?.manifest.version).toBe(feed.manifest.version);
    expect(dataOnly(published!.dataset)).toBe(dataOnly(JSON.parse(new TextDecoder().decode(bytes))));
  });

  it('is refused when signed by a key nobody trusts, or when its dataset was altered', async () => {
    publish();
    const other = await generateSigningKeyPair();
    await expect(readPublished(dir, [other.publicKey])).rejects.toThrow(/cannot be trusted: .*does not trust/);
    const altered = new Uint8Array(feed.datasetBytes);
    altered[100] ^= 1;
    publish(altered);
    await expect(readPublished(dir, [keys.publicKey])).rejects.toThrow(/does not match its signed manifest/);
  });

  it('is absent in a folder where nothing was published yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'feed-previous-empty-'));
    await expect(readPublished(empty, [keys.publicKey])).resolves.toBeUndefined();
    rmSync(empty, { recursive: true });
  });
});
