// The page scanner: walks the page in time slices, matches each text run, paints the matches and
// keeps them current as the page changes. Work is incremental: a MutationObserver queues only the
// changed parts, a run whose text and nodes are unchanged is never matched again, and runs with
// no letters (prices, clocks, percentages) skip the matcher altogether.
import type { Finding, MatchKind } from '../messaging';
import type { PaletteKey } from '../settings/palette';
import { ELEMENT_NODE, TEXT_NODE, isInline, isInsideSkipped, isSkipped, shadowRootOf } from './elements';
import type { PaintedRange, Painter } from './highlighter';
import { WINDOW_CHARS, WindowedScan } from './long-runs';
import { NodeSlot } from './node-slot';
import { SliceScheduler, type SchedulerOptions } from './scheduler';
import { TextWalk, locate, type DomRange, type TextRun } from './walker';

export interface PageMatch {
  start: number;
  end: number;
  entityId: string;
  kind: MatchKind;
}

/** The matcher as the scanner uses it (contract 2 in DESIGN.md). */
export interface PageMatcher {
  scan(
    text: string,
    context?: {
      tickerContext?: boolean;
      entitiesNearby?: ReadonlySet<string>;
      introduced?: ReadonlyMap<string, string | null>;
      /** This very text was looked at for first words before the matcher was built (a replayed run). */
      tokensSeen?: boolean;
      /** Called when the text holds first words of companies the matcher does not hold yet (read it again once it grew). */
      onIncomplete?: () => void;
    },
  ): PageMatch[];
  /** Abbreviations and short names a text defines for the rest of its page ("Газпромбанк (ГПБ)"). */
  introduced?(text: string, matches: readonly PageMatch[]): ReadonlyMap<string, string | null>;
}

export interface ScanRules {
  matcher: PageMatcher;
  /** Colour of an entity, or undefined when the user's settings hide it. */
  keyOf(entityId: string): PaletteKey | undefined;
  /** "Not this company" rules for the current site. */
  isIgnored(entityId: string, text: string): boolean;
}

export interface ScannerOptions extends SchedulerOptions {
  /** Called when the set of findings changed (the caller debounces reporting). */
  onFindingsChanged?: () => void;
  /** Called once the initial walk of the page is finished and painted. */
  onInitialScanDone?: () => void;
  /**
   * Asked before each slice: true once the extension was reloaded or updated under this page, so
   * its work ends at the next page change (the caller's clean-up stops the scanner).
   */
  isStale?: () => boolean;
  /**
   * Whether matches of this colour are painted. A match that is not painted is still a finding (the
   * popup and the panel list it); the watchlist stays private unless the user lets pages see it.
   */
  paints?: (key: PaletteKey) => boolean;
}

interface Hit {
  range: DomRange;
  entityId: string;
  kind: MatchKind;
  text: string;
  key: PaletteKey;
}

/** A long run being matched a window at a time (long-runs.ts). */
interface LongRun {
  run: TextRun;
  scan: WindowedScan;
  /** The page-companies generation when its matching began, and whether a window asked about them. */
  generation: number;
  consulted: boolean;
}

interface RunRecord {
  text: string;
  last: Text;
  count: number;
  hits: Hit[];
  /** Whether part of the run sits in a quote link (then even digits may name a company). */
  quoted: boolean;
  /**
   * The page-companies generation the run's result depended on, or -1 when the matcher never asked
   * which companies the page names (then the result holds whatever else the page shows).
   */
  nearbyGeneration: number;
  /** Whether a match in it was left out as unseen: it is read again, never skipped as unchanged. */
  unseen?: boolean;
}

/** A cached matcher result, and the generation of page companies it depended on (-1: none). */
interface CachedScan {
  matches: PageMatch[];
  nearbyGeneration: number;
}

/**
 * The companies found on the page, as the matcher's context. It notes whether a scan asked about
 * them: only those results (an acronym or a bare ticker waiting for its company) can change when
 * the page later turns out to name that company.
 */
class NearbyEntities extends Set<string> {
  /** Grows whenever a company is found for the first time on this page. */
  generation = 0;
  consulted = false;

  override add(entityId: string): this {
    if (!super.has(entityId)) {
      super.add(entityId);
      this.generation += 1;
    }
    return this;
  }

  override has(entityId: string): boolean {
    this.consulted = true;
    return super.has(entityId);
  }

  // Reading the set in any other way counts as asking too.
  override forEach(callback: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    this.consulted = true;
    super.forEach(callback, thisArg);
  }

  override values(): SetIterator<string> {
    this.consulted = true;
    return super.values();
  }

  override keys(): SetIterator<string> {
    this.consulted = true;
    return super.keys();
  }

  override entries(): SetIterator<[string, string]> {
    this.consulted = true;
    return super.entries();
  }

  override [Symbol.iterator](): SetIterator<string> {
    this.consulted = true;
    return super[Symbol.iterator]();
  }
}

/**
 * Abbreviations the page's blocks defined ("Газпромбанк (ГПБ)" in one paragraph, "ГПБ" in the next), passed to
 * the matcher like the companies found; a read of one counts as asking about the page, so the result is cached
 * only while no new definition or company appears.
 */
class IntroducedForms extends Map<string, string | null> {
  constructor(private readonly nearby: () => NearbyEntities) {
    super();
  }

  override get(form: string): string | null | undefined {
    this.nearby().consulted = true;
    return super.get(form);
  }
}

/** Text shorter than this is cached by string, so re-rendered tables and repeated labels cost a lookup. */
const CACHEABLE_LENGTH = 200;
const MATCH_CACHE_LIMIT = 4000;
/** Re-checks for custom elements whose shadow root may be attached after they upgrade (ms). */
const PENDING_HOST_CHECKS = [250, 1000, 3000, 10000];
/** When text judged unseen is looked at again (fade-ins, late reveals), doubling up to the maximum. */
const HIDDEN_RECHECK_FIRST_MS = 1000;
const HIDDEN_RECHECK_MAX_MS = 30_000;
const HAS_LETTER = /[A-Za-z\u00C0-\uFFFF]/;
/**
 * While the first read of a page is under way, new highlights reach the screen at most this often:
 * every handover costs the page a repaint, and one per slice made long pages three times slower.
 */
const COMMIT_EVERY_MS = 250;
/**
 * Ranges painted per run and per page at most. A 10 MB text node naming a company 90,000 times
 * cost the page seconds of paint; every find is still counted and reported, only the paint stops.
 */
export const MAX_PAINTED_PER_RUN = 200;
export const MAX_PAINTED_PER_PAGE = 2000;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable', 'class', 'style'],
};

export class PageScanner {
  private rules: ScanRules;
  private readonly scheduler: SliceScheduler;
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private walk: TextWalk | null = null;
  /** Long runs waiting for, or in, their windowed matching, in page order. */
  private longRuns: LongRun[] = [];
  private runs = new NodeSlot<RunRecord>();
  /** First text node of each run that has hits: the painter's owner key. */
  private readonly painted = new Set<Text>();
  private ownerOf = new NodeSlot<Text>();
  private readonly matchCache = new Map<string, CachedScan>();
  /** Companies found on this page so far (context for the matcher). */
  private nearby = new NearbyEntities();
  private introduced = new IntroducedForms(() => this.nearby);
  /**
   * First nodes of runs whose result waited on a company not (yet) found on the page: read again
   * once the page is read and it names more companies (an acronym in a table above the article
   * that names the company).
   */
  private readonly contextual = new Set<Text>();
  /** The scan of the run being matched asked about the page's companies. */
  private runConsulted = false;
  private readonly observedRoots = new WeakSet<Node>();
  /** Shadow roots found so far: a new set of rules must read them again too. */
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly pendingHosts = new Set<Element>();
  private readonly hiddenRuns = new Set<Element>();
  private hiddenRecheck: ReturnType<typeof setTimeout> | undefined;
  private hiddenRecheckMs = HIDDEN_RECHECK_FIRST_MS;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private needsSweep = false;
  private lastCommit = 0;
  private initialDone = false;
  private stopped = false;
  private findingsCache: Finding[] | null = null;
  /**
   * Runs read while the rules only look for first words, kept so the real read replays them instead
   * of walking the page again (null: not keeping). `lookSealed` of them were looked at before the
   * matcher was built.
   */
  private kept: TextRun[] | null = null;
  private lookSealed = 0;
  /**
   * Text nodes edited and elements whose children changed since runs were kept: a kept run touching
   * one is not replayed (the change queued its part of the page to be read again). Null: none yet.
   */
  private changedSinceKept: Set<Node> | null = null;
  /** Kept runs being read again with the real rules, and how far. */
  private replay: TextRun[] | null = null;
  private replayChanged: Set<Node> | null = null;
  private replayAt = 0;
  private replayKnown = 0;
  /** The run being matched is a replayed one whose first words the matcher already covers. */
  private tokensSeen = false;
  /** Text runs read and matched, for tests and the benchmark. */
  readonly stats = { runsRead: 0, runsMatched: 0, matchMs: 0, firstPaintMs: -1, initialScanMs: -1, walks: 0 };

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
    rules: ScanRules,
    private readonly options: ScannerOptions = {},
  ) {
    this.rules = rules;
    this.scheduler = new SliceScheduler((outOfTime) => this.slice(outOfTime), options);
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    const root = this.doc.body ?? this.doc.documentElement;
    this.observe(this.doc.documentElement);
    this.pending.add(root);
    this.scheduler.wake();
    PENDING_HOST_CHECKS.forEach((delay) => this.timers.push(setTimeout(() => this.checkPendingHosts(), delay)));
  }

  /** Keeps the runs read from now on for a later `setRules(…, replay)` (the first look's text). */
  keepRuns(): void {
    this.kept = [];
    this.lookSealed = 0;
    this.changedSinceKept = null;
  }

  /** The runs kept so far were all looked at: the matcher about to be built covers their first words. */
  sealLook(): void {
    if (this.kept) this.lookSealed = this.kept.length;
  }

  /**
   * The matcher now holds more companies: text it lacked some for is read again. Such text counted as
   * asking about the page's companies (`lacked`), so a new generation of them queues it like any other.
   */
  matcherGrew(): void {
    this.nearby.generation += 1;
    this.scheduler.wake();
  }

  private readonly lacked = () => {
    this.nearby.consulted = true;
  };

  /** Drops the kept runs (the look found nothing to load a matcher for). */
  forgetRuns(): void {
    this.kept = null;
    this.lookSealed = 0;
  }

  /**
   * New matcher or filters (settings or dataset changed): forget every result and read the page again.
   * With `asFirstRead`, that read counts as the page's first (a frame that first only looked for
   * first words, and now has its matcher): batched paint, and the initial-scan callback once it is done.
   * With `replay` and runs kept since `keepRuns()`, the page is not walked again: the kept runs still
   * as they were read are matched, then the walk and the changes queued meanwhile go on.
   */
  setRules(rules: ScanRules, asFirstRead = false, replay = false): void {
    this.rules = rules;
    if (asFirstRead) {
      this.initialDone = false;
      this.stats.firstPaintMs = -1;
    }
    this.matchCache.clear();
    this.nearby = new NearbyEntities();
    this.introduced = new IntroducedForms(() => this.nearby);
    this.contextual.clear();
    this.runs = new NodeSlot();
    for (const owner of [...this.painted]) this.release(owner);
    this.ownerOf = new NodeSlot();
    this.longRuns = [];
    if (replay && this.kept) {
      // Every run read so far is kept (long ones too), shadow roots found so far were read into it, and
      // what changed since was queued by the observer: the walk under way and the queue stay.
      this.replay = this.kept;
      this.replayChanged = this.changedSinceKept;
      this.replayAt = 0;
      this.replayKnown = this.lookSealed;
      this.forgetRuns();
      this.findingsChanged();
      this.scheduler.wake();
      return;
    }
    this.forgetRuns();
    this.replay = null;
    this.walk = null;
    this.pending.clear();
    this.pending.add(this.doc.body ?? this.doc.documentElement);
    for (const root of this.shadowRoots) {
      if (root.host.isConnected) this.pending.add(root);
      else this.shadowRoots.delete(root);
    }
    this.findingsChanged();
    this.scheduler.wake();
  }

  /** Stops all work and removes every highlight. Safe to call twice. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.scheduler.stop();
    this.observer.disconnect();
    this.timers.forEach(clearTimeout);
    this.pending.clear();
    this.walk = null;
    this.longRuns = [];
    this.replay = null;
    this.forgetRuns();
    this.painted.clear();
    this.painter.destroy();
  }

  get idle(): boolean {
    return this.walk === null && this.pending.size === 0 && this.longRuns.length === 0 && this.replay === null;
  }

  get busyMs(): number {
    return this.scheduler.busyMs;
  }

  get longestSliceMs(): number {
    return this.scheduler.longestSliceMs;
  }

  /** This frame's findings, one per company, strongest first in page order. */
  findings(): Finding[] {
    if (this.findingsCache) return this.findingsCache;
    const byEntity = new Map<string, Finding>();
    for (const owner of this.painted) {
      for (const hit of this.runs.get(owner)?.hits ?? []) {
        let finding = byEntity.get(hit.entityId);
        if (!finding) {
          finding = { entityId: hit.entityId, texts: [], kinds: [], count: 0 };
          byEntity.set(hit.entityId, finding);
        }
        finding.count += 1;
        if (!finding.kinds.includes(hit.kind)) finding.kinds.push(hit.kind);
        if (finding.texts.length < 5 && !finding.texts.includes(hit.text)) finding.texts.push(hit.text);
      }
    }
    this.findingsCache = [...byEntity.values()];
    return this.findingsCache;
  }

  /** Where a company first appears on the page (for "Show on page"). */
  firstRange(entityId: string): DomRange | undefined {
    for (const owner of this.painted) {
      const hit = this.runs.get(owner)?.hits.find((candidate) => candidate.entityId === entityId);
      if (hit && hit.range.startNode.isConnected) return hit.range;
    }
    return undefined;
  }

  /** Colour key of a painted entity (the hover card and panel use it). */
  keyOf(entityId: string): PaletteKey | undefined {
    return this.rules.keyOf(entityId);
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, OBSERVE);
  }

  private slice(outOfTime: () => boolean): boolean {
    if (this.stopped || this.options.isStale?.()) return true;
    while (true) {
      if (this.longRuns.length > 0) {
        if (!this.advanceLongRun(outOfTime) || outOfTime()) break;
        continue;
      }
      if (this.replay) {
        // Stops early at a long run (read in windows first, above) or when the slice is over.
        this.advanceReplay(outOfTime);
        if (outOfTime()) break;
        continue;
      }
      if (!this.walk) {
        const next = this.takePending();
        if (!next) break;
        this.stats.walks += 1;
        this.walk = new TextWalk(next, {
          onRun: (run) => this.onRun(run),
          onShadowRoot: (root) => this.onShadowRoot(root),
          onPendingHost: (host) => this.pendingHosts.add(host),
        });
      } else if (!this.walk.valid) {
        // The part being walked was moved or removed between slices: read it again from the top.
        this.pending.add(this.walk.root);
        this.walk = null;
        continue;
      }
      if (!this.walk.step(outOfTime)) break;
      this.walk = null;
      if (outOfTime()) break;
    }
    if (this.needsSweep) this.sweep();
    if (this.idle) this.rereadContextual();
    const done = this.idle;
    this.commit(done);
    if (done && !this.initialDone) {
      this.initialDone = true;
      this.stats.initialScanMs = performance.now();
      this.options.onInitialScanDone?.();
    }
    return done;
  }

  /** Matches kept runs again, in page order, until done or out of time; returns whether done. */
  private advanceReplay(outOfTime: () => boolean): boolean {
    const runs = this.replay!;
    while (this.replayAt < runs.length) {
      const at = this.replayAt++;
      const run = runs[at];
      if (unchangedSince(run, this.replayChanged)) {
        this.tokensSeen = at < this.replayKnown;
        try {
          this.onRun(run);
        } finally {
          this.tokensSeen = false;
        }
        // A long run goes on in windows (advanceLongRun) before the next kept run.
        if (this.longRuns.length > 0) return false;
      }
      if ((at & 15) === 15 && outOfTime()) return false;
    }
    this.replay = null;
    this.replayChanged = null;
    return true;
  }

  /** Shows batched highlight changes: the first ones at once, then every so often, all when done. */
  private commit(done: boolean): void {
    const now = performance.now();
    const first = this.stats.firstPaintMs < 0;
    if (!done && this.initialDone === false && !first && now - this.lastCommit < COMMIT_EVERY_MS) return;
    this.painter.flush();
    this.lastCommit = now;
    if (first && this.painter.size > 0) this.stats.firstPaintMs = now;
  }

  private takePending(): Node | null {
    for (const node of this.pending) {
      this.pending.delete(node);
      if (!node.isConnected) continue;
      if (node !== this.doc.body && isInsideSkipped(node)) continue;
      return node;
    }
    return null;
  }

  private onShadowRoot(root: ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observe(root);
    this.shadowRoots.add(root);
    this.painter.styleRoot(root);
    this.pending.add(root);
  }

  private checkPendingHosts(): void {
    if (this.stopped) return;
    for (const host of this.pendingHosts) {
      if (!host.isConnected) this.pendingHosts.delete(host);
      else {
        const shadow = shadowRootOf(host);
        if (shadow) {
          this.pendingHosts.delete(host);
          this.onShadowRoot(shadow);
        }
      }
    }
    this.scheduler.wake();
  }

  private onRun(run: TextRun): void {
    this.stats.runsRead += 1;
    const first = run.nodes[0];
    const last = run.nodes[run.nodes.length - 1];
    const record = this.runs.get(first);
    if (
      record && record.hits.length === 0 && !record.unseen && record.text === run.text && record.last === last && record.count === run.nodes.length &&
      (record.nearbyGeneration < 0 || record.nearbyGeneration === this.nearby.generation)
    ) {
      return;
    }
    this.kept?.push(run);
    // Nodes that belonged to another painted run (the page merged or split runs): drop that paint.
    for (const node of run.nodes) {
      const owner = this.ownerOf.get(node);
      if (owner && owner !== first) this.release(owner);
    }
    if (run.text.length > WINDOW_CHARS && HAS_LETTER.test(run.text)) {
      // Matched a window at a time over the next slices, then applied like any other run.
      const long: LongRun = { run, scan: new WindowedScan(run.text, (text) => this.scanWindow(long, text)), generation: this.nearby.generation, consulted: false };
      this.longRuns.push(long);
      return;
    }
    this.runConsulted = false;
    const generation = this.nearby.generation;
    const hits = this.match(run);
    this.applyRun(run, hits, generation, this.runConsulted);
  }

  /** One window of a long run: the matcher as for any text, noting whether it asked about the page's companies. */
  private scanWindow(long: LongRun, text: string): PageMatch[] {
    this.nearby.consulted = false;
    const matches = this.timedScan(text, false);
    if (this.nearby.consulted) long.consulted = true;
    return matches;
  }

  /** Matches the next windows of the first long run; once it is done, applies it. Returns whether it finished. */
  private advanceLongRun(outOfTime: () => boolean): boolean {
    const long = this.longRuns[0];
    if (!long.scan.step(outOfTime)) return false;
    this.longRuns.shift();
    const { run } = long;
    // The page changed the run's nodes meanwhile: the mutation queued them, and they are read again.
    const unchanged = run.nodes.every((node, i) => node.isConnected && node.data.length === (run.starts[i + 1] ?? run.text.length) - run.starts[i]);
    if (!unchanged) return true;
    this.runConsulted = long.consulted;
    const hits = this.hitsOf(run, this.withQuoteLinks(run, long.scan.matches));
    this.applyRun(run, hits, long.generation, this.runConsulted);
    return true;
  }

  /** Paints a run's hits and records its result (the second half of `onRun`). */
  private applyRun(run: TextRun, found: Hit[], generation: number, consulted: boolean): void {
    const first = run.nodes[0];
    const last = run.nodes[run.nodes.length - 1];
    let hits = found;
    let unseen = false;
    if (hits.length > 0) {
      // Each match is judged by the text it was found in: one run may mix seen and unseen parts.
      const seen = new Map<Text, boolean>();
      hits = hits.filter((hit) => {
        const node = hit.range.startNode;
        let shown = seen.get(node);
        if (shown === undefined) seen.set(node, (shown = this.visible(node)));
        return shown;
      });
      unseen = [...seen.values()].includes(false);
      if (unseen) this.noteHidden(first);
    }
    const painted: PaintedRange[] = [];
    const kept: Hit[] = [];
    const before = this.runs.get(first)?.hits.length ?? 0;
    const room = Math.min(MAX_PAINTED_PER_RUN, MAX_PAINTED_PER_PAGE - (this.painter.size - Math.min(before, MAX_PAINTED_PER_RUN)));
    for (const hit of hits) {
      if (painted.length < room && (this.options.paints?.(hit.key) ?? true)) {
        painted.push({ range: hit.range, key: hit.key, entityId: hit.entityId });
      }
      kept.push(hit);
      this.noteEntity(hit.entityId);
    }
    const hadHits = this.painted.has(first);
    if (kept.length > 0 || hadHits) this.painter.paint(first, painted);
    this.runs.set(first, {
      text: run.text,
      last,
      count: run.nodes.length,
      hits: kept,
      quoted: run.quoteLinks.length > 0,
      nearbyGeneration: consulted ? generation : -1,
      unseen,
    });
    if (consulted) this.contextual.add(first);
    else this.contextual.delete(first);
    if (kept.length > 0) {
      this.painted.add(first);
      for (const node of run.nodes) this.ownerOf.set(node, first);
    } else {
      this.painted.delete(first);
    }
    if (kept.length > 0 || hadHits) this.findingsChanged();
  }

  /**
   * Companies already found on the page make their acronyms and bare tickers elsewhere on it
   * count: results that asked about them are reused only while no new company was found.
   */
  private noteEntity(entityId: string): void {
    this.nearby.add(entityId);
  }

  private match(run: TextRun): Hit[] {
    return this.hitsOf(run, this.withQuoteLinks(run, HAS_LETTER.test(run.text) ? this.scan(run.text, false) : []));
  }

  /** Adds what the run's quote links name as tickers (read with ticker context) to its matches. */
  private withQuoteLinks(run: TextRun, found: PageMatch[]): PageMatch[] {
    const { text } = run;
    let matches = found;
    for (const link of run.quoteLinks) {
      const inLink = this.scan(text.slice(link.start, link.end), true);
      for (const match of inLink) {
        const shifted = { ...match, start: match.start + link.start, end: match.end + link.start };
        if (!matches.some((m) => m.start < shifted.end && shifted.start < m.end)) matches = [...matches, shifted];
      }
    }
    if (run.quoteLinks.length > 0) matches = [...matches].sort((a, b) => a.start - b.start);
    return matches;
  }

  private hitsOf(run: TextRun, matches: PageMatch[]): Hit[] {
    const { text } = run;
    if (matches.length === 0) return [];
    this.stats.runsMatched += 1;
    const out: Hit[] = [];
    for (const match of matches) {
      const key = this.rules.keyOf(match.entityId);
      if (!key) continue;
      const matched = text.slice(match.start, match.end).replace(/\s+/g, ' ').trim().slice(0, 80);
      if (this.rules.isIgnored(match.entityId, matched)) continue;
      out.push({ range: locate(run, match.start, match.end), entityId: match.entityId, kind: match.kind, text: matched, key });
    }
    return out;
  }

  private scan(text: string, tickerContext: boolean): PageMatch[] {
    if (text.length > CACHEABLE_LENGTH) {
      this.nearby.consulted = false;
      const matches = this.timedScan(text, tickerContext);
      if (this.nearby.consulted) this.runConsulted = true;
      return matches;
    }
    const cacheKey = tickerContext ? `\u0000${text}` : text;
    const cached = this.matchCache.get(cacheKey);
    if (cached && (cached.nearbyGeneration < 0 || cached.nearbyGeneration === this.nearby.generation)) {
      if (cached.nearbyGeneration >= 0) this.runConsulted = true;
      return cached.matches;
    }
    const generation = this.nearby.generation;
    this.nearby.consulted = false;
    const matches = this.timedScan(text, tickerContext);
    const consulted = this.nearby.consulted;
    if (consulted) this.runConsulted = true;
    if (this.matchCache.size >= MATCH_CACHE_LIMIT) this.matchCache.clear();
    this.matchCache.set(cacheKey, { matches, nearbyGeneration: consulted ? generation : -1 });
    return matches;
  }

  /** The matcher's share of the scan is kept apart so the benchmark can tell it from the walk. */
  private timedScan(text: string, tickerContext: boolean): PageMatch[] {
    const start = performance.now();
    const matches = this.rules.matcher.scan(text, {
      tickerContext,
      entitiesNearby: this.nearby,
      introduced: this.introduced,
      tokensSeen: this.tokensSeen,
      onIncomplete: this.lacked,
    });
    // New definitions count like a new company: results that depended on the page are read again.
    for (const [form, entityId] of this.rules.matcher.introduced?.(text, matches) ?? []) {
      if (this.introduced.has(form)) continue;
      this.introduced.set(form, entityId);
      this.nearby.generation += 1;
    }
    this.stats.matchMs += performance.now() - start;
    return matches;
  }

  /**
   * Whether a reader can see the text a match was found in: a page (or an ad frame in it) must not
   * make itself look flagged with text nobody sees. Asked only of text that matched, so the layout
   * look-ups stay few. Hidden: `display: none` / `visibility: hidden` / `opacity: 0` up the tree, or
   * no size at all (`font-size: 0`). Text scrolled or slid out of view (inner scrollers, ticker
   * tapes) still counts: the reader can bring it back.
   */
  private visible(node: Text): boolean {
    let box: Element | null = node.parentElement;
    // `display: contents` (and slot-like wrappers) have no box of their own: ask the nearest one that has.
    for (let depth = 0; box && depth < 8 && box.ownerDocument.defaultView?.getComputedStyle(box).display === 'contents'; depth++) {
      box = box.parentElement;
    }
    const element = box as (Element & { checkVisibility?: (options?: object) => boolean }) | null;
    if (!element) return true;
    if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true })) {
      return false;
    }
    const range = node.ownerDocument.createRange();
    range.selectNodeContents(node);
    const rects = range.getClientRects();
    // Layout-less environments (tests without a renderer) give no boxes at all: nothing to judge.
    if (rects.length === 0) return true;
    for (const rect of rects) if (rect.width > 0 && rect.height > 0) return true;
    return false;
  }

  /**
   * Remembers a run judged unseen, to read again when the page may have revealed it: a class or
   * style change, an animation or transition ending (fade-ins start at opacity 0), or a moment later.
   */
  private noteHidden(first: Text): void {
    if (first.parentElement) this.hiddenRuns.add(first.parentElement);
    if (this.hiddenRecheck !== undefined || this.stopped) return;
    const recheck = () => {
      this.hiddenRecheck = undefined;
      this.doc.removeEventListener('animationend', recheck, true);
      this.doc.removeEventListener('transitionend', recheck, true);
      if (this.stopped || this.hiddenRuns.size === 0) return;
      for (const element of this.hiddenRuns) this.queue(this.runRoot(element));
      this.hiddenRuns.clear();
      this.scheduler.wake();
    };
    // Text that stays hidden is looked at less and less often.
    this.hiddenRecheck = setTimeout(recheck, this.hiddenRecheckMs);
    this.hiddenRecheckMs = Math.min(this.hiddenRecheckMs * 2, HIDDEN_RECHECK_MAX_MS);
    this.timers.push(this.hiddenRecheck);
    this.doc.addEventListener('animationend', recheck, { capture: true, once: true, passive: true });
    this.doc.addEventListener('transitionend', recheck, { capture: true, once: true, passive: true });
  }

  private release(owner: Text): void {
    this.painter.paint(owner, []);
    this.painted.delete(owner);
    this.runs.delete(owner);
    this.findingsChanged();
  }

  /** Queues runs whose result may change now that the page names more companies. */
  private rereadContextual(): void {
    for (const first of this.contextual) {
      const record = this.runs.get(first);
      if (!record || !first.isConnected) {
        this.contextual.delete(first);
      } else if (record.nearbyGeneration !== this.nearby.generation) {
        this.contextual.delete(first);
        const root = this.runRoot(first);
        if (root) this.pending.add(root);
      }
    }
  }

  /** Drops paint for runs whose text left the page. */
  private sweep(): void {
    this.needsSweep = false;
    for (const owner of this.painted) {
      if (!owner.isConnected) this.release(owner);
    }
  }

  private findingsChanged(): void {
    this.findingsCache = null;
    this.options.onFindingsChanged?.();
  }

  /** The smallest subtree whose walk re-reads every run that `node` takes part in. */
  private runRoot(node: Node): Node | null {
    let current: Node | null = node.nodeType === TEXT_NODE ? node.parentNode : node;
    while (current && current.nodeType === ELEMENT_NODE && isInline(current as Element)) current = current.parentNode;
    return current;
  }

  private queue(node: Node | null): void {
    if (!node || this.stopped) return;
    if (node.nodeType === ELEMENT_NODE && isSkipped(node as Element)) return;
    this.pending.add(node);
  }

  /**
   * A ticking price or clock: a text node that is a run on its own, had no match and still has
   * no letters cannot match now either, so the change costs a lookup and a regular expression.
   */
  private unchangedForMatching(node: Text): boolean {
    const record = this.runs.get(node);
    if (!record || record.count !== 1 || record.last !== node || record.hits.length > 0 || record.quoted) return false;
    if (HAS_LETTER.test(node.data)) return false;
    record.text = node.data;
    return true;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    // While runs are kept or replayed, note what changed (cheaper than reading every kept node again).
    const changed = this.kept || this.replay ? (this.kept ? (this.changedSinceKept ??= new Set()) : (this.replayChanged ??= new Set())) : null;
    for (const record of records) {
      const target = record.target;
      if (changed && record.type !== 'attributes') changed.add(target);
      if (record.type === 'characterData') {
        if (this.unchangedForMatching(target as Text)) continue;
        this.queue(this.runRoot(target));
      } else if (record.type === 'childList') {
        if (target.nodeType === ELEMENT_NODE && isSkipped(target as Element)) continue;
        let touchesRun = false;
        for (const added of record.addedNodes) {
          if (added.nodeType === TEXT_NODE || (added.nodeType === ELEMENT_NODE && isInline(added as Element))) {
            touchesRun = true;
          } else if (added.nodeType === ELEMENT_NODE) {
            this.queue(added);
          }
        }
        for (const removed of record.removedNodes) {
          this.needsSweep = true;
          if (removed.nodeType === TEXT_NODE || (removed.nodeType === ELEMENT_NODE && isInline(removed as Element))) {
            touchesRun = true;
          }
        }
        if (touchesRun) this.queue(this.runRoot(target));
      } else if (record.type === 'attributes') {
        if (record.attributeName === 'hidden' || record.attributeName === 'contenteditable') {
          this.queue(this.runRoot(target));
        } else if (this.hiddenRuns.size > 0) {
          // A class or style change may have revealed text we skipped as invisible.
          for (const element of this.hiddenRuns) this.queue(this.runRoot(element));
          this.hiddenRuns.clear();
        }
      }
    }
    if (this.pending.size > 0 || this.needsSweep) this.scheduler.wake();
  }
}

/**
 * Whether a kept run still reads as it did: all its nodes on the page, none edited and no child list
 * around them changed since it was kept (`changed`: what the observer saw; null when nothing changed).
 * A run that changed is skipped on replay; the change queued its part of the page to be read again.
 */
function unchangedSince(run: TextRun, changed: ReadonlySet<Node> | null): boolean {
  for (const node of run.nodes) {
    // Off the page even where no observer saw it go (a document replaced with document.open()).
    if (!node.isConnected) return false;
    if (changed && (changed.has(node) || (node.parentNode !== null && changed.has(node.parentNode)))) return false;
  }
  return true;
}
