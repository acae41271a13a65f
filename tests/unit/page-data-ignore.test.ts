// "Not this company" from a page: the background keeps a rule only for the text the page showed and
// the page's own site, so a page cannot stop every name of a company, or a company on every site.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_DATASET_KEY, DATASET_ORIGIN_KEY, encodeStoredDataset } from '../../lib/dataset/store';
import { registerPageData } from '../../lib/page-data/service';
import { getSettings } from '../../lib/settings/store';
import { makeDataset } from './feed-helpers';

type Trigger = { trigger: (...args: unknown[]) => Promise<unknown[]> };
const page = (url: string) => ({ id: 'test-extension-id', url, origin: new URL(url).origin, tab: { id: 4, url }, frameId: 0 });

async function ask(type: string, data: unknown, sender: object): Promise<unknown> {
  const responses: unknown[] = [];
  await (fakeBrowser.runtime.onMessage as unknown as Trigger).trigger({ type, data }, sender, (response: unknown) => responses.push(response));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return responses[0];
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [ACTIVE_DATASET_KEY]: encodeStoredDataset(makeDataset('2026.11.20.1')), [DATASET_ORIGIN_KEY]: 'bundled' });
  // A new rule makes the background tell open tabs; there are none here.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  registerPageData();
});

describe('ignore rules asked for by a page', () => {
  it('keeps the text the card showed, for the page’s own site', async () => {
    await ask('addIgnoreRule', { entityId: 'china-mobile-limited', text: 'China Mobile', site: 'elsewhere.example' }, page('https://news.example/a'));
    expect((await getSettings()).ignored).toEqual([expect.objectContaining({ entityId: 'china-mobile-limited', text: 'china mobile', site: 'news.example' })]);
  });

  it('refuses a rule without text (it would stop every name of the company) or for every site', async () => {
    for (const text of ['', '   \n ']) {
      const answer = (await ask('addIgnoreRule', { entityId: 'china-mobile-limited', text, site: '' }, page('https://news.example/a'))) as { __error?: string };
      expect(answer.__error).toMatch(/needs the text it ignores/);
    }
    // A frame with no host of its own (about:blank, a data: frame) claiming no site.
    const hostless = { id: 'test-extension-id', url: 'about:blank', origin: 'null', tab: { id: 4, url: 'about:blank' }, frameId: 3 };
    const answer = (await ask('addIgnoreRule', { entityId: 'china-mobile-limited', text: 'China Mobile', site: '' }, hostless)) as { __error?: string };
    expect(answer.__error).toMatch(/for its own site/);
    expect((await getSettings()).ignored).toEqual([]);
  });
});
