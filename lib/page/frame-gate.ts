// Checks a frame makes before it costs anything: whether it is one of the extension's own pages,
// too small to show a reader anything (tracking pixels, hidden frames), or without text yet. Each
// reads the DOM and the frame's size only; none sends a message.
import { ELEMENT_NODE } from './elements';
import type { PageLife } from './life';

/** Smaller than this (CSS px) a frame shows no readable text; it is read once it grows. */
const MIN_WIDTH = 40;
const MIN_HEIGHT = 16;
/** Text nodes looked at before a frame is taken to hold text anyway. */
const TEXT_PROBE_LIMIT = 2000;
const HAS_LETTER = /[\p{L}\p{N}]/u;
const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

export function isOwnExtensionFrame(): boolean {
  try {
    const scope = globalThis as { chrome?: { runtime?: { getURL?: (path: string) => string } } };
    const own = scope.chrome?.runtime?.getURL?.('/');
    return location.protocol === 'chrome-extension:' || location.protocol === 'moz-extension:' || (!!own && location.origin === new URL(own).origin);
  } catch {
    return false;
  }
}

export function frameIsTiny(win: Pick<Window, 'innerWidth' | 'innerHeight'> = window): boolean {
  return win.innerWidth < MIN_WIDTH || win.innerHeight < MIN_HEIGHT;
}

/** Resolves once the frame is large enough to read (a hidden ad slot that opens). */
export function whenFrameGrows(life: PageLife): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (frameIsTiny() && life.isValid) return;
      window.removeEventListener('resize', check);
      resolve();
    };
    window.addEventListener('resize', check);
    life.onInvalidated(() => {
      window.removeEventListener('resize', check);
      resolve();
    });
  });
}

/** Whether the document holds any letter or digit outside scripts and styles (custom elements may hide theirs). */
export function frameHasText(doc: Document = document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      const name = (node as Element).localName;
      // A web component's text lives in its shadow root, which this walk does not enter.
      if (name.includes('-')) return true;
      continue;
    }
    if (++seen > TEXT_PROBE_LIMIT) return true;
    const parent = node.parentElement?.localName;
    if (parent && NO_TEXT.has(parent)) continue;
    if (HAS_LETTER.test((node as Text).data)) return true;
  }
  return false;
}

/** Resolves once text appears in a frame that had none (an ad that renders late). */
export function whenTextAppears(life: PageLife): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      // Checked at most a few times a second, whatever the page does.
      timer ??= setTimeout(() => {
        timer = undefined;
        if (frameHasText() || !life.isValid) done();
      }, 250);
    });
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    // The document itself: document.open() replaces its element, and the new one must be seen too.
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    life.onInvalidated(done);
  });
}
