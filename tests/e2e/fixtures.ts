// Playwright fixtures: the built extension loaded into Chromium, a 127.0.0.1 server for the
// fixture pages (and for feeds), and helpers to find a page's tab id and open the popup for it.
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, process.env.SL_EXTENSION_DIR ?? '.output/chrome-mv3');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');

/** Chromium to use: $CHROMIUM_PATH, then Debian's, then Playwright's own (undefined). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchWithExtension(extensionDir = EXTENSION_DIR, options: { headless?: boolean; colorScheme?: 'light' | 'dark' } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'sanctions-lens-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? true,
    executablePath: chromiumPath(),
    colorScheme: options.colorScheme,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 900 },
  });
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(worker.url()).host;
  const cleanup = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, worker, extensionId, cleanup };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | void;

/** A static server for fixture pages; tests may add routes (a feed, a slow endpoint…). */
export class FixtureServer {
  private server: Server;
  private routes = new Map<string, Route>();
  origin = '';

  constructor(private root = PAGES_DIR) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    this.origin = `http://127.0.0.1:${address.port}`;
    return this.origin;
  }

  route(path: string, handler: Route): void {
    this.routes.set(path, handler);
  }

  url(path: string): string {
    return this.origin + (path.startsWith('/') ? path : `/${path}`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = this.routes.get(path);
    if (route && route(req, res) !== false) return;
    const file = normalize(join(this.root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(this.root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  }
}

/** The id of the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? -1;
  }, url);
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

type Fixtures = {
  extension: { context: BrowserContext; worker: Worker; extensionId: string };
  context: BrowserContext;
  server: FixtureServer;
  pageErrors: string[];
};

export const test = base.extend<Fixtures>({
  extension: async ({}, use) => {
    const launched = await launchWithExtension();
    await use(launched);
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
