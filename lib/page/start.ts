// The content script's life in one frame. What a frame costs follows what it holds: the extension's
// own pages, a hidden or tiny frame and a frame without text cost no message at all; then one small
// question to the background (is this site scanned, and which first words to look for); a frame
// whose text holds none of them loads nothing more (session.ts). The session follows settings
// changes and dataset swaps (a small message from the background), same-document navigation, the
// back/forward cache and extension reloads; its life is the extension's, never the page's to end.
import { onMessages, sendMessage, type PageSetup } from '../messaging';
import { frameAddress } from './address';
import { frameHasText, frameIsTiny, isOwnExtensionFrame, whenFrameGrows, whenTextAppears } from './frame-gate';
import { extensionLife, watchAddress } from './life';
import { PageSession } from './session';

/** Retries of the first question while the background starts up (ms). */
const SETUP_RETRIES = [250, 1000, 3000];

async function askSetup(): Promise<PageSetup | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const setup = await sendMessage('pageSetup', { address: frameAddress() });
      if (setup && typeof setup === 'object' && 'enabled' in setup) return setup;
    } catch {
      // The background is starting or restarting.
    }
    if (attempt >= SETUP_RETRIES.length) return null;
    await new Promise((resolve) => setTimeout(resolve, SETUP_RETRIES[attempt]));
  }
}

export async function startPageScanner(): Promise<void> {
  if (isOwnExtensionFrame()) return;
  // The session lives as long as the extension does; nothing the page sends or dispatches ends it.
  const life = extensionLife();
  if (!life.isValid) return;
  const top = window === window.top;
  if (!top && frameIsTiny()) await whenFrameGrows(life);
  // The top frame always starts: the findings panel for the whole tab is opened there.
  if (!top && !frameHasText()) await whenTextAppears(life);
  if (!life.isValid) return;

  let session: PageSession | null = null;
  let applying = Promise.resolve();
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;

  const apply = async () => {
    if (!life.isValid) return;
    const setup = await askSetup();
    if (!setup || !life.isValid) return;
    clearTimeout(pauseTimer);
    if (!setup.enabled) {
      session?.stop();
      session = null;
      // A pause ends by itself: ask again then.
      if (setup.until) pauseTimer = setTimeout(queueApply, Math.max(0, setup.until - Date.now()) + 50);
      return;
    }
    if (session) {
      session.update(setup);
    } else {
      session = new PageSession(life, setup);
      session.start();
    }
  };
  // Changes arrive in bursts (a settings import, a feed swap); apply them one after another.
  const queueApply = () => {
    applying = applying.then(apply).catch((error) => console.warn('Sanctions Lens could not apply a change:', error));
  };

  const cleanups = [
    onMessages({
      pageDataChanged: () => queueApply(),
      ...(top ? { showFindingsPanel: async () => void (await session?.showPanel()) } : {}),
    }),
    watchAddress(life, () => {
      // A page switched off by address, or back on, changes with same-document navigation.
      session?.onLocationChange();
      queueApply();
    }),
  ];
  const onPageShow = (event: PageTransitionEvent) => {
    // Back/forward cache: the page comes back as it was, but the background forgot its findings
    // when the tab started loading, so this frame reports them again.
    if (event.persisted) session?.reportAgain();
  };
  window.addEventListener('pageshow', onPageShow);
  cleanups.push(() => window.removeEventListener('pageshow', onPageShow));
  life.onInvalidated(() => {
    // The extension was updated or reloaded: stop quietly, the new content script takes over.
    // Highlights go first; removing listeners from a dead extension context may throw.
    clearTimeout(pauseTimer);
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
