// Per-tab, per-frame findings kept by the background. Chrome stops an idle service worker at any
// time, so every change is written through to storage.session (cleared when the browser closes,
// never synced) and read back on first use after a restart.
import browser from 'webextension-polyfill';
import type { Finding } from '../messaging';
import { mergeFindings } from './merge';

const KEY_PREFIX = 'findings:tab:';
/** Ad-heavy pages have a few dozen frames; a page making thousands cannot fill session storage. */
const MAX_FRAMES_PER_TAB = 64;

/** The session-storage key of one tab's findings (the popup watches it to update while open). */
export function tabFindingsKey(tabId: number): string {
  return KEY_PREFIX + tabId;
}

export interface FrameRecord {
  url: string;
  findings: Finding[];
}

export interface TabRecord {
  /** The top-level page the frames belong to. */
  url: string;
  frames: Record<string, FrameRecord>;
}

type Area = Pick<browser.Storage.StorageArea, 'get' | 'set' | 'remove'>;

export class TabFindingsStore {
  private tabs = new Map<number, TabRecord>();
  private loading: Promise<void> | undefined;
  /** Writes run one after another so two frames reporting at once cannot overwrite each other. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private area: Area = browser.storage.session) {}

  private load(): Promise<void> {
    this.loading ??= this.area.get(null).then((all) => {
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(KEY_PREFIX)) continue;
        const tabId = Number(key.slice(KEY_PREFIX.length));
        // A report that arrived before the reload finished wins over the stored copy.
        if (Number.isInteger(tabId) && !this.tabs.has(tabId)) this.tabs.set(tabId, value as TabRecord);
      }
    });
    return this.loading;
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.load()).then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Replaces one frame's findings; returns the tab's merged findings. */
  report(tabId: number, frameId: number, tabUrl: string, frameUrl: string, findings: Finding[]): Promise<Finding[]> {
    return this.run(async () => {
      let record = this.tabs.get(tabId);
      if (!record || (frameId === 0 && record.url !== pageAddress(tabUrl))) {
        record = { url: tabUrl, frames: {} };
      }
      const frames = { ...record.frames };
      if (findings.length > 0 && (frameId in frames || Object.keys(frames).length < MAX_FRAMES_PER_TAB)) {
        frames[frameId] = { url: pageAddress(frameUrl), findings };
      } else delete frames[frameId];
      record = { url: pageAddress(tabUrl), frames };
      this.tabs.set(tabId, record);
      // If session storage is full, the tab's findings still count in memory (badge, popup).
      await this.area.set({ [KEY_PREFIX + tabId]: record }).catch(() => undefined);
      return mergeFindings(Object.values(frames).map((frame) => frame.findings));
    });
  }

  /** Forgets a tab (navigation, close). */
  clear(tabId: number): Promise<void> {
    return this.run(async () => {
      if (!this.tabs.has(tabId)) return;
      this.tabs.delete(tabId);
      await this.area.remove(KEY_PREFIX + tabId);
    });
  }

  /** The top-level URL the stored findings belong to, if any. */
  async urlOf(tabId: number): Promise<string | undefined> {
    await this.run(async () => undefined);
    return this.tabs.get(tabId)?.url;
  }

  async findings(tabId: number): Promise<Finding[]> {
    await this.run(async () => undefined);
    const record = this.tabs.get(tabId);
    return record ? mergeFindings(Object.values(record.frames).map((frame) => frame.findings)) : [];
  }

  /** Each frame's own findings, with the frame's URL. */
  async frames(tabId: number): Promise<FrameRecord[]> {
    await this.run(async () => undefined);
    return Object.values(this.tabs.get(tabId)?.frames ?? {});
  }

  async tabIds(): Promise<number[]> {
    await this.run(async () => undefined);
    return [...this.tabs.keys()];
  }
}

/**
 * What is kept of a page's address: origin and path. Query strings and fragments can hold account
 * numbers, session tokens or search terms, and nothing here needs them.
 */
export function pageAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}${parsed.pathname}`.slice(0, 200) : parsed.origin + parsed.pathname;
  } catch {
    return withoutHash(url).split('?')[0];
  }
}

export function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
