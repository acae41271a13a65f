// The content script's life on one page: decide from the settings whether this page is scanned (a
// disabled site costs nothing: no walk, no observer), run a PageSession while it is, and follow
// settings changes, dataset swaps, same-document navigation and extension reloads.
import browser from 'webextension-polyfill';
import { createDatasetStore, watchActiveDataset, type KeyValueArea } from '../dataset/store';
import type { Dataset } from '../dataset/types';
import { onMessages } from '../messaging';
import { isEnabledFor } from '../settings/resolve';
import { getSettings, watchSettings } from '../settings/store';
import type { Settings } from '../settings/types';
import { frameAddress } from './address';
import { extensionLife, watchAddress } from './life';
import { PageSession } from './session';

/**
 * The active dataset as the background stored it, or null while there is none yet (first seconds
 * after install). The bundled file is not web-accessible, so a content script cannot fetch it;
 * it waits for the background to store the dataset instead.
 */
async function storedDataset(): Promise<Dataset | null> {
  const store = createDatasetStore({
    area: browser.storage.local as unknown as KeyValueArea,
    loadBundled: () => Promise.reject(new Error('no stored dataset yet')),
  });
  try {
    return (await store.load()).dataset;
  } catch {
    return null;
  }
}

export async function startPageScanner(): Promise<void> {
  // The session lives as long as the extension does; nothing the page sends or dispatches ends it.
  const ctx = extensionLife();
  // Both reads go out at once: one after the other, they kept the page waiting twice as long
  // before its first highlight. (A site the user switched off still pays the dataset read, but
  // never a walk or an observer.)
  let firstRead: Promise<Dataset | null> | null = storedDataset();
  let settings: Settings = await getSettings();
  let dataset: Dataset | null = null;
  let session: PageSession | null = null;
  let applying = Promise.resolve();

  const apply = async () => {
    if (!ctx.isValid) return;
    const enabled = isEnabledFor(frameAddress(), settings).enabled;
    if (!enabled) {
      session?.stop();
      session = null;
      return;
    }
    if (!dataset) {
      const early = firstRead;
      firstRead = null;
      // Nothing stored at the early read: read again, now that the watcher would see it arrive (it
      // may have been stored between the early read and the watcher's start).
      dataset = (early && (await early)) ?? (await storedDataset());
    }
    // Without data there is nothing to match yet; watchActiveDataset calls back when it arrives.
    if (!dataset || !ctx.isValid) return;
    if (session) {
      await session.update(dataset, settings);
    } else {
      const created = await PageSession.create(ctx, dataset, settings);
      // The extension was reloaded while the matcher was being built.
      if (!ctx.isValid) {
        created.stop(false);
        return;
      }
      session = created;
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
  cleanups.push(
    watchAddress(ctx, () => {
      // A page switched off by address, or back on, changes with same-document navigation.
      session?.onLocationChange();
      queueApply();
    }),
  );
  const onPageShow = (event: PageTransitionEvent) => {
    // Back/forward cache: the page comes back as it was, but the background forgot its findings
    // when the tab started loading, so this frame reports them again.
    if (event.persisted) session?.reportAgain();
  };
  window.addEventListener('pageshow', onPageShow);
  cleanups.push(() => window.removeEventListener('pageshow', onPageShow));
  ctx.onInvalidated(() => {
    // The extension was updated or reloaded: stop quietly, the new content script takes over.
    // Highlights go first; removing listeners from a dead extension context may throw.
    session?.stop(false);
    session = null;
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // The listener died with the old context.
      }
    }
  });
  queueApply();
  await applying;
}
