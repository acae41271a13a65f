// `npx tsx scripts/bench-popup-profile.ts`: where the popup's time goes before it shows the first
// company of the news demo page. Opens popup.html?tab=<id> under the V8 sampling profiler of its
// renderer (a first open of the same address puts it in that renderer), prints the timeline (the
// navigation's DOMContentLoaded, the resources it fetched, the first company) and the popup's
// script time by function up to the first company, self and inclusive. Build with SL_NO_MINIFY=1
// (and point SL_EXTENSION_DIR at it) so functions keep their names. Read the shares: on a shared
// machine other processes' time is counted against whatever was running.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureServer, PAGES_DIR, ROOT, launchWithExtension } from './browser';
import { buildExtension, median, type CpuProfile, type CpuProfileNode } from './bench/_shared';

const RUNS = Number(process.env.SL_PROFILE_RUNS) || 5;
const server = new FixtureServer(PAGES_DIR);
await server.start();
const launched = await launchWithExtension(buildExtension());
const { context, worker, extensionId } = launched;
// When the popup's document starts, before any of its scripts: what comes before is the browser's.
await context.addInitScript(() => void ((window as unknown as { __documentStart: number }).__documentStart = performance.now()));
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const timelines: Record<string, number>[] = [];
let total = 0;
try {
  const article = await context.newPage();
  await article.goto(server.url('news-xiaomi.html'));
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, article.url());
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '') {
    await article.waitForTimeout(100);
  }
  const address = `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
  for (let run = 0; run < RUNS; run++) {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(address);
    await popup.locator('[data-testid="finding"]').first().waitFor();
    const cdp = await context.newCDPSession(popup);
    // SL_PROFILE_OFF=1: the timeline alone, without the sampling profiler's own cost.
    const sampling = !process.env.SL_PROFILE_OFF;
    if (sampling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await popup.goto(address, { waitUntil: 'commit' });
    await popup.locator('[data-testid="finding"]').first().waitFor();
    const timeline = await popup.evaluate(() => {
      const out: Record<string, number> = { 'first company': performance.now() };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      out['responseEnd'] = nav.responseEnd;
      out['DOMContentLoaded'] = nav.domContentLoadedEventEnd;
      out['document start (before any script)'] = (window as unknown as { __documentStart: number }).__documentStart;
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const name = entry.name.replace(/^chrome-extension:\/\/[^/]+/, '');
        out[`${name} start`] = entry.startTime;
        out[`${name} end`] = entry.responseEnd;
      }
      const seen = new Map<string, number>();
      for (const mark of performance.getEntriesByType('mark')) {
        const n = (seen.get(mark.name) ?? 0) + 1;
        seen.set(mark.name, n);
        out[`mark ${mark.name}${n > 1 ? ` #${n}` : ''}`] = mark.startTime;
      }
      return out;
    });
    const firstAt = timeline['first company'];
    timelines.push(timeline);
    if (process.env.SL_PROFILE_VERBOSE) console.log(Object.entries(timeline).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n  '));
    if (!sampling) {
      await cdp.detach();
      await popup.close();
      continue;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-output', `profile-popup-${run + 1}.cpuprofile`), JSON.stringify(profile));
    // Samples up to the first company only: the profile's clock is not the page's, so the cut is
    // taken from the first extension sample (the popup's script starts just before DOMContentLoaded).
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const label = (frame: CpuProfileNode['callFrame']) =>
      `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^chrome-extension:\/\/[^/]+/, '')}:${frame.lineNumber + 1}`;
    let clock = 0;
    profile.samples.forEach((id, i) => {
      clock += profile.timeDeltas[i] ?? 0;
      const us = profile.timeDeltas[i] ?? 0;
      const stack: CpuProfileNode['callFrame'][] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at)!.callFrame);
      const frame = nodes.get(id)!.callFrame;
      if (frame.functionName === '(idle)' || frame.functionName === '(program)' && !stack.some((s) => s.url)) {
        // idle or browser work outside scripts
      }
      const key = frame.url ? label(frame) : frame.functionName || '(native)';
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
      for (const up of new Set(stack.map((s) => (s.url ? label(s) : s.functionName)))) inclusive.set(up, (inclusive.get(up) ?? 0) + us);
    });
    void firstAt;
    await cdp.detach();
    await popup.close();
  }
} finally {
  await launched.cleanup();
  await server.stop();
}
const keys = new Set(timelines.flatMap((t) => Object.keys(t)));
console.log(`popup timeline, ms since navigation start, median of ${RUNS} opens:`);
for (const key of [...keys].sort((a, b) => median(timelines.map((t) => t[a] ?? NaN)) - median(timelines.map((t) => t[b] ?? NaN)))) {
  console.log(`  ${median(timelines.map((t) => t[key] ?? NaN)).toFixed(1).padStart(8)}  ${key}`);
}
const perRun = (us: number) => `${(us / 1000 / RUNS).toFixed(1)} ms`;
console.log(`self time per open (whole profile, ${perRun(total)}):`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${perRun(us).padStart(10)}  ${key}`);
console.log('inclusive time per open:');
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`  ${perRun(us).padStart(10)}  ${key}`);
