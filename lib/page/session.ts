// One frame's scanning session. It starts by only looking for first words of listed names in the
// frame's text (no matcher, no index); a frame whose text holds none loads nothing more. Once one
// appears, it asks the background for the compact match index, builds a matcher for just the
// companies its text could name (subset-matcher.ts) and reads the frame again with it. It paints,
// shows the hover card and findings panel (details asked of the background on demand), and
// reports findings. New settings or a new dataset arrive as a new setup, applied without a reload.
import type { CardModel } from '../../components/hover-card/card-model';
import { sendMessage, type Finding, type MatchIndex, type PageSetup } from '../messaging';
import type { PaletteKey } from '../settings/palette';
import { isIgnored } from '../settings/rules';
import { frameAddress } from './address';
import { createPainter, type Painter } from './highlighter';
import type { PageLife } from './life';
import { PageUi } from './page-ui';
import { PageScanner, type PageMatch, type ScanRules } from './scanner';
import { macrotask } from './scheduler';
import { SubsetMatcher } from './subset-matcher';
import type { FirstWordTable } from '../match/first-words';
import { tokenFilterFromText, visitTokens, wordsOfLines, type WordSet } from './tokens';

export type EnabledSetup = Extract<PageSetup, { enabled: true }>;

/** Findings are sent at most this often while the page changes. */
const REPORT_DEBOUNCE_MS = 400;
/** A page that never stops changing (a trading app re-rendering every 200 ms) still reports this often. */
const REPORT_MAX_WAIT_MS = 1500;
/** A large matcher is built in stretches this long, so building it never blocks the page for long. */
const BUILD_SLICE_MS = 8;

/**
 * Distinct first words after which a frame stops looking and compiles the whole index: a page naming
 * this many (a long positions table, a sanctions list) needs most of it anyway, and the look would
 * only delay the real read.
 */
const WHOLE_AFTER_TOKENS = 150;

/** The first-word look: matches nothing, notes which first words the text holds. */
class FirstWordProbe {
  readonly seen = new Set<string>();
  /** Set once the text named so many first words that the whole index is wanted (then the look stops). */
  whole = false;
  readonly wentWhole: Promise<void>;
  private goWhole!: () => void;
  /** The words and pairs worth a look (tokens.ts), so the look makes no string for any other word. */
  readonly filter: FirstWordTable;
  /**
   * Texts read whole without finding a first word (null when some patterns have none): the matcher
   * built next need not read them (subset-matcher.ts). They are the kept runs' own strings.
   */
  readonly quiet: Set<string> | null;
  constructor(
    readonly tokens: WordSet,
    filter: FirstWordTable,
    everyPatternHasAFirstWord: boolean,
    private readonly onFound: () => void,
  ) {
    this.filter = filter;
    this.quiet = everyPatternHasAFirstWord ? new Set() : null;
    this.wentWhole = new Promise((resolve) => (this.goWhole = resolve));
  }

  scan(text: string): PageMatch[] {
    if (this.whole) return [];
    if (this.seen.size >= WHOLE_AFTER_TOKENS) {
      this.whole = true;
      this.goWhole();
      return [];
    }
    let found = false;
    visitTokens(text, (token) => {
      if (this.tokens.has(token)) {
        this.seen.add(token);
        found = true;
      }
    }, undefined, this.filter);
    if (found) this.onFound();
    else this.quiet?.add(text);
    return [];
  }
}

export class PageSession {
  private readonly painter: Painter;
  private readonly scanner: PageScanner;
  private readonly ui: PageUi;
  private probe: FirstWordProbe;
  private matcher: SubsetMatcher | null = null;
  private keys = new Map<string, PaletteKey>();
  /** First words new text named that the matcher's part of the index lacks, and whether a larger part is on its way. */
  private readonly lacking = new Set<string>();
  private growing = false;
  /** The index being fetched and built, for `setup.indexId`. */
  private loading: string | null = null;
  private readonly cards = new Map<string, CardModel>();
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unreported change happened (0: none pending). */
  private reportPendingSince = 0;
  private lastReport = '';
  private stopped = false;
  private stopTick: () => void = () => {};
  /** When the frame asked for the index, and how long the build's longest stretch was (benchmark). */
  private setupStart = 0;
  private setupMs = 0;
  /** How long the index took to arrive, and how long building the matcher took (benchmark). */
  private indexMs = 0;
  private buildMs = 0;
  private setupLongestMs = 0;
  /** Resolves when the first look over the frame is done (then every first word it holds is known). */
  private firstLookDone: Promise<void>;
  private endFirstLook!: () => void;

  constructor(
    private readonly life: PageLife,
    private setup: EnabledSetup,
  ) {
    this.probe = this.newProbe();
    this.firstLookDone = new Promise((resolve) => (this.endFirstLook = resolve));
    this.painter = createPainter(setup.look.palette, setup.look.highlightStyle);
    this.scanner = new PageScanner(document, this.painter, this.probeRules(), {
      onFindingsChanged: () => this.scheduleReport(),
      isStale: () => !life.isValid,
      paints: (key) => key !== 'watchlist' || this.setup.look.watchlistOnPages,
      // A bug must not break the page: the scanner stops and says why in the console.
      onError: (error) => console.warn('Sanctions Lens stopped scanning this page:', error),
      onInitialScanDone: () => {
        this.endFirstLook();
        // The first look found a first word: the real read follows once the matcher is built.
        if (this.loading) return;
        // It found none: nothing will replay the runs it kept.
        this.scanner.forgetRuns();
        // Figures for the benchmark; they live in the page's performance timeline, not in its DOM.
        performance.mark('sanctions-lens:scan-complete', {
          detail: {
            setupMs: this.setupMs,
            indexMs: this.indexMs,
            buildMs: this.buildMs,
            setupLongestTaskMs: this.setupLongestMs,
            busyMs: this.scanner.busyMs,
            longestSliceMs: this.scanner.longestSliceMs,
            firstPaintAt: this.scanner.stats.firstPaintMs,
            runsRead: this.scanner.stats.runsRead,
            runsMatched: this.scanner.stats.runsMatched,
            matchMs: this.scanner.stats.matchMs,
            painted: this.painter.size,
            companiesCompiled: this.matcher?.size ?? 0,
          },
        });
        this.scheduleReport();
      },
    });
    this.ui = new PageUi(life, this.painter, {
      describe: (entityId) => this.describe(entityId),
      describeAll: (entityIds) => this.describeMany(entityIds),
      ownFindings: () => this.scanner.findings(),
      tabFindings: () => this.tabFindings(),
      palette: () => this.setup.look.palette,
      hoverEnabled: () => this.setup.look.hoverCards,
      openDetails: (entityId) => void sendMessage('openDetails', { entityId }).catch(() => undefined),
      notThisCompany: (entityId, matched) =>
        sendMessage('addIgnoreRule', { entityId, text: matched, site: new URL(frameAddress()).hostname || '*' }),
      undoNotThisCompany: (entityId, matched) =>
        sendMessage('removeIgnoreRule', { entityId, text: matched, site: new URL(frameAddress()).hostname || '*' }),
      reveal: (entityId) => this.reveal(entityId),
    });
  }

  start(): void {
    performance.mark('sanctions-lens:scan-start');
    // The look's runs are kept: once the matcher is built they are matched without walking the page again.
    this.scanner.keepRuns();
    this.scanner.start();
    // A page may clear CSS.highlights at any time; once a second is soon enough to paint again.
    this.stopTick = this.life.onTick(() => this.painter.reassert?.());
  }

  get findings(): Finding[] {
    return this.scanner.findings();
  }

  /** Applies a new setup (settings or dataset changed) without reloading the page. */
  update(setup: EnabledSetup): void {
    const previous = this.setup;
    this.setup = setup;
    if (setup.look.palette !== previous.look.palette || setup.look.highlightStyle !== previous.look.highlightStyle) {
      this.painter.setLook(setup.look.palette, setup.look.highlightStyle);
    }
    if (setup.indexId !== previous.indexId) {
      this.cards.clear();
      if (this.matcher) {
        // The new index's first words; its part for the words the old matcher covered (all of them if it
        // held the whole index). The page is read again with it, and grows where the new data needs more.
        const covered = this.matcher.covers;
        this.probe = this.newProbe();
        if (covered) {
          for (const token of covered) if (this.probe.tokens.has(token)) this.probe.seen.add(token);
        } else {
          this.probe.whole = true;
        }
        // Keep showing the old highlights until the new index is ready, then read the page again.
        this.loadIndex();
      } else {
        this.probe = this.newProbe();
        this.scanner.setRules(this.probeRules());
        this.scanner.keepRuns();
      }
    } else if (
      (JSON.stringify(setup.ignored) !== JSON.stringify(previous.ignored) || setup.look.watchlistOnPages !== previous.look.watchlistOnPages) &&
      this.matcher
    ) {
      this.scanner.setRules(this.matchRules(this.matcher));
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
    this.stopTick();
    this.ui.destroy();
    this.scanner.stop();
    if (report && this.life.isValid && this.lastReport) void sendMessage('reportFindings', { url: location.href, findings: [] }).catch(() => undefined);
  }

  private newProbe(): FirstWordProbe {
    // Kept as the strings they came in: a frame looks up only the few words its filter lets through.
    const { tokens, tokenFilter, patternsWithoutFirstWord } = this.setup;
    return new FirstWordProbe(wordsOfLines(tokens), tokenFilterFromText(tokenFilter), !patternsWithoutFirstWord, () => this.loadIndex());
  }

  private probeRules(): ScanRules {
    return { matcher: this.probe, keyOf: () => undefined, isIgnored: () => false };
  }

  private matchRules(matcher: SubsetMatcher): ScanRules {
    const hostname = new URL(frameAddress()).hostname;
    const ignored = { ignored: this.setup.ignored };
    return {
      matcher,
      // Read live: the matcher's part of the index may grow.
      keyOf: (entityId) => this.keys.get(entityId),
      isIgnored: (entityId, text) => ignored.ignored.length > 0 && isIgnored(entityId, text, hostname, ignored),
    };
  }

  /** The current setup's index as the background sends it: the part for `tokens`, or the whole one. */
  private async fetchIndex(wanted: string, tokens?: Iterable<string>): Promise<MatchIndex | null> {
    const text = await sendMessage('getMatchIndex', { indexId: wanted, ...(tokens ? { tokens: [...tokens] } : {}) });
    if (typeof text !== 'string') throw new Error('the background sent no match index');
    const index = JSON.parse(text) as MatchIndex;
    // Overtaken by a newer setup while the index travelled: that one loads its own.
    return this.stopped || this.setup.indexId !== wanted || index.id !== wanted ? null : index;
  }

  /**
   * Builds the frame's matcher for the current setup (once per index): once the whole frame was looked
   * at, from the part of the index for the first words it holds (one build for every company it names,
   * not one per find); or at once from the whole index when the look showed the page wants most of it.
   */
  private loadIndex(): void {
    const wanted = this.setup.indexId;
    if (this.loading === wanted || this.stopped) return;
    this.loading = wanted;
    this.setupStart = performance.now();
    void (async () => {
      await Promise.race([this.firstLookDone, this.probe.wentWhole]);
      if (this.stopped || this.setup.indexId !== wanted) return;
      // Every run kept so far was looked at: the matcher built now covers their first words.
      this.scanner.sealLook();
      const index = await this.fetchIndex(wanted, this.probe.whole ? undefined : this.probe.seen);
      this.indexMs = performance.now() - this.setupStart;
      if (!index) return;
      const buildStart = performance.now();
      const { matcher, longestMs } = await this.build(index);
      this.buildMs = performance.now() - buildStart;
      if (this.stopped || this.setup.indexId !== wanted) return;
      this.keys = matcher.keys();
      this.matcher = matcher;
      this.setupMs = performance.now() - this.setupStart;
      this.setupLongestMs = longestMs;
      this.loading = null;
      this.scanner.setRules(this.matchRules(matcher), true, true);
    })().catch((error: unknown) => {
      if (this.loading === wanted) this.loading = null;
      this.scanner.forgetRuns();
      console.warn('Sanctions Lens could not load the list for this page:', error);
    });
  }

  /** New text named first words the matcher's part of the index lacks: fetch a larger part, then read that text again. */
  private onLacking(matcher: SubsetMatcher, tokens: string[]): void {
    for (const token of tokens) this.lacking.add(token);
    if (this.growing) return;
    this.growing = true;
    const wanted = this.setup.indexId;
    void (async () => {
      // First words arrive run by run: one request for all a slice of reading found.
      await new Promise((resolve) => setTimeout(resolve, 0));
      while (this.lacking.size > 0 && this.matcher === matcher && this.setup.indexId === wanted && !this.stopped) {
        const covered = [...(matcher.covers ?? []), ...this.lacking];
        this.lacking.clear();
        const index = await this.fetchIndex(wanted, covered.length >= WHOLE_AFTER_TOKENS ? undefined : covered);
        if (!index || this.matcher !== matcher) break;
        await matcher.grow(index);
        for (const [id, key] of matcher.keys()) this.keys.set(id, key);
        this.scanner.matcherGrew();
      }
    })()
      .catch((error: unknown) => console.warn('Sanctions Lens could not load more of the list for this page:', error))
      .finally(() => {
        this.growing = false;
        this.lacking.clear();
      });
  }

  /** The matcher for the index the background sent; a large one is built in short stretches. */
  private async build(index: MatchIndex): Promise<{ matcher: SubsetMatcher; longestMs: number }> {
    const next = macrotask();
    let longestMs = 0;
    let stretchStart = performance.now();
    const pause = async () => {
      longestMs = Math.max(longestMs, performance.now() - stretchStart);
      await new Promise<void>((resolve) => next(resolve));
      stretchStart = performance.now();
    };
    const lookup = { tokens: this.probe.tokens, filter: this.probe.filter, quiet: this.probe.quiet ?? undefined };
    const matcher: SubsetMatcher = await SubsetMatcher.create(index, lookup, {
      sliceMs: BUILD_SLICE_MS,
      pause,
      onLacking: (tokens) => this.onLacking(matcher, tokens),
    });
    return { matcher, longestMs: Math.max(longestMs, performance.now() - stretchStart) };
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
    if (this.stopped || !this.life.isValid) return;
    const findings = this.scanner.findings();
    // A frame that never found anything has nothing to tell (the background starts each tab empty).
    if (findings.length === 0 && !this.lastReport) return;
    const payload = { url: location.href, findings };
    const key = JSON.stringify(payload);
    if (key === this.lastReport) return;
    this.lastReport = key;
    await sendMessage('reportFindings', payload).catch(() => {
      // The background may be restarting; the next change reports again.
      this.lastReport = '';
    });
  }

  /** Card details come from the background, which holds the dataset; asked once per company. */
  private async describeMany(entityIds: string[]): Promise<Map<string, CardModel>> {
    const missing = entityIds.filter((id) => !this.cards.has(id));
    if (missing.length > 0) {
      const models = await sendMessage('describeEntities', { entityIds: missing }).catch(() => [] as CardModel[]);
      for (const model of models ?? []) this.cards.set(model.entityId, model);
    }
    return this.cards;
  }

  private async describe(entityId: string): Promise<CardModel | undefined> {
    return (await this.describeMany([entityId])).get(entityId);
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
