// Chromium with the built extension, and a small static server for fixture pages and feeds.
// Shared by the end-to-end tests, `npm run demo` and the page benchmark.
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { findBrowser } from './find-browser';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = resolve(ROOT, process.env.SL_EXTENSION_DIR ?? '.output/chrome-mv3');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');

/**
 * Chromium to use: $CHROMIUM_PATH, then the system's (Debian's `/usr/bin/chromium`…), then
 * Playwright's own once fetched (scripts/find-browser.ts). Throws, saying how to get one, when none is there.
 */
export function chromiumPath(): string {
  return findBrowser('chromium');
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

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  cleanup: () => Promise<void>;
}

export async function launchWithExtension(
  extensionDir = EXTENSION_DIR,
  options: { headless?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<LaunchedExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const executablePath = chromiumPath();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sanctions-lens-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: options.headless ?? true,
    executablePath,
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

