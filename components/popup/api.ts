// Everything the popup needs from the extension, behind one interface: the real one talks to
// the background and storage; component tests pass a fake.
import type { Dataset } from '../../lib/dataset/types';
import type { FeedStatus, PageCards, TabFindings } from '../../lib/messaging';
import type { IgnoreRule, Settings } from '../../lib/settings/types';

export interface PopupApi {
  /** The tab the popup speaks about when no ?tab= is given: the active tab of this window. */
  activeTabId(): Promise<number | undefined>;
  tabFindings(tabId: number): Promise<TabFindings>;
  /**
   * The tab's findings with the part of the verified list they render, so the popup shows the page
   * before it has the whole list. Rejects when the background does not answer.
   */
  pageCards(tabId: number): Promise<PageCards>;
  /** The whole verified list (search, updates, "not found" answers); `fresh` after it changed. */
  dataset(options?: { fresh?: boolean }): Promise<Dataset>;
  /** Calls back when another list becomes active (an update applied while the popup is open). */
  watchDataset(callback: () => void): () => void;
  settings(): Promise<Settings>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  /** Calls back when the tab's findings change (the page is still being read, or it changed). */
  watchTabFindings(tabId: number, callback: () => void): () => void;
  setSiteEnabled(hostname: string, enabled: boolean): Promise<void>;
  pauseFor(ms: number): Promise<void>;
  resume(): Promise<void>;
  /** Flags a match again that the user had ignored ("not this company"). */
  unignore(rule: IgnoreRule): Promise<void>;
  /** Rejects when the updater does not answer. */
  feedStatus(): Promise<FeedStatus>;
  updateNow(): Promise<FeedStatus>;
  openOptions(): void;
}
