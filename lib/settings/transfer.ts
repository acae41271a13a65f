// Settings as a file the user can keep or move to another browser. Import is all or nothing:
// a file that is not JSON, not ours, from a newer version, or with any unusable value is refused
// with the reason, and the current settings stay as they were.
import { migrateFrom } from './migrations';
import { SETTINGS_VERSION, type Settings } from './types';
import { validateSettings } from './validate';

export const EXPORT_FORMAT = 'sanctions-lens-settings';

export interface SettingsFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

export function exportSettings(settings: Settings, now: Date = new Date()): string {
  const file: SettingsFile = { format: EXPORT_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(now: Date = new Date()): string {
  return `sanctions-lens-settings-${now.toISOString().slice(0, 10)}.json`;
}

/** Files larger than this are not settings (the sync quota alone is ~100 kB). */
const MAX_FILE_CHARS = 1_000_000;

export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_FILE_CHARS) return { ok: false, error: 'This file is too large to be a settings file.' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON (${(error as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a Sanctions Lens settings export.' };
  }
  const file = data as Partial<SettingsFile>;
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return { ok: false, error: 'This settings file has no valid version number.' };
  }
  if (file.version > SETTINGS_VERSION) {
    return { ok: false, error: `This file was exported by a newer version of Sanctions Lens (settings v${file.version}); update the extension first.` };
  }
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return { ok: false, error: 'This settings file has no settings in it.' };
  }
  const { settings, problems } = validateSettings(migrateFrom(file.version, file.settings));
  if (problems.length) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    return { ok: false, error: `Nothing was imported: ${shown}${more}.` };
  }
  return { ok: true, settings };
}
