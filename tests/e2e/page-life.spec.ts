// The content script's life belongs to the extension, not to the page: a page that replays WXT's
// "content script started" message or dispatches its event stays highlighted and reported, and
// frames a page writes itself (srcdoc, about:blank, blob:, data:) are read like any other.
import type { Frame, Page, Worker } from '@playwright/test';
import { expect, tabIdOf, test } from './fixtures';

async function painted(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    [...CSS.highlights.values()].flatMap((highlight) => [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim())),
  );
}

async function reported(worker: Worker, page: Page, extensionId: string): Promise<string[]> {
  const tabId = await tabIdOf(worker, page);
  const popup = await page.context().newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  const findings = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabFindings', data: { tabId: id } }), tabId);
  await popup.close();
  return (findings as { findings: { entityId: string }[] }).findings.map((finding) => finding.entityId).sort();
}

async function badge(worker: Worker, page: Page): Promise<string> {
  const tabId = await tabIdOf(worker, page);
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

test('a page that replays the "script started" event, early and late, stays highlighted and reported', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url(`/kill-switch.html?id=${extension.extensionId}`));
  await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Hangzhou Hikvision Digital Technology', 'Inspur Group']));
  // The page fires the event from its first moment, under every message id it could think of (the
  // highlights may be up before it is done: they must still be there once it has fired them all).
  await expect.poll(() => page.evaluate(() => (window as unknown as { __dispatched: number }).__dispatched), { timeout: 10_000 }).toBeGreaterThan(30);
  expect(await painted(page)).toEqual(expect.arrayContaining(['Hangzhou Hikvision Digital Technology', 'Inspur Group']));
  // Nothing told the page which extension runs here.
  expect((await page.evaluate(() => (window as unknown as { __seenMessages: string[] }).__seenMessages)).filter((type) => type.includes('wxt'))).toEqual([]);
  await expect
    .poll(() => reported(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['hangzhou-hikvision-digital-technology-co-ltd', 'inspur-group-co-ltd']));
  expect(await badge(extension.worker, page)).toMatch(/^2!?$/); // '!' marks list data over a month old

  // Late: after the highlights and the report, the page fires again, then adds text.
  await page.evaluate(() => {
    (window as unknown as { __kill: () => void }).__kill();
    document.dispatchEvent(new CustomEvent(`${new URLSearchParams(location.search).get('id')}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'not-you' } }));
    document.getElementById('later')!.textContent = 'Late news: Zhejiang Dahua Technology joins the list of picks.';
  });
  await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Hangzhou Hikvision Digital Technology', 'Inspur Group', 'Zhejiang Dahua Technology']));
  await expect.poll(() => badge(extension.worker, page), { timeout: 10_000 }).toMatch(/^3!?$/);
  expect(await reported(extension.worker, page, extension.extensionId)).toContain('zhejiang-dahua-technology-co-ltd');
  expect(pageErrors).toEqual([]);
});

test('frames the page writes itself are scanned: srcdoc, about:blank, blob: and data:', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/written-frames.html'));
  const byTitle = async (title: string) => {
    const handle = await page.$(`iframe[title="${title}"]`);
    const frame = await handle?.contentFrame();
    return frame ? painted(frame) : [];
  };
  await expect.poll(() => byTitle('plain'), { timeout: 10_000 }).toContain('Hikvision');
  await expect.poll(() => byTitle('srcdoc'), { timeout: 10_000 }).toContain('Hangzhou Hikvision Digital Technology');
  await expect.poll(() => byTitle('blank'), { timeout: 10_000 }).toContain('Huawei Technologies');
  await expect.poll(() => byTitle('blob'), { timeout: 10_000 }).toContain('China Mobile Limited');
  await expect.poll(() => byTitle('data'), { timeout: 10_000 }).toContain('Xiaomi Corporation');
  await expect
    .poll(() => reported(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['china-mobile-limited', 'hangzhou-hikvision-digital-technology-co-ltd', 'xiaomi-corporation']));
  expect((await reported(extension.worker, page, extension.extensionId)).some((id) => id.startsWith('huawei-'))).toBe(true);
  expect(pageErrors).toEqual([]);
});

/** Runs `expression` in the content script's isolated world of the page (what a compromised renderer reaches). */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const mainFrameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.origin.includes(extensionId) && context.auxData.frameId === mainFrameId);
  if (!world) throw new Error('no content-script world found');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

test('content scripts cannot read or write extension storage; the page still gets its data and settings', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expect.poll(() => painted(page), { timeout: 10_000 }).toContain('Hikvision');
  const attempts = (await inContentScript(
    page,
    extension.extensionId,
    `(async () => {
      const tryIt = (promise) => promise.then(() => 'allowed', (error) => 'refused: ' + error.message);
      return {
        localRead: await tryIt(chrome.storage.local.get(null)),
        localWrite: await tryIt(chrome.storage.local.set({ 'dataset:active': '{"version":"9999.12.31.1"}' })),
        syncWrite: await tryIt(chrome.storage.sync.set({ settings: { lists: {} } })),
      };
    })()`,
  )) as Record<string, string>;
  expect(attempts.localRead).toMatch(/^refused/);
  expect(attempts.localWrite).toMatch(/^refused/);
  expect(attempts.syncWrite).toMatch(/^refused/);
  // The extension's own pages keep full access, and nothing was planted.
  const stored = await extension.worker.evaluate(async () => {
    const { 'dataset:active': active } = await chrome.storage.local.get('dataset:active');
    return typeof active === 'string' ? (JSON.parse(active) as { version: string }).version : (active as { version?: string } | undefined)?.version;
  });
  expect(stored).not.toBe('9999.12.31.1');
  expect(pageErrors).toEqual([]);
});

test('a page that clears the highlight registry gets the warnings painted again', async ({ page, server, pageErrors }) => {
  await page.goto(server.url('/news-xiaomi.html'));
  await expect.poll(() => painted(page), { timeout: 10_000 }).toContain('Hikvision');
  await page.evaluate(() => CSS.highlights.clear());
  expect(await painted(page)).toEqual([]);
  await expect.poll(() => painted(page), { timeout: 5_000 }).toContain('Hikvision');
  expect(pageErrors).toEqual([]);
});

test('only text a reader can see counts: hidden, transparent and zero-size names do not flag the page; SVG labels and text fading in do', async ({ extension, page, server, pageErrors }) => {
  await page.goto(server.url('/unseen-text.html'));
  const seen = ['Hangzhou Hikvision Digital Technology', 'Hesai Group', 'Inspur Group', 'Zhejiang Dahua Technology'];
  // `hidden` that the page's CSS shows anyway is text on screen like any other, and so are a chart
  // label and a paragraph that fades in after the first read; a transparent word inside a visible
  // line is not.
  await expect.poll(async () => (await painted(page)).sort(), { timeout: 10_000 }).toEqual(seen);
  await expect
    .poll(() => reported(extension.worker, page, extension.extensionId), { timeout: 10_000 })
    .toEqual(['hangzhou-hikvision-digital-technology-co-ltd', 'hesai-group', 'inspur-group-co-ltd', 'zhejiang-dahua-technology-co-ltd']);
  expect(await badge(extension.worker, page)).toMatch(/^4!?$/);
  expect(pageErrors).toEqual([]);
});
