// Wiring only: the feed updater, the per-tab findings and badge, and the message handlers.
import { registerFeed } from '../lib/feed/register';
import { registerFindings } from '../lib/findings';

export default defineBackground(() => {
  registerFeed();
  registerFindings();
  console.info('Sanctions Lens background started');
});
