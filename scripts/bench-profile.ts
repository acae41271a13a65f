// `npx tsx scripts/bench-profile.ts [frames]`: where the extension's time goes on the frames
// benchmark's short article (or the article with N ad frames). Loads the page with the extension
// under the V8 sampling profiler of its renderer, prints the content script's own figures (the
// session's scan-complete mark), and its time by function, self and inclusive; each profile is saved
// to bench-output/ for DevTools. Build with SL_NO_MINIFY=1 (and point SL_EXTENSION_DIR at it) so
// functions keep their names. On a busy machine, time the OS gives to other processes is counted
// against whatever function was running: read the shares, not the milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchWithExtension } from './browser';
import { BLANK_PATH, articlePath, serveArticles } from './bench/frames';
import { buildExtension, type CpuProfile, type CpuProfileNode } from './bench/_shared';

const frames = Number(process.argv[2] ?? 0);
const RUNS = Number(process.env.SL_PROFILE_RUNS) || 3;
const server = await serveArticles([frames]);
const launched = await launchWithExtension(buildExtension());
const self = new Map<string, number>();
/** Time with the function anywhere on the stack (each function counted once per sample). */
const inclusive = new Map<string, number>();
const byUrl = new Map<string, number>();
let total = 0;
try {
  // A first load lets the background prepare its index, as for a reader's second page.
  const warm = await launched.context.newPage();
  await warm.goto(server.url(articlePath(frames)), { waitUntil: 'load' });
  await warm.waitForTimeout(2000);
  await warm.close();
  for (let run = 0; run < RUNS; run++) {
    const page = await launched.context.newPage();
    // Same origin first, so the article loads in the renderer the profiler is attached to.
    await page.goto(server.url(BLANK_PATH));
    const cdp = await launched.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(server.url(articlePath(frames)), { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    // The content script's own figures for the top frame (lib/page/session.ts marks them).
    const marks = await page.evaluate(() => performance.getEntriesByName('sanctions-lens:scan-complete').map((mark) => (mark as PerformanceMark).detail));
    console.log(`load ${run + 1}: ${JSON.stringify(marks[0] ?? null)}`);
    // Saved as DevTools reads it (Performance panel → load profile), for a closer look.
    mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-output', `profile-article-${frames}-${run + 1}.cpuprofile`), JSON.stringify(profile));
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const label = (frame: CpuProfileNode['callFrame']) =>
      `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^chrome-extension:\/\/[^/]+/, '')}:${frame.lineNumber + 1}`;
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!.callFrame;
      const us = profile.timeDeltas[i] ?? 0;
      const stack: CpuProfileNode['callFrame'][] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at)!.callFrame);
      if (stack.some((up) => up.url.includes('chrome-extension://'))) {
        const seen = new Set(stack.filter((up) => up.url.includes('chrome-extension://') || (!up.url && up.functionName && up.functionName !== '(root)')).map(label));
        for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      }
      const where = frame.url.includes('chrome-extension://') ? 'extension' : frame.url ? 'page' : frame.functionName || '(native)';
      byUrl.set(where, (byUrl.get(where) ?? 0) + us);
      if (where !== 'extension') return;
      self.set(label(frame), (self.get(label(frame)) ?? 0) + us);
      total += us;
    });
    await cdp.detach();
    await page.close();
  }
} finally {
  await launched.cleanup();
  await server.stop();
}
const perRun = (us: number) => `${(us / 1000 / RUNS).toFixed(1)} ms`;
console.log(`article with ${frames} ad frames, ${RUNS} loads; self time per load by where the code lives:`);
for (const [where, us] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${perRun(us).padStart(10)}  ${where}`);
console.log(`extension functions (self time per load, total ${perRun(total)}):`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${perRun(us).padStart(10)}  ${key}`);
console.log('extension functions (inclusive time per load):');
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${perRun(us).padStart(10)}  ${key}`);
