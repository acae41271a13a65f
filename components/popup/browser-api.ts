// The popup's link to the real extension: messages to the background, settings in storage.
import browser from 'webextension-polyfill';
import { ACTIVE_DATASET_KEY } from '../../lib/dataset/keys';
import type { Dataset } from '../../lib/dataset/types';
import { tabFindingsKey } from '../../lib/findings/tab-store';
import { sendMessage, type FeedStatus, type PageCards } from '../../lib/messaging';
import { isRenderableDataset } from '../../lib/popup-data/page-cards';
import { getSettings, pauseFor, removeIgnore, resume, setSiteEnabled, watchSettings } from '../../lib/settings/store';
import type { PopupApi } from './api';
import { takeEarlyFirstView } from './early';

/** The background answers a failed handler with `{ __error }`, and nothing at all when no handler exists. */
function answer<T>(value: unknown, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} did not answer`);
  if (typeof value === 'object' && '__error' in value) throw new Error(String((value as { __error: unknown }).__error));
  return value as T;
}

/** The question the popup's early script asked while this page's scripts loaded; used for the first view only. */
let early = takeEarlyFirstView();
const earlyAnswer = () => early?.catch(() => undefined);

export const browserApi: PopupApi = {
  async activeTabId() {
    const first = await earlyAnswer();
    if (first) return first.tabId;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  async tabFindings(tabId) {
    return answer(await sendMessage('getTabFindings', { tabId }), 'The extension');
  },
  async pageCards(tabId) {
    const first = await earlyAnswer();
    early = undefined;
    // Read like any answer: a failed or garbled early answer makes the popup load the list itself.
    if (first?.tabId === tabId) return answer<PageCards>(await first.cards, 'The extension');
    return answer<PageCards>(await sendMessage('getPageCards', { tabId }), 'The extension');
  },
  async dataset({ fresh = false } = {}): Promise<Dataset> {
    // The background holds the list it read and verified; asking it spares this page reading and
    // checking half a megabyte again. Only if it cannot answer does the popup read the list itself,
    // through the store that verifies every copy it reads.
    try {
      const dataset = answer<Dataset>(await sendMessage('getActiveDataset', fresh ? { fresh } : {}), 'The extension');
      if (isRenderableDataset(dataset)) return dataset;
      console.warn('Sanctions Lens: the list from the background could not be read; reading it here');
    } catch (error) {
      console.warn('Sanctions Lens: the background did not send the list; reading it here', error);
    }
    const { getActiveDataset } = await import('../../lib/dataset/store');
    return getActiveDataset();
  },
  settings: getSettings,
  watchSettings,
  watchDataset(callback) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ACTIVE_DATASET_KEY in changes) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  watchTabFindings(tabId, callback) {
    const key = tabFindingsKey(tabId);
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  async setSiteEnabled(hostname, enabled) {
    await setSiteEnabled(hostname, enabled);
  },
  async pauseFor(ms) {
    await pauseFor(ms);
  },
  async resume() {
    await resume();
  },
  async unignore(rule) {
    await removeIgnore({ entityId: rule.entityId, text: rule.text, site: rule.site });
  },
  async feedStatus() {
    return answer<FeedStatus>(await sendMessage('getFeedStatus', {}), 'The updater');
  },
  async updateNow() {
    return answer<FeedStatus>(await sendMessage('updateNow', {}), 'The updater');
  },
  openOptions() {
    void browser.runtime.openOptionsPage();
  },
};

/** Whether this page is the toolbar popup (not popup.html opened in a tab). */
export function isToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}
