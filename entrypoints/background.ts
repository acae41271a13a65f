// Wiring only: the feed updater, the per-tab findings and badge, and the message handlers.
import { recordSeen, registerFeed } from '../lib/feed/register';
import { registerFindings } from '../lib/findings';
import { registerFirstRun } from '../lib/first-run';

export default defineBackground(() => {
  registerFeed();
  registerFirstRun();
  // Companies the user has seen, so a later list change about them can raise a notification (opt-in).
  registerFindings({ onSeen: recordSeen });
  console.info('Sanctions Lens background started');
});
