// `npm run demo`: builds the extension, serves the demo pages from 127.0.0.1 and opens Chromium with
// Sanctions Lens loaded. With a display it opens a window to try things by hand; without one (or with
// --headless) it visits each page, writes screenshots of the page and its popup, and prints what it found.
//
// With --readme it also copies the shots the README shows into docs/screenshots/ (the portfolio
// report's comes from tests/e2e/portfolio.spec.ts).
//
//   npm run demo [-- --headless] [--out DIR] [--no-build] [--readme]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, FixtureServer, PAGES_DIR, ROOT, launchWithExtension } from './browser';

/** README image ← demo shot. */
const README_SHOTS: [string, string][] = [
  ['hover-card.png', 'news-xiaomi-hover.png'],
  ['popup.png', 'news-xiaomi-popup.png'],
  ['world-markets.png', 'world-markets.png'],
];

const DEMO_PAGES = [
  { file: 'news-xiaomi.html', title: 'News article' },
  { file: 'brokerage-positions.html', title: 'Brokerage positions' },
  { file: 'world-markets.html', title: 'Chinese and Russian news, fund holdings' },
];

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outIndex = args.indexOf('--out');
const outDir = resolve(ROOT, outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : 'demo-output');

function build(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SL_OUT_DIR: '' } });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

/** Waits until the content script has painted highlights (or the page has none to paint). */
async function highlightedTexts(page: Page): Promise<string[]> {
  await page
    .waitForFunction(() => [...CSS.highlights.values()].some((highlight) => highlight.size > 0), null, { timeout: 10_000 })
    .catch(() => undefined);
  return page.evaluate(() => {
    const texts = new Set<string>();
    for (const highlight of CSS.highlights.values()) {
      for (const range of highlight) texts.add(range.toString().replace(/\s+/g, ' ').trim());
    }
    return [...texts];
  });
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) build();
  const server = new FixtureServer(PAGES_DIR);
  await server.start();
  let launched;
  try {
    launched = await launchWithExtension(EXTENSION_DIR, { headless });
  } catch (error) {
    await server.stop();
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  const { context, worker, extensionId, cleanup } = launched;
  const tabIdOf = async (page: Page) =>
    worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, page.url());

  if (!headless) {
    const first = context.pages()[0] ?? (await context.newPage());
    await first.goto(server.url(DEMO_PAGES[0].file));
    for (const demo of DEMO_PAGES.slice(1)) await (await context.newPage()).goto(server.url(demo.file));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(first)}`);
    console.log(`Demo pages at ${server.origin}/ — hover a highlight, open the popup from the toolbar. Close the window to end.`);
    await new Promise<void>((done) => context.on('close', () => done()));
    await server.stop();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  let missing = 0;
  for (const demo of DEMO_PAGES) {
    const page = await context.newPage();
    await page.goto(server.url(demo.file));
    const texts = await highlightedTexts(page);
    const pageShot = join(outDir, demo.file.replace('.html', '.png'));
    await page.screenshot({ path: pageShot });
    // The hover card over the page's most serious highlight, as a reader sees it.
    const spot = await page.evaluate(() => {
      for (const name of ['sanctions-lens-prohibited', 'sanctions-lens-restricted', 'sanctions-lens-caution']) {
        for (const range of CSS.highlights.get(name) ?? []) {
          const rect = (range as Range).getBoundingClientRect();
          if (rect.width > 0 && rect.top > 150 && rect.bottom < innerHeight - 20) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    });
    if (spot) {
      await page.mouse.move(spot.x - 20, spot.y + 30);
      await page.mouse.move(spot.x, spot.y, { steps: 3 });
      await page.waitForTimeout(900);
      await page.screenshot({ path: join(outDir, demo.file.replace('.html', '-hover.png')) });
      await page.keyboard.press('Escape');
    }

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 580 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(page)}`);
    await popup.locator('[data-testid="finding"]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    const companies = await popup.locator('[data-testid="finding"]').evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-entity-id') ?? '?'),
    );
    const popupShot = join(outDir, demo.file.replace('.html', '-popup.png'));
    await popup.screenshot({ path: popupShot });
    await popup.close();

    console.log(`\n${demo.title} (${demo.file})`);
    console.log(`  highlighted: ${texts.length ? texts.join(' · ') : 'nothing'}`);
    console.log(`  popup lists: ${companies.length ? companies.join(', ') : 'nothing'}`);
    console.log(`  screenshots: ${relative(ROOT, pageShot)}, ${relative(ROOT, popupShot)}`);
    if (!texts.length || !companies.length) missing++;
  }
  await cleanup();
  await server.stop();
  if (missing) {
    console.error(`\n${missing} demo page(s) showed no findings: the extension is not working as it should.`);
    process.exit(1);
  }
  console.log(`\nScreenshots written to ${relative(ROOT, outDir)}/`);
  if (args.includes('--readme')) {
    const docs = join(ROOT, 'docs/screenshots');
    for (const [image, shot] of README_SHOTS) copyFileSync(join(outDir, shot), join(docs, image));
    console.log(`README images updated in ${relative(ROOT, docs)}/: ${README_SHOTS.map(([image]) => image).join(', ')}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
