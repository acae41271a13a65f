// Wiring only: gate on the site settings, then start the page scanner (lib/page/start.ts).
import { startPageScanner } from '../lib/page/start';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames a page writes itself (about:blank, srcdoc, blob:, data:) are read too: ad, comment and
  // rich-text widgets render there, and a page could otherwise hide names where nothing looks.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // The only styles are the highlight rules (adopted by the document) and the card's, which live
  // in its shadow root: nothing is injected into the page's own stylesheets.
  cssInjectionMode: 'manual',
  // WXT would otherwise post "<extension id>:content:wxt:content-script-started" to the page.
  noScriptStartedPostMessage: true,
  main() {
    // The benchmark times the whole cost a page pays for the extension from this moment on.
    performance.mark('sanctions-lens:content-start');
    // WXT's context is not passed on: it ends itself on a DOM event any page can dispatch
    // (lib/page/life.ts decides the session's life from the extension runtime instead).
    startPageScanner().catch((error) => console.warn('Sanctions Lens could not start on this page:', error));
  },
});
