// The background's findings service: takes reports from content scripts, keeps them per tab,
// keeps the toolbar badge in step, and answers the popup. Its collaborators (settings, data,
// feed status, colours) are passed in so the whole flow can be tested without a browser.
import browser from 'webextension-polyfill';
import type { Dataset } from '../dataset/types';
import type { DisplaySeverity } from '../dataset/severity';
import { onMessages, sendToTab, type TabFindings } from '../messaging';
import { badgeFor } from './badge';
import { mergeFindings, sanitizeFindings } from './merge';
import { TabFindingsStore, pageAddress, withoutHash } from './tab-store';

export interface FindingsDeps {
  /** Whether the user's settings let the extension scan this URL. */
  isEnabled(url: string): Promise<boolean>;
  /** Whether the list data may be out of date (feed status). */
  isStale(): Promise<boolean>;
  dataset(): Promise<Pick<Dataset, 'lists' | 'entities'> | undefined>;
  badgeColors(): Promise<Record<DisplaySeverity, { background: string; text: string }>>;
  /** Told which companies a page showed (ids only), e.g. to notify about later list changes. */
  onSeen?(entityIds: string[]): Promise<void> | void;
  store?: TabFindingsStore;
}

export interface FindingsService {
  store: TabFindingsStore;
  /** Recomputes one tab's badge (after a settings, data or feed-status change). */
  refreshBadge(tabId: number): Promise<void>;
  refreshAllBadges(): Promise<void>;
  getTabFindings(tabId: number): Promise<TabFindings>;
  /** Removes every listener the service added. */
  stop(): void;
}

export const SHOW_FINDINGS_COMMAND = 'show-findings';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** One "Details" tab per second per page: a page cannot fake clicks into a flood of tabs. */
const OPEN_DETAILS_INTERVAL_MS = 1000;

/**
 * Opens a company's details, or brings back the tab already showing them: clicking "Details" again
 * (or on the same company in the panel) should not pile up identical tabs. The tab is loaded again
 * so it shows the details even if the reader moved on inside it.
 */
async function showDetailsTab(url: string): Promise<void> {
  const open = (await browser.tabs.query({})).find((tab) => tab.url === url || tab.pendingUrl === url);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { url, active: true });
    if (open.windowId !== undefined) await browser.windows?.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}

/** Extension pages (popup, options, their tabs) may ask about any tab; content scripts only about their own. */
export function fromExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  if (sender.id !== undefined && sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

export function startFindingsService(deps: FindingsDeps): FindingsService {
  const store = deps.store ?? new TabFindingsStore();
  const lastDetailsOpened = new Map<number, number>();
  let knownIds: { dataset: object; ids: Set<string> } | undefined;

  async function isKnownEntity(): Promise<(id: string) => boolean> {
    const dataset = await deps.dataset();
    if (!dataset) return (id) => id.startsWith('watchlist:');
    if (knownIds?.dataset !== dataset) knownIds = { dataset, ids: new Set(dataset.entities.map((entity) => entity.id)) };
    const ids = knownIds.ids;
    return (id) => ids.has(id) || id.startsWith('watchlist:');
  }

  async function tabUrl(tabId: number): Promise<string | undefined> {
    try {
      return (await browser.tabs.get(tabId)).url;
    } catch {
      return undefined; // the tab is gone
    }
  }

  async function refreshBadge(tabId: number): Promise<void> {
    const url = (await tabUrl(tabId)) ?? (await store.urlOf(tabId));
    if (url === undefined) return;
    const [findings, enabled, stale, dataset, colors] = await Promise.all([
      store.findings(tabId),
      deps.isEnabled(url),
      deps.isStale(),
      deps.dataset(),
      deps.badgeColors(),
    ]);
    const badge = badgeFor({ findings, dataset, enabled, stale, colors });
    try {
      await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
      await browser.action.setTitle({ tabId, title: badge?.title ?? 'Sanctions Lens' });
      if (badge) {
        await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
        // Older Firefox and Chrome lack a badge text colour; their default (white) is then kept.
        await browser.action.setBadgeTextColor?.({ tabId, color: badge.textColor });
      }
    } catch {
      // The tab closed between the report and the badge update: nothing to show.
    }
  }

  async function refreshAllBadges(): Promise<void> {
    await Promise.all((await store.tabIds()).map(refreshBadge));
  }

  async function getTabFindings(tabId: number): Promise<TabFindings> {
    const url = (await tabUrl(tabId)) ?? (await store.urlOf(tabId)) ?? '';
    const [findings, enabled] = await Promise.all([store.findings(tabId), url ? deps.isEnabled(url) : false]);
    return { tabId, url: url && pageAddress(url), enabled, findings: enabled ? findings : [] };
  }

  const removeMessages = onMessages({
    reportFindings: async ({ url, findings }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return;
      const frameId = sender.frameId ?? 0;
      const pageUrl = sender.tab?.url ?? url;
      // A late report from the page the user just left must not land on the new page.
      if (frameId === 0 && sender.tab?.url && withoutHash(sender.tab.url) !== withoutHash(url)) return;
      const clean = sanitizeFindings(findings, await isKnownEntity());
      await store.report(tabId, frameId, pageUrl, url, clean);
      await refreshBadge(tabId);
      if (clean.length && deps.onSeen) {
        try {
          await deps.onSeen(clean.map((finding) => finding.entityId));
        } catch (error) {
          console.warn('Sanctions Lens: could not note the companies seen', error);
        }
      }
    },
    // Another tab's findings and address are for the extension's own pages only.
    getTabFindings: ({ tabId }, sender) =>
      fromExtensionPage(sender) ? getTabFindings(tabId) : { tabId, url: '', enabled: false, findings: [] },
    getMyTabFindings: async (_request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return null;
      const tab = await getTabFindings(tabId);
      // The panel lives in the page: name only what frames of the page's own origin found.
      const origin = originOf(sender.url ?? tab.url);
      const frames = await store.frames(tabId);
      const mine = mergeFindings(frames.filter((frame) => originOf(frame.url) === origin).map((frame) => frame.findings));
      const mineIds = new Set(mine.map((finding) => finding.entityId));
      const findings = tab.findings.filter((finding) => mineIds.has(finding.entityId));
      return { ...tab, findings, otherSites: tab.findings.length - findings.length };
    },
    openDetails: async ({ entityId, tabId }, sender) => {
      if (typeof entityId !== 'string' || entityId.length > 200) return;
      const trusted = fromExtensionPage(sender);
      const forTab = trusted ? (tabId ?? sender.tab?.id) : sender.tab?.id;
      if (!trusted) {
        if (forTab === undefined) return;
        const now = Date.now();
        if (now - (lastDetailsOpened.get(forTab) ?? 0) < OPEN_DETAILS_INTERVAL_MS) return;
        lastDetailsOpened.set(forTab, now);
      }
      const params = new URLSearchParams();
      if (forTab !== undefined) params.set('tab', String(forTab));
      params.set('entity', entityId);
      await showDetailsTab(`${browser.runtime.getURL('/popup.html')}?${params}`);
    },
  });

  const onUpdated = (tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab) => {
    if (change.status !== 'loading' && change.url === undefined) return;
    void store.urlOf(tabId).then(async (known) => {
      if (known === undefined) return;
      const now = change.url ?? tab.url ?? '';
      // A reload (same URL) or a move to another page starts over; a jump to an anchor does not.
      const reload = change.status === 'loading' && pageAddress(now) === known;
      if (reload || pageAddress(now) !== known) {
        await store.clear(tabId);
        await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
      }
    });
  };
  const onRemoved = (tabId: number) => {
    lastDetailsOpened.delete(tabId);
    void store.clear(tabId);
  };
  const onCommand = async (command: string, tab?: browser.Tabs.Tab) => {
    if (command !== SHOW_FINDINGS_COMMAND) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    // Pages the extension cannot enter (browser pages, the web store) have no one to answer.
    await sendToTab(target, 'showFindingsPanel', {}, 0).catch(() => undefined);
  };

  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.commands?.onCommand.addListener(onCommand);

  return {
    store,
    refreshBadge,
    refreshAllBadges,
    getTabFindings,
    stop() {
      removeMessages();
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.commands?.onCommand.removeListener(onCommand);
    },
  };
}
