// What the Firefox tests share: one Firefox with the built extension and one fixture server per
// test file, and helpers that read what a user sees — highlights (the page's `CSS.highlights`), the
// popup's findings, the hover card — never the extension's internals.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { FixtureServer, ROOT, launchFirefox, type FirefoxOptions, type LaunchedFirefox } from '../../scripts/firefox';

export const SHOTS = join(ROOT, 'test-results/firefox');
mkdirSync(SHOTS, { recursive: true });

export const shot = (name: string) => join(SHOTS, name) as `${string}.png`;

export interface Suite {
  firefox: LaunchedFirefox;
  server: FixtureServer;
}

/**
 * Starts Firefox and the fixture server before the file's tests and stops both after them. The
 * returned object is filled in by `before`, so tests read it inside their bodies. `prepare` runs
 * first (a build of the file's own), in the same hook: separate top-level hooks may overlap.
 */
export function firefoxSuite(options: FirefoxOptions = {}, prepare?: () => Promise<void>): Suite {
  const suite = {} as Suite;
  before(async () => {
    await prepare?.();
    suite.server = new FixtureServer();
    await suite.server.start();
    suite.firefox = await launchFirefox(options);
  });
  after(async () => {
    await suite.firefox?.cleanup();
    await suite.server?.stop();
  });
  return suite;
}

/** Polls `read` until `done` holds for its value; fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}${lastError ? ` (error: ${lastError})` : ''}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Highlighted text per highlight name, read in the page's own world. */
export function highlights(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      out[name] = [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  });
}

export async function allHighlighted(target: Page | Frame): Promise<string[]> {
  return Object.values(await highlights(target)).flat();
}

/** Waits until every text in `texts` is highlighted in `target`. */
export async function expectHighlighted(target: Page | Frame, texts: string[], timeoutMs = 15_000): Promise<string[]> {
  const painted = await waitFor(
    () => allHighlighted(target),
    (seen) => texts.every((text) => seen.includes(text)),
    `highlights ${JSON.stringify(texts)}`,
    timeoutMs,
  );
  return painted;
}

/** Collects the page's uncaught errors and console errors (the page must stay clean). */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Opens a fixture page in a new tab. */
export async function openPage(suite: Suite, path: string): Promise<Page> {
  const page = await suite.firefox.browser.newPage();
  await page.goto(suite.server.url(path));
  return page;
}

/** The popup, opened as a tab for the tab showing `page` (contract 3), once it has loaded. */
export async function openPopup(suite: Suite, page: Page, query = '', viewport = { width: 400, height: 600 }): Promise<Page> {
  const tabId = await suite.firefox.tabIdOf(page);
  const popup = await suite.firefox.openExtensionPage(`popup.html?tab=${tabId}${query}`, viewport);
  await waitFor(
    () => popup.$eval('[data-testid="subtitle"]', (element) => element.textContent ?? ''),
    (text) => text !== '' && text !== 'Loading…',
    'the popup to load',
  );
  return popup;
}

/** Entity ids of the companies the popup lists, in order. */
export function findingIds(popup: Page): Promise<string[]> {
  return popup.$$eval('[data-testid="finding"][data-entity-id]', (cards) => cards.map((card) => card.getAttribute('data-entity-id') ?? ''));
}

/** Waits until the popup for `page` lists every company in `ids` (findings arrive after the scan). */
export async function expectReported(suite: Suite, page: Page, ids: string[]): Promise<string[]> {
  let popup: Page | null = null;
  try {
    return await waitFor(
      async () => {
        await popup?.close();
        popup = await openPopup(suite, page);
        return findingIds(popup);
      },
      (listed) => ids.every((id) => listed.includes(id)),
      `the popup to list ${JSON.stringify(ids)}`,
    );
  } finally {
    await (popup as Page | null)?.close();
  }
}

/** The centre of the first highlighted range whose text is `text`, in viewport coordinates. */
export async function highlightCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight) {
        if ((range as Range).toString() !== wanted) continue;
        (range as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = (range as Range).getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  assert.ok(point, `no highlight reads ${JSON.stringify(text)}`);
  return point;
}

/**
 * How many pixels of a screenshot region are (close to) `rgb`: what the user sees, e.g. whether an
 * old fill colour still shows. The PNG is decoded by a canvas in a blank tab of the same browser.
 */
export async function pixelsOfColour(suite: Suite, page: Page, clip: { x: number; y: number; width: number; height: number }, rgb: [number, number, number]): Promise<number> {
  const png = await page.screenshot({ clip, encoding: 'base64' });
  const scratch = await suite.firefox.browser.newPage();
  try {
    return await scratch.evaluate(
      async (data, [r, g, b]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24) count++;
        }
        return count;
      },
      png,
      rgb,
    );
  } finally {
    await scratch.close();
  }
}

/** The box of the first highlighted range reading `text`, scrolled into view. */
export async function highlightBox(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  await highlightCentre(page, text);
  const box = await page.evaluate((wanted) => {
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight) {
        if ((range as Range).toString() !== wanted) continue;
        const rect = (range as Range).getBoundingClientRect();
        return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
      }
    }
    return null;
  }, text);
  assert.ok(box, `no highlight reads ${JSON.stringify(text)}`);
  return box;
}
