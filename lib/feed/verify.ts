// Checks on what the manifest points at, before anything is stored: the dataset URL stays on the
// manifest's origin, the bytes match the signed size and SHA-256, the JSON passes the dataset
// schema, and its version is the one the manifest announced. Pure apart from WebCrypto.
import { checkDataset } from '../dataset/validate';
import { checkCanary } from '../dataset/blast-radius';
import { projectDataset } from '../dataset/project';
import { createMatcher } from '../match';
import type { Dataset } from '../dataset/types';
import { sha256Hex } from './crypto';
import { FeedError } from './errors';
import type { FeedManifest } from './manifest';
import { compareVersions } from './version';

/** The dataset's absolute URL; refuses one on another origin than the manifest's. */
export function resolveDatasetUrl(manifest: FeedManifest, manifestUrl: string): string {
  let resolved: URL;
  try {
    resolved = new URL(manifest.datasetUrl, manifestUrl);
  } catch {
    throw new FeedError('bad-manifest', 'The update manifest names a dataset address that is not a valid URL.');
  }
  const origin = new URL(manifestUrl).origin;
  if (resolved.origin !== origin) {
    throw new FeedError(
      'foreign-url',
      `The update manifest points to a dataset on another server (${resolved.origin}) than the feed (${origin}); it was ignored.`,
    );
  }
  return resolved.href;
}

export function checkExtensionVersion(manifest: FeedManifest, extensionVersion: string): void {
  if (compareVersions(extensionVersion, manifest.minExtensionVersion) < 0) {
    throw new FeedError(
      'extension-too-old',
      `The newer list (${manifest.version}) needs Sanctions Lens ${manifest.minExtensionVersion} or later; this is ${extensionVersion}. Update the extension to receive it.`,
    );
  }
}

export async function verifyDataset(manifest: FeedManifest, bytes: Uint8Array): Promise<Dataset> {
  if (bytes.byteLength < manifest.size) {
    throw new FeedError(
      'truncated',
      `The downloaded list is incomplete (${bytes.byteLength} of ${manifest.size} bytes); the current list is kept.`,
    );
  }
  if (bytes.byteLength > manifest.size) {
    throw new FeedError('too-large', `The downloaded list is larger than the signed manifest allows; it was not accepted.`);
  }
  if ((await sha256Hex(bytes)) !== manifest.sha256) {
    throw new FeedError(
      'wrong-hash',
      'The downloaded list does not match the fingerprint in the signed manifest (it may have been altered); it was not accepted.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new FeedError('invalid-dataset', 'The downloaded list is not valid JSON; it was not accepted.');
  }
  const result = checkDataset(value);
  if (!result.ok) {
    const first = result.errors[0];
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : '';
    throw new FeedError('invalid-dataset', `The downloaded list is malformed — ${first.path}: ${first.message}${more}; it was not accepted.`);
  }
  if (result.dataset.version !== manifest.version) {
    throw new FeedError(
      'version-mismatch',
      `The downloaded list is version ${result.dataset.version}, but the signed manifest announced ${manifest.version}; it was not accepted.`,
    );
  }
  const dataset = projectDataset(result.dataset);
  // Signed is not the same as sane: a list that would mark ordinary prose as companies is refused.
  const canary = checkCanary(createMatcher(dataset));
  if (canary.problems.length > 0) {
    throw new FeedError('poisoned', `The downloaded list was refused: it ${canary.problems[0].message}. The current list is kept.`);
  }
  return dataset;
}
