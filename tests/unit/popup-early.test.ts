// The popup's early question (entrypoints/popup-early.ts asks for the tab's page cards while the
// popup's scripts load): the popup uses its answer once, for the same tab, and reads it like any other.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_FIRST_VIEW, type EarlyFirstView } from '../../components/popup/early';
import { onMessages, type PageCards } from '../../lib/messaging';

const cards = (tabId: number, note: string) => ({ tab: { tabId, url: `https://news.example/${note}`, enabled: true, findings: [] } }) as unknown as PageCards;

/** A fresh popup: the early script's question is in place before the popup's modules run. */
async function popupWith(early: EarlyFirstView | undefined) {
  vi.resetModules();
  if (early) (globalThis as Record<string, unknown>)[EARLY_FIRST_VIEW] = early;
  return (await import('../../components/popup/browser-api')).browserApi;
}

beforeEach(() => {
  fakeBrowser.reset();
  delete (globalThis as Record<string, unknown>)[EARLY_FIRST_VIEW];
});

describe('the popup’s early question', () => {
  it('answers the first view; later questions go to the background', async () => {
    const asked: number[] = [];
    onMessages({ getPageCards: ({ tabId }) => (asked.push(tabId), cards(tabId, 'fresh')) });
    const api = await popupWith(Promise.resolve({ tabId: 4, cards: Promise.resolve(cards(4, 'early')) }));
    expect(await api.activeTabId()).toBe(4);
    expect((await api.pageCards(4)).tab.url).toBe('https://news.example/early');
    expect(asked).toEqual([]);
    // The re-ask when the popup starts listening must see reports that landed since: a new question.
    expect((await api.pageCards(4)).tab.url).toBe('https://news.example/fresh');
    expect(asked).toEqual([4]);
  });

  it('is not used for another tab', async () => {
    onMessages({ getPageCards: ({ tabId }) => cards(tabId, 'fresh') });
    const api = await popupWith(Promise.resolve({ tabId: 4, cards: Promise.resolve(cards(4, 'early')) }));
    expect((await api.pageCards(9)).tab.url).toBe('https://news.example/fresh');
  });

  it('a failed early answer is an error the popup sees (it then loads the list itself)', async () => {
    const api = await popupWith(Promise.resolve({ tabId: 4, cards: Promise.resolve({ __error: 'not answered outside the extension' }) }));
    await expect(api.pageCards(4)).rejects.toThrow('not answered outside the extension');
    const silent = await popupWith(Promise.resolve({ tabId: 4, cards: Promise.resolve(undefined) }));
    await expect(silent.pageCards(4)).rejects.toThrow('did not answer');
  });

  it('without the early script, the popup asks itself', async () => {
    onMessages({ getPageCards: ({ tabId }) => cards(tabId, 'fresh') });
    const api = await popupWith(undefined);
    expect((await api.pageCards(2)).tab.url).toBe('https://news.example/fresh');
  });
});
