// The Firefox build in Firefox, on the same fixture pages as the Chromium tier: the dataset is there
// from install, listed companies are highlighted and listed in the popup, the hover card opens,
// closed shadow roots and same-origin frames are read, a switched-off site is not scanned, the
// page's DOM is exactly what it is without the extension, and the page's console stays clean.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { decodeStoredDataset } from '../../lib/dataset/stored';
import { FIREFOX_EXTENSION_DIR, ROOT, launchFirefox } from '../../scripts/firefox';
import {
  allHighlighted,
  expectHighlighted,
  expectReported,
  findingIds,
  firefoxSuite,
  highlightCentre,
  highlights,
  openPage,
  openPopup,
  pageErrors,
  shot,
  sleep,
  waitFor,
} from './harness';

const suite = firefoxSuite();
const bundledVersion: string = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')).version;

test('Firefox and the build under test', async () => {
  assert.match(suite.firefox.version, /^firefox\/\d+/);
  const major = Number(suite.firefox.version.split('/')[1].split('.')[0]);
  assert.ok(major >= 142, `Firefox ${suite.firefox.version} is older than the extension's minimum (142)`);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.background, { scripts: ['background.js'] }, 'the Firefox build runs its background as a script');
});

test('on install the background stores the bundled dataset, and the popup says which version is in use', async () => {
  const options = await suite.firefox.openExtensionPage('options.html', { width: 900, height: 700 });
  const stored = await waitFor(
    () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await api.storage.local.get('dataset:active'))['dataset:active'] ?? null;
      }),
    (value) => value !== null,
    'the dataset in storage.local',
  );
  const dataset = decodeStoredDataset(stored) as { version: string; entities: unknown[] };
  assert.equal(dataset.version, bundledVersion);
  assert.ok(dataset.entities.length > 100);
  await options.close();

  const page = await openPage(suite, '/smoke.html');
  const popup = await openPopup(suite, page);
  await popup.locator('::-p-aria([name="This site"][role="tab"])').click();
  const status = await popup.waitForSelector('[data-testid="data-status"]');
  await waitFor(() => status!.evaluate((element) => element.textContent ?? ''), (text) => text.includes(bundledVersion), 'the dataset version in the popup');
  await popup.close();
});

test('news article: listed companies highlighted by severity and listed in the popup; ordinary words are not', async () => {
  const page = await openPage(suite, '/news-xiaomi.html');
  const errors = pageErrors(page);
  await expectHighlighted(page, ['Huawei', 'Hikvision', 'Inspur', 'Panda Electronics', 'SMIC', 'Xiaomi Corp.', 'XIACY', 'China Mobile', '981']);
  const byName = await highlights(page);
  // Xiaomi's designation was vacated by the court: shown as historical, never as a current ban.
  assert.ok(byName['sanctions-lens-historical']?.includes('Xiaomi Corp.'), JSON.stringify(byName));
  for (const name of ['Huawei', 'Hikvision', 'China Mobile']) assert.ok(byName['sanctions-lens-prohibited']?.includes(name), name);
  const painted = await allHighlighted(page);
  for (const innocent of ['Apple', 'AAPL', 'MSFT', 'CEO', 'ON', 'Costco', 'Contreras', 'Department of Defense']) {
    assert.ok(!painted.includes(innocent), `"${innocent}" must not be highlighted`);
  }
  assert.ok(painted.includes('Semiconductor Manufacturing International Corporation'), 'text split over inline elements is one phrase');
  await page.screenshot({ path: shot('news-xiaomi.png') });

  const listed = await expectReported(suite, page, [
    'xiaomi-corporation',
    'hangzhou-hikvision-digital-technology-co-ltd',
    'inspur-group-co-ltd',
    'panda-electronics-group-co-ltd',
    'semiconductor-manufacturing-international-corporation',
    'china-mobile-limited',
  ]);
  assert.ok(listed.some((id) => id.startsWith('huawei-')), 'a Huawei entity is listed');
  assert.ok(!listed.some((id) => /apple|costco|microsoft/.test(id)), JSON.stringify(listed));

  const popup = await openPopup(suite, page);
  const severities = await popup.$$eval('[data-testid="finding"]', (cards) => cards.map((card) => card.getAttribute('data-severity')));
  assert.equal(severities[0], 'prohibited', 'most serious first');
  const xiaomi = await popup.$eval('[data-testid="finding"][data-entity-id="xiaomi-corporation"]', (card) => card.textContent ?? '');
  assert.match(xiaomi, /Formerly listed/);
  assert.match(xiaomi, /DoD 1237: vacated by a court on May 25, 2021/);
  await popup.screenshot({ path: shot('popup-news.png') });
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('brokerage positions: flagged holdings stay highlighted through re-renders and ticks, and are listed', async () => {
  const page = await openPage(suite, '/brokerage-positions.html');
  const errors = pageErrors(page);
  await expectHighlighted(page, ['China Mobile Ltd', '941', 'CHL', 'Xiaomi Corp.']);
  // Two full re-renders (every 2 s) and many price ticks later.
  await sleep(4500);
  const painted = await allHighlighted(page);
  for (const text of ['China Mobile Ltd', '941', 'CHL', 'Xiaomi Corp.']) assert.ok(painted.includes(text), text);
  for (const innocent of ['AAPL', 'COST', 'MSFT', 'Apple Inc.', 'Costco Wholesale Corp.', 'Microsoft Corp.']) {
    assert.ok(!painted.includes(innocent), innocent);
  }
  const attached = await page.evaluate(() =>
    [...CSS.highlights.values()].every((highlight) => [...highlight].every((range) => (range as Range).startContainer.isConnected)),
  );
  assert.equal(attached, true, 'ranges of a replaced table are dropped');
  await page.screenshot({ path: shot('brokerage-positions.png') });

  await expectReported(suite, page, ['china-mobile-limited', 'xiaomi-corporation']);
  const popup = await openPopup(suite, page);
  const ids = await findingIds(popup);
  assert.ok(ids.indexOf('china-mobile-limited') < ids.indexOf('xiaomi-corporation'), `NS-CMIC before vacated: ${ids}`);
  assert.ok(!ids.some((id) => /apple|costco|microsoft/.test(id)), JSON.stringify(ids));
  await popup.close();
  assert.deepEqual(errors, []);
  await page.close();
});

// The card lives in a closed shadow root, which neither the page nor a WebDriver BiDi test can
// enter (the Chromium tier reads its text through the DevTools protocol). Here: the user's hover
// opens it, the page cannot reach inside, and Escape closes it.
test('hover card: hovering a highlight opens the card in a root the page cannot enter; Escape closes it', async () => {
  const page = await openPage(suite, '/news-xiaomi.html');
  const errors = pageErrors(page);
  await expectHighlighted(page, ['Xiaomi Corp.']);
  const { x, y } = await highlightCentre(page, 'Xiaomi Corp.');
  await page.mouse.move(x, y);
  const host = await page.waitForSelector('sanctions-lens-ui', { timeout: 10_000 });
  assert.ok(host, 'no card host after the hover');
  assert.equal(await host.evaluate((element) => element.shadowRoot), null, 'the page can read the card');
  await page.screenshot({ path: shot('hover-card.png') });

  await page.keyboard.press('Escape');
  await waitFor(() => page.$('sanctions-lens-ui').then((found) => found === null), Boolean, 'the card to close');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a quote widget in a closed shadow root is read, highlighted and listed', async () => {
  const page = await openPage(suite, '/closed-widget.html');
  const errors = pageErrors(page);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const painted = await expectHighlighted(page, ['China Mobile Ltd']);
  assert.ok(!painted.includes('Apple Inc.'));
  await page.screenshot({ path: shot('closed-widget.png') });
  await expectReported(suite, page, ['china-mobile-limited']);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('open shadow roots and a same-origin frame are scanned; the frame’s companies are listed for the tab', async () => {
  const page = await openPage(suite, '/shadow-widget.html');
  const errors = pageErrors(page);
  const painted = await expectHighlighted(page, ['Hangzhou Hikvision Digital Technology', 'Semiconductor Manufacturing International Corporation']);
  assert.ok(!painted.includes('Costco Wholesale'));

  await page.goto(suite.server.url('/iframe-host.html'));
  const frame = await waitFor(
    async () => page.frames().find((candidate) => candidate.url().endsWith('/iframe-frame.html')) ?? null,
    (found) => found !== null,
    'the research frame',
  );
  await expectHighlighted(frame!, ['Hikvision', 'Zhejiang Dahua Technology']);
  assert.deepEqual(await allHighlighted(page), [], 'the top frame itself names no company');
  await page.screenshot({ path: shot('iframe-host.png') });
  const listed = await expectReported(suite, page, ['hangzhou-hikvision-digital-technology-co-ltd']);
  assert.ok(listed.some((id) => id.includes('dahua')), JSON.stringify(listed));
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * The page's clock, replaced before its scripts run so that two loads tick alike: timers fire only
 * when the test advances time. (The content script's own timers are Firefox's, not these.)
 */
const MANUAL_TIMERS = `(() => {
  let now = 0, nextId = 1;
  const timers = new Map();
  const add = (fn, ms, repeat) => { const id = nextId++; timers.set(id, { fn, at: now + Math.max(0, Number(ms) || 0), every: repeat ? Math.max(1, Number(ms) || 0) : 0 }); return id; };
  window.setTimeout = (fn, ms) => add(fn, ms, false);
  window.setInterval = (fn, ms) => add(fn, ms, true);
  window.clearTimeout = window.clearInterval = (id) => { timers.delete(id); };
  window.__advanceTimers = (ms) => {
    const end = now + ms;
    for (;;) {
      let dueId = 0, due = null;
      for (const [id, timer] of timers) if (timer.at <= end && (!due || timer.at < due.at)) { dueId = id; due = timer; }
      if (!due) break;
      now = due.at;
      if (due.every) due.at += due.every; else timers.delete(dueId);
      due.fn();
    }
    now = end;
  };
})();`;

async function domAfter(page: Page, url: string, pageMs: number): Promise<string> {
  await page.goto(url);
  await page.evaluate((ms) => (window as unknown as { __advanceTimers(ms: number): void }).__advanceTimers(ms), pageMs);
  return page.evaluate(() => document.documentElement.outerHTML);
}

test('the page DOM is exactly what it is in a Firefox without the extension (news, ticking brokerage, widgets)', async () => {
  const pages: [string, number, string][] = [
    ['/news-xiaomi.html', 3000, 'Hikvision'],
    ['/brokerage-positions.html', 4500, 'China Mobile Ltd'],
    ['/closed-widget.html', 0, 'China Mobile Ltd'],
    ['/shadow-widget.html', 1000, 'Semiconductor Manufacturing International Corporation'],
  ];
  const withExtension: string[] = [];
  const page = await suite.firefox.browser.newPage();
  const errors = pageErrors(page);
  await page.evaluateOnNewDocument(MANUAL_TIMERS);
  for (const [path, pageMs, probe] of pages) {
    const loaded = await domAfter(page, suite.server.url(path), pageMs);
    await expectHighlighted(page, [probe]);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), loaded, `${path}: highlighting changed the DOM`);
    withExtension.push(loaded);
  }
  await page.close();
  assert.deepEqual(errors, []);

  const plain = await launchFirefox({ extensionDir: null });
  try {
    const reference = await plain.browser.newPage();
    await reference.evaluateOnNewDocument(MANUAL_TIMERS);
    for (const [index, [path, pageMs]] of pages.entries()) {
      const html = await domAfter(reference, suite.server.url(path), pageMs);
      assert.equal(withExtension[index], html, `${path}: DOM differs from a Firefox without the extension`);
    }
  } finally {
    await plain.cleanup();
  }
});

test('a site switched off in the popup gets no scan at all after a reload; on again, it is highlighted', async () => {
  const page = await openPage(suite, '/news-xiaomi.html');
  await expectHighlighted(page, ['Hikvision']);
  const popup = await openPopup(suite, page);
  await popup.locator('::-p-aria([name="This site"][role="tab"])').click();
  const toggle = await popup.waitForSelector('[data-testid="site-switch"]');
  assert.equal(await toggle!.evaluate((element) => element.getAttribute('aria-checked')), 'true');
  await toggle!.click();
  await waitFor(() => toggle!.evaluate((element) => element.getAttribute('aria-checked')), (value) => value === 'false', 'the switch to turn off');
  // The open page drops its highlights at once…
  await waitFor(() => page.evaluate(() => CSS.highlights.size), (size) => size === 0, 'highlights to go');

  // …and after a reload nothing runs: no highlight registered, no stylesheet adopted.
  await page.reload();
  await sleep(2000);
  assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);
  await popup.close();

  const again = await openPopup(suite, page);
  await again.waitForSelector('[data-testid="empty-state"]');
  assert.match(await again.$eval('[data-testid="empty-state"]', (element) => element.textContent ?? ''), /Sanctions Lens is off for 127\.0\.0\.1/);
  await again.locator('::-p-aria([name="Turn on for 127.0.0.1"][role="button"])').click();
  // Closing the popup before the switch is saved would lose it, as it would for a user.
  await waitFor(() => again.evaluate(() => document.body.textContent ?? ''), (text) => !text.includes('Sanctions Lens is off for'), 'the popup to show the site on');
  await again.close();
  await page.reload();
  await expectHighlighted(page, ['Hikvision']);
  await page.close();
});
