// `npm run feed:build`: checks a built dataset against the last published feed, writes what changed
// into it, and signs it. Refuses, naming the gate, a dataset that fails validation or the
// blast-radius checks, drops too much at once, whose sources go back in time, or whose version is
// not newer. Nothing is written to --out unless every gate passed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../lib/dataset/types';
import { keyIdOf, publicKeyOf } from '../lib/feed/crypto';
import { openEnvelope } from '../lib/feed/manifest';
import { FEED_PUBLIC_KEYS } from '../lib/feed/public-key';
import { buildFeed } from '../lib/feed/publish';
import { diffDatasets } from '../lib/dataset/changes';
import { checkGates, checkPublishedSize, DEFAULT_LIMITS, type GateFailure } from './feed/gates';
import { dataOnly, readPublished } from './feed/previous';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = `usage: npm run feed:build -- --key PATH --out DIR [options]

  --key PATH               private signing key (JWK) made with \`npm run feed:keygen\`
  --out DIR                where manifest.json and dataset-<version>.json are written
  --dataset PATH           the dataset to publish (default public/data/dataset.json)
  --previous DIR           a copy of the published feed (its manifest.json and dataset file): the new
                           dataset is compared with it, and changes are written into the new one
  --baseline PATH          a dataset to compare with when --previous holds no feed yet (first publication)
  --base-url URL           absolute folder the feed is served from (default: dataset URL relative to the manifest)
  --expires-days N         days until the manifest expires (default 14)
  --resign-days N          when nothing changed, re-sign only if the published manifest expires within
                           N days (default 7); otherwise nothing is written
  --max-entity-drop SHARE  largest share of companies that may disappear at once (default ${DEFAULT_LIMITS.maxEntityDrop})
  --max-listing-drop SHARE largest share of listings in force that may end at once (default ${DEFAULT_LIMITS.maxListingDrop})
  --min-extension-version V oldest extension version that may apply this feed
  --require-trusted-key    refuse a key that lib/feed/public-key.ts does not trust (the workflow sets it)
  --report PATH            on refusal, also write the reasons there (Markdown), for an issue
  --help                   this text

Exit status: 0 written or nothing to do, 3 a publish gate refused the dataset, 2 wrong usage, 1 other errors.`;

function usage(message: string): never {
  console.error(`feed:build: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function share(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) usage(`${name} must be a share between 0 and 1 (got ${value})`);
  return n;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        key: { type: 'string' },
        out: { type: 'string' },
        dataset: { type: 'string', default: join(ROOT, 'public/data/dataset.json') },
        previous: { type: 'string' },
        baseline: { type: 'string' },
        'base-url': { type: 'string' },
        'expires-days': { type: 'string', default: '14' },
        'resign-days': { type: 'string', default: '7' },
        'max-entity-drop': { type: 'string' },
        'max-listing-drop': { type: 'string' },
        'min-extension-version': { type: 'string' },
        'require-trusted-key': { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.key) usage('--key is required (a private key made with `npm run feed:keygen`).');
  if (!values.out) usage('--out is required (the folder to write the feed to).');
  const expiresDays = Number(values['expires-days']);
  const resignDays = Number(values['resign-days']);
  if (!(expiresDays > 0)) usage(`--expires-days must be a positive number (got ${values['expires-days']}).`);
  if (!(resignDays >= 0 && resignDays < expiresDays)) usage(`--resign-days must be at least 0 and less than --expires-days (got ${values['resign-days']}).`);
  const limits = {
    maxEntityDrop: share(values['max-entity-drop'], DEFAULT_LIMITS.maxEntityDrop, '--max-entity-drop'),
    maxListingDrop: share(values['max-listing-drop'], DEFAULT_LIMITS.maxListingDrop, '--max-listing-drop'),
  };

  let privateKey: JsonWebKey;
  try {
    privateKey = JSON.parse(readFileSync(resolve(values.key), 'utf8'));
    publicKeyOf(privateKey);
  } catch (error) {
    usage(`cannot use ${values.key} as a signing key: ${error instanceof Error ? error.message : error}`);
  }
  const publicKey = publicKeyOf(privateKey);
  const keyId = await keyIdOf(publicKey);
  const trustedIds = await Promise.all(FEED_PUBLIC_KEYS.map(keyIdOf));
  const trusted = trustedIds.includes(keyId);
  if (!trusted && values['require-trusted-key']) {
    usage(`key ${keyId} is not in lib/feed/public-key.ts (trusted: ${trustedIds.join(', ')}); released builds would reject this feed.`);
  }

  const now = new Date();
  const published = values.previous ? await readPublished(resolve(values.previous), [...FEED_PUBLIC_KEYS, publicKey]) : undefined;
  const baseline: Dataset | undefined = published?.dataset ?? (values.baseline ? JSON.parse(readFileSync(resolve(values.baseline), 'utf8')) : undefined);
  if (values.previous && !published) console.log(`no feed published in ${values.previous} yet${baseline ? `; comparing with ${values.baseline}` : ''}`);

  const text = readFileSync(resolve(values.dataset!), 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse([{ gate: 'validation', message: `${values.dataset} is not valid JSON (${(error as Error).message})` }], values.report);
  }
  const sameContent = published !== undefined && typeof value === 'object' && value !== null && dataOnly(value as Dataset) === dataOnly(published.dataset);
  const failures = checkGates(value, baseline, limits, sameContent);
  if (failures.length > 0) return refuse(failures, values.report);
  const dataset = value as Dataset;

  let datasetBytes: Uint8Array;
  if (sameContent) {
    const expires = Date.parse(published.manifest.expires);
    if (expires - now.getTime() > resignDays * 86_400_000) {
      console.log(`nothing changed since ${published.manifest.version}, and its signed manifest is good until ${published.manifest.expires}: nothing to publish.`);
      return 0;
    }
    console.log(`nothing changed since ${published.manifest.version}; its manifest expires ${published.manifest.expires}, so it is signed again.`);
    datasetBytes = published.datasetBytes; // the same bytes, changes included, so caches stay valid
  } else {
    const changes = baseline ? diffDatasets(baseline, dataset) : undefined;
    datasetBytes = new TextEncoder().encode(changes ? text.replace(/\}\s*$/, `,\n"changes":${JSON.stringify(changes)}}\n`) : text);
    if (changes) {
      const counts = new Map<string, number>();
      for (const item of changes.items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
      console.log(`changes since ${changes.from}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'none in listings (sources or wording only)'}`);
      for (const item of changes.items.filter((i) => i.kind !== 'source-updated').slice(0, 20)) {
        console.log(`  ${item.kind} ${item.name ?? item.ref ?? ''}${item.list ? ` (${item.list})` : ''}${item.date ? ` ${item.date}` : ''}`);
      }
    }
  }

  const tooLarge = checkPublishedSize(datasetBytes.byteLength);
  if (tooLarge.length > 0) return refuse(tooLarge, values.report);

  const feed = await buildFeed({
    datasetBytes,
    privateKey,
    now,
    expiresDays,
    baseUrl: values['base-url'],
    minExtensionVersion: values['min-extension-version'],
  });
  // Check the result as the extension will, so a wrong key is caught here and not by users.
  await openEnvelope(feed.manifestBytes, [publicKey]);

  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, feed.datasetFileName), feed.datasetBytes);
  writeFileSync(join(out, 'manifest.json'), feed.manifestBytes);
  console.log(`feed ${feed.manifest.version} written to ${out}`);
  console.log(`  manifest.json           signed with key ${keyId}, expires ${feed.manifest.expires}`);
  console.log(`  ${feed.datasetFileName}  ${feed.manifest.size} bytes, sha256 ${feed.manifest.sha256}`);
  if (!trusted) console.warn(`warning: key ${keyId} is not in lib/feed/public-key.ts, so released builds will reject this feed.`);
  return 0;
}

function refuse(failures: GateFailure[], report: string | undefined): number {
  console.error('feed:build refused to publish; nothing was written:');
  for (const failure of failures) console.error(`  gate "${failure.gate}": ${failure.message}`);
  if (report) {
    mkdirSync(dirname(resolve(report)), { recursive: true });
    writeFileSync(report, `The feed was not published: a publish gate refused the new dataset.\n\n${failures.map((f) => `- **${f.gate}**: ${f.message}`).join('\n')}\n`);
  }
  return 3;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`feed:build: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
