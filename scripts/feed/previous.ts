// The last published feed, read back from a copy of the site (the workflow checks out its branch):
// the manifest must be signed by a trusted key and the dataset must match it, or the comparison
// that guards every publication would be made against something nobody signed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex, type FeedPublicKey } from '../../lib/feed/crypto';
import { openEnvelope, type FeedManifest } from '../../lib/feed/manifest';
import type { Dataset } from '../../lib/dataset/types';
import { validateDataset } from '../../lib/dataset/validate';

export interface Published {
  manifest: FeedManifest;
  dataset: Dataset;
  datasetBytes: Uint8Array;
  datasetFileName: string;
}

/** The feed published in `dir`, or undefined when nothing was ever published there. */
export async function readPublished(dir: string, trustedKeys: readonly FeedPublicKey[]): Promise<Published | undefined> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = await openEnvelope(readFileSync(manifestPath), trustedKeys).catch((error: Error) => {
    throw new Error(`the published ${manifestPath} cannot be trusted: ${error.message}`);
  });
  const datasetFileName = manifest.datasetUrl.split('/').pop()!;
  const datasetPath = join(dir, datasetFileName);
  if (!existsSync(datasetPath)) throw new Error(`the published manifest names ${datasetFileName}, which is not in ${dir}`);
  const datasetBytes = new Uint8Array(readFileSync(datasetPath));
  if (datasetBytes.byteLength !== manifest.size || (await sha256Hex(datasetBytes)) !== manifest.sha256) {
    throw new Error(`the published ${datasetFileName} does not match its signed manifest (size or SHA-256)`);
  }
  return { manifest, dataset: validateDataset(JSON.parse(new TextDecoder().decode(datasetBytes))), datasetBytes, datasetFileName };
}

/** The dataset without the fields feed:build adds, so two builds of the same data compare equal. */
export function dataOnly(dataset: Dataset): string {
  const { changes: _changes, generatedAt: _generatedAt, ...rest } = dataset;
  return JSON.stringify(rest);
}
