// Wiring only: gate on the site settings, then start the page scanner (lib/page/start.ts).
import { registerHoldingsRows } from '../lib/page/holdings-rows';
import { removeLeftovers } from '../lib/page/leftovers';
import { startPageScanner } from '../lib/page/start';
// Every look's `::highlight()` rules, declared in the manifest: the browser applies them before the
// page's first style pass, so painting never restyles the page (lib/page/highlight-styles.ts).
import '../lib/page/highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames a page writes itself (about:blank, srcdoc, blob:, data:) are read too: ad, comment and
  // rich-text widgets render there, and a page could otherwise hide names where nothing looks.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // The highlight rules go in the manifest's content-script CSS; the card's styles live in its
  // shadow root. Nothing is added to the page's own stylesheets or DOM.
  cssInjectionMode: 'manifest',
  // WXT would otherwise post "<extension id>:content:wxt:content-script-started" to the page.
  noScriptStartedPostMessage: true,
  main() {
    // The benchmark times the whole cost a page pays for the extension from this moment on.
    performance.mark('sanctions-lens:content-start');
    removeLeftovers();
    // Answers "Check holdings on this page" for as long as the extension runtime lives.
    registerHoldingsRows();
    // WXT's context is not passed on: it ends itself on a DOM event any page can dispatch
    // (lib/page/life.ts decides the session's life from the extension runtime instead).
    startPageScanner().catch((error) => console.warn('Sanctions Lens could not start on this page:', error));
  },
});
