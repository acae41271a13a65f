// Opens the first-run page once, when the extension is installed (not on updates or browser
// starts): it asks the user to pin the icon, explains the colours and the shortcut.
import browser from 'webextension-polyfill';

export const WELCOME_PAGE = '/welcome.html';

export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE as never) }).catch(() => undefined);
  });
}
