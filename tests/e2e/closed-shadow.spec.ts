// A quote widget built as a closed web component: its text is read and highlighted like any other,
// and the page's own DOM is left as it was.
import { expect, openPopupFor, test } from './fixtures';

test('companies inside a closed shadow root are highlighted and reported', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/closed-widget.html'));
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const painted = () =>
    page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => range.toString())));
  await expect.poll(painted, { timeout: 10_000 }).toContain('China Mobile Ltd');
  expect(await painted()).not.toContain('Apple Inc.');

  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  await expect(popup.locator('[data-testid="finding"][data-entity-id="china-mobile-limited"]')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  expect(pageErrors).toEqual([]);
});
