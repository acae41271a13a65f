// Whether this content script still belongs to a running extension. Decided from the extension
// runtime alone (its id disappears when the extension is reloaded, updated or removed), never from
// an event or message the page can see or send: WXT's ContentScriptContext ends itself on a DOM
// event any page can dispatch, so a page could switch the warnings off on itself.

/** What the page side asks about its own life. Shaped like the part of WXT's context its UI helpers use. */
export interface PageLife {
  /** False once the extension that started this script is gone. */
  readonly isValid: boolean;
  /** Calls back once when the extension is gone; returns a function that removes the callback. */
  onInvalidated(callback: () => void): () => void;
  /** Calls back every `CHECK_EVERY_MS` while alive (cheap watchers such as the address ride on it). */
  onTick(callback: () => void): () => void;
}

/** How often an orphaned script notices it is orphaned (and how often the address is compared). */
const CHECK_EVERY_MS = 1000;

function runtimeId(): string | undefined {
  try {
    const scope = globalThis as { chrome?: { runtime?: { id?: string } }; browser?: { runtime?: { id?: string } } };
    return scope.chrome?.runtime?.id ?? scope.browser?.runtime?.id;
  } catch {
    // Touching a dead extension's API may throw: that is an answer too.
    return undefined;
  }
}

export function extensionLife(isAlive: () => boolean = () => runtimeId() !== undefined): PageLife {
  const ended = new Set<() => void>();
  const ticks = new Set<() => void>();
  let alive = isAlive();
  let timer: ReturnType<typeof setInterval> | undefined;

  const end = () => {
    alive = false;
    clearInterval(timer);
    ticks.clear();
    for (const callback of [...ended]) {
      try {
        callback();
      } catch (error) {
        console.warn('Sanctions Lens: a clean-up failed', error);
      }
    }
    ended.clear();
  };
  const check = () => {
    if (alive && !isAlive()) end();
    return alive;
  };
  if (alive) {
    timer = setInterval(() => {
      if (!check()) return;
      for (const callback of [...ticks]) callback();
    }, CHECK_EVERY_MS);
  }

  return {
    get isValid() {
      return check();
    },
    onInvalidated(callback) {
      if (!alive) {
        callback();
        return () => {};
      }
      ended.add(callback);
      return () => ended.delete(callback);
    },
    onTick(callback) {
      ticks.add(callback);
      return () => ticks.delete(callback);
    },
  };
}

/** Calls back when this frame's address changes without a load (single-page apps). */
export function watchAddress(life: PageLife, callback: () => void): () => void {
  let last = location.href;
  const compare = () => {
    if (location.href === last) return;
    last = location.href;
    callback();
  };
  // The tick catches pushState, which fires no event; popstate and hashchange answer at once.
  const stopTick = life.onTick(compare);
  window.addEventListener('popstate', compare);
  window.addEventListener('hashchange', compare);
  return () => {
    stopTick();
    window.removeEventListener('popstate', compare);
    window.removeEventListener('hashchange', compare);
  };
}
