// The options page's view of settings: the current value (kept fresh by storage events, so a
// change from the popup or another window shows at once), a save function, and the message
// shown in the page's live region after each change — with an undo when something was removed.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { getSettings, updateSettings, watchSettings } from '../../lib/settings/store';

export interface Status {
  kind: 'ok' | 'error';
  text: string;
  undo?: () => Promise<unknown>;
}

export type Save = (change: (current: Settings) => Settings, message: string, undo?: () => Promise<unknown>) => Promise<boolean>;

export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    let live = true;
    void getSettings().then((value) => live && setSettings(value));
    const stop = watchSettings((value) => live && setSettings(value));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const save: Save = useCallback(async (change, message, undo) => {
    try {
      setSettings(await updateSettings(change));
      setStatus({ kind: 'ok', text: message, undo });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message || 'The change could not be saved.' });
      return false;
    }
  }, []);

  return { settings, status, setStatus, save };
}
