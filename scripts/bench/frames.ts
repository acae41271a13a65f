// Frames benchmark: what the extension adds to a real page's main thread, frames included. Three
// generated pages — a short article (31 paragraphs naming 3 listed companies), the same article with
// 20 small ad frames (two lines of text each, nothing to find), and with 40 — each loaded in
// Chromium with the extension and in a plain Chromium, alternately, in the same run. The figure is
// the renderer's main-thread busy time (CDP `Performance.getMetrics` → TaskDuration) from a fresh
// tab until the page has settled (busy under 8 ms in a second), median of 5 loads; the frames are same-origin, so they share the
// page's renderer and its figure holds them all. ScriptDuration is read the same way.
// SL_BENCH_BEFORE=<built extension dir> loads the pages with that build too, in the same round-robin,
// so a change is judged against the build before it under the same load of the machine.
import type { BrowserContext, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import { CHROMIUM_ARGS, FixtureServer, ROOT, chromiumPath, launchWithExtension, type Route } from '../browser';
import { buildExtension, median, pick, random } from './_shared';

const LOADS = Number(process.env.SL_BENCH_LOADS) || 5;
/** The page counts as settled once its main thread was busy less than this in a second… */
const QUIET_MS_PER_SECOND = 8;
/** …at least this long after `load` (the extension starts at document_idle), and at most this long. */
const MIN_SETTLE_MS = 1500;
const MAX_SETTLE_MS = 40_000;
const TARGETS = { frameMs: 5, adPageMs: 50, articleMs: 30 };

const FILLER = `The central bank held rates steady on Wednesday while officials signalled that the path of cuts
  would depend on how quickly services inflation cools. Bond yields slipped and the dollar eased against the euro
  as traders priced a slower pace. Retailers reported mixed holiday sales with online orders up and store traffic
  flat. Energy shares lagged after crude fell for a third session on higher inventories and softer demand from
  refiners. Analysts said guidance for next year would matter more than the quarter itself.`.split(/\s+/);

export function article(dataset: Dataset, frames: number): string {
  const rnd = random(31);
  const listed = dataset.entities.filter((entity) => entity.listings.some((l) => l.status === 'active')).map((e) => e.name);
  const names = [pick(rnd, listed), pick(rnd, listed), pick(rnd, listed)];
  const paragraphs = Array.from({ length: 31 }, (_, i) => {
    const words = Array.from({ length: 60 + Math.floor(rnd() * 40) }, () => pick(rnd, FILLER)).join(' ');
    return `<p>${i % 10 === 3 ? `Shares of ${names[Math.floor(i / 10)]} moved. ` : ''}${words}</p>`;
  });
  const ads = Array.from({ length: frames }, (_, i) => `<iframe src="/bench/ad.html?n=${i}" title="ad ${i}" width="300" height="90"></iframe>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title>` +
    `<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto}iframe{border:1px solid #ccc;margin:4px}</style></head>` +
    `<body><h1>Markets steady as rates hold</h1>${paragraphs.slice(0, 15).join('')}<div class="ads">${ads.join('')}</div>` +
    `${paragraphs.slice(15).join('')}</body></html>`;
}

export const AD = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{font:13px sans-serif;margin:6px}</style></head>` +
  `<body><b>Sponsored</b><p>Open an account today and trade with zero commission. Learn more about our savings offers.</p></body></html>`;

interface Metrics {
  taskMs: number;
  scriptMs: number;
}

async function load(context: BrowserContext, url: string): Promise<Metrics> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return { taskMs: value('TaskDuration'), scriptMs: value('ScriptDuration') };
  };
  // The counters belong to the renderer process: a fresh tab's first navigation to the site gets a
  // process of its own (the previous tab of the site was closed), so they start near zero there.
  // Reading them before the navigation would read another process (about:blank's).
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`the bench page ${url} answered ${response?.status()}: nothing real would be measured`);
  const loaded = Date.now();
  await page.waitForTimeout(MIN_SETTLE_MS);
  let after = await read();
  while (Date.now() - loaded < MAX_SETTLE_MS) {
    await page.waitForTimeout(1000);
    const next = await read();
    const busy = next.taskMs - after.taskMs;
    after = next;
    if (busy < QUIET_MS_PER_SECOND) break;
  }
  await cdp.detach();
  await page.close();
  return after;
}

/**
 * Routes are matched on the decoded path, so each page gets a plain slug (a name with spaces
 * would be served as "not found", and the page measured would be the 404 page).
 */
export const articlePath = (frames: number) => `/bench/article-${frames}.html`;
export const BLANK_PATH = '/bench/blank.html';

/**
 * A started server with the article for each frame count (`articlePath`), its ad frame and a blank
 * page to start each load from: shared by this section and the profile and trace scripts.
 */
export async function serveArticles(frameCounts: readonly number[]): Promise<FixtureServer> {
  const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
  const server = new FixtureServer();
  const html = (body: string): Route => (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  for (const frames of frameCounts) server.route(articlePath(frames), html(article(dataset, frames)));
  server.route(BLANK_PATH, html('<!doctype html><title>blank</title>'));
  server.route('/bench/ad.html', html(AD));
  await server.start();
  return server;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

export default {
  async run() {
    const extensionDir = buildExtension();
    const pages = { article: 0, 'article + 20 ad frames': 20, 'article + 40 ad frames': 40 } as const;
    const server = await serveArticles(Object.values(pages));
    const launched = await launchWithExtension(extensionDir);
    const beforeDir = process.env.SL_BENCH_BEFORE ? join(ROOT, process.env.SL_BENCH_BEFORE) : undefined;
    const before = beforeDir ? await launchWithExtension(beforeDir) : undefined;
    const plain = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      // One unmeasured load of each page on each side first: the background prepares its index, and
      // both browsers have the scripts compiled and cached, as for a reader's second page.
      const urls = Object.fromEntries(Object.entries(pages).map(([name, frames]) => [name, server.url(articlePath(frames))]));
      for (const url of Object.values(urls)) {
        await load(launched.context, url);
        await load(plainContext, url);
        if (before) await load(before.context, url);
      }
      const runs: Record<string, { with: Metrics[]; without: Metrics[]; before: Metrics[] }> = Object.fromEntries(
        Object.keys(pages).map((name) => [name, { with: [], without: [], before: [] }]),
      );
      // Round-robin over the pages and sides, so a slow spell of the shared machine hits them alike.
      for (let i = 0; i < LOADS; i++) {
        for (const name of Object.keys(pages)) {
          runs[name].without.push(await load(plainContext, urls[name]));
          runs[name].with.push(await load(launched.context, urls[name]));
          if (before) runs[name].before.push(await load(before.context, urls[name]));
        }
      }
      const rows: Record<string, unknown>[] = [];
      const figures: Record<string, { frames: number; withoutMs: number; withMs: number; addedMs: number; scriptAddedMs: number; beforeAddedMs?: number }> = {};
      for (const [name, frames] of Object.entries(pages)) {
        const withMs = median(runs[name].with.map((run) => run.taskMs));
        const withoutMs = median(runs[name].without.map((run) => run.taskMs));
        const scriptAddedMs = median(runs[name].with.map((run) => run.scriptMs)) - median(runs[name].without.map((run) => run.scriptMs));
        figures[name] = { frames, withoutMs, withMs, addedMs: withMs - withoutMs, scriptAddedMs };
        if (before) figures[name].beforeAddedMs = median(runs[name].before.map((run) => run.taskMs)) - withoutMs;
      }
      const article = figures.article;
      for (const [name, figure] of Object.entries(figures)) {
        const perFrame = figure.frames > 0 ? (figure.addedMs - article.addedMs) / figure.frames : NaN;
        rows.push({
          page: name,
          'without the extension': ms(figure.withoutMs),
          'with it': ms(figure.withMs),
          added: ms(figure.addedMs),
          'script time added': ms(figure.scriptAddedMs),
          'added per ad frame': figure.frames > 0 ? `${perFrame.toFixed(1)} ms` : '—',
          ...(figure.beforeAddedMs !== undefined ? { 'added by the earlier build': ms(figure.beforeAddedMs) } : {}),
        });
      }
      console.table(rows);
      const ads = figures['article + 20 ad frames'];
      const perFrame20 = (ads.addedMs - article.addedMs) / 20;
      const checks = [
        [`a frame with nothing to find adds at most ${TARGETS.frameMs} ms (${perFrame20.toFixed(1)} ms)`, perFrame20 <= TARGETS.frameMs],
        [`the 20-frame article page adds at most ${TARGETS.adPageMs} ms (${ms(ads.addedMs)})`, ads.addedMs <= TARGETS.adPageMs],
        [`the short article adds at most ${TARGETS.articleMs} ms (${ms(article.addedMs)})`, article.addedMs <= TARGETS.articleMs],
      ] as const;
      for (const [label, ok] of checks) console.log(`${ok ? 'met    ' : 'MISSED '} ${label}`);
      return { loads: LOADS, quietMsPerSecond: QUIET_MS_PER_SECOND, pages: figures, perFrameMs: perFrame20, targetsMet: checks.every(([, ok]) => ok) };
    } finally {
      await plain.close();
      await before?.cleanup();
      await launched.cleanup();
      await server.stop();
    }
  },
};
