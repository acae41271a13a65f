// The list data's freshness: a one-line status for the popup's header (as-of date of the lists that
// decide the warnings, their age, "Update now") and the full "Data status" on the This site tab.
// Works, with a clear note, when the updater does not answer.
import { useEffect, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import { OLD_DATA_DAYS, ageInDays, ageWords, decidingAsOf } from '../../lib/findings/freshness';
import type { FeedStatus } from '../../lib/messaging';
import { formatDate, formatDateTime } from '../format';
import type { PopupApi } from './api';

export { ageInDays } from '../../lib/findings/freshness';

export type FeedLoad = { state: 'loading' } | { state: 'ready'; status: FeedStatus } | { state: 'unavailable'; reason: string };

export interface Feed {
  load: FeedLoad;
  updating: boolean;
  notice: string;
  updateNow(): void;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The feed status, asked once when the popup opens, and "Update now". */
export function useFeed(api: PopupApi, dataset: Dataset | undefined): Feed {
  const [load, setLoad] = useState<FeedLoad>({ state: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    let live = true;
    api.feedStatus().then(
      (status) => live && setLoad({ state: 'ready', status }),
      (error: unknown) => live && setLoad({ state: 'unavailable', reason: reasonOf(error) }),
    );
    return () => void (live = false);
  }, [api]);
  const updateNow = async () => {
    setUpdating(true);
    setNotice('Checking for new list data…');
    try {
      const before = load.state === 'ready' ? load.status.datasetVersion : dataset?.version;
      const status = await api.updateNow();
      setLoad({ state: 'ready', status });
      setNotice(
        status.datasetVersion !== before
          ? `Updated to version ${status.datasetVersion}.`
          : status.lastError
            ? `The check didn’t complete: ${status.lastError}`
            : 'You have the newest list data.',
      );
    } catch (error) {
      setNotice(`Couldn’t check for updates: ${reasonOf(error)}.`);
    } finally {
      setUpdating(false);
    }
  };
  return { load, updating, notice, updateNow: () => void updateNow() };
}

/** The header's status line: "OFAC lists as of Jan 8, 2026 · 327 days old · Update now". */
export function StatusLine({ feed, dataset, hidden = '', now = Date.now() }: { feed: Feed; dataset: Dataset; hidden?: string; now?: number }) {
  const asOf = decidingAsOf(dataset);
  const age = ageInDays(asOf?.date, now);
  const status = feed.load.state === 'ready' ? feed.load.status : undefined;
  const old = (age !== undefined && age > OLD_DATA_DAYS) || status?.stale;
  const checking = feed.updating || status?.checking;
  return (
    <div class={old ? 'status-line old' : 'status-line'} data-testid="status-line" data-old={old ? 'true' : 'false'}>
      <span>
        {asOf ? `${asOf.authority} lists as of ${formatDate(asOf.date)}` : `Data version ${dataset.version}`}
        {age !== undefined ? ` · ${ageWords(age)}` : ''}
        {old ? <span class="sr-only"> (may be out of date: verify before you trade)</span> : null}
      </span>
      {hidden ? <span data-testid="hidden-lists">{hidden}</span> : null}
      <button type="button" class="link-button" onClick={feed.updateNow} disabled={checking || feed.load.state !== 'ready'} aria-describedby="update-notice">
        {checking ? 'Checking…' : 'Update now'}
      </button>
      <span id="update-notice" class="sr-only" aria-live="polite">{feed.notice}</span>
      {feed.notice && !checking ? <span class="status-notice" data-testid="update-notice">{feed.notice}</span> : null}
    </div>
  );
}

export function DataStatus({ feed, dataset, now = Date.now() }: { feed: Feed; dataset: Dataset; now?: number }) {
  const status = feed.load.state === 'ready' ? feed.load.status : undefined;
  const asOf = decidingAsOf(dataset);
  const age = ageInDays(asOf?.date, now);
  const rows: [string, string][] = [
    ['Version', status?.datasetVersion ?? dataset.version],
    [`${asOf?.authority ?? 'List'} data as of`, asOf ? `${formatDate(asOf.date)}${age === undefined ? '' : ` (${ageWords(age)})`}` : '—'],
    ['Newest source', status?.dataAsOf ? formatDate(status.dataAsOf) : '—'],
    ['Source', status ? (status.origin === 'feed' ? 'Update feed' : 'Built in') : '—'],
    ['Last update', status?.lastSuccess ? formatDateTime(status.lastSuccess) : status ? 'Not yet' : '—'],
    ['Next check', status?.nextCheck ? formatDateTime(status.nextCheck) : '—'],
  ];
  return (
    <section aria-labelledby="data-title" data-testid="data-status">
      <h2 id="data-title">Data status</h2>
      <dl class="status-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {status?.stale ? <p class="warning small" role="status">{status.staleReason ?? 'The list data may be out of date.'}</p> : null}
      {!status?.stale && age !== undefined && age > OLD_DATA_DAYS ? (
        <p class="warning small" data-testid="old-data">
          {asOf?.list ? `Its oldest source, for ${asOf.authority}’s ${/\blist$/i.test(asOf.list) ? asOf.list : `${asOf.list} list`}, is ${age} days old` : `This list data is ${age} days old`}
          : changes made after a source’s date may be missing. Check for an update, or verify a company on the
          official lists before you trade.
        </p>
      ) : null}
      {status?.lastError ? <p class="error small">Last problem: {status.lastError}</p> : null}
      {feed.load.state === 'unavailable' ? (
        <p class="warning small" data-testid="status-unavailable">
          The updater isn’t answering, so update times are unknown. The list data shown above is still in use.
        </p>
      ) : null}
      <button type="button" onClick={feed.updateNow} disabled={feed.updating || feed.load.state !== 'ready' || status?.checking}>
        {feed.updating || status?.checking ? 'Checking…' : 'Update now'}
      </button>
      <p class="small" aria-live="off">{feed.notice}</p>
    </section>
  );
}
