// "Data status": which list data is in use, how fresh it is, and a button to check for an
// update now. Works, with a clear note, when the updater does not answer.
import { useEffect, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedStatus } from '../../lib/messaging';
import { formatDate, formatDateTime } from '../format';
import type { PopupApi } from './api';

type Load = { state: 'loading' } | { state: 'ready'; status: FeedStatus } | { state: 'unavailable'; reason: string };

/** List data older than this likely misses list changes (OFAC and DoD act several times a month). */
const OLD_DATA_DAYS = 30;

/** Whole days from a YYYY-MM-DD date to `now`, or undefined when the date cannot be read. */
export function ageInDays(date: string | undefined, now: number): number | undefined {
  const time = date ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, Math.floor((now - time) / 86_400_000));
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function DataStatus({ api, dataset, now = Date.now() }: { api: PopupApi; dataset: Dataset; now?: number }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
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
      const before = load.state === 'ready' ? load.status.datasetVersion : dataset.version;
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

  const status = load.state === 'ready' ? load.status : undefined;
  const asOf = status?.dataAsOf ?? newestSource(dataset);
  const age = ageInDays(asOf, now);
  const rows: [string, string][] = [
    ['Version', status?.datasetVersion ?? dataset.version],
    ['Data as of', age === undefined ? formatDate(asOf) : `${formatDate(asOf)} (${age === 0 ? 'today' : age === 1 ? '1 day ago' : `${age} days ago`})`],
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
          This list data is {age} days old; changes made since then are not in it. Check for an update, or verify a
          company on the official lists before you trade.
        </p>
      ) : null}
      {status?.lastError ? <p class="error small">Last problem: {status.lastError}</p> : null}
      {load.state === 'unavailable' ? (
        <p class="warning small" data-testid="status-unavailable">
          The updater isn’t answering, so update times are unknown. The list data shown above is still in use.
        </p>
      ) : null}
      <button type="button" onClick={updateNow} disabled={updating || load.state !== 'ready' || status?.checking} aria-describedby="update-notice">
        {updating || status?.checking ? 'Checking…' : 'Update now'}
      </button>
      <p id="update-notice" class="small" aria-live="polite">{notice}</p>
    </section>
  );
}

function newestSource(dataset: Dataset): string {
  return dataset.sources.map((source) => source.asOf).sort().at(-1) ?? dataset.generatedAt.slice(0, 10);
}
