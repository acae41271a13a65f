// One page's scanning session: builds the matcher from the active dataset and the user's settings,
// runs the scanner, shows the hover card and findings panel, and reports findings to the
// background. Settings and dataset changes are applied in place, without a reload.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { cardModel, type CardModel } from '../../components/hover-card/card-model';
import type { Dataset, Ruling } from '../dataset/types';
import { createMatcherAsync, type Matcher } from '../match';
import { sendMessage, type Finding } from '../messaging';
import { isIgnored } from '../settings/rules';
import { addIgnore, removeIgnore } from '../settings/store';
import { normalizeSiteRule } from '../settings/site';
import { decidingAsOf } from '../findings/freshness';
import type { Settings } from '../settings/types';
import { buildPageView, type PageView } from './entity-view';
import { createPainter, type Painter } from './highlighter';
import { PageUi } from './page-ui';
import { PageScanner, type ScanRules } from './scanner';
import { macrotask } from './scheduler';

/** Findings are sent at most this often while the page changes. */
const REPORT_DEBOUNCE_MS = 400;
/** A page that never stops changing (a trading app re-rendering every 200 ms) still reports this often. */
const REPORT_MAX_WAIT_MS = 1500;

/** The matcher is built in stretches this long, so building it never blocks the page for long. */
const BUILD_SLICE_MS = 8;

/**
 * A matcher for the companies this page may show, built without a long task; also the longest
 * stretch of the build (from `since`) that ran without a pause, for the benchmark.
 */
async function buildMatcher(view: PageView, since: number): Promise<{ matcher: Matcher; longestMs: number }> {
  const next = macrotask();
  let longestMs = 0;
  let stretchStart = since;
  const pause = async () => {
    longestMs = Math.max(longestMs, performance.now() - stretchStart);
    await new Promise<void>((resolve) => next(resolve));
    stretchStart = performance.now();
  };
  const matcher = await createMatcherAsync(view.dataset, { sliceMs: BUILD_SLICE_MS, pause });
  return { matcher, longestMs: Math.max(longestMs, performance.now() - stretchStart) };
}

/** Settings that change what is matched (a change rebuilds the matcher and rescans). */
function matchKey(settings: Settings): string {
  return JSON.stringify([settings.lists, settings.minSeverity, settings.showHistorical, settings.watchlist, settings.ignored]);
}

export class PageSession {
  private view: PageView;
  private rulings: Map<string, Ruling>;
  private readonly painter: Painter;
  private readonly scanner: PageScanner;
  private readonly ui: PageUi;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unreported change happened (0: none pending). */
  private reportPendingSince = 0;
  private lastReport = '';
  private stopped = false;
  /** Time from reading the settings to the scanner's start (the matcher is built in short tasks). */
  private setupMs = 0;
  /** The longest of those tasks. */
  private setupLongestMs = 0;

  /** A session for the page, once its matcher is built. */
  static async create(ctx: ContentScriptContext, dataset: Dataset, settings: Settings): Promise<PageSession> {
    const setupStart = performance.now();
    const view = buildPageView(dataset, settings);
    const { matcher, longestMs } = await buildMatcher(view, setupStart);
    const session = new PageSession(ctx, dataset, settings, view, matcher);
    session.setupMs += performance.now() - setupStart;
    session.setupLongestMs += longestMs;
    return session;
  }

  private constructor(
    private readonly ctx: ContentScriptContext,
    private dataset: Dataset,
    private settings: Settings,
    view: PageView,
    matcher: Matcher,
  ) {
    const setupStart = performance.now();
    this.view = view;
    this.rulings = new Map(dataset.rulings.map((ruling) => [ruling.id, ruling]));
    this.painter = createPainter(settings.palette, settings.highlightStyle);
    this.scanner = new PageScanner(document, this.painter, this.rules(matcher), {
      onFindingsChanged: () => this.scheduleReport(),
      isStale: () => !ctx.isValid,
      // A bug must not break the page: the scanner stops and says why in the console.
      onError: (error) => console.warn('Sanctions Lens stopped scanning this page:', error),
      onInitialScanDone: () => {
        // Figures for the benchmark; they live in the page's performance timeline, not in its DOM.
        performance.mark('sanctions-lens:scan-complete', {
          detail: {
            setupMs: this.setupMs,
            setupLongestTaskMs: this.setupLongestMs,
            busyMs: this.scanner.busyMs,
            longestSliceMs: this.scanner.longestSliceMs,
            firstPaintAt: this.scanner.stats.firstPaintMs,
            runsRead: this.scanner.stats.runsRead,
            runsMatched: this.scanner.stats.runsMatched,
            matchMs: this.scanner.stats.matchMs,
            painted: this.painter.size,
          },
        });
        this.scheduleReport();
      },
    });
    this.ui = new PageUi(ctx, this.painter, {
      describe: (entityId) => this.describe(entityId),
      ownFindings: () => this.scanner.findings(),
      tabFindings: () => this.tabFindings(),
      asOf: () => decidingAsOf(this.dataset)?.date,
      palette: () => this.settings.palette,
      hoverEnabled: () => this.settings.hoverCards,
      openDetails: (entityId) => void sendMessage('openDetails', { entityId }).catch(() => undefined),
      notThisCompany: (entityId, matched) => addIgnore({ entityId, text: matched, site: location.hostname || '*' }).then(() => undefined),
      undoNotThisCompany: (entityId, matched) =>
        removeIgnore({ entityId, text: matched, site: (location.hostname && normalizeSiteRule(location.hostname)) || '*' }).then(() => undefined),
      reveal: (entityId) => this.reveal(entityId),
    });
    // The last stretch of the build runs on into this constructor in the same task.
    this.setupLongestMs = performance.now() - setupStart;
  }

  start(): void {
    performance.mark('sanctions-lens:scan-start');
    this.scanner.start();
  }

  get findings(): Finding[] {
    return this.scanner.findings();
  }

  /** Applies new settings or a new dataset without reloading the page. */
  async update(dataset: Dataset, settings: Settings): Promise<void> {
    const rematch = dataset !== this.dataset || matchKey(settings) !== matchKey(this.settings);
    const relook = settings.palette !== this.settings.palette || settings.highlightStyle !== this.settings.highlightStyle;
    this.dataset = dataset;
    this.settings = settings;
    if (relook) this.painter.setLook(settings.palette, settings.highlightStyle);
    if (rematch) {
      const view = buildPageView(dataset, settings);
      const { matcher } = await buildMatcher(view, performance.now());
      // Stopped while the matcher was being built, or overtaken by a newer change.
      if (this.stopped || this.dataset !== dataset || this.settings !== settings) return;
      this.view = view;
      this.rulings = new Map(dataset.rulings.map((ruling) => [ruling.id, ruling]));
      this.scanner.setRules(this.rules(matcher));
    }
  }

  showPanel(): Promise<void> {
    return this.ui.showPanel();
  }

  /** After a same-document navigation the URL in reports must follow. */
  onLocationChange(): void {
    this.reportAgain();
  }

  /** Sends this frame's findings even if they did not change (the background forgot them). */
  reportAgain(): void {
    this.lastReport = '';
    this.scheduleReport();
  }

  /** Stops everything; with `report`, tells the background this frame has nothing to show. */
  stop(report = true): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.reportTimer);
    this.ui.destroy();
    this.scanner.stop();
    if (report && this.ctx.isValid) void sendMessage('reportFindings', { url: location.href, findings: [] }).catch(() => undefined);
  }

  private rules(matcher: Matcher): ScanRules {
    const view = this.view;
    const hostname = location.hostname;
    const settings = this.settings;
    return {
      matcher,
      keyOf: (entityId) => view.keys.get(entityId),
      isIgnored: (entityId, text) => settings.ignored.length > 0 && isIgnored(entityId, text, hostname, settings),
    };
  }

  private scheduleReport(): void {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.reportPendingSince) this.reportPendingSince = now;
    clearTimeout(this.reportTimer);
    // Debounced, but never postponed past the maximum wait, or a page that keeps changing never reports.
    const wait = Math.min(REPORT_DEBOUNCE_MS, Math.max(0, this.reportPendingSince + REPORT_MAX_WAIT_MS - now));
    this.reportTimer = setTimeout(() => void this.report(), wait);
  }

  private async report(): Promise<void> {
    this.reportPendingSince = 0;
    if (this.stopped || !this.ctx.isValid) return;
    const findings = this.scanner.findings();
    const payload = { url: location.href, findings };
    const key = JSON.stringify(payload);
    if (key === this.lastReport) return;
    this.lastReport = key;
    await sendMessage('reportFindings', payload).catch(() => {
      // The background may be restarting; the next change reports again.
      this.lastReport = '';
    });
  }

  private describe(entityId: string): CardModel | undefined {
    const entity = this.view.entities.get(entityId);
    const key = this.view.keys.get(entityId);
    if (!entity || !key) return undefined;
    return cardModel(entity, key, { lists: this.view.lists, programs: this.view.programs }, this.rulings, { asOf: decidingAsOf(this.dataset)?.date });
  }

  /**
   * The tab's findings for the panel (frames of this site only; the background counts the rest).
   * This frame's findings are reported first so the background's answer is current.
   */
  private async tabFindings(): Promise<{ findings: Finding[]; elsewhere: number } | null> {
    clearTimeout(this.reportTimer);
    await this.report();
    const tab = await sendMessage('getMyTabFindings', {});
    return tab ? { findings: tab.findings, elsewhere: tab.otherSites ?? 0 } : null;
  }

  private reveal(entityId: string): Range | undefined {
    const found = this.scanner.firstRange(entityId);
    if (!found) return undefined;
    const range = document.createRange();
    range.setStart(found.startNode, found.startOffset);
    range.setEnd(found.endNode, found.endOffset);
    found.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return range;
  }
}
