// The content script's life on one page: decide from the settings whether this page is scanned (a
// disabled site costs nothing: no walk, no observer), run a PageSession while it is, and follow
// settings changes, dataset swaps, same-document navigation and extension reloads.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { getActiveDataset, watchActiveDataset } from '../dataset/store';
import type { Dataset } from '../dataset/types';
import { onMessages } from '../messaging';
import { isEnabledFor } from '../settings/resolve';
import { getSettings, watchSettings } from '../settings/store';
import type { Settings } from '../settings/types';
import { PageSession } from './session';

export async function startPageScanner(ctx: ContentScriptContext): Promise<void> {
  let settings: Settings = await getSettings();
  let dataset: Dataset | null = null;
  let session: PageSession | null = null;
  let applying = Promise.resolve();

  const apply = async () => {
    if (!ctx.isValid) return;
    const enabled = isEnabledFor(location.href, settings).enabled;
    if (!enabled) {
      session?.stop();
      session = null;
      return;
    }
    dataset ??= await getActiveDataset();
    if (!ctx.isValid) return;
    if (session) {
      session.update(dataset, settings);
    } else {
      session = new PageSession(ctx, dataset, settings);
      session.start();
    }
  };
  // Changes arrive in bursts (a settings import, a feed swap); apply them one after another.
  const queueApply = () => {
    applying = applying.then(apply).catch((error) => console.warn('Sanctions Lens could not apply a change:', error));
  };

  const cleanups = [
    watchSettings((next) => {
      settings = next;
      queueApply();
    }),
    watchActiveDataset((next) => {
      dataset = next;
      queueApply();
    }),
  ];
  if (window === window.top) {
    cleanups.push(
      onMessages({
        showFindingsPanel: async () => {
          await session?.showPanel();
        },
      }),
    );
  }
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    // A page switched off by address, or back on, changes with same-document navigation.
    session?.onLocationChange();
    queueApply();
  });
  ctx.onInvalidated(() => {
    // The extension was updated or reloaded: stop quietly, the new content script takes over.
    cleanups.forEach((cleanup) => cleanup());
    session?.stop(false);
    session = null;
  });
  queueApply();
  await applying;
}
