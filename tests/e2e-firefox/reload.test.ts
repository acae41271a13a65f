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

/** The `::highlight()` rules adopted by the document, one list per stylesheet. */
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
  assert.equal((await adoptedHighlightRules(page)).length, 1);
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
  // The new copy paints the page again: highlights registered anew, one stylesheet of ours.
  await sleep(1000);
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  await waitFor(() => adoptedHighlightRules(page), (sheets) => sheets.length === 1, 'one highlight stylesheet after the reload');

  const options = await suite.firefox.openExtensionPage('options.html', { width: 900, height: 800 });
  await options.waitForSelector('input[name="style"][value="underline"]');
  await options.click('input[name="style"][value="underline"]');
  await options.waitForSelector('::-p-text(Highlights now use an underline.)');
  await options.close();

  const sheets = await waitFor(
    () => adoptedHighlightRules(page),
    // The filled look carries an underline too: the underline look is the one without a fill.
    (found) => found.length > 0 && found.flat().every((rule) => !rule.includes('background-color')),
    'the underline look on the page',
  );
  assert.equal(sheets.length, 1, 'the old copy’s stylesheet is gone');
  assert.ok(!sheets.flat().some((rule) => rule.includes('background-color')), JSON.stringify(sheets));
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  assert.equal(await fillPixelsIn(page, 'Hikvision'), 0, 'no old fill colour shows behind the underline');
  await page.screenshot({ path: shot('after-reload-underline.png') });

  await expectHighlighted(widget, ['China Mobile Ltd']);
  assert.equal(await fillPixelsIn(widget, 'China Mobile Ltd'), 0, 'no old fill inside the closed shadow root');
  await widget.screenshot({ path: shot('after-reload-closed-widget.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(widgetErrors, []);
});
