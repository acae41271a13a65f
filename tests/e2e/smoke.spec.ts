import { expect, openPopupFor, test } from './fixtures';

test('the built extension loads: service worker runs, popup opens for a page', async ({ extension, page, server }) => {
  expect(extension.worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  await page.goto(server.url('/smoke.html'));
  await expect(page.locator('h1')).toHaveText('Smoke');
  const popup = await openPopupFor(extension.context, extension.extensionId, extension.worker, page);
  await expect(popup.locator('h1')).toContainText('Sanctions Lens');
});
