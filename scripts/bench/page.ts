// Page benchmark: the built extension in Chromium on a generated 3 MB page (~30,000 text nodes: a
// positions table and a long article) and on a churn page (100 price cells changing every 100 ms,
// a table re-rendered from scratch every 500 ms). Beside it, in the same run and on the same page in
// a browser without the extension, two baselines:
//   - the floor: a bare TreeWalker reading every text node, then one paint;
//   - "mark.js-style": our own re-implementation of what mark.js does in its fastest mode (one
//     RegExp of every name, run per text node, each match wrapped in a <mark>). mark.js itself is
//     not a dependency of this project, so its figures are not measured here.
// Load figures are the median of 5 fresh loads; churn CPU is sampled with the V8 profiler and
// attributed to the content script by script URL.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { Dataset } from '../../lib/dataset/types';
import { CHROMIUM_ARGS, FixtureServer, ROOT, chromiumPath, launchWithExtension } from '../browser';

const LOADS = Number(process.env.SL_BENCH_LOADS) || 5;
const CHURN_SECONDS = 10;
const TARGET_FLOOR_RATIO = 2;
const TARGET_LONGEST_TASK_MS = 50;
const TARGET_CHURN_SHARE = 0.05;

/** Seeded PRNG (mulberry32): every run builds the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PLAIN_COMPANIES = ['Apple Inc.', 'Costco Wholesale Corp.', 'Microsoft Corp.', 'Johnson & Johnson', 'Procter & Gamble', 'Visa Inc.',
  'Nestlé S.A.', 'Toyota Motor Corp.', 'Siemens AG', 'Unilever PLC', 'Walmart Inc.', 'Samsung Electronics', 'Infosys Ltd'];
const PLAIN_SYMBOLS = ['AAPL', 'COST', 'MSFT', 'JNJ', 'PG', 'V', 'NESN', '7203', 'SIE', 'ULVR', 'WMT', '005930', 'INFY'];
const WORDS = `the of and to in a is that for on with as was by at from it said its shares company market investors percent
  year new quarter revenue profit government trade exports maker network billion million analysts according reported
  week group industry rose fell index exchange traded funds holdings guidance margin outlook demand supply board`.split(/\s+/);

/** The flagged names the pages mention: real names from the bundled dataset. */
function listedNames(dataset: Dataset): string[] {
  return dataset.entities.filter((entity) => entity.listings.some((l) => l.status === 'active')).map((entity) => entity.name);
}

/** Every strong name and alias, the list one would give mark.js. */
function allNames(dataset: Dataset): string[] {
  return [...new Set(dataset.entities.flatMap((entity) => [entity.name, ...entity.aliases]))].filter((name) => name.length >= 3);
}

/** Records the start time of every frame, so runs with and without the extension read paint times the same way. */
const FRAME_RECORDER = `<script>window.__frames=[];(function f(t){window.__frames.push(t);requestAnimationFrame(f)})(performance.now());</script>`;

export function bigPage(dataset: Dataset): string {
  const rnd = random(1810);
  const listed = listedNames(dataset);
  const rows: string[] = [];
  for (let i = 0; i < 2500; i++) {
    const flagged = rnd() < 0.04;
    const name = flagged ? pick(rnd, listed) : pick(rnd, PLAIN_COMPANIES);
    const symbol = flagged ? 'N/A' : pick(rnd, PLAIN_SYMBOLS);
    rows.push(`<tr><td><a href="/quote/${symbol}">${symbol}</a></td><td>${escapeHtml(name)}</td><td>${Math.floor(rnd() * 5000)}</td>` +
      `<td>${(rnd() * 500).toFixed(2)}</td><td>${((rnd() - 0.5) * 4).toFixed(2)}%</td><td>$${(rnd() * 1e6).toFixed(2)}</td></tr>`);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const sentence = () => Array.from({ length: 20 + Math.floor(rnd() * 16) }, () => pick(rnd, WORDS)).join(' ');
    const company = rnd() < 0.15 ? pick(rnd, listed) : pick(rnd, PLAIN_COMPANIES);
    paragraphs.push(`<p>${sentence()}. Shares of <b>${escapeHtml(company)}</b> ${sentence()}, <a href="/news/${i}">${sentence().slice(0, 40)}</a> ${sentence()}. ${sentence()}. ${sentence()}.</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Positions and news</title>${FRAME_RECORDER}</head>` +
    `<body><h1>Positions</h1><table><thead><tr><th>Symbol</th><th>Name</th><th>Qty</th><th>Price</th><th>Chg</th><th>Value</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table><article><h1>Market wrap</h1>${paragraphs.join('')}</article></body></html>`;
}

function churnPage(dataset: Dataset): string {
  const listed = listedNames(dataset).slice(0, 25);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Churn</title></head><body>
<h1>Live prices</h1><div id="prices">${Array.from({ length: 100 }, (_, i) => `<span class="px" id="p${i}">100.00</span> `).join('')}</div>
<div id="table"></div>
<script>
  var names = ${JSON.stringify([...listed, ...PLAIN_COMPANIES])};
  var seed = 7; function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
  var cells = []; for (var i = 0; i < 100; i++) cells.push(document.getElementById('p' + i));
  setInterval(function () { for (var i = 0; i < 100; i++) cells[i].textContent = (90 + rnd() * 20).toFixed(2); }, 100);
  function render() {
    var html = '<table><tbody>';
    for (var i = 0; i < names.length; i++) html += '<tr><td>' + names[i] + '</td><td>' + (rnd() * 100).toFixed(2) + '</td><td>' + Math.floor(rnd() * 1000) + '</td></tr>';
    document.getElementById('table').innerHTML = html + '</tbody></table>';
  }
  render(); setInterval(render, 500);
</script></body></html>`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface ExtensionLoad {
  firstHighlightMs: number;
  firstHighlightFromNavigationMs: number;
  scanAndPaintMs: number;
  setupMs: number;
  longestSliceMs: number;
  busyMs: number;
  matchMs: number;
  painted: number;
}

async function extensionLoad(context: BrowserContext, url: string): Promise<ExtensionLoad> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('sanctions-lens:scan-complete').length > 0, null, { timeout: 120_000 });
  // Wait one more frame so the frame after the scan is recorded.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  const figures = await page.evaluate(() => {
    const start = performance.getEntriesByName('sanctions-lens:scan-start')[0];
    const done = performance.getEntriesByName('sanctions-lens:scan-complete')[0] as PerformanceMark;
    const frames = (window as unknown as { __frames: number[] }).__frames;
    const frameAfter = (time: number) => frames.find((frame) => frame >= time) ?? time;
    const detail = done.detail as { setupMs: number; busyMs: number; matchMs: number; longestSliceMs: number; firstPaintAt: number; painted: number };
    return {
      firstHighlightMs: frameAfter(detail.firstPaintAt) - start.startTime,
      firstHighlightFromNavigationMs: frameAfter(detail.firstPaintAt),
      scanAndPaintMs: frameAfter(done.startTime) - start.startTime,
      setupMs: detail.setupMs,
      longestSliceMs: detail.longestSliceMs,
      busyMs: detail.busyMs,
      matchMs: detail.matchMs,
      painted: detail.painted,
    };
  });
  await page.close();
  return figures;
}

/** Runs a baseline in the page's main world and returns the time until the frame after it. */
async function baselineLoad(context: BrowserContext, url: string, kind: 'floor' | 'markjs', names: string[]): Promise<{ ms: number; marks: number }> {
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
  const result = await page.evaluate(
    async ({ kind, names }) => {
      const start = performance.now();
      let marks = 0;
      if (kind === 'floor') {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let length = 0;
        while (walker.nextNode()) length += (walker.currentNode as Text).data.length;
        // One highlight so a paint of the same kind follows.
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1')!);
        CSS.highlights.set('bench-floor', new Highlight(range));
        marks = length > 0 ? 1 : 0;
      } else {
        const escaped = names.sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const pattern = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (/^(SCRIPT|STYLE)$/.test(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const nodes: Text[] = [];
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        for (const node of nodes) {
          pattern.lastIndex = 0;
          const found: [number, number][] = [];
          for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
            if (match[0].length === 0) pattern.lastIndex += 1;
            else found.push([match.index, match[0].length]);
          }
          // Wrap from the end so earlier offsets stay valid, as mark.js does per node.
          for (let i = found.length - 1; i >= 0; i--) {
            const [at, length] = found[i];
            const target = node.splitText(at);
            target.splitText(length);
            const mark = document.createElement('mark');
            target.parentNode!.replaceChild(mark, target);
            mark.appendChild(target);
            marks += 1;
          }
        }
      }
      const done = performance.now();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const frames = (window as unknown as { __frames: number[] }).__frames;
      return { ms: (frames.find((frame) => frame >= done) ?? done) - start, marks };
    },
    { kind, names },
  );
  await page.close();
  return result;
}

/** Content-script CPU time during `seconds` of churn, from V8 samples attributed by script URL. */
async function churnCpu(context: BrowserContext, url: string, extensionId: string, seconds: number) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('sanctions-lens:scan-complete').length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(seconds * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const highlighted = await page.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0));
  await page.close();

  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at)?.callFrame.url.startsWith(`chrome-extension://${extensionId}/`)) return true;
    }
    return false;
  };
  const cache = new Map<number, boolean>();
  const deltas = profile.timeDeltas ?? [];
  let extensionUs = 0;
  let busyUs = 0;
  (profile.samples ?? []).forEach((sample, i) => {
    const delta = deltas[i + 1] ?? 0;
    const name = byId.get(sample)?.callFrame.functionName;
    if (name !== '(idle)' && name !== '(program)') busyUs += delta;
    if (!cache.has(sample)) cache.set(sample, ours(sample));
    if (cache.get(sample)) extensionUs += delta;
  });
  const wallUs = profile.endTime - profile.startTime;
  return { extensionMs: extensionUs / 1000, mainThreadBusyMs: busyUs / 1000, wallMs: wallUs / 1000, highlighted };
}

function build(): string {
  if (process.env.SL_EXTENSION_DIR) return join(ROOT, process.env.SL_EXTENSION_DIR);
  console.log('building the extension into .output-bench …');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SL_OUT_DIR: '.output-bench' } });
  if (result.status !== 0) throw new Error('the extension build failed');
  return join(ROOT, '.output-bench/chrome-mv3');
}

export default {
  async run() {
    const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
    const extensionDir = build();
    const big = bigPage(dataset);
    const server = new FixtureServer();
    server.route('/bench/big.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(big));
    server.route('/bench/churn.html', (_req, res) =>
      void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(churnPage(dataset)),
    );
    await server.start();
    const textNodes = (big.match(/>[^<]+</g) ?? []).length;
    console.log(`big page: ${(big.length / 1024 / 1024).toFixed(2)} MB of HTML, about ${textNodes} text nodes; ${LOADS} fresh loads each`);

    const launched = await launchWithExtension(extensionDir);
    const plain = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx names helper functions with a `__name` call that the page does not have.
    for (const context of [launched.context, plainContext]) await context.addInitScript('globalThis.__name = (target) => target');
    try {
      // Let the background store the dataset before the first measured load.
      const warm = await launched.context.newPage();
      await warm.goto(server.url('/bench/churn.html'));
      await warm.waitForFunction(() => performance.getEntriesByName('sanctions-lens:scan-complete').length > 0, null, { timeout: 60_000 });
      await warm.close();

      const ext: ExtensionLoad[] = [];
      const floor: number[] = [];
      const markjs: number[] = [];
      let markCount = 0;
      const names = allNames(dataset);
      for (let i = 0; i < LOADS; i++) {
        ext.push(await extensionLoad(launched.context, server.url('/bench/big.html')));
        floor.push((await baselineLoad(plainContext, server.url('/bench/big.html'), 'floor', names)).ms);
        const markRun = await baselineLoad(plainContext, server.url('/bench/big.html'), 'markjs', names);
        markjs.push(markRun.ms);
        markCount = markRun.marks;
      }
      const churn = [];
      for (let i = 0; i < (Number(process.env.SL_BENCH_CHURN_RUNS) || 3); i++) churn.push(await churnCpu(launched.context, server.url('/bench/churn.html'), launched.extensionId, CHURN_SECONDS));

      const figures = {
        page: { bytes: big.length, textNodes },
        extension: {
          firstHighlightMs: median(ext.map((e) => e.firstHighlightMs)),
          firstHighlightFromNavigationMs: median(ext.map((e) => e.firstHighlightFromNavigationMs)),
          scanAndPaintMs: median(ext.map((e) => e.scanAndPaintMs)),
          setupMs: median(ext.map((e) => e.setupMs)),
          longestSliceMs: median(ext.map((e) => e.longestSliceMs)),
          busyMs: median(ext.map((e) => e.busyMs)),
          matchMs: median(ext.map((e) => e.matchMs)),
          highlighted: ext[0].painted,
        },
        floorMs: median(floor),
        markjsStyleMs: median(markjs),
        markjsStyleMarks: markCount,
        churn: {
          seconds: CHURN_SECONDS,
          extensionMs: median(churn.map((c) => c.extensionMs)),
          mainThreadBusyMs: median(churn.map((c) => c.mainThreadBusyMs)),
          share: median(churn.map((c) => c.extensionMs / c.wallMs)),
          shareOfBusy: median(churn.map((c) => c.extensionMs / Math.max(1, c.mainThreadBusyMs))),
          highlighted: churn[0].highlighted,
        },
        targetsMet: false,
      };
      const longestTask = Math.max(figures.extension.longestSliceMs, figures.extension.setupMs);
      const floorRatio = figures.extension.scanAndPaintMs / figures.floorMs;
      const checks = [
        [`scanned and painted within ${TARGET_FLOOR_RATIO}× the bare walk`, floorRatio <= TARGET_FLOOR_RATIO],
        [`no extension task over ${TARGET_LONGEST_TASK_MS} ms`, longestTask <= TARGET_LONGEST_TASK_MS],
        [`churn overhead under ${TARGET_CHURN_SHARE * 100}% of main-thread time`, figures.churn.share < TARGET_CHURN_SHARE],
      ] as const;
      figures.targetsMet = checks.every(([, ok]) => ok);

      console.table({
        'extension: first highlight (from scan start)': ms(figures.extension.firstHighlightMs),
        'extension: first highlight (from navigation)': ms(figures.extension.firstHighlightFromNavigationMs),
        'extension: whole page scanned and painted': ms(figures.extension.scanAndPaintMs),
        'extension: CPU in scan slices': ms(figures.extension.busyMs),
        '  of which in the matcher': ms(figures.extension.matchMs),
        'extension: setup task (view + matcher)': ms(figures.extension.setupMs),
        'extension: longest slice': ms(figures.extension.longestSliceMs),
        'extension: ranges painted': String(figures.extension.highlighted),
        'floor: bare TreeWalker + paint': ms(figures.floorMs),
        'mark.js-style: one RegExp, <mark> per match': `${ms(figures.markjsStyleMs)} (${markCount} marks)`,
        'ratio to floor (target ≤ 2×)': `${floorRatio.toFixed(2)}×`,
        'speed-up over mark.js-style': `${(figures.markjsStyleMs / figures.extension.scanAndPaintMs).toFixed(1)}×`,
        [`churn: content-script CPU in ${CHURN_SECONDS} s`]: ms(figures.churn.extensionMs),
        'churn: share of wall time (target < 5%)': `${(figures.churn.share * 100).toFixed(2)}%`,
        'churn: share of busy main-thread time': `${(figures.churn.shareOfBusy * 100).toFixed(2)}%`,
      });
      for (const [label, ok] of checks) console.log(`${ok ? 'met    ' : 'MISSED '} ${label}`);
      console.log('mark.js-style is our re-implementation of mark.js\'s one-RegExp mode; mark.js itself is not installed.');
      return figures;
    } finally {
      await plain.close();
      await launched.cleanup();
      await server.stop();
    }
  },
};
