// Screenshots of every view, light and dark, at 400 and 320 px, written to
// test-results/screenshots/views/ to be looked at after a change. Each shot also checks the view
// rendered what it is of, so a blank or error screen fails instead of being saved.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, expect, openPopupFor, tabIdOf, test } from './fixtures';
import { expectUi, hoverHighlight } from './page-ui';

const SHOTS = join(ROOT, 'test-results/screenshots/views');
mkdirSync(SHOTS, { recursive: true });

for (const scheme of ['light', 'dark'] as const) {
  test(`every view, ${scheme}`, async ({ extension, context, page, server }) => {
    test.setTimeout(180_000);
    const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url('/news-xiaomi.html'));
    const tabId = await tabIdOf(extension.worker, page);
    await expect.poll(() => extension.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^\d+!?$/);

    for (const width of [400, 320]) {
      const popup = await openPopupFor(context, extension.extensionId, extension.worker, page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width, height: 580 });
      await expect(popup.getByTestId('finding').first()).toBeVisible();
      await shot(popup, `popup-page-${width}`);
      await popup.getByRole('tab', { name: 'Updates' }).click();
      await expect(popup.getByTestId('ruling').first()).toBeVisible();
      await shot(popup, `popup-updates-${width}`);
      await popup.getByRole('tab', { name: 'Search' }).click();
      await popup.getByRole('combobox').fill('Apple');
      await expect(popup.getByTestId('search-empty')).toBeVisible();
      await shot(popup, `popup-search-none-${width}`);
      await popup.getByRole('combobox').fill('gazprom');
      await expect(popup.getByTestId('search-result').first()).toBeVisible();
      await shot(popup, `popup-search-${width}`);
      await popup.getByRole('tab', { name: 'This site' }).click();
      await expect(popup.getByTestId('data-status')).toBeVisible();
      await shot(popup, `popup-site-${width}`);
      await popup.getByRole('tab', { name: /This page/ }).click();
      await popup.locator('[data-entity-id="china-mobile-limited"]').getByRole('button', { name: 'China Mobile Limited' }).click();
      await expect(popup.getByTestId('details')).toBeVisible();
      await shot(popup, `popup-details-${width}`);
      await popup.close();
    }

    // Details opened from the page: popup.html in a wide tab takes the page layout.
    const wide = await openPopupFor(context, extension.extensionId, extension.worker, page, '&entity=china-mobile-limited');
    await wide.emulateMedia({ colorScheme: scheme });
    await wide.setViewportSize({ width: 1100, height: 800 });
    await wide.reload();
    await expect(wide.getByTestId('details')).toBeVisible();
    expect(await wide.evaluate(() => document.documentElement.classList.contains('full-page'))).toBe(true);
    await expect(wide).toHaveTitle('China Mobile Limited — Sanctions Lens');
    await shot(wide, 'popup-details-full-page');
    // Narrowed, the tab takes the popup's column again.
    await wide.setViewportSize({ width: 420, height: 800 });
    await expect.poll(() => wide.evaluate(() => document.documentElement.classList.contains('full-page'))).toBe(false);
    await wide.close();

    const empty = await context.newPage();
    await empty.goto(server.url('/smoke.html'));
    const nothing = await openPopupFor(context, extension.extensionId, extension.worker, empty);
    await nothing.emulateMedia({ colorScheme: scheme });
    await expect(nothing.getByTestId('empty-state')).toBeVisible();
    await shot(nothing, 'popup-nothing-400');
    await nothing.goto(`chrome-extension://${extension.extensionId}/welcome.html`);
    await nothing.setViewportSize({ width: 900, height: 1100 });
    await expect(nothing.getByRole('heading', { level: 1 })).toBeVisible();
    await shot(nothing, 'welcome');
    await nothing.close();
    await empty.close();

    await page.bringToFront();
    await hoverHighlight(page, 'Hikvision', 'sanctions-lens-prohibited');
    await shot(page, 'hover-card-news');
    await page.keyboard.press('Escape');
    await extension.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'showFindingsPanel', data: {} }, { frameId: 0 }), tabId);
    await expectUi(page, '[data-testid="findings-panel"]');
    await shot(page, 'findings-panel-news');
    await page.keyboard.press('Escape');

    // A dark broker page: the card follows the page, whatever the system setting.
    await page.goto(server.url('/brokerage-positions.html'));
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('sanctions-lens-prohibited')?.size ?? 0)).toBeGreaterThan(0);
    const text = await page.evaluate(() => [...(CSS.highlights.get('sanctions-lens-prohibited') ?? [])].map((r) => (r as Range).toString())[0]);
    await hoverHighlight(page, text, 'sanctions-lens-prohibited');
    await shot(page, 'hover-card-dark-page');
  });
}
