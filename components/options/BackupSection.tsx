// Settings as a file (export, import) and the way back to the defaults. Import is all or nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { defaultSettings, exportFileName, exportSettings, parseSettingsFile, type Settings } from '../../lib/settings';
import type { StorageStatus } from '../../lib/settings/store';
import { Section } from './Section';
import type { Save, Status } from './useSettings';

export function BackupSection({ settings, save, setStatus, storage }: { settings: Settings; save: Save; setStatus: (status: Status) => void; storage: StorageStatus | null }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [importError, setImportError] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const download = () => {
    const blob = new Blob([exportSettings(settings)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setStatus({ kind: 'ok', text: `Settings exported to ${link.download}.` });
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = parseSettingsFile(await file.text());
    if (!result.ok) {
      setImportError(`${file.name}: ${result.error}`);
      setStatus({ kind: 'error', text: 'Import failed; your settings were not changed.' });
      return;
    }
    setImportError('');
    const previous = settings;
    await save(() => result.settings, `Settings imported from ${file.name}.`, () => save(() => previous, 'Import undone.'));
  };

  const reset = async () => {
    setConfirming(false);
    const previous = settings;
    await save(() => defaultSettings(), 'All settings are back to their defaults.', () => save(() => previous, 'Your settings are restored.'));
  };

  return (
    <Section id="backup" title="Back up and reset">
      <p class="hint" data-testid="storage-status">
        {storage?.area === 'local' ? storage.reason ?? 'Settings are kept on this device.' : 'Settings sync through your browser account when browser sync is on. The list data never syncs.'}
      </p>
      <div class="buttons">
        <button type="button" onClick={download} data-testid="export">Export to file</button>
        <button type="button" onClick={() => fileInput.current?.click()}>Import from file…</button>
        <input ref={fileInput} type="file" accept="application/json,.json" class="visually-hidden" tabIndex={-1} aria-label="Settings file to import" data-testid="import-file" onChange={importFile} />
      </div>
      {importError && <p class="field-error" role="alert" data-testid="import-error">{importError}</p>}
      <div class="danger">
        {confirming ? (
          <div role="group" aria-labelledby="reset-question" class="confirm">
            <p id="reset-question"><strong>Reset everything?</strong> Site rules, ignored matches and your watchlist are cleared too. Export first if you may want them back.</p>
            <div class="buttons">
              <button type="button" class="destructive" onClick={reset} data-testid="reset-confirm" ref={confirmButton}>Reset to defaults</button>
              <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
            </div>
          </div>
        ) : (
          <button type="button" class="destructive-outline" onClick={() => setConfirming(true)} data-testid="reset">Reset to defaults…</button>
        )}
      </div>
    </Section>
  );
}
