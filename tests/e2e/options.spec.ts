// The options page in the built extension: edits persist, rules from elsewhere show up live,
// files round-trip, bad files change nothing. Also saves light and dark screenshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { EXTENSION_DIR, ROOT, expect, launchWithExtension, openPopupFor, test } from './fixtures';

const DATASET = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/settings/dataset.json'), 'utf8'));
const SHOTS = join(ROOT, 'test-results/screenshots');

async function storedSettings(worker: Worker): Promise<Record<string, any>> {
  return worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? {});
}

async function openOptions(page: Page, worker: Worker, extensionId: string): Promise<void> {
  await worker.evaluate((dataset) => chrome.storage.local.set({ 'dataset:active': dataset }), DATASET);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Sanctions Lens settings' })).toBeVisible();
  await expect(page.getByTestId('list-ofac-ns-cmic')).toBeVisible();
}

test('a watchlist entry added in options is stored and survives a reload', async ({ extension, page, pageErrors }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  await expect(page.getByTestId('watchlist-empty')).toBeVisible();
  await page.getByLabel('Name or ticker').fill('Acme Robotics');
  await page.getByLabel('Name or ticker').press('Enter');
  await expect(page.getByTestId('status')).toContainText('“Acme Robotics” added to your watchlist.');
  await expect(page.getByTestId('watchlist-entry')).toHaveText(/Acme Robotics/);
  expect((await storedSettings(extension.worker)).watchlist).toEqual([expect.objectContaining({ term: 'Acme Robotics' })]);

  await page.getByLabel('Name or ticker').fill('acme robotics');
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.locator('#watchlist-error')).toHaveText(/already on your watchlist/);

  await page.reload();
  await expect(page.getByTestId('watchlist-entry')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove Acme Robotics from the watchlist' }).click();
  await expect(page.getByTestId('watchlist-empty')).toBeVisible();
  await page.getByTestId('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('watchlist-entry')).toHaveText(/Acme Robotics/);
  expect(pageErrors).toEqual([]);
});

async function watchlistHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('sanctions-lens-watchlist');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
}

test('a watchlist term is painted on an open page only once the user lets pages see it, and unpainted when removed', async ({ extension, page, server, context }) => {
  const article = await context.newPage();
  await article.goto(server.url('/watchlist.html'));
  await expect(article.locator('#story')).toContainText('Acme Robotics');

  await openOptions(page, extension.worker, extension.extensionId);
  await page.getByLabel('Name or ticker').fill('Acme Robotics');
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.getByTestId('watchlist-entry')).toHaveCount(1);

  // By default the term is found (the popup lists it) but nothing on the page shows it.
  const popup = await openPopupFor(context, extension.extensionId, extension.worker, article);
  await expect(popup.locator('[data-testid="finding"][data-entity-id="watchlist:acme-robotics"]')).toBeVisible();
  expect(await watchlistHighlights(article)).toEqual([]);
  await popup.close();

  // The page was already open: the change must reach it without a reload.
  await page.getByTestId('watchlist-on-pages').check();
  await expect.poll(() => watchlistHighlights(article)).toEqual(['Acme Robotics']);
  await page.getByRole('button', { name: 'Remove Acme Robotics from the watchlist' }).click();
  await expect.poll(() => watchlistHighlights(article)).toEqual([]);
});

test('site rules: added here or elsewhere they are listed at once, and each can be removed', async ({ extension, page }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  await page.getByLabel('Site', { exact: true }).fill('https://www.Example.com/some/page');
  await page.getByRole('button', { name: 'Add rule' }).click();
  const rule = page.locator('[data-testid="site-rule"][data-rule="www.example.com"]');
  await expect(rule).toContainText('Never scan');

  await page.getByLabel('Site', { exact: true }).fill('not a site!');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.locator('#site-error')).toContainText('is not a site name');

  // A change made elsewhere (the popup's switch writes the same storage) shows without a reload.
  await extension.worker.evaluate(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), enabledFor: ['xn--bcher-kva.de'] } });
  });
  await expect(page.locator('[data-testid="site-rule"][data-rule="xn--bcher-kva.de"]')).toContainText('bücher.de');

  await page.getByRole('button', { name: 'Remove rule for www.example.com' }).click();
  await expect(rule).toHaveCount(0);
  expect((await storedSettings(extension.worker)).disabledFor).toEqual([]);
  await page.getByRole('button', { name: 'Remove rule for bücher.de' }).click();
  await expect(page.getByTestId('site-rules-empty')).toBeVisible();
});

test('export then import round-trips every setting', async ({ extension, page }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  await page.getByLabel('Brokerage and financial-news sites only').check();
  await page.getByLabel('Underline').check();
  await page.getByTestId('list-ofac-sdn').uncheck();
  await page.getByLabel('Name or ticker').fill('ZZZZ Holdings');
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.getByTestId('watchlist-entry')).toHaveCount(1);
  const before = await storedSettings(extension.worker);
  expect(before).toMatchObject({ scanScope: 'financial', highlightStyle: 'underline', lists: { 'ofac-sdn': false } });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/^sanctions-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  await page.getByTestId('reset').click();
  await page.getByTestId('reset-confirm').click();
  await expect(page.getByTestId('watchlist-empty')).toBeVisible();
  await expect(page.getByLabel('All sites')).toBeChecked();
  expect(await storedSettings(extension.worker)).toMatchObject({ scanScope: 'all', highlightStyle: 'background', lists: {}, watchlist: [] });

  await page.getByTestId('import-file').setInputFiles(file);
  await expect(page.getByTestId('status')).toContainText('Settings imported from');
  await expect(page.getByLabel('Brokerage and financial-news sites only')).toBeChecked();
  await expect(page.getByTestId('list-ofac-sdn')).not.toBeChecked();
  expect(await storedSettings(extension.worker)).toEqual(before);
});

test('importing a broken file shows why and changes nothing', async ({ extension, page }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  await page.getByLabel('Name or ticker').fill('Acme Robotics');
  await page.getByRole('button', { name: 'Add to watchlist' }).click();
  await expect(page.getByTestId('watchlist-entry')).toHaveCount(1);
  const before = await storedSettings(extension.worker);

  await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "sanctions-lens-settings", "version": 2, "settings": {') });
  await expect(page.getByTestId('import-error')).toHaveText(/broken\.json: This file is not valid JSON/);
  await expect(page.getByTestId('status')).toHaveText('Import failed; your settings were not changed.');

  const wrongValues = JSON.stringify({ format: 'sanctions-lens-settings', version: 2, settings: { scanScope: 'nowhere', watchlist: [] } });
  await page.getByTestId('import-file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(wrongValues) });
  await expect(page.getByTestId('import-error')).toHaveText(/edited\.json: Nothing was imported: scanScope: "nowhere"/);

  expect(await storedSettings(extension.worker)).toEqual(before);
  await expect(page.getByTestId('watchlist-entry')).toHaveText(/Acme Robotics/);
});

test('every control has a name, and the page works from the keyboard', async ({ extension, page }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button')]
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);

  await page.getByLabel('Name or ticker').focus();
  await page.keyboard.type('Keyboard Corp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('watchlist-entry')).toHaveText(/Keyboard Corp/);
  await expect(page.getByRole('status')).toContainText('added to your watchlist');

  await page.getByTestId('reset').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reset-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('watchlist-empty')).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`options page screenshot, ${colorScheme}`, async () => {
    const launched = await launchWithExtension(EXTENSION_DIR, { colorScheme });
    try {
      const page = await launched.context.newPage();
      await page.setViewportSize({ width: 900, height: 900 });
      await launched.worker.evaluate(() => chrome.storage.sync.set({
        settings: {
          disabledFor: ['example.com', 'xn--bcher-kva.de'],
          enabledFor: ['myblog.net'],
          ignored: [{ entityId: 'xiaomi-corporation', text: 'mi', site: 'news.example.org', addedAt: '2026-11-20T10:00:00Z' }],
          watchlist: [{ term: 'Acme Robotics', addedAt: '2026-11-20T10:00:00Z' }],
        },
        'settings$': { v: 2 },
      }));
      await openOptions(page, launched.worker, launched.extensionId);
      await page.getByRole('button', { name: 'Pause for an hour' }).click();
      await expect(page.getByTestId('pause')).toContainText('Paused until');
      await page.screenshot({ path: join(SHOTS, `options-${colorScheme}.png`), fullPage: true });
      await page.getByRole('heading', { name: 'How it looks' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `options-${colorScheme}-appearance.png`) });
    } finally {
      await launched.cleanup();
    }
  });
}

test('hiding a list that bars buying says what it costs and offers Undo', async ({ extension, page }) => {
  await openOptions(page, extension.worker, extension.extensionId);
  await page.getByTestId('list-ofac-ns-cmic').uncheck();
  await expect(page.getByTestId('status')).toContainText('you will no longer be warned about companies on it, which US persons may not buy');
  expect((await storedSettings(extension.worker)).lists).toMatchObject({ 'ofac-ns-cmic': false });
  await page.getByTestId('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('list-ofac-ns-cmic')).toBeChecked();
  expect((await storedSettings(extension.worker)).lists).toMatchObject({ 'ofac-ns-cmic': true });
  // The hint describes the switch; it is not part of its name.
  await expect(page.getByTestId('list-ofac-ns-cmic')).toHaveAccessibleName(/^Non-SDN Chinese Military-Industrial Complex Companies List$/);
});
