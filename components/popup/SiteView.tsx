// "This site": switch the extension on or off for the tab's site, pause it for an hour, reach
// all settings; and the data status below.
import type { Dataset } from '../../lib/dataset/types';
import type { PopupApi } from './api';
import { DataStatus } from './DataStatus';
import type { SiteState } from './model';

export const HOUR = 60 * 60 * 1000;

export function SiteView({ api, site, dataset, busy, onSiteSwitch, onPause, onResume, message }: {
  api: PopupApi;
  site: SiteState;
  dataset: Dataset;
  busy: boolean;
  onSiteSwitch: (enabled: boolean) => void;
  onPause: () => void;
  onResume: () => void;
  message: string;
}) {
  const paused = site.kind !== 'unscannable' && site.decision.reason === 'paused';
  return (
    <div class="site-view">
      <section aria-labelledby="site-title">
        <h2 id="site-title">This site</h2>
        {site.kind === 'site' ? (
          <div class="switch-row">
            <span id="site-switch-label">
              Scan <strong>{site.label}</strong>
            </span>
            <button
              type="button"
              role="switch"
              class="switch"
              data-testid="site-switch"
              aria-checked={site.siteOn}
              aria-labelledby="site-switch-label"
              disabled={busy}
              onClick={() => onSiteSwitch(!site.siteOn)}
            >
              <span class="switch-knob" aria-hidden="true" />
              <span class="switch-text" aria-hidden="true">{site.siteOn ? 'On' : 'Off'}</span>
            </button>
          </div>
        ) : (
          <p class="small">{site.kind === 'file' ? 'Local files are switched on or off together in the settings.' : 'This page can’t be scanned, so there is nothing to switch here.'}</p>
        )}
        {site.kind !== 'unscannable' ? <p class="small muted" data-testid="site-decision">{site.description}</p> : null}
        <p class="small" aria-live="polite">{message}</p>
        <div class="row">
          {paused ? (
            <button type="button" onClick={onResume} disabled={busy}>Resume now</button>
          ) : (
            <button type="button" onClick={onPause} disabled={busy}>Pause everywhere for an hour</button>
          )}
          <button type="button" class="link-button" onClick={() => api.openOptions()}>All settings</button>
        </div>
      </section>
      <DataStatus api={api} dataset={dataset} />
    </div>
  );
}
