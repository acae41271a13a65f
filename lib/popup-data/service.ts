// The background's answers to the popup: a tab's page cards (its findings with the part of the list
// they render) and the whole active list. The background reads the list through the dataset store,
// which verifies every stored copy on read, and keeps it until storage says it changed; the popup
// then neither reads storage nor checks the list a second time before it can show the page.
import browser from 'webextension-polyfill';
import { ACTIVE_DATASET_KEY, datasetStore } from '../dataset/store';
import type { Dataset } from '../dataset/types';
import { fromExtensionPage } from '../findings/service';
import { onMessages, type PageCards, type TabFindings } from '../messaging';
import { getSettings, watchSettings } from '../settings/store';
import type { Settings } from '../settings/types';
import { buildPageCards } from './page-cards';

export interface PopupDataDeps {
  /** The tab's merged findings, as `getTabFindings` answers them. */
  tabFindings(tabId: number): Promise<TabFindings>;
  /** The verified active dataset (default: the dataset store's, kept until the active copy changes). */
  dataset?(): Promise<Dataset>;
  /** The user's settings (default: from storage, kept until they change). */
  settings?(): Promise<Settings>;
}

export function registerPopupData(deps: PopupDataDeps): () => void {
  let active: Promise<Dataset> | null = null;
  let settingsNow: Promise<Settings> | null = null;
  const stops: (() => void)[] = [];

  const dataset =
    deps.dataset ??
    (() =>
      (active ??= datasetStore()
        .load()
        .then((loaded) => loaded.dataset)
        .catch((error: unknown) => {
          active = null;
          throw error;
        })));
  const settings = deps.settings ?? (() => (settingsNow ??= getSettings()));

  if (!deps.dataset) {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ACTIVE_DATASET_KEY in changes) active = null;
    };
    browser.storage.onChanged.addListener(onChanged);
    stops.push(() => browser.storage.onChanged.removeListener(onChanged));
  }
  if (!deps.settings) stops.push(watchSettings((next) => void (settingsNow = Promise.resolve(next))));

  stops.push(
    onMessages({
      // A tab's findings and address are for the extension's own pages only, as with getTabFindings.
      getPageCards: async ({ tabId }, sender): Promise<PageCards> => {
        if (!fromExtensionPage(sender) || typeof tabId !== 'number') throw new Error('not answered outside the extension');
        const [tab, data, current] = await Promise.all([deps.tabFindings(tabId), dataset(), settings()]);
        return buildPageCards(tab, data, current);
      },
      getActiveDataset: async (request, sender): Promise<Dataset> => {
        if (!fromExtensionPage(sender)) throw new Error('not answered outside the extension');
        // The popup heard that the active copy changed; this context's own storage event may come
        // later, so the kept copy is dropped on request (the store re-checks only bytes it has not seen).
        if (request?.fresh === true && !deps.dataset) active = null;
        return dataset();
      },
    }),
  );
  return () => stops.forEach((stop) => stop());
}
