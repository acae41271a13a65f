// The keys the extension trusts: the lost key is no longer among them, the signing key and the
// next one both are (so the next can take over without stranding anyone), and rotation works as the
// README describes. No private key is ever committed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf, verifySignature, type FeedPublicKey } from '../../lib/feed/crypto';
import { openEnvelope, signManifest, type FeedManifest } from '../../lib/feed/manifest';
import { FEED_PUBLIC_KEYS, NEXT_PUBLIC_KEY, PROJECT_PUBLIC_KEY, RETIRED_KEY_IDS } from '../../lib/feed/public-key';

const ROOT = join(import.meta.dirname, '../..');
const MANIFEST: FeedManifest = {
  version: '2026.12.01.1',
  generatedAt: '2026-12-01T00:00:00.000Z',
  expires: '2026-12-15T00:00:00.000Z',
  datasetUrl: 'dataset-2026.12.01.1.json',
  sha256: 'a'.repeat(64),
  size: 1000,
  minExtensionVersion: '0.1.0',
};

async function signedBy(pair: { privateKey: JsonWebKey; publicKey: FeedPublicKey }) {
  const envelope = await signManifest(MANIFEST, pair.privateKey, pair.publicKey);
  return { manifestBytes: new TextEncoder().encode(JSON.stringify(envelope)) };
}

describe('trusted feed keys', () => {
  it('trusts the signing key and the next key, and not the key whose private half was lost', async () => {
    const ids = await Promise.all(FEED_PUBLIC_KEYS.map(keyIdOf));
    expect(ids).toEqual(['518f3cf9111c0d4b', '9c3ade46d2a2d074']);
    expect(await keyIdOf(PROJECT_PUBLIC_KEY)).toBe('518f3cf9111c0d4b');
    expect(await keyIdOf(NEXT_PUBLIC_KEY)).toBe('9c3ade46d2a2d074');
    expect(RETIRED_KEY_IDS).toContain('0d784f1057b0409f');
    for (const retired of RETIRED_KEY_IDS) expect(ids).not.toContain(retired);
  });

  it('holds real P-256 points (a key WebCrypto cannot import would reject every feed)', async () => {
    for (const key of FEED_PUBLIC_KEYS) {
      await expect(verifySignature(key, new Uint8Array(64), new Uint8Array([1]))).resolves.toBe(false);
    }
  });

  it('rotates without stranding anyone: the next key is trusted one release before it signs', async () => {
    const current = await generateSigningKeyPair();
    const next = await generateSigningKeyPair();
    const after = await generateSigningKeyPair();
    const releaseN: FeedPublicKey[] = [current.publicKey, next.publicKey];
    const releaseN1: FeedPublicKey[] = [next.publicKey, after.publicKey];

    // Before the switch the feed is signed by the current key, which release N trusts.
    await expect(openEnvelope((await signedBy(current)).manifestBytes, releaseN)).resolves.toBeTruthy();
    // After the switch the next key signs: users still on release N accept it, so do those on N+1.
    const bySuccessor = (await signedBy(next)).manifestBytes;
    await expect(openEnvelope(bySuccessor, releaseN)).resolves.toBeTruthy();
    await expect(openEnvelope(bySuccessor, releaseN1)).resolves.toBeTruthy();
    // Release N+1 no longer trusts the retired key: a feed it signs (e.g. with a leaked copy) is refused.
    await expect(openEnvelope((await signedBy(current)).manifestBytes, releaseN1)).rejects.toMatchObject({ code: 'unknown-key' });
  });

  it('keeps every private key out of the repository', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    const privateJwk = /"d"\s*:\s*"[A-Za-z0-9_-]{40,}"/;
    const offenders = files.filter((file) => {
      if (/\.(png|jpg|ico|wasm|tgz|zip)$/i.test(file)) return false;
      try {
        return privateJwk.test(readFileSync(join(ROOT, file), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(offenders).toEqual([]);
  });
});
