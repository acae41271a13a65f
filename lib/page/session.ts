// One page's scanning session: builds the matcher from the active dataset and the user's settings,
// runs the scanner, shows the hover card and findings panel, and reports findings to the
// background. Settings and dataset changes are applied in place, without a reload.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { cardModel, type CardModel } from '../../components/hover-card/card-model';
import type { PanelEntry } from '../../components/hover-card/FindingsPanel';
import { SEVERITY_RANK } from '../dataset/severity';
import type { Dataset, Ruling } from '../dataset/types';
import { createMatcher } from '../match';
import { sendMessage, type Finding } from '../messaging';
import { isIgnored } from '../settings/rules';
import { addIgnore } from '../settings/store';
import type { Settings } from '../settings/types';
import { buildPageView, type PageView } from './entity-view';
import { createPainter, type Painter } from './highlighter';
import { PageUi } from './page-ui';
import { PageScanner, type ScanRules } from './scanner';

/** Findings are sent at most this often while the page changes. */
const REPORT_DEBOUNCE_MS = 400;

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
  private lastReport = '';
  private stopped = false;
  /** Time to build the page view and the matcher: one task, before the first slice. */
  private setupMs = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private dataset: Dataset,
    private settings: Settings,
  ) {
    const setupStart = performance.now();
    this.view = buildPageView(dataset, settings);
    this.rulings = new Map(dataset.rulings.map((ruling) => [ruling.id, ruling]));
    this.painter = createPainter(settings.palette, settings.highlightStyle);
    this.scanner = new PageScanner(document, this.painter, this.rules(), {
      onFindingsChanged: () => this.scheduleReport(),
      isStale: () => !ctx.isValid,
      // A bug must not break the page: the scanner stops and says why in the console.
      onError: (error) => console.warn('Sanctions Lens stopped scanning this page:', error),
      onInitialScanDone: () => {
        // Figures for the benchmark; they live in the page's performance timeline, not in its DOM.
        performance.mark('sanctions-lens:scan-complete', {
          detail: {
            setupMs: this.setupMs,
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
      panelEntries: () => this.panelEntries(),
      palette: () => this.settings.palette,
      hoverEnabled: () => this.settings.hoverCards,
      openDetails: (entityId) => void sendMessage('openDetails', { entityId }).catch(() => undefined),
      notThisCompany: (entityId, matched) =>
        void addIgnore({ entityId, text: matched, site: location.hostname || '*' }).catch((error) =>
          console.warn('Sanctions Lens could not save the ignore rule:', error),
        ),
      reveal: (entityId) => this.reveal(entityId),
    });
    this.setupMs = performance.now() - setupStart;
  }

  start(): void {
    performance.mark('sanctions-lens:scan-start');
    this.scanner.start();
  }

  get findings(): Finding[] {
    return this.scanner.findings();
  }

  /** Applies new settings or a new dataset without reloading the page. */
  update(dataset: Dataset, settings: Settings): void {
    const rematch = dataset !== this.dataset || matchKey(settings) !== matchKey(this.settings);
    const relook = settings.palette !== this.settings.palette || settings.highlightStyle !== this.settings.highlightStyle;
    this.dataset = dataset;
    this.settings = settings;
    if (relook) this.painter.setLook(settings.palette, settings.highlightStyle);
    if (rematch) {
      this.view = buildPageView(dataset, settings);
      this.rulings = new Map(dataset.rulings.map((ruling) => [ruling.id, ruling]));
      this.scanner.setRules(this.rules());
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

  private rules(): ScanRules {
    const view = this.view;
    const matcher = createMatcher(view.dataset);
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
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.report(), REPORT_DEBOUNCE_MS);
  }

  private async report(): Promise<void> {
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
    return cardModel(entity, key, this.view.lists, this.rulings);
  }

  /**
   * The panel lists the whole tab, frames included (a quote widget in an iframe counts as much as
   * the article). This frame's findings are reported first so the background's answer is current;
   * without an answer (the background restarting) the panel still shows this frame's own.
   */
  private async panelEntries(): Promise<PanelEntry[]> {
    clearTimeout(this.reportTimer);
    await this.report();
    const own = this.scanner.findings();
    let findings = own;
    try {
      const tab = await sendMessage('getMyTabFindings', {});
      if (tab) {
        const known = new Set(tab.findings.map((finding) => finding.entityId));
        findings = [...tab.findings, ...own.filter((finding) => !known.has(finding.entityId))];
      }
    } catch {
      // Keep this frame's findings.
    }
    const entries: PanelEntry[] = [];
    for (const finding of findings) {
      const model = this.describe(finding.entityId);
      if (!model) continue;
      entries.push({ entityId: model.entityId, name: model.name, key: model.key, effect: model.effect, count: finding.count, texts: finding.texts });
    }
    const rank = (entry: PanelEntry) => (entry.key === 'watchlist' ? 1.5 : SEVERITY_RANK[entry.key]);
    return entries.sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name));
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
