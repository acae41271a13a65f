// The whole publishing chain offline: official-format files served from 127.0.0.1 under their
// official paths, `data:fetch --mirror`, `data:build`, `feed:build` (test key), and the built
// extension, started with the bundled list, taking the new feed and highlighting a company only
// the new files contain, with the change in the popup. A run with a broken source publishes nothing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { Dataset } from '../../lib/dataset/types';
import { generateSigningKeyPair } from '../../lib/feed/crypto';
import { ROOT, expect, launchWithExtension, openPopupFor, test as base } from './fixtures';

const run = promisify(execFile);
const OUT_DIR = '.output-pipeline-e2e';
const EXTENSION_DIR = join(ROOT, OUT_DIR, 'chrome-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures/pipeline');
const SHOTS = join(ROOT, 'test-results/screenshots');
const NEW_COMPANY = 'Halvard Quantum Systems Co., Ltd';
const NEW_EDITION = 'https://media.defense.gov/2026/Nov/23/2004000001/-1/-1/1/ENTITIES-IDENTIFIED-AS-CHINESE-MILITARY-COMPANIES-OPERATING-IN-THE-UNITED-STATES-IN-ACCORDANCE-WITH-SECTION-1260H.PDF';
const bundled: Dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8'));

let work: string;
let site: string;
let mirror: Server;
let mirrorBase = '';
/** Which fixture folder the mirror serves, and whether to cut its consolidated list short. */
let serving: { version: 'v1' | 'v2'; broken?: boolean } = { version: 'v1' };

/** Official paths from the current fixture folder (with ETags, as OFAC's service sends); /feed/ from the site. */
function startMirror(): Promise<void> {
  mirror = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const root = path.startsWith('/feed/') ? site : join(FIXTURES, serving.version);
    const rel = path.startsWith('/feed/') ? path.slice('/feed'.length) : path;
    const file = normalize(join(root, rel.endsWith('/') ? `${rel}index.html` : rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    let body = readFileSync(file);
    if (serving.broken && file.endsWith('CONS_ENHANCED.XML')) body = body.subarray(0, body.length - 4000);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { etag, 'content-type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) =>
    mirror.listen(0, '127.0.0.1', () => {
      mirrorBase = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

interface Step {
  code: number;
  output: string;
}

async function step(script: string, args: string[]): Promise<Step> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', script, ...args], { cwd: ROOT, maxBuffer: 16 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** The workflow's steps, in its order; stops at the first that fails, as the workflow does. */
async function pipeline(): Promise<{ steps: Step[]; ok: boolean }> {
  const steps: Step[] = [];
  const chain: [string, string[]][] = [
    ['scripts/data-fetch.ts', ['--mirror', mirrorBase, '--out', join(work, 'sources'), '--lock', join(work, 'sources.lock.json'), '--no-courts', '--retries', '0']],
    ['scripts/data-build.ts', ['--sources', join(work, 'sources'), '--dod-1260h', 'tests/fixtures/data/dod-1260h.csv', '--ndaa', 'tests/fixtures/data/ndaa', '--out', join(work, 'dataset.json'), '--lock', join(work, 'sources.lock.json')]],
    ['scripts/feed-build.ts', ['--key', join(work, 'key.jwk'), '--dataset', join(work, 'dataset.json'), '--previous', site, '--out', join(work, 'feed-out')]],
  ];
  rmSync(join(work, 'feed-out'), { recursive: true, force: true });
  for (const [script, args] of chain) {
    const result = await step(script, args);
    steps.push(result);
    if (result.code !== 0) return { steps, ok: false };
  }
  // Publish as the workflow does: the dataset file first (with the lock saying what it was made from), then the manifest.
  const out = join(work, 'feed-out');
  for (const file of readdirSync(out).filter((f) => f.startsWith('dataset-'))) writeFileSync(join(site, file), readFileSync(join(out, file)));
  writeFileSync(join(site, 'sources.lock.json'), readFileSync(join(work, 'sources.lock.json')));
  writeFileSync(join(site, 'manifest.json'), readFileSync(join(out, 'manifest.json')));
  return { steps, ok: true };
}

function siteSnapshot(): Record<string, string> {
  return Object.fromEntries(readdirSync(site).map((f) => [f, createHash('sha256').update(readFileSync(join(site, f))).digest('hex')]));
}

async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));
}

const test = base.extend<{ extension: Awaited<ReturnType<typeof launchWithExtension>> }>({
  extension: async ({}, use) => {
    const launched = await launchWithExtension(EXTENSION_DIR);
    await use(launched);
    await launched.cleanup();
  },
});

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'pipeline-e2e-'));
  site = join(work, 'site');
  mkdirSync(site);
  const keys = await generateSigningKeyPair();
  writeFileSync(join(work, 'key.jwk'), JSON.stringify(keys.privateKey), { mode: 0o600 });
  await startMirror();
  await run('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, SL_OUT_DIR: OUT_DIR, WXT_FEED_TEST_PUBLIC_KEY: JSON.stringify(keys.publicKey) } });
});

test.afterAll(async () => {
  mirror?.closeAllConnections();
  await new Promise((resolve) => mirror?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

test('official files → fetch → build → signed feed → the extension highlights a newly listed company and lists the change', async ({ extension, server, page }) => {
  test.setTimeout(240_000);
  serving = { version: 'v1' };
  const first = await pipeline();
  expect(first.ok, first.steps.map((s) => s.output).join('\n')).toBe(true);
  expect(first.steps[0].output).toMatch(/changed +ofac-consolidated: 5 entries, data as of 2026-10-01/);

  serving = { version: 'v2' };
  const second = await pipeline();
  expect(second.ok, second.steps.map((s) => s.output).join('\n')).toBe(true);
  const [fetched, , signed] = second.steps;
  expect(fetched.output).toMatch(/changed +ofac-consolidated: 6 entries, data as of 2026-11-24/);
  expect(fetched.output).toMatch(/unchanged +fcc-covered/); // same bytes: answered 304 to the conditional request
  expect(fetched.output).toContain(`changed, needs curation: [dod-1260h-releases] List of entities identified as Chinese military companies in accordance with Section 1260H (November 23, 2026) — ${NEW_EDITION}`);
  expect(signed.output).toMatch(/changes since 2026\.10\.01\.\d+: 1 company-added, 1 listing-added/);
  const lock = JSON.parse(readFileSync(join(work, 'sources.lock.json'), 'utf8'));
  expect(lock.sources['ofac-consolidated']).toMatchObject({ url: `${mirrorBase}/api/PublicationPreview/exports/CONS_ENHANCED.XML`, asOf: '2026-11-24' });
  // The build's record names the fetched bytes it read, and the dataset it made from them.
  const builtFrom = lock.build.files.find((f: { input: string }) => f.input === 'ofac-xml');
  expect(builtFrom).toMatchObject({ sha256: lock.sources['ofac-consolidated'].sha256, asOf: '2026-11-24', fetched: { url: lock.sources['ofac-consolidated'].url } });
  expect(lock.build.dataset.sha256).toBe(createHash('sha256').update(readFileSync(join(work, 'dataset.json'))).digest('hex'));
  const manifest = JSON.parse(JSON.parse(readFileSync(join(site, 'manifest.json'), 'utf8')).manifest);
  const published: Dataset = JSON.parse(readFileSync(join(site, manifest.datasetUrl), 'utf8'));
  expect(published.changes?.items).toContainEqual(expect.objectContaining({ kind: 'company-added', entity: 'halvard-quantum-systems-co-ltd' }));

  // The extension starts with the bundled list, which does not know the company.
  const { context, extensionId, worker } = extension;
  await page.goto(server.url('/feed-update.html'));
  await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi Corporation');
  expect((await highlightedTexts(page)).join(' ')).not.toContain('Halvard');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const field = options.getByTestId('feed-url');
  await field.fill(`${mirrorBase}/feed/manifest.json`);
  await field.press('Enter');
  await expect(options.getByText('Update address saved.')).toBeVisible();
  await options.close();

  await expect.poll(() => highlightedTexts(page), { timeout: 30_000 }).toContain(NEW_COMPANY);
  const popup = await openPopupFor(context, extensionId, worker, page);
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.getByRole('tab', { name: 'Updates' }).click();
  const change = popup.getByTestId('list-change').first();
  await expect(change).toContainText('Halvard Quantum Systems');
  await expect(change).toHaveAttribute('data-change', 'added');
  await popup.getByRole('heading', { name: 'Recent list changes' }).scrollIntoViewIfNeeded();
  await popup.screenshot({ path: join(SHOTS, 'pipeline-new-listing-popup.png') });
  expect(manifest.version).not.toBe(bundled.version);
});

test('a broken source stops the run: nothing is published and the output says which source and why', async () => {
  test.setTimeout(120_000);
  if (!existsSync(join(site, 'manifest.json'))) {
    serving = { version: 'v2' };
    expect((await pipeline()).ok).toBe(true);
  }
  const before = siteSnapshot();
  const lockBefore = readFileSync(join(work, 'sources.lock.json'), 'utf8');
  serving = { version: 'v2', broken: true };
  const result = await pipeline();
  expect(result.ok).toBe(false);
  expect(result.steps).toHaveLength(1);
  expect(result.steps[0].output).toMatch(/failed +ofac-consolidated: the file's format changed: not well-formed XML/);
  expect(result.steps[0].output).toContain('data:fetch stopped: 1 source(s) failed, so no new file is used');
  expect(siteSnapshot()).toEqual(before);
  expect(readFileSync(join(work, 'sources.lock.json'), 'utf8')).toBe(lockBefore);
});
