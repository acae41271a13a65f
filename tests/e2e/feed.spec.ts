// The signed update feed in the built extension, served from 127.0.0.1: "Update now" fetches a
// newer dataset that adds a company and an open page highlights it without a reload; a tampered
// feed is refused and the popup says why; the new dataset survives a service-worker restart.
//
// The extension must trust the key that signs the test feed. This file generates a key pair at
// run time and builds its own copy of the extension with the public half in
// WXT_FEED_TEST_PUBLIC_KEY (see lib/feed/public-key.ts); released builds never set it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { decodeStoredDataset } from '../../lib/dataset/stored';
import type { Dataset } from '../../lib/dataset/types';
import type { BuiltFeed } from '../../lib/feed/publish';
import { buildTrustingTestKey, signTestFeed, withAddedCompany, type TestKeys } from '../support/test-feed';
import { sha256Hex } from '../../lib/feed/crypto';
import { signManifest } from '../../lib/feed/manifest';
import type { FeedStatus } from '../../lib/messaging';
import { ROOT, expect, launchWithExtension, test as base, type FixtureServer } from './fixtures';

const OUT_DIR = '.output-feed-e2e';
const EXTENSION_DIR = join(ROOT, OUT_DIR, 'chrome-mv3');
const SHOTS = join(ROOT, 'test-results/screenshots');

let keys: TestKeys;
const bundled: Dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8'));

const test = base.extend<{ extension: Awaited<ReturnType<typeof launchWithExtension>> }>({
  extension: async ({}, use) => {
    const launched = await launchWithExtension(EXTENSION_DIR);
    await use(launched);
    await launched.cleanup();
  },
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  keys = await buildTrustingTestKey(ROOT, OUT_DIR);
});

const newerDataset = () => withAddedCompany(bundled);
const signed = (dataset: Dataset) => signTestFeed(dataset, keys);

/** Serves `feed` under /feed/ (replacing what was served before). */
function serve(server: FixtureServer, feed: BuiltFeed, datasetBytes = feed.datasetBytes): void {
  server.route('/feed/manifest.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(feed.manifestBytes);
  });
  server.route(`/feed/${feed.datasetFileName}`, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(datasetBytes);
  });
}

/** Points the extension at the test feed through the options page, as a user would. */
async function useFeed(context: BrowserContext, extensionId: string, url: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const field = options.getByTestId('feed-url');
  await field.fill(url);
  await field.press('Enter');
  await expect(options.getByText('Update address saved.')).toBeVisible();
  await options.close();
}

/** Asks the background for its feed status from an extension page, as the popup does. */
async function feedStatus(page: Page): Promise<FeedStatus> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'getFeedStatus', data: {} }));
}

async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));
}

/** The version of the active dataset as stored (JSON text) by the background. */
async function storedVersion(worker: Worker): Promise<string> {
  const stored = await worker.evaluate(async () => (await chrome.storage.local.get('dataset:active'))['dataset:active']);
  return (decodeStoredDataset(stored) as { version: string }).version;
}

async function openPopup(context: BrowserContext, extensionId: string, worker: Worker, page: Page): Promise<Page> {
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, page.url());
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'This site' }).click();
  return popup;
}

test('"Update now" fetches a newer signed dataset and an open page highlights the added company', async ({ extension, server, page }) => {
  const { context, extensionId, worker } = extension;
  serve(server, await signed(bundled));
  await useFeed(context, extensionId, server.url('/feed/manifest.json'));

  await page.goto(server.url('/feed-update.html'));
  await expect.poll(() => highlightedTexts(page)).toContain('Xiaomi Corporation');
  expect((await highlightedTexts(page)).join(' ')).not.toContain('Halvard');

  const newer = newerDataset();
  serve(server, await signed(newer));
  const popup = await openPopup(context, extensionId, worker, page);
  const status = popup.getByTestId('data-status');
  await expect(status).toContainText(bundled.version);
  await status.getByRole('button', { name: 'Update now' }).click();
  await expect(status).toContainText(`Updated to version ${newer.version}.`, { timeout: 30_000 });
  await expect(status).toContainText('Update feed');
  await popup.screenshot({ path: join(SHOTS, 'feed-updated-popup.png') });
  // The open popup reads the new list too: its search finds the added company.
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('combobox').fill('Halvard Quantum');
  await expect(popup.getByTestId('search-result').first()).toContainText('Halvard Quantum Systems');

  // The page was open before the update: it must pick up the new data without a reload.
  await expect.poll(() => highlightedTexts(page)).toContain('Halvard Quantum Systems Co., Ltd');
  expect(await storedVersion(worker)).toBe(newer.version);
});

test('a tampered feed is refused, the current dataset stays and the popup says why', async ({ extension, server, page }) => {
  const { context, extensionId, worker } = extension;
  serve(server, await signed(bundled));
  await useFeed(context, extensionId, server.url('/feed/manifest.json'));
  await page.goto(server.url('/feed-update.html'));

  const feed = await signed(newerDataset());
  const tampered = feed.datasetBytes.slice();
  const at = new TextDecoder().decode(tampered).indexOf('Halvard');
  tampered[at] = 'W'.charCodeAt(0);
  serve(server, feed, tampered);

  const popup = await openPopup(context, extensionId, worker, page);
  const status = popup.getByTestId('data-status');
  await status.getByRole('button', { name: 'Update now' }).click();
  // The exact reason once, in Data status; the header in one plain sentence.
  await expect(status.getByTestId('last-problem')).toContainText('does not match the fingerprint in the signed manifest', { timeout: 30_000 });
  await expect(status).toContainText(bundled.version);
  const line = popup.getByTestId('status-line');
  await expect(line.getByTestId('update-notice')).toHaveText('A downloaded update failed its safety check and was not used; your current list is kept.');
  await expect(line).not.toContainText('fingerprint');
  await popup.screenshot({ path: join(SHOTS, 'feed-tampered-popup.png') });
  expect(await storedVersion(worker)).toBe(bundled.version);
  expect((await highlightedTexts(page)).join(' ')).not.toContain('Halvard');
});

test('after a service-worker restart the updated dataset is still active', async ({ extension, server, page }) => {
  const { context, extensionId } = extension;
  const newer = newerDataset();
  serve(server, await signed(newer));
  await useFeed(context, extensionId, server.url('/feed/manifest.json'));

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);
  await expect.poll(async () => (await feedStatus(extensionPage)).datasetVersion, { timeout: 30_000 }).toBe(newer.version);

  await expect.poll(async () => (await feedStatus(extensionPage)).checking, { timeout: 30_000 }).toBe(false);
  // Chrome stops a worker when it is idle: wait until no check is in flight (the settings change may
  // have started a second one), then stop it; the next message starts a fresh one.
  // A mark left in the old worker's globals tells the two apart.
  await extension.worker.evaluate(() => Object.assign(globalThis, { feedTestMark: 'old worker' }));
  const cdp = await context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();

  const status = await feedStatus(extensionPage);
  expect(status).toMatchObject({ datasetVersion: newer.version, origin: 'feed' });
  expect(status.lastError).toBeUndefined();
  const [worker] = context.serviceWorkers();
  expect(await worker.evaluate(() => (globalThis as { feedTestMark?: string }).feedTestMark ?? 'fresh worker')).toBe('fresh worker');

  await page.goto(server.url('/feed-update.html'));
  await expect.poll(() => highlightedTexts(page)).toContain('Halvard Quantum Systems Co., Ltd');
});

/** A feed signed with the trusted key but built without the publisher's checks (a misused key). */
async function signedUnchecked(dataset: Dataset): Promise<BuiltFeed> {
  const datasetBytes = new TextEncoder().encode(JSON.stringify(dataset));
  const datasetFileName = `dataset-${dataset.version}.json`;
  const manifest = {
    version: dataset.version,
    generatedAt: new Date().toISOString(),
    expires: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    datasetUrl: datasetFileName,
    sha256: await sha256Hex(datasetBytes),
    size: datasetBytes.byteLength,
    minExtensionVersion: '0.1.0',
  };
  const { publicKey, privateKey } = keys;
  const envelope = await signManifest(manifest, privateKey, publicKey);
  return { manifest, manifestBytes: new TextEncoder().encode(JSON.stringify(envelope)), datasetFileName, datasetBytes };
}

test('a list written into storage without a signature (a compromised page renderer) is never used', async ({ extension, server, page }) => {
  const { context, extensionId, worker } = extension;
  const forged = { ...newerDataset(), version: '9999.12.31.1' };
  forged.entities = forged.entities.filter((entity) => !entity.id.includes('hikvision'));
  await worker.evaluate(
    async (text) => chrome.storage.local.set({ 'dataset:active': text, 'dataset:origin': 'feed' }),
    JSON.stringify(forged),
  );
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);
  const status = await feedStatus(extensionPage);
  expect(status).toMatchObject({ datasetVersion: bundled.version, origin: 'bundled' });

  // The background puts the last good list back, so pages keep their warnings.
  await expect.poll(() => storedVersion(worker)).toBe(bundled.version);
  await page.goto(server.url('/news-xiaomi.html'));
  await expect.poll(() => highlightedTexts(page)).toEqual(expect.arrayContaining([expect.stringMatching(/Hikvision/)]));
  await page.goto(server.url('/feed-update.html'));
  await page.waitForTimeout(1500);
  expect((await highlightedTexts(page)).join(' ')).not.toContain('Halvard');

  // The next honest update is not blocked by the forged version.
  const honest = newerDataset();
  serve(server, await signed(honest));
  await useFeed(context, extensionId, server.url('/feed/manifest.json'));
  await expect.poll(async () => (await feedStatus(extensionPage)).datasetVersion, { timeout: 30_000 }).toBe(honest.version);
});

test('a signed list whose names are ordinary words is refused, and pages are not wrecked', async ({ extension, server, page }) => {
  const { context, extensionId, worker } = extension;
  serve(server, await signed(bundled));
  await useFeed(context, extensionId, server.url('/feed/manifest.json'));
  const poisoned = newerDataset();
  poisoned.entities.at(-1)!.aliases = ['the', 'would', 'which', 'their', 'shares'];
  serve(server, await signedUnchecked(poisoned));
  await page.goto(server.url('/news-xiaomi.html'));

  const popup = await openPopup(context, extensionId, worker, page);
  const status = popup.getByTestId('data-status');
  await status.getByRole('button', { name: 'Update now' }).click();
  await expect(status).toContainText('one of the most frequent words of ordinary text', { timeout: 30_000 });
  await expect(status).toContainText(bundled.version);
  await popup.screenshot({ path: join(SHOTS, 'feed-poisoned-popup.png') });
  expect(await storedVersion(worker)).toBe(bundled.version);
  const painted = (await highlightedTexts(page)).map((text) => text.toLowerCase());
  for (const word of ['the', 'would', 'which', 'shares']) expect(painted).not.toContain(word);
});
