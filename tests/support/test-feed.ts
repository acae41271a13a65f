// What the feed tests of both browser tiers share: an extension build that trusts a key made at
// run time (released builds never carry one, see lib/feed/public-key.ts), the bundled list with one
// more company, and a feed signed with that key.
import { execFileSync } from 'node:child_process';
import type { Dataset } from '../../lib/dataset/types';
import { generateSigningKeyPair } from '../../lib/feed/crypto';
import { buildFeed, type BuiltFeed } from '../../lib/feed/publish';

export type TestKeys = Awaited<ReturnType<typeof generateSigningKeyPair>>;

/** Builds the extension into `outDir` trusting a fresh key pair, and returns the pair. */
export async function buildTrustingTestKey(root: string, outDir: string, browser: 'chrome' | 'firefox' = 'chrome'): Promise<TestKeys> {
  const keys = await generateSigningKeyPair();
  const target = browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : [];
  execFileSync('npx', ['wxt', 'build', ...target], {
    cwd: root,
    env: { ...process.env, SL_OUT_DIR: outDir, WXT_FEED_TEST_PUBLIC_KEY: JSON.stringify(keys.publicKey) },
    stdio: 'pipe',
  });
  return keys;
}

export const ADDED_COMPANY_ID = 'halvard-quantum-systems';

/** The bundled dataset plus one (fictional) NS-CMIC company, under the next version number. */
export function withAddedCompany(bundled: Dataset): Dataset {
  const [year, month, day, n] = bundled.version.split('.').map(Number);
  const version = [year, String(month).padStart(2, '0'), String(day).padStart(2, '0'), n + 1].join('.');
  const listing = bundled.entities.flatMap((e) => e.listings).find((l) => l.list === 'ofac-ns-cmic' && l.status === 'active')!;
  return {
    ...bundled,
    version,
    entities: [
      ...bundled.entities,
      {
        id: ADDED_COMPANY_ID,
        name: 'Halvard Quantum Systems Co., Ltd.',
        aliases: ['Halvard Quantum Systems'],
        weakAliases: [],
        tickers: [],
        isins: [],
        country: 'CN',
        listings: [{ list: 'ofac-ns-cmic', status: 'active', since: '2026-11-25', source: listing.source, programs: listing.programs }],
        rulings: [],
      },
    ],
  };
}

/** A feed of `dataset` signed with the test key, valid for 14 days from now. */
export function signTestFeed(dataset: Dataset, keys: TestKeys): Promise<BuiltFeed> {
  return buildFeed({
    datasetBytes: new TextEncoder().encode(JSON.stringify(dataset)),
    privateKey: keys.privateKey,
    now: new Date(),
    expiresDays: 14,
  });
}
