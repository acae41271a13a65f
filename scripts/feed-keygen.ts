// Makes the key pair that signs the feed: `npm run feed:keygen -- --out DIR`.
// Writes DIR/feed-private-key.jwk (keep it secret, outside the repository) and
// DIR/feed-public-key.jwk (copy into lib/feed/public-key.ts so the extension trusts it).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSigningKeyPair, keyIdOf } from '../lib/feed/crypto';

const { values } = parseArgs({ options: { out: { type: 'string' }, force: { type: 'boolean', default: false } } });
if (!values.out) {
  console.error('usage: npm run feed:keygen -- --out DIR [--force]');
  process.exit(2);
}
const dir = resolve(values.out);
const privatePath = join(dir, 'feed-private-key.jwk');
const publicPath = join(dir, 'feed-public-key.jwk');
if (existsSync(privatePath) && !values.force) {
  console.error(`${privatePath} already exists; refusing to replace a signing key (pass --force to do it anyway).`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
const { privateKey, publicKey } = await generateSigningKeyPair();
writeFileSync(privatePath, `${JSON.stringify(privateKey, null, 2)}\n`, { mode: 0o600 });
chmodSync(privatePath, 0o600);
writeFileSync(publicPath, `${JSON.stringify(publicKey, null, 2)}\n`);
console.log(`private key: ${privatePath} (secret; never commit it)`);
console.log(`public key:  ${publicPath} (key id ${await keyIdOf(publicKey)})`);
console.log('To make the extension trust it, add this to FEED_PUBLIC_KEYS in lib/feed/public-key.ts:');
console.log(JSON.stringify(publicKey));
