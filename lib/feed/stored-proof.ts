// Verify on use: a list from the feed is stored with the signed manifest that vouched for it, and
// every read checks the pair again — signature against the keys this build trusts, size and
// SHA-256 of the stored text, version not ahead of the clock. So a list written into storage by
// anything but the updater (a compromised page renderer, a damaged profile), or one signed by a
// key a later release stopped trusting, is never used.
import type { FeedPublicKey } from './crypto';
import { sha256Hex } from './crypto';
import { FeedError } from './errors';
import { openEnvelopeWithKey, type FeedManifest } from './manifest';
import { versionProblem } from './bounds';

export type StoredProofCheck =
  | { ok: true; keyId: string; manifest: FeedManifest }
  | { ok: false; problem: string };

const encoder = new TextEncoder();

export async function verifyStoredCopy(
  text: string,
  envelope: unknown,
  trustedKeys: readonly FeedPublicKey[],
  now: number,
): Promise<StoredProofCheck> {
  if (typeof envelope !== 'string' || envelope.length === 0) {
    return { ok: false, problem: 'it carries no signature' };
  }
  let opened: { manifest: FeedManifest; keyId: string };
  try {
    opened = await openEnvelopeWithKey(encoder.encode(envelope), trustedKeys);
  } catch (error) {
    if (error instanceof FeedError && error.code === 'unknown-key') {
      return { ok: false, problem: 'it was signed by a key this version of the extension no longer trusts' };
    }
    return { ok: false, problem: 'its signature does not verify' };
  }
  const bytes = encoder.encode(text);
  if (bytes.byteLength !== opened.manifest.size || (await sha256Hex(bytes)) !== opened.manifest.sha256) {
    return { ok: false, problem: 'it does not match its signature' };
  }
  const problem = versionProblem(opened.manifest.version, now);
  if (problem) return { ok: false, problem };
  return { ok: true, keyId: opened.keyId, manifest: opened.manifest };
}
