// The list data's freshness: a one-line status for the popup's header (as-of date of the lists that
// decide the warnings, their age, "Update now") and the full "Data status" on the This site tab.
// Works, with a clear note, when the updater does not answer.
import { useEffect, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import { ageInDays, ageWords, decidingAsOf, isOldAge } from '../../lib/findings/freshness';
import type { FeedProblemKind } from '../../lib/feed/errors';
import type { FeedStatus } from '../../lib/messaging';
import { formatDate, formatDateTime } from '../format';
import type { PopupApi } from './api';

export { ageInDays } from '../../lib/findings/freshness';

export type FeedLoad = { state: 'loading' } | { state: 'ready'; status: FeedStatus } | { state: 'unavailable'; reason: string };

export interface Feed {
  load: FeedLoad;
  updating: boolean;
  /** The last "Update now" in one short sentence, for the header ('' before any). */
  notice: string;
  /** Whether that check failed: its exact reason is then shown once, in Data status. */
  failed?: boolean;
  /** Why it failed, when the status cannot say (the updater did not answer). */
  detail?: string;
  updateNow(): void;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed check in one plain sentence for the header: what it means for the list in use. The
 * reason, written for whoever needs to fix it, is Data status's "Last problem".
 */
export function problemSentence(kind: FeedProblemKind | undefined): string {
  switch (kind) {
    case 'unreachable':
      return 'Couldn’t check for a newer list; your current list is kept.';
    case 'refused':
      return 'A downloaded update failed its safety check and was not used; your current list is kept.';
    case 'needs-newer-extension':
      return 'A newer list needs a newer version of Sanctions Lens; your current list is kept.';
    case 'not-saved':
      return 'The newer list couldn’t be saved; your current list is kept.';
    case 'saved-list':
      return 'The saved list couldn’t be used, so an earlier list is in use.';
    default:
      return 'The update couldn’t be completed; your current list is kept.';
  }
}

/** The feed status, asked once when the popup opens, and "Update now". */
export function useFeed(api: PopupApi, dataset: Dataset | undefined): Feed {
  const [load, setLoad] = useState<FeedLoad>({ state: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [result, setResult] = useState<{ notice: string; failed?: boolean; detail?: string }>({ notice: '' });
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
    setResult({ notice: 'Checking for new list data…' });
    try {
      const before = load.state === 'ready' ? load.status.datasetVersion : dataset?.version;
      const status = await api.updateNow();
      setLoad({ state: 'ready', status });
      setResult(
        status.datasetVersion !== before
          ? { notice: `Updated to version ${status.datasetVersion}.` }
          : status.lastError
            ? { notice: problemSentence(status.lastErrorKind), failed: true }
            : { notice: 'You have the newest list data.' },
      );
    } catch (error) {
      setResult({ notice: problemSentence('unreachable'), failed: true, detail: `The updater didn’t answer: ${reasonOf(error)}.` });
    } finally {
      setUpdating(false);
    }
  };
  return { load, updating, ...result, updateNow: () => void updateNow() };
}

/**
 * The header's status line: "OFAC lists as of Jan 8, 2026 · 327 days old · Update now", and what
 * the last "Update now" found in one sentence; after a failure, `onWhy` (when given) opens Data status.
 */
export function StatusLine({ feed, dataset, hidden = '', now = Date.now(), onWhy }: { feed: Feed; dataset: Dataset; hidden?: string; now?: number; onWhy?: () => void }) {
  const asOf = decidingAsOf(dataset);
  const age = ageInDays(asOf?.date, now);
  const status = feed.load.state === 'ready' ? feed.load.status : undefined;
  const old = isOldAge(age) || status?.stale;
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
      {feed.notice && !checking ? (
        <span class="status-notice">
          <span data-testid="update-notice">{feed.notice}</span>
          {feed.failed && onWhy ? (
            <>
              {' '}
              <button type="button" class="link-button" onClick={onWhy} data-testid="update-why">Why?</button>
            </>
          ) : null}
        </span>
      ) : null}
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
      <h2 id="data-title" tabIndex={-1}>Data status</h2>
      <dl class="status-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* First under the figures: after a failed "Update now" this is what the user came to read. */}
      {feed.detail ?? status?.lastError ? (
        <p class="error small" data-testid="last-problem">Last problem: {feed.detail ?? status?.lastError}</p>
      ) : null}
      {status?.stale ? <p class="warning small" role="status">{status.staleReason ?? 'The list data may be out of date.'}</p> : null}
      {!status?.stale && isOldAge(age) ? (
        <p class="warning small" data-testid="old-data">
          {asOf?.list ? `Its oldest source, for ${asOf.authority}’s ${/\blist$/i.test(asOf.list) ? asOf.list : `${asOf.list} list`}, is ${age} days old` : `This list data is ${age} days old`}
          : changes made after a source’s date may be missing. Check for an update, or verify a company on the
          official lists before you trade.
        </p>
      ) : null}
      {feed.load.state === 'unavailable' ? (
        <p class="warning small" data-testid="status-unavailable">
          The updater isn’t answering, so update times are unknown. The list data shown above is still in use.
        </p>
      ) : null}
      <button type="button" onClick={feed.updateNow} disabled={feed.updating || feed.load.state !== 'ready' || status?.checking}>
        {feed.updating || status?.checking ? 'Checking…' : 'Update now'}
      </button>
      {/* A failure's sentence is the header's; here its reason ("Last problem") stands for it. */}
      <p class="small" aria-live="off" data-testid="data-notice">{feed.failed ? '' : feed.notice}</p>
    </section>
  );
}
