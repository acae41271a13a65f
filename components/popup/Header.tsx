// The popup's header, the same on every view: the switch for this site, pause, a gear to the
// settings, what the page holds in one line, and how fresh the list data is with "Update now".
import type { Dataset } from '../../lib/dataset/types';
import { StatusLine, type Feed } from './DataStatus';
import type { SiteState } from './model';

export function Header({ site, dataset, feed, subtitle, busy, message, hidden, onSiteSwitch, onPause, onResume, onSettings, onWhy }: {
  /** What the user's settings leave out ("2 lists hidden"), or ''. */
  hidden: string;
  site: SiteState | undefined;
  dataset: Dataset | undefined;
  feed: Feed;
  subtitle: string;
  busy: boolean;
  message: string;
  onSiteSwitch: (enabled: boolean) => void;
  onPause: () => void;
  onResume: () => void;
  onSettings: () => void;
  /** Opens Data status, where a failed update's reason is; absent while it is shown. */
  onWhy?: () => void;
}) {
  const paused = site !== undefined && site.kind !== 'unscannable' && site.decision.reason === 'paused';
  return (
    <header class="header">
      <div class="head-row">
        <h1>Sanctions Lens</h1>
        {site && site.kind !== 'unscannable' ? (
          paused ? (
            <button type="button" class="head-button" onClick={onResume} disabled={busy} data-testid="resume">Resume</button>
          ) : (
            <button type="button" class="head-button" onClick={onPause} disabled={busy} data-testid="pause" title="Pause on every site for an hour">
              Pause 1 h
            </button>
          )
        ) : null}
        <button type="button" class="head-button gear" onClick={onSettings} aria-label="Settings" title="Settings" data-testid="open-settings">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19.4 13a7.5 7.5 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.6 7.6 0 0 0-1.7-1L15 3.5h-4l-.4 2.5a7.6 7.6 0 0 0-1.7 1l-2.4-1-2 3.4L6.6 11a7.5 7.5 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7.6 7.6 0 0 0 1.7-1l2.4 1 2-3.4-2-1.6ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </div>
      {site?.kind === 'site' ? (
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
            aria-describedby={paused ? 'popup-subtitle' : undefined}
            disabled={busy || paused}
            data-paused={paused ? '' : undefined}
            onClick={() => onSiteSwitch(!site.siteOn)}
          >
            <span class="switch-knob" aria-hidden="true" />
            <span class="switch-text" aria-hidden="true">{paused ? 'Paused' : site.siteOn ? 'On' : 'Off'}</span>
          </button>
        </div>
      ) : null}
      <p class="subtitle" id="popup-subtitle" data-testid="subtitle" aria-live="polite">{subtitle}</p>
      {message ? <p class="small site-message" data-testid="site-message" aria-live="polite">{message}</p> : null}
      {dataset ? <StatusLine feed={feed} dataset={dataset} hidden={hidden} onWhy={onWhy} /> : null}
    </header>
  );
}
