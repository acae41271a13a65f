// A trading app that rebuilds its list (flex rows of spans) every 200 ms and never settles: the companies on it are
// still highlighted, counted on the toolbar badge and listed in the popup.
import { expect, openPopupFor, tabIdOf, test } from './fixtures';

test('a page that re-renders every 200 ms still reports its companies', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/fast-app.html'));
  const tabId = await tabIdOf(extension.worker, page);
  await expect
    .poll(() => extension.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000 })
    .toMatch(/^2!?$/); // '!' marks list data over a month old

  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  const found = popup.locator('[data-testid="finding"]');
  await expect
    .poll(async () => (await found.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-entity-id')))).sort())
    .toEqual(['hesai-group', 'sberbank']);
  expect(pageErrors).toEqual([]);
});
