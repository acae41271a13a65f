// The signed update feed in Firefox: "Update now" in the popup fetches a newer dataset from a feed
// served on 127.0.0.1, and the open page highlights the company it adds without a reload.
//
// As in the Chromium feed test, the extension must trust the key that signs the test feed: this
// file makes a key pair at run time and builds its own Firefox copy of the extension with the
// public half in WXT_FEED_TEST_PUBLIC_KEY (lib/feed/public-key.ts); released builds never set it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { decodeStoredDataset } from '../../lib/dataset/stored';
import type { Dataset } from '../../lib/dataset/types';
import type { BuiltFeed } from '../../lib/feed/publish';
import { buildTrustingTestKey, signTestFeed, withAddedCompany, type TestKeys } from '../support/test-feed';
import { ROOT } from '../../scripts/firefox';
import { allHighlighted, expectHighlighted, firefoxSuite, openPage, openPopup, pageErrors, shot, waitFor, type Suite } from './harness';

const OUT_DIR = '.output-firefox-feed-e2e';
const ADDED = 'Halvard Quantum Systems Co., Ltd';
const bundled: Dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8'));
let keys: TestKeys;

const suite = firefoxSuite({ extensionDir: join(ROOT, OUT_DIR, 'firefox-mv3') }, async () => {
  keys = await buildTrustingTestKey(ROOT, OUT_DIR, 'firefox');
});

const newerDataset = () => withAddedCompany(bundled);
const signed = (dataset: Dataset) => signTestFeed(dataset, keys);

/** Serves `feed` under /feed/, replacing what was served before. */
function serve({ server }: Suite, feed: BuiltFeed): void {
  server.route('/feed/manifest.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(feed.manifestBytes);
  });
  server.route(`/feed/${feed.datasetFileName}`, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(feed.datasetBytes);
  });
}

async function storedVersion(): Promise<string> {
  const page = await suite.firefox.openExtensionPage('options.html');
  try {
    const stored = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.storage.local.get('dataset:active'))['dataset:active'];
    });
    return (decodeStoredDataset(stored) as { version: string }).version;
  } finally {
    await page.close();
  }
}

function statusText(popup: Page): Promise<string> {
  return popup.$eval('[data-testid="data-status"]', (element) => (element.textContent ?? '').replace(/\s+/g, ' '));
}

test('"Update now" applies a newer signed dataset and the open page highlights the added company', async () => {
  serve(suite, await signed(bundled));
  // The user sets the update address on the options page.
  const options = await suite.firefox.openExtensionPage('options.html', { width: 900, height: 800 });
  const field = await options.waitForSelector('[data-testid="feed-url"]');
  // Replace the default address: select it, then type over it.
  await field!.click({ count: 3 });
  await field!.type(suite.server.url('/feed/manifest.json'));
  assert.equal(await field!.evaluate((input) => (input as HTMLInputElement).value), suite.server.url('/feed/manifest.json'));
  await field!.press('Enter');
  await options.waitForSelector('::-p-text(Update address saved.)');
  await options.close();

  const page = await openPage(suite, '/feed-update.html');
  const errors = pageErrors(page);
  await expectHighlighted(page, ['Xiaomi Corporation']);
  assert.ok(!(await allHighlighted(page)).join(' ').includes('Halvard'));

  const newer = newerDataset();
  serve(suite, await signed(newer));
  const popup = await openPopup(suite, page);
  await popup.locator('::-p-aria([name="This site"][role="tab"])').click();
  await waitFor(() => statusText(popup), (text) => text.includes(bundled.version), 'the current version in the popup');
  await popup.locator('::-p-aria([name="Update now"][role="button"])').click();
  await waitFor(() => statusText(popup), (text) => text.includes(`Updated to version ${newer.version}.`), 'the update to apply', 30_000);
  await popup.screenshot({ path: shot('popup-feed-updated.png') });
  await popup.close();

  // The page was open before the update: it picks up the new data without a reload.
  await expectHighlighted(page, [ADDED]);
  assert.equal(await storedVersion(), newer.version);
  assert.deepEqual(errors, []);
});
