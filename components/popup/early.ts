// The page cards the popup's early script (entrypoints/popup-early.ts) asked for while the popup's
// own scripts loaded: taken up once, by the first question about the same tab.

export const EARLY_FIRST_VIEW = '__sanctionsLensEarlyFirstView';

/** The tab the early script settled on, and the background's (unread) answer about it. */
export type EarlyFirstView = Promise<{ tabId: number; cards: Promise<unknown> } | undefined>;

/** The early request, once; later calls (and pages without the early script) get undefined. */
export function takeEarlyFirstView(): EarlyFirstView | undefined {
  const holder = globalThis as Record<string, unknown>;
  const early = holder[EARLY_FIRST_VIEW] as EarlyFirstView | undefined;
  delete holder[EARLY_FIRST_VIEW];
  return early;
}
