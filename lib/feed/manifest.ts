// The feed's manifest: what a publisher signs and what the extension checks before it downloads
// anything else. The file on the server is an envelope holding the manifest as an exact string plus
// signatures over that string's UTF-8 bytes, so no JSON canonicalisation is needed and the manifest
// and its signature can never be served out of step (one file, one request).
//
// The manifest binds the dataset's hash and size, so a dataset cannot be swapped under a valid
// manifest (mix-and-match), and its version is checked against the active one (rollback).
import { FeedError } from './errors';
import { fromBase64Url, keyIdOf, sign, toBase64Url, verifySignature, type FeedPublicKey } from './crypto';
import { isDottedVersion } from './version';

export const FEED_FORMAT = 'sanctions-lens-feed/1';

export interface FeedManifest {
  /** The dataset's version; strictly newer than the active one to be applied. */
  version: string;
  /** ISO timestamp. */
  generatedAt: string;
  /** ISO timestamp after which the data counts as stale even if nothing newer is published. */
  expires: string;
  /** Dataset location, relative to the manifest or absolute on the same origin. */
  datasetUrl: string;
  /** Lower-case hex SHA-256 of the dataset file's bytes. */
  sha256: string;
  /** The dataset file's exact size in bytes. */
  size: number;
  /** Oldest extension version that understands this dataset. */
  minExtensionVersion: string;
}

export interface FeedSignature {
  keyId: string;
  /** ECDSA P-256 / SHA-256, raw r‖s, base64url. */
  sig: string;
}

export interface FeedEnvelope {
  format: typeof FEED_FORMAT;
  /** The manifest JSON, exactly as signed. */
  manifest: string;
  signatures: FeedSignature[];
}

const encoder = new TextEncoder();

export async function signManifest(manifest: FeedManifest, privateKey: JsonWebKey, publicKey: FeedPublicKey): Promise<FeedEnvelope> {
  const text = JSON.stringify(manifest, null, 2);
  const signature = await sign(privateKey, encoder.encode(text));
  return { format: FEED_FORMAT, manifest: text, signatures: [{ keyId: await keyIdOf(publicKey), sig: toBase64Url(signature) }] };
}

/**
 * Checks the envelope's signature against the trusted keys, then the manifest's fields.
 * Nothing in the manifest is read before its signature has been verified.
 */
export async function openEnvelope(bytes: Uint8Array, trustedKeys: readonly FeedPublicKey[]): Promise<FeedManifest> {
  return (await openEnvelopeWithKey(bytes, trustedKeys)).manifest;
}

/** As openEnvelope, also saying which trusted key verified it (stored with the list it signs). */
export async function openEnvelopeWithKey(
  bytes: Uint8Array,
  trustedKeys: readonly FeedPublicKey[],
): Promise<{ manifest: FeedManifest; keyId: string }> {
  let envelope: Partial<FeedEnvelope>;
  try {
    envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new FeedError('bad-manifest', 'The update manifest is not valid JSON; the file may be damaged or incomplete.');
  }
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== FEED_FORMAT || typeof envelope.manifest !== 'string') {
    throw new FeedError('bad-manifest', `The update manifest is not in the expected format (${FEED_FORMAT}).`);
  }
  const signatures = Array.isArray(envelope.signatures) ? envelope.signatures : [];
  if (signatures.length === 0) {
    throw new FeedError('unsigned', 'The update manifest is not signed, so it cannot be trusted; it was ignored.');
  }
  const trusted = await Promise.all(trustedKeys.map(async (key) => ({ key, id: await keyIdOf(key) })));
  const signed = encoder.encode(envelope.manifest);
  let triedTrustedKey = false;
  for (const entry of signatures) {
    if (typeof entry !== 'object' || entry === null || typeof entry.sig !== 'string') continue;
    for (const { key, id } of trusted) {
      if (entry.keyId !== undefined && entry.keyId !== id) continue;
      triedTrustedKey = true;
      let signature: Uint8Array;
      try {
        signature = fromBase64Url(entry.sig);
      } catch {
        continue;
      }
      if (await verifySignature(key, signature, signed)) return { manifest: parseManifest(envelope.manifest), keyId: id };
    }
  }
  if (!triedTrustedKey) {
    throw new FeedError('unknown-key', 'The update is signed by a key this extension does not trust; it was ignored.');
  }
  throw new FeedError('bad-signature', 'The update’s signature does not match its content (it may have been tampered with); it was ignored.');
}

function parseManifest(text: string): FeedManifest {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FeedError('bad-manifest', 'The signed update manifest is not valid JSON.');
  }
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) throw new FeedError('bad-manifest', 'The signed update manifest is not an object.');
  if (!isDottedVersion(value.version)) problems.push('version');
  if (!isTimestamp(value.generatedAt)) problems.push('generatedAt');
  if (!isTimestamp(value.expires)) problems.push('expires');
  if (typeof value.datasetUrl !== 'string' || value.datasetUrl.length === 0) problems.push('datasetUrl');
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) problems.push('sha256');
  if (typeof value.size !== 'number' || !Number.isSafeInteger(value.size) || value.size <= 0) problems.push('size');
  if (!isDottedVersion(value.minExtensionVersion)) problems.push('minExtensionVersion');
  if (problems.length > 0) {
    throw new FeedError('bad-manifest', `The signed update manifest has missing or invalid fields: ${problems.join(', ')}.`);
  }
  return value as unknown as FeedManifest;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
