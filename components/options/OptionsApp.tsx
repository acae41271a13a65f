// The options page: every setting, grouped the way a user thinks about them, with one live
// region that confirms each change (and offers undo after a removal).
import { useEffect, useState } from 'preact/hooks';
import { getActiveDataset, watchActiveDataset } from '../../lib/dataset/store';
import type { Dataset } from '../../lib/dataset/types';
import { getStorageStatus, type StorageStatus } from '../../lib/settings/store';
import { AppearanceSection } from './AppearanceSection';
import { BackupSection } from './BackupSection';
import { IgnoredSection } from './IgnoredSection';
import { ListsSection } from './ListsSection';
import { ScanningSection } from './ScanningSection';
import { UpdatesSection } from './UpdatesSection';
import { WatchlistSection } from './WatchlistSection';
import { useSettings, type Status } from './useSettings';

/** How long a confirmation stays; one that offers Undo stays longer. An error stays until the next change. */
const STATUS_MS = 6000;
const UNDO_MS = 15000;

function StatusBar({ status, clear }: { status: Status | null; clear: () => void }) {
  useEffect(() => {
    if (!status || status.kind === 'error') return;
    const timer = setTimeout(clear, status.undo ? UNDO_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div class={`status ${status ? `status-${status.kind}` : 'status-empty'}`} role="status" aria-live="polite" data-testid="status">
      {status && (
        <>
          <span>{status.text}</span>
          {status.undo && (
            <button type="button" class="link" onClick={() => { const undo = status.undo!; clear(); void undo(); }}>Undo</button>
          )}
          <button type="button" class="link status-close" aria-label="Dismiss this message" onClick={clear} />
        </>
      )}
    </div>
  );
}

export function OptionsApp() {
  const { settings, status, setStatus, save } = useSettings();
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [datasetError, setDatasetError] = useState('');
  const [storage, setStorage] = useState<StorageStatus | null>(null);

  useEffect(() => {
    // Only the latest read is shown: reads can answer out of order, and an older list must not come back.
    let asked = 0;
    const read = () => {
      const mine = ++asked;
      getActiveDataset().then(
        (next) => {
          if (mine !== asked) return;
          setDataset(next);
          setDatasetError('');
        },
        () => mine === asked && setDatasetError('The list data could not be loaded, so the lists cannot be shown right now. Your choices are kept.'),
      );
    };
    read();
    // A list update while this page is open (a list the feed added appears, one it dropped goes).
    return watchActiveDataset(read);
  }, []);
  useEffect(() => {
    void getStorageStatus().then(setStorage);
  }, [settings]);

  return (
    <>
      <header class="masthead">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div>
          <h1>Sanctions Lens settings</h1>
          <p class="hint">Changes apply to open tabs right away. Alt+Shift+L lists a page’s companies on the page (keys: chrome://extensions/shortcuts). · <a href="portfolio.html" target="_blank" rel="noopener">Portfolio check</a></p>
        </div>
      </header>
      <StatusBar status={status} clear={() => setStatus(null)} />
      {settings ? (
        <main>
          <ScanningSection settings={settings} save={save} />
          <ListsSection settings={settings} save={save} dataset={dataset} datasetError={datasetError} />
          <AppearanceSection settings={settings} save={save} />
          <WatchlistSection settings={settings} save={save} />
          <IgnoredSection settings={settings} save={save} dataset={dataset} />
          <UpdatesSection settings={settings} save={save} />
          <BackupSection settings={settings} save={save} setStatus={setStatus} storage={storage} />
        </main>
      ) : (
        <main aria-busy="true"><p class="hint">Loading settings…</p></main>
      )}
    </>
  );
}
