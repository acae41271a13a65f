// The background's side of the popup's first view: page cards and the whole list go to the
// extension's own pages only, come from the list the store verified, and follow a swap of it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_DATASET_KEY, DATASET_ORIGIN_KEY, encodeStoredDataset } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import type { PageCards, TabFindings } from '../../lib/messaging';
import { registerPopupData } from '../../lib/popup-data/service';
import { defaultSettings } from '../../lib/settings/defaults';
import fixture from '../fixtures/popup/dataset.json';
import { makeDataset } from './feed-helpers';

const dataset = fixture as Dataset;
type Trigger = { trigger: (...args: unknown[]) => Promise<unknown[]> };
const onMessage = () => fakeBrowser.runtime.onMessage as unknown as Trigger;
const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html?tab=3' };
/** A content script in a web page asking, as a compromised page's renderer could. */
const PAGE = { id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' }, frameId: 0 };

async function ask(type: string, data: unknown, sender: object): Promise<unknown> {
  const responses: unknown[] = [];
  await onMessage().trigger({ type, data }, sender, (response: unknown) => responses.push(response));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return responses[0];
}

const tabFindings = async (tabId: number): Promise<TabFindings> => ({
  tabId,
  url: 'https://news.example/markets',
  enabled: true,
  findings: [{ entityId: 'china-mobile-limited', texts: ['China Mobile'], kinds: ['name'], count: 2 }],
});

beforeEach(() => fakeBrowser.reset());

describe('popup data in the background', () => {
  it('answers the popup with the tab’s page cards, cut from the list it holds', async () => {
    registerPopupData({ tabFindings, dataset: async () => dataset, settings: async () => defaultSettings() });
    const cards = (await ask('getPageCards', { tabId: 3 }, POPUP)) as PageCards;
    expect(cards.tab).toEqual(await tabFindings(3));
    expect(cards.dataset.entities.map((entity) => entity.id)).toEqual(['china-mobile-limited']);
    expect(cards.coverage.companies).toBe(dataset.entities.length);
    expect(cards.settings).toEqual(defaultSettings());
  });

  it('tells a web page nothing: not another tab’s findings, not the list', async () => {
    let asked = 0;
    registerPopupData({ tabFindings: async (id) => (asked++, tabFindings(id)), dataset: async () => dataset, settings: async () => defaultSettings() });
    const cards = await ask('getPageCards', { tabId: 3 }, PAGE);
    expect(cards).toEqual({ __error: expect.stringMatching(/not answered/) });
    expect(await ask('getActiveDataset', {}, PAGE)).toEqual({ __error: expect.stringMatching(/not answered/) });
    expect(asked).toBe(0);
  });

  it('gives the popup the list it read through the store, and the new one after a swap', async () => {
    // The stored built-in copy (a context that cannot read the packaged file checks the stored text).
    const stored = makeDataset('2026.11.20.1');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(stored), [DATASET_ORIGIN_KEY]: 'bundled' });
    registerPopupData({ tabFindings, settings: async () => defaultSettings() });
    expect(((await ask('getActiveDataset', {}, POPUP)) as Dataset).version).toBe('2026.11.20.1');
    const newer = makeDataset('2026.12.01.1');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(newer) });
    expect(((await ask('getActiveDataset', {}, POPUP)) as Dataset).version).toBe('2026.12.01.1');
    expect(((await ask('getPageCards', { tabId: 3 }, POPUP)) as PageCards).dataset.version).toBe('2026.12.01.1');
  });

  it('reads the list again when the popup says it changed, even before this context hears of it', async () => {
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(makeDataset('2026.11.20.1')), [DATASET_ORIGIN_KEY]: 'bundled' });
    // This context's storage event is late (it comes from the browser, after the popup's own).
    const late = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener').mockImplementation(() => undefined);
    registerPopupData({ tabFindings, settings: async () => defaultSettings() });
    late.mockRestore();
    expect(((await ask('getActiveDataset', {}, POPUP)) as Dataset).version).toBe('2026.11.20.1');
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(makeDataset('2026.12.01.1')) });
    // Without the event the kept copy still answers; asked fresh, the stored one does.
    expect(((await ask('getActiveDataset', {}, POPUP)) as Dataset).version).toBe('2026.11.20.1');
    expect(((await ask('getActiveDataset', { fresh: true }, POPUP)) as Dataset).version).toBe('2026.12.01.1');
  });

  it('never hands on a stored list that fails its check: the popup is told, and reads the list itself', async () => {
    const damaged = { ...makeDataset('2026.11.20.1'), entities: [{ id: 'x', name: '' }] };
    await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: JSON.stringify(damaged), [DATASET_ORIGIN_KEY]: 'bundled' });
    registerPopupData({ tabFindings, settings: async () => defaultSettings() });
    const answer = (await ask('getActiveDataset', {}, POPUP)) as { __error?: string };
    expect(answer.__error).toBeDefined();
    expect(await ask('getPageCards', { tabId: 3 }, POPUP)).toEqual({ __error: expect.any(String) });
  });
});
