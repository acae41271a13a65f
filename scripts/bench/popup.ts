// Popup benchmark: how soon the popup shows the companies of a page, with the full bundled dataset.
// The built extension runs in Chromium on the news demo page; then the popup (popup.html?tab=<id>) is
// opened fresh several times. Reported, median of the opens, from the popup's navigation start:
//   - DOMContentLoaded: the floor any extension page with this bundle pays (parse and run scripts);
//   - first company painted: in the popup itself, the frame after the first company card entered the
//     document (a script the test adds before the popup's own watches the document; this is the
//     figure the target speaks of);
//   - first company seen by the test: when the test driver saw that card (adds the driver's own
//     round trips, which grow with the machine's load);
//   - first search result: typing a company's name into Search until its result is shown (builds
//     the search index on first use).
// Target (issue 14): the first company painted within 1.5× the DOMContentLoaded floor of the same
// open. The machine is shared and noisy: read the ratio, median of the opens' own ratios.
import type { Page } from '@playwright/test';
import { FixtureServer, PAGES_DIR, launchWithExtension } from '../browser';
import { buildExtension, median } from './_shared';

const OPENS = Number(process.env.SL_BENCH_OPENS) || 7;
const TARGET_RATIO = 1.5;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Milliseconds since the page's navigation start, read in the page right after `ready` resolves. */
async function sinceNavigation(page: Page, ready: Promise<unknown>): Promise<number> {
  await ready;
  return page.evaluate(() => performance.now());
}

export default {
  async run() {
    const extensionDir = buildExtension();
    const server = new FixtureServer(PAGES_DIR);
    await server.start();
    const { context, worker, extensionId, cleanup } = await launchWithExtension(extensionDir);
    // Runs in every new document before its own scripts: notes when the first company card is in the
    // popup's document and when the frame holding it is painted (a task after that frame's callback).
    await context.addInitScript(() => {
      if (!location.pathname.endsWith('/popup.html')) return;
      const marks: { inserted?: number; painted?: number } = {};
      (window as unknown as { __benchPopup: typeof marks }).__benchPopup = marks;
      const observer = new MutationObserver(() => {
        if (marks.inserted !== undefined || !document.querySelector('[data-testid="finding"]')) return;
        marks.inserted = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    try {
      const article = await context.newPage();
      await article.goto(server.url('news-xiaomi.html'));
      const tabId = await worker.evaluate(
        async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1,
        article.url(),
      );
      // Wait until the page has reported its companies, so every popup open finds them.
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '') {
        await article.waitForTimeout(100);
      }

      const runs: { dcl: number; painted: number; firstFinding: number; search: number }[] = [];
      for (let i = 0; i < OPENS; i++) {
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 400, height: 600 });
        await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`, { waitUntil: 'commit' });
        const firstFinding = await sinceNavigation(popup, popup.locator('[data-testid="finding"]').first().waitFor());
        await popup.waitForFunction(() => (window as unknown as { __benchPopup: { painted?: number } }).__benchPopup.painted !== undefined);
        const { dcl, painted } = await popup.evaluate(() => ({
          dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
          painted: (window as unknown as { __benchPopup: { painted: number } }).__benchPopup.painted,
        }));
        await popup.getByRole('tab', { name: /search/i }).click();
        const typed = await popup.evaluate(() => performance.now());
        await popup.locator('#search-input').fill('Hikvision');
        const shown = await sinceNavigation(popup, popup.getByText('Hangzhou Hikvision Digital Technology', { exact: false }).first().waitFor());
        runs.push({ dcl, painted, firstFinding, search: shown - typed });
        await popup.close();
      }
      const figures = {
        opens: OPENS,
        domContentLoadedMs: median(runs.map((r) => r.dcl)),
        firstCompanyPaintedMs: median(runs.map((r) => r.painted)),
        /** Median of each open's own painted / DOMContentLoaded. */
        paintedRatio: median(runs.map((r) => r.painted / r.dcl)),
        firstFindingMs: median(runs.map((r) => r.firstFinding)),
        firstSearchResultMs: median(runs.map((r) => r.search)),
        targetRatio: TARGET_RATIO,
        runs,
      };
      const met = figures.paintedRatio <= TARGET_RATIO;
      console.log(`popup on the news demo page, full bundled dataset; median of ${OPENS} fresh opens`);
      console.table({
        'DOMContentLoaded (floor)': ms(figures.domContentLoadedMs),
        'first company painted': `${ms(figures.firstCompanyPaintedMs)} (${figures.paintedRatio.toFixed(2)}× the floor; target ≤ ${TARGET_RATIO}×: ${met ? 'met' : 'NOT met'})`,
        'first company seen by the test': `${ms(figures.firstFindingMs)} (${(figures.firstFindingMs / figures.domContentLoadedMs).toFixed(2)}× the floor)`,
        'search: typing to result (first search builds the index)': ms(figures.firstSearchResultMs),
      });
      return { ...figures, targetsMet: met };
    } finally {
      await cleanup();
      await server.stop();
    }
  },
};
