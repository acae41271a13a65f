// The background's side of the page: it alone reads storage (locked to the extension's own pages
// where the browser allows it), and hands each frame what it needs — the site decision, the look,
// the first words of the match index, then the index itself only to frames whose text may match,
// and card details on demand. A dataset swap or a settings change reaches frames as one small
// message; each frame then asks again, so no frame ever receives a whole dataset it did not ask for.
import browser from 'webextension-polyfill';
import { cardModel, type CardModel } from '../../components/hover-card/card-model';
import { listIndex } from '../dataset/severity';
import { ACTIVE_DATASET_KEY, datasetStore } from '../dataset/store';
import type { Dataset, Ruling } from '../dataset/types';
import { onMessages, sendToTab, type MatchIndex, type PageSetup } from '../messaging';
import { buildPageView, type PageView } from '../page/entity-view';
import { isEnabledFor } from '../settings/resolve';
import { hostCoveredBy } from '../settings/site';
import { addIgnore, getSettings, removeIgnore, watchSettings } from '../settings/store';
import { cleanIgnoreRule } from '../settings/rules';
import { ignoreText } from '../settings/validate';
import { decidingAsOf } from '../findings/freshness';
import type { Settings } from '../settings/types';
import { buildMatchIndex, matchIndexId, partialIndex } from './match-index';
import { lockStorage } from './storage-access';
import { ALWAYS, tokenFilterText } from '../page/tokens';

interface Prepared {
  dataset: Dataset;
  settings: Settings;
  index: MatchIndex;
  /** The index's first words, one per line, and the index as JSON text: made once, sent to every frame that asks. */
  tokens: string;
  tokenFilter: string;
  patternsWithoutFirstWord: boolean;
  indexText: string;
  view: PageView;
  rulings: Map<string, Ruling>;
}

const MAX_DESCRIBE = 200;
const MAX_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 80;
/** First words a frame may ask a part of the index for (it asks for the whole index past 150). */
const MAX_TOKENS = 1000;

function hostnameOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return '';
  }
}

/** The site a frame belongs to, from what the browser says about the sender (not from the message) where it can. */
function senderSite(sender: browser.Runtime.MessageSender, claimed: string): string {
  const origin = (sender as { origin?: string }).origin;
  const host = hostnameOf(origin && origin !== 'null' ? origin : (sender.url ?? ''));
  return host || claimed || '*';
}

export interface PageDataService {
  /** Drops what was prepared and tells every frame to ask again. */
  refresh(): Promise<void>;
}

export function registerPageData(): PageDataService {
  void lockStorage();
  let prepared: Promise<Prepared> | null = null;
  let settingsNow: Promise<Settings> | null = null;
  const settings = () => (settingsNow ??= getSettings());

  const prepare = (): Promise<Prepared> => {
    prepared ??= (async () => {
      const [loaded, current] = await Promise.all([datasetStore().load(), settings()]);
      const dataset = loaded.dataset;
      const index = buildMatchIndex(dataset, current);
      return {
        dataset,
        settings: current,
        index,
        tokens: Object.keys(index.tokens).join('\n'),
        tokenFilter: tokenFilterText(Object.keys(index.tokens)),
        patternsWithoutFirstWord: Object.hasOwn(index.tokens, ALWAYS),
        indexText: JSON.stringify(index),
        view: buildPageView(dataset, current),
        rulings: new Map(dataset.rulings.map((ruling) => [ruling.id, ruling])),
      };
    })().catch((error: unknown) => {
      prepared = null;
      throw error;
    });
    return prepared;
  };

  const broadcast = async () => {
    const tabs = await browser.tabs.query({}).catch(() => [] as browser.Tabs.Tab[]);
    await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, 'pageDataChanged', {}).catch(() => undefined))),
    );
  };

  const setupFor = async (address: string): Promise<PageSetup> => {
    const current = await settings();
    const decision = isEnabledFor(address, current);
    if (!decision.enabled) return { enabled: false, until: decision.reason === 'paused' ? decision.until : undefined };
    let ready = await prepare();
    // Settings changed while the index was being prepared: prepare it again for the current ones.
    if (ready.index.id !== matchIndexId(ready.dataset, current)) {
      prepared = null;
      ready = await prepare();
    }
    const host = hostnameOf(address);
    return {
      enabled: true,
      indexId: ready.index.id,
      tokens: ready.tokens,
      tokenFilter: ready.tokenFilter,
      patternsWithoutFirstWord: ready.patternsWithoutFirstWord,
      look: {
        palette: current.palette,
        highlightStyle: current.highlightStyle,
        hoverCards: current.hoverCards,
        watchlistOnPages: current.watchlistOnPages,
      },
      ignored: current.ignored.filter((rule) => rule.site === '*' || hostCoveredBy(rule.site, host)),
    };
  };

  onMessages({
    pageSetup: ({ address }) => setupFor(String(address)),
    getMatchIndex: async ({ tokens }) => {
      const ready = await prepare();
      if (!Array.isArray(tokens)) return ready.indexText;
      // A frame's first words, from its own text: only strings, and never more than the index holds.
      const words = tokens.slice(0, MAX_TOKENS).filter((token): token is string => typeof token === 'string');
      const part = partialIndex(ready.index, words);
      return part ? JSON.stringify(part) : ready.indexText;
    },
    describeEntities: async ({ entityIds }): Promise<CardModel[]> => {
      const ready = await prepare();
      const asOf = decidingAsOf(ready.dataset)?.date;
      const out: CardModel[] = [];
      for (const id of (Array.isArray(entityIds) ? entityIds : []).slice(0, MAX_DESCRIBE)) {
        const entity = typeof id === 'string' ? ready.view.entities.get(id) : undefined;
        const key = entity && ready.view.keys.get(entity.id);
        if (entity && key) out.push(cardModel(entity, key, { lists: ready.view.lists, programs: ready.view.programs }, ready.rulings, { asOf }));
      }
      return out;
    },
    addIgnoreRule: async ({ entityId, text, site }, sender) => {
      if (typeof entityId !== 'string' || typeof text !== 'string' || entityId.length > MAX_ID_LENGTH) throw new Error('not an ignore rule');
      const ready = await prepare();
      // Only a company the page could have shown can be ignored.
      if (!ready.view.entities.has(entityId)) throw new Error('unknown company');
      // A rule from a page names the text it ignores and its own site: an empty text would stop every
      // name of the company, and "*" every site (the options page alone makes such rules).
      const ignored = text.slice(0, MAX_TEXT_LENGTH);
      const ruleSite = senderSite(sender, typeof site === 'string' ? site : '');
      if (ignoreText(ignored) === '') throw new Error('an ignore rule from a page needs the text it ignores');
      if (ruleSite === '*') throw new Error('an ignore rule from a page is for its own site');
      await addIgnore({ entityId, text: ignored, site: ruleSite });
    },
    // Undo on the page: the same checks, so a page can only take back a rule for its own site.
    removeIgnoreRule: async ({ entityId, text, site }, sender) => {
      if (typeof entityId !== 'string' || typeof text !== 'string' || entityId.length > MAX_ID_LENGTH) throw new Error('not an ignore rule');
      const rule = cleanIgnoreRule({ entityId, text: text.slice(0, MAX_TEXT_LENGTH), site: senderSite(sender, typeof site === 'string' ? site : '') });
      await removeIgnore({ entityId: rule.entityId, text: rule.text, site: rule.site });
    },
  });
  const refresh = async () => {
    prepared = null;
    await broadcast();
  };
  watchSettings((next) => {
    settingsNow = Promise.resolve(next);
    void refresh();
  });
  // Only the background listens to storage; it reads the dataset again through the store (which
  // checks what it reads) and frames learn of the change by a small message.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ACTIVE_DATASET_KEY in changes) void refresh();
  });
  return { refresh };
}

export { lockStorage };
