// Wiring only: the feed updater, the per-tab findings and badge, what pages and the popup need, and the message handlers.
import { recordSeen, registerFeed } from '../lib/feed/register';
import { registerFindings } from '../lib/findings';
import { registerFirstRun } from '../lib/first-run';
import { registerPageData } from '../lib/page-data/service';
import { registerPopupData } from '../lib/popup-data/service';

export default defineBackground(() => {
  // First: pages get their data from here, and storage is locked to the extension's own pages.
  registerPageData();
  registerFeed();
  registerFirstRun();
  // Companies the user has seen, so a later list change about them can raise a notification (opt-in).
  const findings = registerFindings({ onSeen: recordSeen });
  // The popup paints a tab's companies from the list this context already verified.
  registerPopupData({ tabFindings: (tabId) => findings.getTabFindings(tabId) });
  console.info('Sanctions Lens background started');
});
