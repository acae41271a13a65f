// A live quote strip whose prices tick every 200 ms beside Hong Kong codes (121.20 next to 0005): after many ticks,
// no price has turned into a listed company's code. Only Tencent, which the page does name, is highlighted,
// counted on the badge and listed in the popup.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ROOT, expect, openPopupFor, tabIdOf, test } from './fixtures';

async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));
}

test('ticking prices beside Hong Kong codes never become a company', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/quote-strip.html'));
  const tabId = await tabIdOf(extension.worker, page);
  // Watch the page through at least 15 ticks (3 s), sampling what is painted and what the badge says.
  const seen = new Set<string>();
  const badges = new Set<string>();
  for (let sample = 0; sample < 15; sample++) {
    await page.waitForTimeout(200);
    for (const text of await highlightedTexts(page)) seen.add(text);
    badges.add(await extension.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
  }
  // The strip really ticked: its first price is no longer what it started at, or has come back to it.
  const ticks = await page.evaluate(() => (window as unknown as { tick: number }).tick);
  expect(ticks).toBeGreaterThanOrEqual(10);
  // Tencent is found (so the extension is at work on this page), in the strip and in the article, and nothing else.
  expect([...seen].sort()).toEqual(['0700', 'TENCENT', 'Tencent Holdings']);
  // '!' marks list data over a month old.
  expect([...badges].filter((badge) => badge !== '').map((badge) => badge.replace(/!$/, ''))).toEqual(['1']);

  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  const found = popup.locator('[data-testid="finding"]');
  await expect
    .poll(async () => found.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity-id'))))
    .toEqual(['tencent-holdings-limited']);
  await popup.screenshot({ path: join(ROOT, 'test-results', 'quote-strip-popup.png') });
  await page.screenshot({ path: join(ROOT, 'test-results', 'quote-strip.png') });
  expect(pageErrors).toEqual([]);
});
