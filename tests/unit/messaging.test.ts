import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessages, sendMessage } from '../../lib/messaging';

describe('messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes a typed message to its handler and returns the answer', async () => {
    onMessages({
      getTabFindings: ({ tabId }) => ({ tabId, url: 'https://example.com/', enabled: true, findings: [] }),
    });
    const answer = await sendMessage('getTabFindings', { tabId: 7 });
    expect(answer).toEqual({ tabId: 7, url: 'https://example.com/', enabled: true, findings: [] });
  });

  it('answers through sendResponse when the caller passes one (Chrome style)', async () => {
    onMessages({ getTabFindings: async ({ tabId }) => ({ tabId, url: '', enabled: false, findings: [] }) });
    const responses: unknown[] = [];
    const listeners = (fakeBrowser.runtime.onMessage as unknown as { trigger: (...args: unknown[]) => Promise<unknown[]> });
    const results = await listeners.trigger({ type: 'getTabFindings', data: { tabId: 3 } }, {}, (r: unknown) => responses.push(r));
    expect(results).toContain(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(responses).toEqual([{ tabId: 3, url: '', enabled: false, findings: [] }]);
  });

  it('ignores messages that are not envelopes or have no handler', async () => {
    onMessages({});
    const listeners = (fakeBrowser.runtime.onMessage as unknown as { trigger: (...args: unknown[]) => Promise<unknown[]> });
    expect(await listeners.trigger('hello', {})).toEqual([undefined]);
    expect(await listeners.trigger({ type: 'getFeedStatus', data: {} }, {})).toEqual([undefined]);
  });
});
