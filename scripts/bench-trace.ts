// `npx tsx scripts/bench-trace.ts [frames]`: what the extension adds to the frames benchmark's article,
// by kind of work (script, compiling, style, layout, messages…), from a Chromium trace of its renderer's
// main thread, loaded with and without the extension in turn (SL_TRACE_RUNS each, median). Where
// TaskDuration says only "busy", this says busy doing what. SL_BENCH_BEFORE=<built extension dir> adds an
// earlier build to the same round-robin.
import { chromium, type BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM_ARGS, ROOT, chromiumPath, launchWithExtension } from './browser';
import { BLANK_PATH, articlePath, serveArticles } from './bench/frames';
import { buildExtension, median } from './bench/_shared';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; cat: string; args?: Record<string, unknown> }

const frames = Number(process.argv[2] ?? 0);
const RUNS = Number(process.env.SL_TRACE_RUNS) || 5;
const server = await serveArticles([frames]);

/** Self time (ms) on the page renderer's main thread by event name, one traced load. */
async function traced(context: BrowserContext): Promise<Map<string, number>> {
  const page = await context.newPage();
  await page.goto(server.url(BLANK_PATH));
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(server.url(articlePath(frames)), { waitUntil: 'load' });
  await page.waitForTimeout(2500);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  // The renderer main thread: the one that ran the page's ParseHTML.
  const parse = events.find((event) => event.name === 'ParseHTML');
  const main = events.filter((event) => parse && event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X' && event.dur !== undefined);
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: each event's duration minus its children's.
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const childTime = new Map<TraceEvent, number>();
  for (const event of main) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur! <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) childTime.set(parent, (childTime.get(parent) ?? 0) + event.dur!);
    stack.push(event);
  }
  for (const event of main) {
    const own = (event.dur! - (childTime.get(event) ?? 0)) / 1000;
    const key = event.name === 'FunctionCall' || event.name === 'EvaluateScript' || event.name === 'v8.compile' || event.name === 'v8.run'
      ? `${event.name}${String((event.args?.data as { url?: string } | undefined)?.url ?? '').startsWith('chrome-extension://') ? ' (extension)' : ''}`
      : event.name;
    self.set(key, (self.get(key) ?? 0) + own);
  }
  return self;
}

const launched = await launchWithExtension(buildExtension());
const before = process.env.SL_BENCH_BEFORE ? await launchWithExtension(join(ROOT, process.env.SL_BENCH_BEFORE)) : undefined;
const plain = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
try {
  await traced(launched.context);
  await traced(plainContext);
  if (before) await traced(before.context);
  const withRuns: Map<string, number>[] = [];
  const withoutRuns: Map<string, number>[] = [];
  const beforeRuns: Map<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    withoutRuns.push(await traced(plainContext));
    withRuns.push(await traced(launched.context));
    if (before) beforeRuns.push(await traced(before.context));
  }
  const total = (run: Map<string, number>) => [...run.values()].reduce((sum, ms) => sum + ms, 0);
  const all = (runs: Map<string, number>[]) => new Map([['(all main-thread work)', 0]]).set('(all main-thread work)', median(runs.map(total)));
  const names = new Set([...withRuns, ...withoutRuns].flatMap((run) => [...run.keys()]));
  const rows = [...names, '(all main-thread work)'].map((name) => {
    const pick = (runs: Map<string, number>[]) => (name === '(all main-thread work)' ? all(runs).get(name)! : median(runs.map((run) => run.get(name) ?? 0)));
    const withMs = pick(withRuns);
    const withoutMs = pick(withoutRuns);
    return { event: name, with: withMs.toFixed(1), without: withoutMs.toFixed(1), added: withMs - withoutMs, ...(before ? { 'added by the earlier build': (pick(beforeRuns) - withoutMs).toFixed(1) } : {}) };
  });
  rows.sort((a, b) => Math.abs(b.added) - Math.abs(a.added));
  console.log(`article with ${frames} ad frames, ${RUNS} traced loads each; self time on the page's main thread (ms, median):`);
  console.table(rows.slice(0, 25).map((row) => ({ ...row, added: row.added.toFixed(1) })));
} finally {
  await plain.close();
  await before?.cleanup();
  await launched.cleanup();
  await server.stop();
}
