// Builds and signs the update feed from the bundled dataset:
//   npm run feed:build -- --key PATH --out DIR [--base-url URL] [--expires-days N] [--dataset PATH]
// Writes DIR/manifest.json (signed) and DIR/dataset-<version>.json. Upload both to the feed's
// folder; older dataset files may stay (they are never referenced again).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keyIdOf, publicKeyOf } from '../lib/feed/crypto';
import { openEnvelope } from '../lib/feed/manifest';
import { FEED_PUBLIC_KEYS } from '../lib/feed/public-key';
import { buildFeed } from '../lib/feed/publish';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    out: { type: 'string' },
    'base-url': { type: 'string' },
    'expires-days': { type: 'string', default: '14' },
    dataset: { type: 'string', default: join(ROOT, 'public/data/dataset.json') },
    'min-extension-version': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  console.error('usage: npm run feed:build -- --key PATH --out DIR [--base-url URL] [--expires-days N] [--dataset PATH]');
  process.exit(2);
}

if (!values.key) fail('--key is required (a private key made with `npm run feed:keygen`).');
if (!values.out) fail('--out is required (the folder to write the feed to).');
const expiresDays = Number(values['expires-days']);
if (!(expiresDays > 0)) fail(`--expires-days must be a positive number (got ${values['expires-days']}).`);

let privateKey: JsonWebKey;
try {
  privateKey = JSON.parse(readFileSync(resolve(values.key), 'utf8'));
  publicKeyOf(privateKey);
} catch (error) {
  fail(`Cannot use ${values.key} as a signing key: ${error instanceof Error ? error.message : error}`);
}

const feed = await buildFeed({
  datasetBytes: readFileSync(resolve(values.dataset!)),
  privateKey,
  now: new Date(),
  expiresDays,
  baseUrl: values['base-url'],
  minExtensionVersion: values['min-extension-version'],
});

// Check the result as the extension will, so a wrong key is caught here and not by users.
const publicKey = publicKeyOf(privateKey);
await openEnvelope(feed.manifestBytes, [publicKey]);
const keyId = await keyIdOf(publicKey);
const trusted = await Promise.all(FEED_PUBLIC_KEYS.map(keyIdOf));

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, feed.datasetFileName), feed.datasetBytes);
writeFileSync(join(out, 'manifest.json'), feed.manifestBytes);
console.log(`feed ${feed.manifest.version} written to ${out}`);
console.log(`  manifest.json           signed with key ${keyId}, expires ${feed.manifest.expires}`);
console.log(`  ${feed.datasetFileName}  ${feed.manifest.size} bytes, sha256 ${feed.manifest.sha256}`);
if (!trusted.includes(keyId)) {
  console.warn(`warning: key ${keyId} is not in lib/feed/public-key.ts, so released builds will reject this feed.`);
}
