// Wiring only: gate on the site settings, then start the page scanner (lib/page/start.ts).
import { registerHoldingsRows } from '../lib/page/holdings-rows';
import { startPageScanner } from '../lib/page/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // The only styles are the highlight rules (adopted by the document) and the card's, which live
  // in its shadow root: nothing is injected into the page's own stylesheets.
  cssInjectionMode: 'manual',
  main(ctx) {
    // The benchmark times the whole cost a page pays for the extension from this moment on.
    performance.mark('sanctions-lens:content-start');
    ctx.onInvalidated(registerHoldingsRows());
    startPageScanner(ctx).catch((error) => console.warn('Sanctions Lens could not start on this page:', error));
  },
});
