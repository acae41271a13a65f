// The pure pieces of the feed: signing round trip, key ids, version order, dataset URL rules,
// the published files, and the staleness rule.
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf, sha256Hex } from '../../lib/feed/crypto';
import { openEnvelope } from '../../lib/feed/manifest';
import { staleReason } from '../../lib/feed/schedule';
import { resolveDatasetUrl } from '../../lib/feed/verify';
import { compareVersions } from '../../lib/feed/version';
import { bytesOf, makeDataset, signedFeed } from './feed-helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('feed signing', () => {
  it('a built feed opens with its own key, names the dataset by version and binds its hash and size', async () => {
    const keys = await generateSigningKeyPair();
    const dataset = makeDataset('2026.11.26.1');
    const feed = await signedFeed(dataset, keys.privateKey, { baseUrl: 'https://example.org/feed' });
    const manifest = await openEnvelope(feed.manifestBytes, [keys.publicKey]);
    expect(manifest).toEqual(feed.manifest);
    expect(manifest.datasetUrl).toBe('https://example.org/feed/dataset-2026.11.26.1.json');
    expect(manifest.sha256).toBe(await sha256Hex(bytesOf(dataset)));
    expect(manifest.size).toBe(bytesOf(dataset).byteLength);
    expect(Date.parse(manifest.expires) - Date.parse(manifest.generatedAt)).toBe(14 * DAY);
  });

  it('refuses to build a feed from an invalid dataset', async () => {
    const keys = await generateSigningKeyPair();
    const invalid = { ...makeDataset('2026.11.26.1'), version: 'latest' };
    await expect(signedFeed(invalid, keys.privateKey)).rejects.toThrow(/version: must look like/);
  });

  it('key ids are stable and differ between keys', async () => {
    const a = await generateSigningKeyPair();
    const b = await generateSigningKeyPair();
    expect(await keyIdOf(a.publicKey)).toBe(await keyIdOf({ ...a.publicKey }));
    expect(await keyIdOf(a.publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(await keyIdOf(a.publicKey)).not.toBe(await keyIdOf(b.publicKey));
  });

  it('accepts a manifest signed by any one of several trusted keys', async () => {
    const a = await generateSigningKeyPair();
    const b = await generateSigningKeyPair();
    const feed = await signedFeed(makeDataset('2026.11.26.1'), b.privateKey);
    await expect(openEnvelope(feed.manifestBytes, [a.publicKey, b.publicKey])).resolves.toMatchObject({ version: '2026.11.26.1' });
    await expect(openEnvelope(feed.manifestBytes, [a.publicKey])).rejects.toThrow(/does not trust/);
  });
});

describe('versions', () => {
  it('orders dotted versions numerically, missing parts as zero', () => {
    expect(compareVersions('2026.11.26.10', '2026.11.26.9')).toBeGreaterThan(0);
    expect(compareVersions('2026.11.26.1', '2026.12.01.1')).toBeLessThan(0);
    expect(compareVersions('0.1', '0.1.0')).toBe(0);
    expect(compareVersions('0.9.0', '0.10.0')).toBeLessThan(0);
  });
});

describe('dataset URL', () => {
  const manifest = (datasetUrl: string) => ({ ...makeManifest(), datasetUrl });
  it('resolves relative to the manifest and accepts absolute URLs on the same origin', () => {
    expect(resolveDatasetUrl(manifest('dataset-1.json'), 'https://a.example/feed/manifest.json')).toBe('https://a.example/feed/dataset-1.json');
    expect(resolveDatasetUrl(manifest('/other/d.json'), 'https://a.example/feed/manifest.json')).toBe('https://a.example/other/d.json');
  });
  it('refuses other origins, including another port or scheme on the same host', () => {
    for (const url of ['https://b.example/d.json', 'https://a.example:8443/d.json', 'http://a.example/d.json', '//b.example/d.json']) {
      expect(() => resolveDatasetUrl(manifest(url), 'https://a.example/feed/manifest.json')).toThrow(/another server/);
    }
  });
});

describe('staleness', () => {
  const now = Date.parse('2026-11-26T06:00:00Z');
  it('is fresh right after install and stale three days later if the feed never answered', () => {
    expect(staleReason({ now, trackingSince: now - DAY })).toBeUndefined();
    expect(staleReason({ now, trackingSince: now - 3 * DAY - 1 })).toMatch(/never been updated from the feed/);
  });
  it('an expired manifest is stale even right after a successful check', () => {
    expect(staleReason({ now, lastSuccess: now, manifestExpires: now - 1 })).toMatch(/expired on 2026-11-26/);
  });
});

function makeManifest() {
  return {
    version: '2026.11.26.1',
    generatedAt: '2026-11-26T00:00:00Z',
    expires: '2026-12-10T00:00:00Z',
    datasetUrl: 'dataset.json',
    sha256: '0'.repeat(64),
    size: 10,
    minExtensionVersion: '0.1.0',
  };
}
