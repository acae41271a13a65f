// Playwright fixtures: the built extension loaded into Chromium, a 127.0.0.1 server for the
// fixture pages (and for feeds), and helpers to find a page's tab id and open the popup for it.
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { FixtureServer, launchWithExtension } from '../../scripts/browser';

export {
  CHROMIUM_ARGS,
  EXTENSION_DIR,
  FixtureServer,
  PAGES_DIR,
  ROOT,
  chromiumPath,
  launchWithExtension,
  type Route,
} from '../../scripts/browser';

/** The id of the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  // Addresses are visible through the host permission; pages without one (about:blank) are found
  // as the active tab once brought to the front.
  let id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? -1;
  }, url);
  if (id < 0) {
    await page.bringToFront();
    id = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  }
  if (id < 0) throw new Error(`no tab found for ${url}`);
  return id;
}

/** Opens the popup as a page for the tab showing `page` (contract 3 in DESIGN.md). */
export async function openPopupFor(
  context: BrowserContext,
  extensionId: string,
  worker: Worker,
  page: Page,
  query = '',
): Promise<Page> {
  const tabId = await tabIdOf(worker, page);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}${query}`);
  return popup;
}

/**
 * The first-run page the extension opens on install, closed so tests start from one tab; whether
 * it opened is kept for the test that checks it.
 */
async function closeWelcome(context: BrowserContext): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

type Fixtures = {
  extension: { context: BrowserContext; worker: Worker; extensionId: string; welcomeOpened?: boolean };
  context: BrowserContext;
  server: FixtureServer;
  pageErrors: string[];
};

export const test = base.extend<Fixtures>({
  extension: async ({}, use) => {
    const launched = await launchWithExtension();
    const welcomeOpened = await closeWelcome(launched.context);
    await use({ ...launched, welcomeOpened });
    await launched.cleanup();
  },
  context: async ({ extension }, use) => {
    await use(extension.context);
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
  server: async ({}, use) => {
    const server = new FixtureServer();
    await server.start();
    await use(server);
    await server.stop();
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(errors);
  },
});

export const expect = test.expect;
