import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Dataset } from '../../lib/dataset/types';
import type { Envelope, Finding } from '../../lib/messaging';
import { startFindingsService, type FindingsService } from '../../lib/findings/service';
import { TabFindingsStore } from '../../lib/findings/tab-store';
import dataset from '../fixtures/popup/dataset.json';

/** The fixture's data dated today, so the badge's "over a month old" mark stays out of these tests. */
const today = new Date().toISOString().slice(0, 10);
const freshData = { ...(dataset as Dataset), sources: (dataset as Dataset).sources.map((source) => ({ ...source, asOf: today })) };

const colors = {
  prohibited: { background: '#b00020', text: '#ffffff' },
  restricted: { background: '#c25e00', text: '#000000' },
  caution: { background: '#f0e442', text: '#000000' },
  historical: { background: '#d9d9d9', text: '#000000' },
};
type Trigger = { trigger: (...args: unknown[]) => Promise<unknown[]> };
const onMessage = () => fakeBrowser.runtime.onMessage as unknown as Trigger;

const xiaomi: Finding = { entityId: 'xiaomi-corporation', texts: ['Xiaomi'], kinds: ['name'], count: 2 };
const cmcc: Finding = { entityId: 'china-mobile-limited', texts: ['China Mobile'], kinds: ['name'], count: 1 };

let service: FindingsService;
let disabledHosts: Set<string>;
let stale: boolean;
let command: ((name: string, tab?: { id?: number }) => Promise<void>) | undefined;

async function report(tabId: number, tabUrl: string, frameId: number, url: string, findings: Finding[]) {
  const message: Envelope<'reportFindings'> = { type: 'reportFindings', data: { url, findings } };
  await onMessage().trigger(message, { tab: { id: tabId, url: tabUrl }, frameId, url });
}
/** The popup (an extension page) asking. */
const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
async function ask<T>(type: string, data: unknown, sender: object = POPUP): Promise<T> {
  const [answer] = await onMessage().trigger({ type, data }, sender);
  return answer as T;
}
const badgeText = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

function start(store?: TabFindingsStore) {
  return startFindingsService({
    isEnabled: async (url) => !disabledHosts.has(new URL(url).hostname),
    isStale: async () => stale,
    dataset: async () => freshData,
    badgeColors: async () => colors,
    store,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  disabledHosts = new Set();
  stale = false;
  command = undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((fn) => void (command = fn as never));
  vi.spyOn(fakeBrowser.commands.onCommand, 'removeListener').mockImplementation(() => undefined);
  await fakeBrowser.tabs.create({ url: 'https://news.example/xiaomi' }); // tab 1
  service = start();
});
afterEach(() => service.stop());

describe('findings service', () => {
  it('merges the frames of a tab and badges the count in the most serious colour', async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    await report(1, 'https://news.example/xiaomi', 3, 'https://quotes.example/widget', [xiaomi, cmcc]);
    const answer = await ask<{ findings: Finding[]; enabled: boolean }>('getTabFindings', { tabId: 1 });
    expect(answer.enabled).toBe(true);
    expect(answer.findings.map((f) => [f.entityId, f.count])).toEqual([['xiaomi-corporation', 4], ['china-mobile-limited', 1]]);
    // Xiaomi's listing was vacated: named, but not counted on the badge.
    expect(await badgeText(1)).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([0xb0, 0x00, 0x20, 255]);
  });

  it("answers a page's findings panel with its own site's frames, only counting other sites' frames, and nothing for a sender outside a tab", async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    await report(1, 'https://news.example/xiaomi', 2, 'https://news.example/embed/chart', [{ ...xiaomi, count: 1 }]);
    await report(1, 'https://news.example/xiaomi', 3, 'https://quotes.example/widget', [cmcc]);
    const mine = await ask<{ tabId: number; findings: Finding[]; otherSites: number }>('getMyTabFindings', {}, { tab: { id: 1, url: 'https://news.example/xiaomi' }, frameId: 0, url: 'https://news.example/xiaomi' });
    expect(mine.tabId).toBe(1);
    // The page could read its panel: what the quotes.example frame shows is counted, not named.
    expect(mine.findings.map((f) => [f.entityId, f.count])).toEqual([['xiaomi-corporation', 3]]);
    expect(mine.otherSites).toBe(1);
    expect(await ask('getMyTabFindings', {}, { url: 'chrome-extension://x/popup.html' })).toBeNull();
  });

  it('tells the feed which companies the user saw (ids only), so list changes about them can be notified', async () => {
    service.stop();
    const seen: string[][] = [];
    service = startFindingsService({
      isEnabled: async () => true,
      isStale: async () => false,
      dataset: async () => dataset as Dataset,
      badgeColors: async () => colors,
      onSeen: (ids) => void seen.push(ids),
    });
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi, cmcc]);
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', []);
    expect(seen).toEqual([['xiaomi-corporation', 'china-mobile-limited']]);
  });

  it("replaces a frame's earlier report, and clears the badge when the page no longer names anyone", async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi, cmcc]);
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [cmcc]);
    expect(await badgeText(1)).toBe('1');
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', []);
    expect(await badgeText(1)).toBe('');
  });

  it("forgets a tab's findings when it loads another page or reloads, but not on a jump to an anchor", async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    const tab = await fakeBrowser.tabs.get(1);
    await fakeBrowser.tabs.onUpdated.trigger(1, { url: 'https://news.example/xiaomi#comments' }, { ...tab, url: 'https://news.example/xiaomi#comments' });
    await vi.waitFor(async () => expect((await service.getTabFindings(1)).findings).toHaveLength(1));
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, tab);
    await vi.waitFor(async () => expect((await service.getTabFindings(1)).findings).toHaveLength(0));
    expect(await badgeText(1)).toBe('');

    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading', url: 'https://other.example/' }, { ...tab, url: 'https://other.example/' });
    await vi.waitFor(async () => expect(await service.store.urlOf(1)).toBeUndefined());
  });

  it('ignores a late report from the page the tab has already left', async () => {
    await report(1, 'https://other.example/', 0, 'https://news.example/xiaomi', [xiaomi]);
    expect((await service.getTabFindings(1)).findings).toEqual([]);
  });

  it('forgets a closed tab', async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect(await service.store.tabIds()).toEqual([]));
  });

  it('shows no badge and no findings on a site the user switched off', async () => {
    disabledHosts.add('news.example');
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [cmcc]);
    expect(await badgeText(1)).toBe('');
    expect(await ask('getTabFindings', { tabId: 1 })).toMatchObject({ enabled: false, findings: [] });
    disabledHosts.clear();
    await service.refreshAllBadges();
    expect(await badgeText(1)).toBe('1');
  });

  it('marks the badge when the data may be out of date', async () => {
    stale = true;
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [cmcc]);
    expect(await badgeText(1)).toBe('1!');
  });

  it('keeps findings across a service-worker restart', async () => {
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    service.stop();
    service = start(new TabFindingsStore());
    expect((await service.getTabFindings(1)).findings).toEqual([xiaomi]);
  });

  it('opens the details of a company in a tab of its own', async () => {
    await ask('openDetails', { entityId: 'xiaomi-corporation' }, { id: 'test-extension-id', tab: { id: 1 }, url: 'https://news.example/xiaomi' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)?.url).toBe('chrome-extension://test-extension-id/popup.html?tab=1&entity=xiaomi-corporation');
  });

  it('brings back the details tab already open for that company instead of opening another', async () => {
    // From an extension page (the popup), which the one-per-second limit on pages does not slow.
    const sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
    await ask('openDetails', { entityId: 'xiaomi-corporation', tabId: 1 }, sender);
    const first = (await fakeBrowser.tabs.query({})).at(-1)!;
    await fakeBrowser.tabs.create({ url: 'https://news.example/other', active: true });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await ask('openDetails', { entityId: 'xiaomi-corporation', tabId: 1 }, sender);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((tab) => tab.url?.includes('entity=xiaomi-corporation'))).toHaveLength(1);
    expect(update).toHaveBeenCalledWith(first.id, { url: first.url, active: true });
    // Another company gets a tab of its own.
    await ask('openDetails', { entityId: 'china-mobile-limited', tabId: 1 }, sender);
    expect((await fakeBrowser.tabs.query({})).at(-1)?.url).toBe('chrome-extension://test-extension-id/popup.html?tab=1&entity=china-mobile-limited');
  });

  it('forwards the keyboard command to the active tab', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(command).toBeTypeOf('function');
    await command!('show-findings', { id: 1 });
    expect(sent).toHaveBeenCalledWith(1, { type: 'showFindingsPanel', data: {} }, { frameId: 0 });
    await command!('something-else', { id: 1 });
    expect(sent).toHaveBeenCalledTimes(1);
  });
});

describe('findings service: what a page (or a compromised page renderer) can and cannot do', () => {
  const page = (tabId: number, url: string) => ({ id: 'test-extension-id', tab: { id: tabId, url }, frameId: 0, url });

  it('a content script cannot read another tab’s address or findings', async () => {
    await fakeBrowser.tabs.create({ url: 'https://evil.example/' }); // tab 2
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', [xiaomi]);
    const answer = await ask<{ url: string; findings: Finding[] }>('getTabFindings', { tabId: 1 }, page(2, 'https://evil.example/'));
    expect(answer).toMatchObject({ url: '', findings: [] });
    expect((await ask<{ findings: Finding[] }>('getTabFindings', { tabId: 1 })).findings).toEqual([xiaomi]);
  });

  it('keeps no query string or fragment of a page address', async () => {
    const url = 'https://bank.example/statement.html?iban=DE89370400440532013000&token=abc123#top';
    const tab = await fakeBrowser.tabs.create({ url });
    await report(tab.id!, url, 0, url, [xiaomi]);
    const everything = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(everything).toContain('https://bank.example/statement.html');
    expect(everything).not.toContain('DE8937');
    expect(everything).not.toContain('abc123');
    expect((await ask<{ url: string }>('getTabFindings', { tabId: tab.id })).url).toBe('https://bank.example/statement.html');
  });

  it('a report is capped, and names only companies the list holds', async () => {
    const forged = [
      ...Array.from({ length: 5000 }, (_, i) => ({ entityId: `made-up-${i}`, texts: ['x'], kinds: ['name'], count: 1 })),
      { entityId: 'x'.repeat(800_000), texts: [], kinds: [], count: 1 },
      { ...xiaomi, count: 1e12 },
    ];
    await report(1, 'https://news.example/xiaomi', 0, 'https://news.example/xiaomi', forged as Finding[]);
    const { findings } = await ask<{ findings: Finding[] }>('getTabFindings', { tabId: 1 });
    expect(findings.map((f) => f.entityId)).toEqual(['xiaomi-corporation']);
    expect(findings[0].count).toBeLessThanOrEqual(100_000);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null)).length).toBeLessThan(10_000);
  });

  it('a page opens at most one details tab per second, and only for its own tab', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    for (let i = 0; i < 5; i++) {
      await ask('openDetails', { entityId: 'xiaomi-corporation', tabId: 99 }, page(1, 'https://news.example/xiaomi'));
    }
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.length - before).toBe(1);
    expect(tabs.at(-1)?.url).toBe('chrome-extension://test-extension-id/popup.html?tab=1&entity=xiaomi-corporation');
  });
});
