// "Data status": which list data is in use, how fresh it is, and a button to check for an
// update now. Works, with a clear note, when the updater does not answer.
import { useEffect, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedStatus } from '../../lib/messaging';
import { formatDate, formatDateTime } from '../format';
import type { PopupApi } from './api';

type Load = { state: 'loading' } | { state: 'ready'; status: FeedStatus } | { state: 'unavailable'; reason: string };

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function DataStatus({ api, dataset }: { api: PopupApi; dataset: Dataset }) {
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
  const rows: [string, string][] = [
    ['Version', status?.datasetVersion ?? dataset.version],
    ['Data as of', formatDate(status?.dataAsOf ?? newestSource(dataset))],
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
