// On the page: the built extension highlights the right companies on realistic fixture pages,
// reports them, leaves the page's DOM byte-identical and its console clean, reaches shadow DOM and
// same-origin frames, leaves form fields alone, and opens the hover card and findings panel.
import { chromium, type Frame, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import { defaultSettings } from '../../lib/settings/defaults';
import { SETTINGS_VERSION, type Settings } from '../../lib/settings/types';
import { EXTENSION_DIR } from '../../scripts/browser';
import { CHROMIUM_ARGS, ROOT, chromiumPath, expect, tabIdOf, test } from './fixtures';
import { clickUiButton, expectUi, hoverHighlight, inUi, uiAttributes, uiText } from './page-ui';

/** Screenshots go next to the test's other output (test-results/<test>/), to be looked at. */
const shot = (name: string) => test.info().outputPath(name);

/** Highlighted text per highlight name, read from the page's registry (visible from the main world). */
async function highlights(target: Page | Frame): Promise<Record<string, string[]>> {
  return target.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      out[name] = [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim());
    }
    return out;
  });
}

async function allHighlighted(target: Page | Frame): Promise<string[]> {
  return Object.values(await highlights(target)).flat();
}

/** Waits until every text in `texts` is highlighted. */
async function expectHighlighted(target: Page | Frame, texts: string[]): Promise<void> {
  await expect.poll(async () => {
    const painted = new Set(await allHighlighted(target));
    return texts.filter((text) => !painted.has(text));
  }, { timeout: 10_000 }).toEqual([]);
}

/** What the background holds for the tab (the popup's source), asked from an extension page. */
/** The colour-blind-safe palette's "prohibited" fill (Hikvision is on NS-CMIC). */
const PROHIBITED_FILL = [213, 94, 0];

/** Pixels of the "prohibited" fill across the middle of a highlighted word (an underline never reaches there). */
async function fillPixelsIn(page: Page, text: string): Promise<number> {
  const box = await page.evaluate((wanted) => {
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight) {
        if (range instanceof Range && range.toString().includes(wanted)) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getBoundingClientRect();
          return { x: rect.x, y: rect.y + rect.height * 0.3, width: rect.width, height: Math.max(1, rect.height * 0.3) };
        }
      }
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not highlighted`);
  const png = (await page.screenshot({ clip: box })).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async ({ data, rgb: [r, g, b] }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24) count++;
      return count;
    }, { data: png, rgb: PROHIBITED_FILL });
  } finally {
    await scratch.close();
  }
}

async function reportedEntities(worker: Worker, page: Page, extensionId: string): Promise<string[]> {
  const tabId = await tabIdOf(worker, page);
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const findings = await popup.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'getTabFindings', data: { tabId: id } }),
    tabId,
  );
  await popup.close();
  return (findings as { findings: { entityId: string }[] }).findings.map((finding) => finding.entityId).sort();
}

async function writeSettings(worker: Worker, patch: Partial<Settings>): Promise<void> {
  await worker.evaluate(
    async ({ patch, defaults, version }) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...defaults, ...(settings as object), ...patch }, settings$: { v: version } });
    },
    { patch, defaults: defaultSettings(), version: SETTINGS_VERSION },
  );
}

/**
 * The page's serialized DOM in a browser without the extension, after the same page time: the
 * page clock is fake and paused, so ticking prices and clocks produce the same DOM in both runs.
 */
async function outerHtmlAfter(page: Page, url: string, pageMs: number): Promise<string> {
  await page.clock.install({ time: new Date('2021-03-15T09:30:00Z') });
  await page.clock.pauseAt(new Date('2021-03-15T09:30:01Z'));
  await page.goto(url);
  await page.clock.runFor(pageMs);
  return page.evaluate(() => document.documentElement.outerHTML);
}

async function outerHtmlWithoutExtension(url: string, pageMs: number): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    return await outerHtmlAfter(page, url, pageMs);
  } finally {
    await browser.close();
  }
}

test('news article: listed companies are highlighted by severity and reported; ordinary words are not', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Huawei', 'Hikvision', 'Inspur', 'Panda Electronics', 'SMIC', 'Xiaomi Corp.', 'XIACY', 'China Mobile', '981']);
  const byName = await highlights(page);
  // Xiaomi's designation was vacated by the court: shown as historical, never as a current ban.
  expect(byName['sanctions-lens-historical']).toContain('Xiaomi Corp.');
  expect(byName['sanctions-lens-prohibited']).toEqual(expect.arrayContaining(['Huawei', 'Hikvision', 'China Mobile']));
  const painted = await allHighlighted(page);
  for (const innocent of ['Apple', 'AAPL', 'MSFT', 'CEO', 'ON', 'Costco', 'Contreras', 'Department of Defense']) {
    expect(painted).not.toContain(innocent);
  }
  // Text split over inline elements is one phrase.
  expect(painted).toContain('Semiconductor Manufacturing International Corporation');

  await expect
    .poll(() => reportedEntities(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toEqual(
      expect.arrayContaining([
        'xiaomi-corporation',
        'hangzhou-hikvision-digital-technology-co-ltd',
        'inspur-group-co-ltd',
        'panda-electronics-group-co-ltd',
        'semiconductor-manufacturing-international-corporation',
        'china-mobile-limited',
      ]),
    );
  // "Huawei" alone names the group; the data decides which Huawei entity it stands for.
  expect((await reportedEntities(extension.worker, page, extension.extensionId)).some((id) => id.startsWith('huawei-'))).toBe(true);
  await page.screenshot({ path: shot('news-xiaomi.png') });
  expect(pageErrors).toEqual([]);
});

test('the page DOM is byte-identical to a run without the extension (news and ticking brokerage)', async ({ page, server, pageErrors }) => {
  for (const [file, pageMs, probe] of [
    ['/news-xiaomi.html', 3000, 'Hikvision'],
    ['/brokerage-positions.html', 4500, 'China Mobile Ltd'],
    ['/forms.html', 500, 'Hikvision'],
    ['/shadow-widget.html', 1000, 'Semiconductor Manufacturing International Corporation'],
  ] as const) {
    const url = server.url(file);
    const withExtension = await outerHtmlAfter(page, url, pageMs);
    await expectHighlighted(page, [probe]);
    const afterHighlighting = await page.evaluate(() => document.documentElement.outerHTML);
    expect(afterHighlighting, `${file}: highlighting changed the DOM`).toBe(withExtension);
    expect(withExtension, `${file}: DOM differs from a browser without the extension`).toBe(
      await outerHtmlWithoutExtension(url, pageMs),
    );
  }
  expect(pageErrors).toEqual([]);
});

test('brokerage positions: flagged holdings stay highlighted through re-renders and price ticks; others never are', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/brokerage-positions.html'));
  await expectHighlighted(page, ['China Mobile Ltd', '941', 'CHL', 'Xiaomi Corp.']);
  const countAfterFirst = (await allHighlighted(page)).length;
  // Two full re-renders (every 2 s) and many price ticks later.
  await page.waitForTimeout(4500);
  const painted = await allHighlighted(page);
  expect(painted).toEqual(expect.arrayContaining(['China Mobile Ltd', '941', 'CHL', 'Xiaomi Corp.']));
  expect(painted.length, 'old ranges are dropped when the table is replaced').toBe(countAfterFirst);
  const attached = await page.evaluate(() =>
    [...CSS.highlights.values()].every((highlight) => [...highlight].every((range) => (range as Range).startContainer.isConnected)),
  );
  expect(attached).toBe(true);
  for (const innocent of ['AAPL', 'COST', 'MSFT', 'Apple Inc.', 'Costco Wholesale Corp.', 'Microsoft Corp.']) {
    expect(painted).not.toContain(innocent);
  }
  const reported = await reportedEntities(extension.worker, page, extension.extensionId);
  expect(reported).toEqual(expect.arrayContaining(['china-mobile-limited', 'xiaomi-corporation']));
  expect(reported.some((id) => /apple|costco|microsoft/.test(id))).toBe(false);
  await page.screenshot({ path: shot('brokerage-positions.png') });
  expect(pageErrors).toEqual([]);
});

test('shadow DOM, a shadow root attached later, and a same-origin iframe are scanned', async ({ page, server, pageErrors }) => {
  await page.goto(server.url('/shadow-widget.html'));
  await expectHighlighted(page, ['Hangzhou Hikvision Digital Technology', 'Semiconductor Manufacturing International Corporation']);
  expect(await allHighlighted(page)).not.toContain('Costco Wholesale');
  await page.screenshot({ path: shot('shadow-widget.png') });

  await page.goto(server.url('/iframe-host.html'));
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('h2')).toBeVisible();
  const inner = page.frames().find((candidate) => candidate.url().endsWith('/iframe-frame.html'))!;
  await expectHighlighted(inner, ['Hikvision', 'Zhejiang Dahua Technology']);
  await page.screenshot({ path: shot('iframe-host.png') });
  expect(pageErrors).toEqual([]);
});

test('infinite feed: items loaded while scrolling are highlighted', async ({ page, server, pageErrors }) => {
  await page.goto(server.url('/infinite-feed.html'));
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(200);
  }
  await expect.poll(() => page.locator('article').count()).toBeGreaterThanOrEqual(9);
  await expectHighlighted(page, ['Huawei', 'ZTE Corporation', 'Panda Electronics']);
  expect(await allHighlighted(page)).not.toContain('Apple');
  expect(pageErrors).toEqual([]);
});

test('form fields and editable text are left alone, also while the user types', async ({ page, server, pageErrors }) => {
  await page.goto(server.url('/forms.html'));
  await expectHighlighted(page, ['Hikvision']);
  await page.locator('#notes').click();
  await page.keyboard.type(' Also Huawei and Xiaomi.');
  await page.waitForTimeout(800);
  expect((await allHighlighted(page)).sort()).toEqual(['Hikvision']);
  expect(pageErrors).toEqual([]);
});

test('hover card: shows the company, its lists and ruling; "Not this company" stops the highlight', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Xiaomi Corp.']);
  const box = await hoverHighlight(page, 'Xiaomi Corp.', 'sanctions-lens-historical');
  expect(await uiAttributes(page, '[data-testid="hover-card"]', 'data-entity-id')).toEqual(['xiaomi-corporation']);
  expect(await uiText(page, '[data-testid="card-name"]')).toBe('Xiaomi Corporation');
  // Formerly listed: a plain label, never a severity chip.
  expect(await uiText(page, '[data-testid="card-severity"]')).toBe('Formerly listed');
  expect(await uiAttributes(page, '[data-testid="card-severity"]', 'class')).toEqual(['plain-label']);
  expect(await uiText(page, '[data-testid="card-former"]')).toContain('Vacated by court'.toLowerCase());
  expect(await uiText(page, '[data-testid="card-ruling"]')).toContain('2021');
  await page.screenshot({ path: shot('hover-card.png') });

  // Details opens the popup view of the company in a tab.
  const opened = page.context().waitForEvent('page');
  await clickUiButton(page, 'Details');
  const details = await opened;
  expect(details.url()).toContain('entity=xiaomi-corporation');
  await details.close();

  // Escape closes the card though the focus is on the page, not in the card.
  await page.bringToFront();
  await page.mouse.move(box.x, box.y + 1);
  await expectUi(page, '[data-testid="hover-card"]');
  await page.keyboard.press('Escape');
  await expectUi(page, '[data-testid="hover-card"]', false);

  await page.mouse.move(box.x + 1, box.y);
  await expectUi(page, '[data-testid="hover-card"]');
  // Xiaomi has no listing in force: "Not this company" acts at once, and the card says how to undo it.
  await clickUiButton(page, 'Not this company');
  await expectUi(page, '[data-testid="ignored-notice"]');
  await expect.poll(async () => (await allHighlighted(page)).includes('Xiaomi Corp.')).toBe(false);
  // Only that spelling on this site is ignored; other mentions stay.
  expect(await allHighlighted(page)).toContain('XIACY');
  const ignored = await extension.worker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as Settings).ignored);
  expect(ignored).toEqual([expect.objectContaining({ entityId: 'xiaomi-corporation', site: '127.0.0.1' })]);
  await page.keyboard.press('Escape');
  await expectUi(page, '[data-testid="ignored-notice"]', false);
  // The card's host element is gone again: the page's DOM has nothing of ours left in it.
  expect(await page.evaluate(() => document.querySelector('sanctions-lens-ui'))).toBeNull();
  expect(pageErrors).toEqual([]);
});

test('findings panel: the shortcut lists the page findings for keyboard and screen-reader users', async ({ extension, page, server }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Hikvision']);
  await page.waitForTimeout(600);
  const tabId = await tabIdOf(extension.worker, page);
  await extension.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'showFindingsPanel', data: {} }, { frameId: 0 }), tabId);
  await expectUi(page, '[data-testid="findings-panel"]');
  expect(await inUi(page, 'function () { return this.activeElement ? this.activeElement.id : null; }')).toBe('sl-panel-title');
  const ids = await uiAttributes(page, '[data-testid="panel-finding"]', 'data-entity-id');
  expect(ids).toEqual(expect.arrayContaining(['hangzhou-hikvision-digital-technology-co-ltd', 'xiaomi-corporation']));
  // Strongest warnings first; the vacated Xiaomi listing comes last.
  expect(ids.indexOf('hangzhou-hikvision-digital-technology-co-ltd')).toBeLessThan(ids.indexOf('xiaomi-corporation'));
  // The same facts as the card: lists in force with dates, and the as-of date.
  const hikvision = await uiText(page, '[data-testid="panel-finding"][data-entity-id="hangzhou-hikvision-digital-technology-co-ltd"]');
  expect(hikvision).toMatch(/NS-CMIC.*Active.*since/);
  expect(hikvision).toContain('Divest by Jun 3, 2022 (passed)');
  expect(await uiText(page, '[data-testid="findings-panel"] .foot')).toMatch(/Lists as of .*Information, not legal advice/);
  await page.screenshot({ path: shot('findings-panel.png') });
  await page.keyboard.press('Escape');
  await expectUi(page, '[data-testid="findings-panel"]', false);
});

test('findings panel: companies shown inside a same-origin frame are listed too', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/iframe-host.html'));
  const inner = page.frames().find((candidate) => candidate.url().endsWith('/iframe-frame.html'))!;
  await expectHighlighted(inner, ['Hikvision', 'Zhejiang Dahua Technology']);
  // The top frame itself names no company: everything in the panel comes from the frame.
  expect(await allHighlighted(page)).toEqual([]);
  await expect
    .poll(() => reportedEntities(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toContain('hangzhou-hikvision-digital-technology-co-ltd');
  const tabId = await tabIdOf(extension.worker, page);
  await extension.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'showFindingsPanel', data: {} }, { frameId: 0 }), tabId);
  await expectUi(page, '[data-testid="findings-panel"]');
  const ids = await uiAttributes(page, '[data-testid="panel-finding"]', 'data-entity-id');
  expect(ids).toEqual(expect.arrayContaining(['hangzhou-hikvision-digital-technology-co-ltd']));
  expect(ids.some((id) => id?.includes('dahua'))).toBe(true);
  expect(await uiText(page, '#sl-panel-title')).toMatch(/^\d+ compan(y|ies) with a listing in force/);
  await page.screenshot({ path: shot('findings-panel-iframe.png') });
  expect(pageErrors).toEqual([]);
});

test('back/forward cache: a page restored as it was reports its companies again', async ({ server }) => {
  // Playwright turns the back/forward cache off by default; this test needs a browser that keeps it.
  const userDataDir = mkdtempSync(join(tmpdir(), 'sanctions-lens-bfcache-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.addInitScript(() => {
      addEventListener('pageshow', (event) => {
        if (event.persisted) (window as unknown as { restored: boolean }).restored = true;
      });
    });
    // A static page: nothing on it changes, so nothing but the restore can make it report again.
    await page.goto(server.url('/iframe-frame.html'));
    await expectHighlighted(page, ['Hikvision']);
    const hikvision = 'hangzhou-hikvision-digital-technology-co-ltd';
    await expect.poll(() => reportedEntities(worker, page, extensionId), { timeout: 10_000 }).toContain(hikvision);
    await page.goto(server.url('/smoke.html'));
    await expect.poll(() => reportedEntities(worker, page, extensionId), { timeout: 10_000 }).not.toContain(hikvision);
    // A restore from the cache fires no load event to wait for.
    await page.goBack({ waitUntil: 'commit' });
    // The page really came back from the cache: no new load, so no new content script run.
    await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored)).toBe(true);
    await expect.poll(() => reportedEntities(worker, page, extensionId), { timeout: 10_000 }).toContain(hikvision);
    await expectHighlighted(page, ['Hikvision']);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('settings apply without a reload; a switched-off site gets no scan at all', async ({ extension, page, server }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Xiaomi Corp.', 'Hikvision']);
  await writeSettings(extension.worker, { showHistorical: false });
  await expect.poll(async () => (await allHighlighted(page)).includes('Xiaomi Corp.')).toBe(false);
  expect(await allHighlighted(page)).toContain('Hikvision');

  await writeSettings(extension.worker, { disabledFor: ['127.0.0.1'] });
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  await page.reload();
  await page.waitForTimeout(1500);
  // Nothing registered, nothing adopted: the scanner never started on this page.
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

  await writeSettings(extension.worker, { disabledFor: [] });
  await expectHighlighted(page, ['Hikvision']);
});

test('when the extension is reloaded, the old content script stops cleanly', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Hikvision']);
  await extension.worker.evaluate(() => chrome.runtime.reload());
  await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 10_000 }).toBe(0);
  // Prices keep ticking: no errors from a dead extension context.
  await page.waitForTimeout(1500);
  expect(pageErrors).toEqual([]);
});

test('same-document navigation: new content is highlighted and reported under the new address', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/infinite-feed.html'));
  await expectHighlighted(page, ['Inspur']);
  // What a single-page app does on a link click: new address, new content, no load.
  await page.evaluate(() => {
    history.pushState({}, '', '/stories/smic-results');
    document.getElementById('feed')!.innerHTML = '<article><h2>SMIC results</h2><p>Semiconductor Manufacturing International Corporation beat estimates.</p></article>';
  });
  await expectHighlighted(page, ['Semiconductor Manufacturing International Corporation']);
  expect(await allHighlighted(page)).not.toContain('Inspur');
  await expect
    .poll(() => reportedEntities(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toContain('semiconductor-manufacturing-international-corporation');
  const reported = await reportedEntities(extension.worker, page, extension.extensionId);
  expect(reported.some((id) => id.startsWith('inspur'))).toBe(false);
  expect(pageErrors).toEqual([]);
});

// A dataset swap without a reload is covered through the signed feed in feed.spec.ts ("Update now" …):
// a list written straight into storage carries no signature and is, rightly, never used.
test('a new highlight style applies to the open page without a reload', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expectHighlighted(page, ['Hikvision', 'Inspur']);

  // The look's rules are in the manifest's stylesheet: a new look registers the same highlights under
  // its own names, and the page gets no stylesheet of ours (adopting one would restyle the whole page).
  const fillBefore = await fillPixelsIn(page, 'Hikvision');
  expect(fillBefore).toBeGreaterThan(20);
  await writeSettings(extension.worker, { highlightStyle: 'underline', palette: 'colorblind-safe' });
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('sanctions-lens-prohibited-colorblind-safe-underline'))).toBe(true);
  expect(await page.evaluate(() => CSS.highlights.has('sanctions-lens-prohibited'))).toBe(false);
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  await expectHighlighted(page, ['Hikvision', 'Inspur']);
  // The underline look has no fill: the middle of the word shows the page's own background again.
  await expect.poll(() => fillPixelsIn(page, 'Hikvision')).toBe(0);
  await page.locator('text=Others on the list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('underline-style.png') });

  expect(pageErrors).toEqual([]);
});
