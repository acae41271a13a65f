// "This site": why the extension does or does not scan this page, the way to every setting, and
// the full data status. The switch, pause and "Update now" are in the header of every view.
import type { Dataset } from '../../lib/dataset/types';
import type { PopupApi } from './api';
import { DataStatus, type Feed } from './DataStatus';
import type { SiteState } from './model';

export const HOUR = 60 * 60 * 1000;

export function SiteView({ api, site, dataset, feed }: { api: PopupApi; site: SiteState; dataset: Dataset; feed: Feed }) {
  return (
    <div class="site-view">
      <section aria-labelledby="site-title">
        <h2 id="site-title">This site</h2>
        {site.kind === 'file' ? <p class="small">Local files are switched on or off together in the settings.</p> : null}
        {site.kind === 'unscannable' ? <p class="small">This page can’t be scanned, so there is nothing to switch here.</p> : null}
        {site.kind !== 'unscannable' ? <p class="small" data-testid="site-decision">{site.description}</p> : null}
        <p class="small muted">
          Keyboard: Alt+Shift+L lists this page’s companies on the page itself (change it at chrome://extensions/shortcuts).
        </p>
        <div class="row">
          <button type="button" class="link-button" onClick={() => api.openOptions()}>All settings</button>
        </div>
      </section>
      <DataStatus feed={feed} dataset={dataset} />
    </div>
  );
}
