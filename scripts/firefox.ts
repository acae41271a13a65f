// Firefox with the built extension, driven over WebDriver BiDi (puppeteer-core): the counterpart of
// scripts/browser.ts for Chromium, sharing its fixture server. Used by the Firefox end-to-end tier.
//
// Firefox gives a temporary add-on a random moz-extension:// host; the `extensions.webextensions.uuids`
// pref fixes it in advance, since BiDi has no call that lists installed extensions. Opening
// extension pages and going back in history use raw BiDi commands: puppeteer's `goto` waits for a
// load event Firefox never sends for moz-extension:// pages, and `goBack` into the back/forward
// cache hangs the same way. Those reach puppeteer internals, which is why its version is pinned.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { ROOT } from './browser';
import { findBrowser } from './find-browser';

export { FixtureServer, PAGES_DIR, ROOT, type Route } from './browser';

/** The Firefox build the tier runs (`wxt build -b firefox --mv3` into its own folder). */
export const FIREFOX_OUT_DIR = '.output-firefox-e2e';
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, process.env.SL_FIREFOX_EXTENSION_DIR ?? join(FIREFOX_OUT_DIR, 'firefox-mv3'));

/** The moz-extension:// host the tests give the add-on. */
export const EXTENSION_UUID = '5e2c8a41-93d7-4f0b-b6a2-1c7e9d4f3a58';

/** Firefox binary for the tier: $FIREFOX_PATH, the system's, or the tier's downloaded copy. */
export function firefoxPath(): string {
  return findBrowser('firefox');
}

/** Firefox may still be writing to its profile for a moment after closing: retry, never fail a run over it. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  } catch (error) {
    console.warn(`Could not remove the test profile ${dir}:`, error instanceof Error ? error.message : error);
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The browsing-context id of a page or frame (puppeteer's BiDi frames keep it as `_id`). */
function contextId(target: Page | Frame): string {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const id = (frame as unknown as { _id?: string })._id;
  if (!id) throw new Error('puppeteer no longer exposes the frame id: check the pinned puppeteer-core version');
  return id;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://<uuid>` without a trailing slash, or '' when launched without the extension. */
  extensionOrigin: string;
  geckoId: string;
  version: string;
  /** Navigates an existing tab and waits for its load, also for moz-extension:// pages. */
  navigate(page: Page, url: string): Promise<void>;
  /** Opens an extension page (e.g. `popup.html?tab=3`) in a new tab of the given size. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Back (-1) or forward (+1) in the tab's history, also into the back/forward cache. */
  traverseHistory(page: Page, delta: number): Promise<void>;
  /** The extension's tab id for the tab showing `page`, asked from an extension page. */
  tabIdOf(page: Page): Promise<number>;
  cleanup(): Promise<void>;
}

export interface FirefoxOptions {
  /** A built Firefox extension folder, or null for a plain Firefox (a page as it is without us). */
  extensionDir?: string | null;
  headless?: boolean;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<LaunchedFirefox> {
  const extensionDir = options.extensionDir === undefined ? FIREFOX_EXTENSION_DIR : options.extensionDir;
  let geckoId = '';
  if (extensionDir) {
    let manifest: { browser_specific_settings?: { gecko?: { id?: string } } };
    try {
      manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
    } catch {
      throw new Error(`No built Firefox extension in ${extensionDir}: run \`npm run build:firefox\` (or the tier's own build) first.`);
    }
    geckoId = manifest.browser_specific_settings?.gecko?.id ?? '';
    if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no gecko id: the extension UUID cannot be fixed in advance.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'sanctions-lens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    userDataDir,
    // Lets BiDi navigate to moz-extension:// pages (refused without it).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify(geckoId ? { [geckoId]: EXTENSION_UUID } : {}),
      // No first-run pages, update checks or telemetry pings from the test browser.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const extensionOrigin = geckoId ? `moz-extension://${EXTENSION_UUID}` : '';
  try {
    if (extensionDir) await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    removeProfile(userDataDir);
    throw error;
  }

  const navigate = async (page: Page, url: string) => {
    await connection.send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
  };
  const openExtensionPage = async (path: string, viewport = { width: 400, height: 600 }) => {
    if (!extensionOrigin) throw new Error('Firefox was launched without the extension');
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await navigate(page, `${extensionOrigin}/${path.replace(/^\//, '')}`);
    return page;
  };
  const tabIdOf = async (page: Page) => {
    const url = page.url();
    const helper = await openExtensionPage('popup.html?tab=-1');
    try {
      const id = await helper.evaluate(async (target) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const tabs = await api.tabs.query({});
        return tabs.find((tab) => tab.url === target)?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab found for ${url}`);
      return id;
    } finally {
      await helper.close();
    }
  };
  return {
    browser,
    extensionOrigin,
    geckoId,
    version: await browser.version(),
    navigate,
    openExtensionPage,
    traverseHistory: async (page, delta) => {
      await connection.send('browsingContext.traverseHistory', { context: contextId(page), delta });
    },
    tabIdOf,
    cleanup: async () => {
      await browser.close();
      removeProfile(userDataDir);
    },
  };
}
