// Builds a signed feed from a dataset file: used by `npm run feed:build` and by tests, which sign
// feeds with keys they generate. The dataset bytes are published exactly as given, under a name
// that carries the version, so a cached old file can never be mistaken for a new one.
import { validateDataset } from '../dataset/validate';
import { checkCanary } from '../dataset/blast-radius';
import { createMatcher } from '../match';
import { MIN_EXTENSION_VERSION } from './config';
import { publicKeyOf, sha256Hex } from './crypto';
import { signManifest, type FeedEnvelope, type FeedManifest } from './manifest';

export interface BuiltFeed {
  manifest: FeedManifest;
  /** The bytes of manifest.json (envelope with signature). */
  manifestBytes: Uint8Array;
  datasetFileName: string;
  datasetBytes: Uint8Array;
}

export interface BuildFeedOptions {
  datasetBytes: Uint8Array;
  privateKey: JsonWebKey;
  now: Date;
  expiresDays: number;
  /** Absolute folder URL the feed is served from; without it the dataset URL is relative. */
  baseUrl?: string;
  minExtensionVersion?: string;
}

export async function buildFeed(options: BuildFeedOptions): Promise<BuiltFeed> {
  // The same checks the extension makes on receipt, so a bad build is stopped here, not by users.
  const dataset = validateDataset(JSON.parse(new TextDecoder().decode(options.datasetBytes)));
  const canary = checkCanary(createMatcher(dataset));
  if (canary.problems.length > 0) throw new Error(`refusing to publish: the dataset ${canary.problems[0].message}`);
  if (!(options.expiresDays > 0)) throw new Error('expiresDays must be a positive number of days');
  const datasetFileName = `dataset-${dataset.version}.json`;
  const datasetUrl = options.baseUrl ? new URL(datasetFileName, options.baseUrl.replace(/\/?$/, '/')).href : datasetFileName;
  const manifest: FeedManifest = {
    version: dataset.version,
    generatedAt: options.now.toISOString(),
    expires: new Date(options.now.getTime() + options.expiresDays * 24 * 60 * 60 * 1000).toISOString(),
    datasetUrl,
    sha256: await sha256Hex(options.datasetBytes),
    size: options.datasetBytes.byteLength,
    minExtensionVersion: options.minExtensionVersion ?? MIN_EXTENSION_VERSION,
  };
  const envelope: FeedEnvelope = await signManifest(manifest, options.privateKey, publicKeyOf(options.privateKey));
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`);
  return { manifest, manifestBytes, datasetFileName, datasetBytes: options.datasetBytes };
}
