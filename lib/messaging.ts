// The one typed protocol between the extension's contexts. Content scripts report findings,
// the popup asks for them and for the feed status; the background answers. Page text never
// travels here: only entity ids, the short matched strings, and counts.
import browser from 'webextension-polyfill';
import type { CardModel } from '../components/hover-card/card-model';
import type { Dataset } from './dataset/types';
import type { FeedProblemKind } from './feed/errors';
import type { PatternTable } from './match/pattern-table';
import type { PaletteKey } from './settings/palette';
import type { HighlightStyle, IgnoreRule, Palette, Settings } from './settings/types';

export type MatchKind = 'name' | 'ticker' | 'isin';

/** One company found on a page (one frame). */
export interface Finding {
  entityId: string;
  /** Distinct matched strings as they appear on the page (at most a few, each ≤ 80 chars). */
  texts: string[];
  kinds: MatchKind[];
  count: number;
}

export interface FrameFindings {
  frameId: number;
  url: string;
  findings: Finding[];
}

export interface TabFindings {
  tabId: number;
  url: string;
  /** Whether the extension scans this tab's site. */
  enabled: boolean;
  /** All frames merged, one entry per entity. */
  findings: Finding[];
}

export interface FeedStatus {
  datasetVersion: string;
  /** Date of the newest source data (YYYY-MM-DD). */
  dataAsOf: string;
  /** 'bundled' until a feed update has been applied. */
  origin: 'bundled' | 'feed';
  lastCheck?: string;
  lastSuccess?: string;
  /** Plain words, for the user: exactly what went wrong (the popup's Data status shows it). */
  lastError?: string;
  /** What kind of problem `lastError` is, so the popup's header can say it in one short sentence. */
  lastErrorKind?: FeedProblemKind;
  nextCheck?: string;
  /** True when the newest manifest has expired or no check succeeded for 3 days. */
  stale: boolean;
  /** Why the data may be stale, in plain words (set when `stale`). */
  staleReason?: string;
  checking: boolean;
}

/**
 * What the popup needs to paint a tab's companies at once, from the dataset the background already
 * verified (built by lib/popup-data/page-cards.ts): the tab's findings, and the dataset cut to them.
 */
export interface PageCards {
  tab: TabFindings;
  /**
   * Every source, list and program (small, and the header's as-of date reads them all); of the
   * companies only those the tab found or this site's ignore rules name; the rulings about them.
   */
  dataset: Dataset;
  /** What the whole dataset covers, for "nothing found here" (the cut's own counts would understate it). */
  coverage: { companies: number; lists: string[]; emptyLists: string[] };
  /** The user's settings as the background last read them; the popup reads its own copy too and takes that once in. */
  settings: Settings;
}

/** What a frame needs to know before it reads its own text (the background answers; pages never read storage). */
export type PageSetup =
  | { enabled: false; /** Epoch ms when a pause ends and the frame should ask again. */ until?: number }
  | {
      enabled: true;
      /** Which match index the tokens belong to (dataset version and the settings that shape it). */
      indexId: string;
      /**
       * First words of every pattern, one per line: a frame whose text holds none of them loads nothing
       * more. One string crosses into a frame much faster than an array of a few thousand.
       */
      tokens: string;
      /**
       * The filter of words and word pairs worth a look, as text (tokens.ts, `tokenFilterText`); it also
       * says which words start a two-word token.
       */
      tokenFilter: string;
      /**
       * Whether some patterns start with no word a frame can look for (they go to every part of the
       * index): then a text without first words may still match, and is matched like any other.
       */
      patternsWithoutFirstWord: boolean;
      /** How matches look; watchlist terms are painted only when the user asked for it (the page can read highlights). */
      look: { palette: Palette; highlightStyle: HighlightStyle; hoverCards: boolean; watchlistOnPages: boolean };
      /** "Not this company" rules that apply to this frame's site. */
      ignored: IgnoreRule[];
    };

/** The name fields the matcher compiles (contract 2's input, trimmed). */
export interface MatchEntity {
  id: string;
  name: string;
  aliases: string[];
  weakAliases?: string[];
  tickers?: { exchange: string; symbol: string }[];
  isins?: string[];
  /** The parent group, for the matcher's "name + 集团 is the parent group" rule. */
  related?: { id: string; relation: 'parent' }[];
}

/**
 * What a frame's scanner needs, prepared once per dataset version and settings by the background:
 * the entities to match (already filtered by the user's lists, threshold and watchlist), their
 * colour, for each first word of a pattern the entities that have one starting with it, and the
 * compiled patterns themselves.
 */
export interface MatchIndex {
  id: string;
  entities: MatchEntity[];
  keys: PaletteKey[];
  tokens: Record<string, number[]>;
  /** Every pattern of those entities, compiled once here, so frames never run the compiler (lib/match/pattern-table.ts). */
  patterns: PatternTable;
  /**
   * A part of the index (lib/page-data/match-index.ts, `partialIndex`): the first words whose companies it
   * holds, all of them. Absent on the whole index.
   */
  covers?: string[];
}

export interface Messages {
  /** content → background: this frame's findings (replaces earlier ones of the frame). */
  reportFindings: { req: { url: string; findings: Finding[] }; res: void };
  /** popup → background */
  getTabFindings: { req: { tabId: number }; res: TabFindings };
  /** popup → background: the tab's findings with the part of the verified dataset they render (see PageCards). */
  getPageCards: { req: { tabId: number }; res: PageCards };
  /** popup → background: the whole verified active dataset (search, updates), so the popup need not read and check it again. */
  getActiveDataset: {
    /** `fresh`: the active copy changed; read it again rather than answer from the kept copy. */
    req: { fresh?: boolean };
    res: Dataset;
  };
  /**
   * content → background: the findings of the sender's own tab for the page's findings panel: frames
   * of the sender's origin merged; companies only other origins' frames show are just counted
   * (`otherSites`), since the page could read the panel's text.
   */
  getMyTabFindings: { req: Record<string, never>; res: (TabFindings & { otherSites?: number }) | null };
  getFeedStatus: { req: Record<string, never>; res: FeedStatus };
  updateNow: { req: Record<string, never>; res: FeedStatus };
  /** popup/content → background: open the popup view of one company in a tab. */
  openDetails: { req: { entityId: string; tabId?: number }; res: void };
  /** content → background: site decision, look and first words for this frame (see PageSetup). */
  pageSetup: { req: { address: string }; res: PageSetup };
  /**
   * content → background: the compact match index as JSON text (asked only by frames whose text may
   * match), with `tokens` only the part for those first words. The browser hands a frame one string
   * far faster than the same data as objects.
   */
  getMatchIndex: { req: { indexId: string; tokens?: string[] }; res: string };
  /** content → background: hover-card and panel details of some companies. */
  describeEntities: { req: { entityIds: string[] }; res: CardModel[] };
  /** content → background: "Not this company" on this site. */
  addIgnoreRule: { req: { entityId: string; text: string; site: string }; res: void };
  /** content → background: Undo of "Not this company" on this site. */
  removeIgnoreRule: { req: { entityId: string; text: string; site: string }; res: void };
  /** background → every frame: the dataset or settings changed; ask pageSetup again. */
  pageDataChanged: { req: Record<string, never>; res: void };
  /** background → content: show the accessible findings panel. */
  showFindingsPanel: { req: Record<string, never>; res: void };
}

export type MessageType = keyof Messages;
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  data: Messages[T]['req'];
}

export function sendMessage<T extends MessageType>(
  type: T,
  data: Messages[T]['req'],
): Promise<Messages[T]['res']> {
  return browser.runtime.sendMessage({ type, data } satisfies Envelope<T>) as Promise<Messages[T]['res']>;
}

export function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  data: Messages[T]['req'],
  frameId?: number,
): Promise<Messages[T]['res']> {
  return browser.tabs.sendMessage(
    tabId,
    { type, data } satisfies Envelope<T>,
    frameId === undefined ? undefined : { frameId },
  ) as Promise<Messages[T]['res']>;
}

export type Handlers = {
  [T in MessageType]?: (
    data: Messages[T]['req'],
    sender: browser.Runtime.MessageSender,
  ) => Messages[T]['res'] | Promise<Messages[T]['res']>;
};

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).type === 'string';
}

/**
 * Registers handlers for some message types. Works with both Chrome's callback style and the
 * polyfill's promise style: the handler runs to a promise; when `sendResponse` was passed it is
 * called when the promise settles and the listener returns true.
 * Returns a function that removes the listener.
 */
export function onMessages(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    sender: browser.Runtime.MessageSender,
    sendResponse?: (response: unknown) => void,
  ): true | Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as
      | ((data: unknown, sender: browser.Runtime.MessageSender) => unknown)
      | undefined;
    if (!handler) return undefined;
    const result = Promise.resolve().then(() => handler(message.data, sender));
    if (typeof sendResponse === 'function') {
      result.then(
        (value) => sendResponse(value),
        (error: unknown) => sendResponse({ __error: String(error instanceof Error ? error.message : error) }),
      );
      return true;
    }
    return result;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
