// Runs in the popup's <head>, before its module scripts load (about 50 ms of fetching and compiling
// on a slow machine): asks the background for the tab's page cards at once, so the answer is
// waiting when the popup first renders. The popup takes it up once (components/popup/browser-api.ts)
// and reads it as it would its own answer; without this script the popup simply asks itself.
import type { Envelope } from '../lib/messaging';
import { EARLY_FIRST_VIEW, type EarlyFirstView } from '../components/popup/early';

export default defineUnlistedScript(() => {
  type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> }; tabs: { query(q: object): Promise<{ id?: number }[]> } };
  const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome) as Api | undefined;
  if (!api?.runtime?.sendMessage) return;
  const params = new URLSearchParams(location.search);
  const asked = Number(params.get('tab'));
  const tabId: Promise<number | undefined> =
    params.has('tab') && Number.isInteger(asked) && asked >= 0
      ? Promise.resolve(asked)
      : api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id);
  const early: EarlyFirstView = tabId.then((id) => {
    if (id === undefined) return undefined;
    const cards = api.runtime.sendMessage({ type: 'getPageCards', data: { tabId: id } } satisfies Envelope<'getPageCards'>);
    cards.catch(() => undefined); // the popup reads the failure when it takes the answer up
    return { tabId: id, cards };
  });
  early.catch(() => undefined);
  (globalThis as Record<string, unknown>)[EARLY_FIRST_VIEW] = early;
});
