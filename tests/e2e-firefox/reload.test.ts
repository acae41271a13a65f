// A reloaded extension in Firefox: Firefox kills the old content script without its clean-up and
// runs the new one in the open page. Nothing of the old copy may stay: after a style change the
// page shows only the new look, not the old fill colour beside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { expectHighlighted, firefoxSuite, highlightBox, openPage, pageErrors, pixelsOfColour, shot, sleep, waitFor } from './harness';

const suite = firefoxSuite();
/** The colour-blind-safe palette's "prohibited" fill (Hikvision is on NS-CMIC). */
const PROHIBITED_FILL: [number, number, number] = [213, 94, 0];

/** The `::highlight()` rules adopted by the document, one list per stylesheet (none: the rules are in the manifest). */
function adoptedHighlightRules(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    document.adoptedStyleSheets
      .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .filter((rules) => rules.some((rule) => rule.startsWith('::highlight(sanctions-lens-'))),
  );
}

/** Fill pixels across the middle of the word: an underline never reaches there, a fill does. */
async function fillPixelsIn(page: Page, text: string): Promise<number> {
  await page.bringToFront();
  const box = await highlightBox(page, text);
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const clip = { x: box.x + scroll.x, y: box.y + scroll.y + box.height * 0.3, width: box.width, height: box.height * 0.3 };
  return pixelsOfColour(suite, page, clip, PROHIBITED_FILL);
}

test('after runtime.reload() the new content script takes over the open page, and a style change leaves no old fill', async () => {
  const page = await openPage(suite, '/news-xiaomi.html');
  const errors = pageErrors(page);
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  // The rules come with the manifest's stylesheet: the document adopts none, so it is never restyled for them.
  assert.equal((await adoptedHighlightRules(page)).length, 0);
  assert.ok((await fillPixelsIn(page, 'Hikvision')) > 20, 'the default look fills the highlight');
  // A closed shadow root gets a stylesheet of its own, which the old copy leaves behind as well.
  const widget = await openPage(suite, '/closed-widget.html');
  const widgetErrors = pageErrors(widget);
  await expectHighlighted(widget, ['China Mobile Ltd']);
  assert.ok((await fillPixelsIn(widget, 'China Mobile Ltd')) > 20, 'the widget’s highlight is filled');

  const extensionPage = await suite.firefox.openExtensionPage('options.html', { width: 900, height: 800 });
  // Reload from a timer, so the call that reloads is not left waiting on a page that goes away.
  await extensionPage.evaluate(() => {
    setTimeout(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.reload(), 50);
  });
  // The new copy paints the page again: highlights registered anew, still no stylesheet on the document.
  await sleep(1000);
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  assert.equal((await adoptedHighlightRules(page)).length, 0);

  const options = await suite.firefox.openExtensionPage('options.html', { width: 900, height: 800 });
  await options.waitForSelector('input[name="style"][value="underline"]');
  await options.click('input[name="style"][value="underline"]');
  await options.waitForSelector('::-p-text(Highlights now use an underline.)');
  await options.close();

  // A new look registers the highlights under its own names; the old copy's registrations are gone.
  await waitFor(
    () => page.evaluate(() => [CSS.highlights.has('sanctions-lens-prohibited-colorblind-safe-underline'), CSS.highlights.has('sanctions-lens-prohibited')]),
    ([underline, filled]) => underline && !filled,
    'the underline look on the page',
  );
  assert.equal((await adoptedHighlightRules(page)).length, 0);
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  assert.equal(await fillPixelsIn(page, 'Hikvision'), 0, 'no old fill colour shows behind the underline');
  await page.screenshot({ path: shot('after-reload-underline.png') });

  await expectHighlighted(widget, ['China Mobile Ltd']);
  assert.equal(await fillPixelsIn(widget, 'China Mobile Ltd'), 0, 'no old fill inside the closed shadow root');
  await widget.screenshot({ path: shot('after-reload-closed-widget.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(widgetErrors, []);
});
