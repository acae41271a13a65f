// The popup in the built extension, on fixture pages scanned by the real content script: what it
// lists and in which order, company details, rulings, search, the site switch and the toolbar
// badge. Saves screenshots (light, dark, empty, search, details) to test-results/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { ROOT, expect, openPopupFor, tabIdOf, test } from './fixtures';
import { clickUiButton, expectUi } from './page-ui';

const SHOTS = join(ROOT, 'test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

const RANK: Record<string, number> = { prohibited: 3, restricted: 2, caution: 1, historical: 0 };

function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

function highlightedRanges(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (const highlight of CSS.highlights.values()) count += highlight.size;
    return count;
  });
}

/** Loads a fixture page and waits until the content script has reported it (the badge shows a count). */
async function scanned(page: Page, worker: Worker, url: string): Promise<{ tabId: number; badge: string }> {
  await page.goto(url);
  const tabId = await tabIdOf(worker, page);
  await expect.poll(() => badgeText(worker, tabId)).toMatch(/^\d+!?$/);
  return { tabId, badge: await badgeText(worker, tabId) };
}

async function popupFor(context: BrowserContext, extension: { extensionId: string; worker: Worker }, page: Page, query = '') {
  const popup = await openPopupFor(context, extension.extensionId, extension.worker, page, query);
  await expect(popup.getByTestId('subtitle')).not.toHaveText('Loading…');
  return popup;
}

test('a news page: companies listed most serious first, matching the badge; details with dates, sources and rulings', async ({ extension, context, page, server }) => {
  const { tabId, badge } = await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  // The most serious company on the page is on NS-CMIC: the badge takes the palette's "prohibited" colour.
  expect(await extension.worker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId)).toEqual([0xd5, 0x5e, 0x00, 255]);

  const popup = await popupFor(context, extension, page);
  const findings = popup.getByTestId('finding');
  // The badge counts the companies with a listing in force; formerly listed ones are shown apart.
  await expect(popup.locator('[data-testid="finding"][data-standing="in-force"]')).toHaveCount(Number.parseInt(badge, 10));
  const severities = await findings.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-severity') ?? ''));
  expect(severities[0]).toBe('prohibited');
  expect(severities.map((s) => RANK[s])).toEqual([...severities.map((s) => RANK[s])].sort((a, b) => b - a));
  const xiaomi = popup.locator('[data-testid="finding"][data-entity-id="xiaomi-corporation"]');
  await expect(xiaomi).toContainText('No current restriction on the US lists we track. DoD 1237: vacated by a court on May 25, 2021.');
  await expect(xiaomi.getByTestId('severity-chip')).toHaveCount(0);
  await expect(xiaomi).toContainText('“Xiaomi');
  await popup.screenshot({ path: join(SHOTS, 'popup-light.png') });

  await popup.locator('[data-entity-id="china-mobile-limited"]').getByRole('button', { name: 'China Mobile Limited' }).click();
  const details = popup.getByTestId('details');
  const cmic = details.locator('[data-testid="listing"][data-list-id="ofac-ns-cmic"]');
  await expect(cmic).toContainText('ListedJun 3, 2021');
  await expect(cmic).toContainText('EffectiveAug 2, 2021');
  await expect(cmic).toContainText('Divest byJun 3, 2022 (passed)');
  await expect(cmic).toContainText('Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence');
  await expect(cmic.getByRole('link', { name: /Official source, for the NS-CMIC listing/ })).toHaveAttribute('href', /^https:\/\//);
  await popup.screenshot({ path: join(SHOTS, 'popup-details.png') });
  await popup.keyboard.press('Escape');
  await expect(findings.first()).toBeVisible();

  await xiaomi.getByRole('button', { name: 'Xiaomi Corporation' }).click();
  await expect(details.getByTestId('listing')).toContainText('VacatedMay 25, 2021');
  const rulings = details.getByTestId('ruling');
  await expect(rulings.first()).toContainText('Xiaomi Corp. v. Department of Defense');
  await expect(rulings.first()).toContainText('Vacated');
  await expect(details.getByTestId('ruling').filter({ hasText: 'Injunction granted' })).toContainText('Judge Rudolph Contreras');
});

test('a brokerage page and a page with a research frame: holdings and framed text both count', async ({ extension, context, page, server }) => {
  await scanned(page, extension.worker, server.url('/brokerage-positions.html'));
  let popup = await popupFor(context, extension, page);
  const ids = await popup.getByTestId('finding').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-entity-id')));
  expect(ids).toContain('xiaomi-corporation');
  expect(ids.indexOf('china-mobile-limited')).toBeGreaterThanOrEqual(0);
  expect(ids.indexOf('china-mobile-limited')).toBeLessThan(ids.indexOf('xiaomi-corporation'));
  await popup.close();

  await scanned(page, extension.worker, server.url('/iframe-host.html'));
  popup = await popupFor(context, extension, page);
  await expect(popup.locator('[data-testid="finding"][data-entity-id="hangzhou-hikvision-digital-technology-co-ltd"]')).toBeVisible();
});

test('latest rulings: newest first, filtered to the companies on this page, with list changes', async ({ extension, context, page, server }) => {
  await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  const popup = await popupFor(context, extension, page);
  await popup.getByRole('tab', { name: 'Updates' }).click();
  const rulings = popup.getByTestId('ruling');
  await expect(rulings.first()).toBeVisible();
  const dates = await rulings.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
  expect(dates.length).toBeGreaterThan(3);
  expect(dates).toEqual([...dates].sort().reverse());

  await popup.getByRole('checkbox', { name: /Only rulings about this page’s companies/ }).check();
  const captions = await rulings.locator('.ruling-caption').allTextContents();
  expect(captions.length).toBeGreaterThan(0);
  for (const caption of captions) expect(caption).toContain('Xiaomi');
  await expect(popup.getByTestId('list-change').first()).toBeVisible();
});

test('search: by name, by ticker in several forms, by a misspelling; keyboard opens and closes details', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/smoke.html'));
  const popup = await popupFor(context, extension, page);
  await popup.getByRole('tab', { name: 'Search' }).click();
  const box = popup.getByRole('combobox');
  await expect(box).toBeFocused();
  const first = popup.getByTestId('search-result').first();

  await box.fill('Hikvision');
  await expect(first).toHaveAttribute('data-entity-id', 'hangzhou-hikvision-digital-technology-co-ltd');
  for (const ticker of ['HKEX 1810', '1810.HK', '1810']) {
    await box.fill(ticker);
    await expect(first, ticker).toHaveAttribute('data-entity-id', 'xiaomi-corporation');
    await expect(first).toContainText('ticker: HKEX 1810');
  }
  await box.fill('Xiaomy');
  await expect(first).toHaveAttribute('data-entity-id', 'xiaomi-corporation');
  await popup.screenshot({ path: join(SHOTS, 'popup-search.png') });

  await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(popup.getByTestId('details')).toHaveAttribute('data-entity-id', 'xiaomi-corporation');
  await popup.keyboard.press('Escape');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('Xiaomy');

  await box.fill('Volkswagen');
  await expect(popup.getByTestId('search-empty')).toContainText('“Volkswagen”: not found among the companies on the US lists we track.');
});

test('site switch: off removes the badge and, after a reload, the highlights; on brings them back', async ({ extension, context, page, server }) => {
  const { tabId } = await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  expect(await highlightedRanges(page)).toBeGreaterThan(0);

  const popup = await popupFor(context, extension, page);
  const toggle = popup.getByTestId('site-switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByTestId('subtitle')).toHaveText('Off for 127.0.0.1');
  await expect(popup.getByTestId('site-message')).toHaveText('Off for 127.0.0.1. Highlights removed.');
  await expect.poll(() => badgeText(extension.worker, tabId)).toBe('');
  // As the message says: the highlights go at once, without a reload.
  await expect.poll(() => highlightedRanges(page)).toBe(0);

  await page.reload();
  await page.waitForLoadState('load');
  // Give a scan the time it would need to run, then check that none did.
  await page.waitForTimeout(1500);
  expect(await highlightedRanges(page)).toBe(0);
  expect(await badgeText(extension.worker, tabId)).toBe('');
  await popup.reload();
  await expect(popup.getByTestId('empty-state')).toContainText('Sanctions Lens is off for 127.0.0.1');

  await popup.getByRole('button', { name: 'Turn on for 127.0.0.1' }).click();
  await page.reload();
  await expect.poll(() => badgeText(extension.worker, tabId)).toMatch(/^\d+!?$/);
  expect(await highlightedRanges(page)).toBeGreaterThan(0);
});

test('empty, unscannable and dark: written for a person, no errors', async ({ extension, context, page, server }) => {
  await page.goto(server.url('/smoke.html'));
  const popup = await popupFor(context, extension, page);
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await expect(popup.getByTestId('empty-state')).toContainText('No company from the lists we track was found here');
  await popup.screenshot({ path: join(SHOTS, 'popup-empty.png') });
  // With nothing on the page, the file check is still one click away.
  const [portfolio] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('portfolio-link').click()]);
  await expect(portfolio.getByRole('heading', { name: 'Portfolio check', level: 1 })).toBeVisible();
  await portfolio.close();

  const news = await context.newPage();
  await scanned(news, extension.worker, server.url('/news-xiaomi.html'));
  const dark = await popupFor(context, extension, news);
  await dark.emulateMedia({ colorScheme: 'dark' });
  await expect(dark.getByTestId('finding').first()).toBeVisible();
  expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 29)');
  await dark.screenshot({ path: join(SHOTS, 'popup-dark.png') });

  await page.goto('about:blank');
  const blank = await popupFor(context, extension, page);
  await expect(blank.getByTestId('empty-state')).toHaveAttribute('data-reason', 'unscannable');
  expect(errors).toEqual([]);
});

test('“Details” in the page’s findings panel opens that company in the popup view, for that tab', async ({ extension, context, page, server }) => {
  const { tabId } = await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  // What the keyboard command makes the background send to the active tab.
  await extension.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'showFindingsPanel', data: {} }, { frameId: 0 }), tabId);
  await expectUi(page, '[data-testid="panel-finding"][data-entity-id="xiaomi-corporation"]');
  const opened = context.waitForEvent('page');
  await clickUiButton(page, 'Details', '[data-testid="panel-finding"][data-entity-id="xiaomi-corporation"]');
  const view = await opened;
  await view.waitForLoadState();
  expect(view.url()).toBe(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}&entity=xiaomi-corporation`);
  const details = view.getByTestId('details');
  await expect(details).toHaveAttribute('data-entity-id', 'xiaomi-corporation');
  await expect(details).toContainText(/On this page as .*“Xiaomi”.*, \d+ times\./);
  await view.keyboard.press('Escape');
  await expect(view.locator('[data-testid="finding"][data-entity-id="xiaomi-corporation"]')).toBeVisible();

  // "Details" again on the same company brings that tab back, showing the details again, instead of a second tab.
  const pages = context.pages().length;
  await page.bringToFront();
  await page.waitForTimeout(1100); // a page may open details at most once a second
  await clickUiButton(page, 'Details', '[data-testid="panel-finding"][data-entity-id="xiaomi-corporation"]');
  await expect(view.getByTestId('details')).toHaveAttribute('data-entity-id', 'xiaomi-corporation');
  expect(context.pages().length).toBe(pages);
  const viewTab = await tabIdOf(extension.worker, view);
  expect(await extension.worker.evaluate(async (id) => (await chrome.tabs.get(id)).active, viewTab)).toBe(true);
});

/**
 * Put in the popup before its own scripts: the background's answer to `type` is replaced, for
 * popups opened with `&sim=<mode>` — `error` answers as a failed handler does, `hang` never answers.
 */
async function simulateBackground(context: BrowserContext, answers: Record<string, 'error' | 'hang'>) {
  await context.addInitScript((answers) => {
    if (!location.pathname.endsWith('/popup.html') || !location.search.includes('sim=')) return;
    const runtime = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      const mode = answers[(args[0] as { type?: string })?.type ?? ''];
      const reply = args.find((arg) => typeof arg === 'function') as ((answer: unknown) => void) | undefined;
      if (mode === 'error') return reply ? void reply({ __error: 'simulated' }) : Promise.resolve({ __error: 'simulated' });
      if (mode === 'hang') return reply ? undefined : new Promise(() => undefined);
      return send(...args);
    };
  }, answers);
}

test('page cards first: the page is shown while the whole list is still on its way', async ({ extension, context, page, server }) => {
  const { tabId } = await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  const expected = await (await popupFor(context, extension, page)).getByTestId('finding').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-entity-id')));
  expect(expected.length).toBeGreaterThan(2);

  // The whole list is slow: the page is shown from its cards, and Search says it is still loading.
  await simulateBackground(context, { getActiveDataset: 'hang' });
  const slow = await context.newPage();
  await slow.setViewportSize({ width: 400, height: 600 });
  await slow.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}&sim=slow`);
  await expect(slow.getByTestId('finding')).toHaveCount(expected.length);
  expect(await slow.getByTestId('finding').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-entity-id')))).toEqual(expected);
  await slow.getByRole('tab', { name: 'Search' }).click();
  await expect(slow.getByTestId('whole-list-loading')).toHaveText('Loading every listed company…');
  await slow.screenshot({ path: join(SHOTS, 'popup-whole-list-loading.png') });
  await slow.close();
});

test('a background that gives no page cards or list: the popup reads and checks the list itself', async ({ extension, context, page, server }) => {
  const { tabId } = await scanned(page, extension.worker, server.url('/news-xiaomi.html'));
  await simulateBackground(context, { getPageCards: 'error', getActiveDataset: 'error' });
  const popup = await context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}&sim=none`);
  await expect(popup.locator('[data-testid="finding"][data-entity-id="xiaomi-corporation"]')).toBeVisible();
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('combobox').fill('Hikvision');
  await expect(popup.getByTestId('search-result').first()).toContainText('Hikvision');
  expect(errors).toEqual([]);
});
