// Where settings live. Small and personal, they go to `storage.sync` so they follow the user to
// their other browsers; when sync is missing or refuses a write (quota, policy), they are kept in
// `storage.local` and a flag remembers that this device is on its own. Every read is validated
// field by field (validate.ts), so a corrupt value costs that field, never the extension.
import browser from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { SETTINGS_MIGRATIONS } from './migrations';
import {
  removeSiteRule,
  startOfTomorrow,
  withIgnore,
  withPageEnabled,
  withSiteEnabled,
  withWatchlistTerm,
  withoutIgnore,
  withoutWatchlistTerm,
  type NewIgnoreRule,
} from './rules';
import { defaultSettings } from './defaults';
import { SETTINGS_VERSION, type IgnoreRule, type Settings } from './types';
import { sanitizeSettings } from './validate';

export type SettingsArea = 'sync' | 'local';

export interface StorageStatus {
  area: SettingsArea;
  /** Why settings are kept on this device only, in words, when they are. */
  reason?: string;
}

const SETTINGS_KEY = 'settings';
const AREA_KEY = 'local:settingsArea';

function defineSettingsItem(area: SettingsArea) {
  return storage.defineItem<Record<string, unknown>>(`${area}:${SETTINGS_KEY}`, {
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS as Record<number, (value: any) => any>,
  });
}

function defineAreaItem() {
  return storage.defineItem<StorageStatus>(AREA_KEY, { fallback: { area: 'sync' } });
}

type SettingsItem = ReturnType<typeof defineSettingsItem>;
let items: { sync: SettingsItem | null; local: SettingsItem; area: ReturnType<typeof defineAreaItem> } | undefined;

// Created on first use rather than at import: WXT items read storage as soon as they are
// defined, so importing this module (every content script does, and Node scripts that only
// want a default) must not touch storage; each item then migrates once per context.
function settingsItems() {
  items ??= { sync: syncAvailable() ? defineSettingsItem('sync') : null, local: defineSettingsItem('local'), area: defineAreaItem() };
  return items;
}

function syncAvailable(): boolean {
  try {
    return Boolean(browser.storage?.sync);
  } catch {
    return false;
  }
}

export async function getStorageStatus(): Promise<StorageStatus> {
  const { sync, area } = settingsItems();
  if (!sync) return { area: 'local', reason: 'This browser has no settings sync.' };
  const status = await area.getValue();
  return status?.area === 'local' ? status : { area: 'sync' };
}

async function readRaw(): Promise<Record<string, unknown> | null> {
  const { sync, local } = settingsItems();
  const status = await getStorageStatus();
  if (sync && status.area === 'sync') {
    try {
      return await sync.getValue();
    } catch (error) {
      console.warn('Sanctions Lens: settings sync unreadable, using this device’s copy', error);
    }
  }
  return local.getValue();
}

export async function getSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await readRaw());
  } catch (error) {
    console.warn('Sanctions Lens: settings unreadable, using defaults', error);
    return defaultSettings();
  }
}

async function write(settings: Settings): Promise<void> {
  const { sync, local, area } = settingsItems();
  if (sync) {
    try {
      await sync.setValue({ ...settings });
      const status = await area.getValue();
      if (status?.area === 'local') await area.setValue({ area: 'sync' });
      return;
    } catch (error) {
      const reason = /quota/i.test(String(error))
        ? 'Your settings are larger than browser sync allows, so they are kept on this device.'
        : 'Browser sync refused the settings, so they are kept on this device.';
      await local.setValue({ ...settings });
      await area.setValue({ area: 'local', reason });
      return;
    }
  }
  await local.setValue({ ...settings });
}

// Writes from one page (popup, options) are queued so two quick clicks cannot lose one another.
let queue: Promise<unknown> = Promise.resolve();

/** Reads, applies `change`, validates and stores; resolves with what was stored. */
export function updateSettings(change: (current: Settings) => Settings | Promise<Settings>): Promise<Settings> {
  const run = queue.then(async () => {
    const next = sanitizeSettings(await change(structuredClone(await getSettings())));
    await write(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Replaces all settings (import, reset); the value is validated like any other write. */
export function replaceSettings(settings: Settings): Promise<Settings> {
  return updateSettings(() => settings);
}

export function resetSettings(): Promise<Settings> {
  return replaceSettings(defaultSettings());
}

/**
 * Calls `callback` with the new settings whenever they change anywhere (another tab, the popup,
 * another synced browser). Returns the function that stops watching.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const { sync, local, area } = settingsItems();
  let latest = 0;
  const reread = () => {
    const ticket = ++latest;
    void getSettings().then((settings) => {
      if (ticket === latest) callback(settings);
    });
  };
  const stops = [local.watch(reread), area.watch(reread)];
  if (sync) {
    try {
      stops.push(sync.watch(reread));
    } catch {
      // No sync events to hear in this browser.
    }
  }
  return () => stops.forEach((stop) => stop());
}

// --- Small helpers for the popup, the hover card and the options page. ---

export const setSiteEnabled = (hostname: string, enabled: boolean) =>
  updateSettings((s) => withSiteEnabled(s, hostname, enabled));
export const setPageEnabled = (url: string, enabled: boolean) => updateSettings((s) => withPageEnabled(s, url, enabled));
export const removeSite = (rule: string) => updateSettings((s) => removeSiteRule(s, rule));
export const pauseFor = (ms: number, now: number = Date.now()) => updateSettings((s) => ({ ...s, pausedUntil: now + ms }));
export const pauseUntilTomorrow = (now: number = Date.now()) =>
  updateSettings((s) => ({ ...s, pausedUntil: startOfTomorrow(now) }));
export const resume = () => updateSettings((s) => ({ ...s, pausedUntil: 0 }));
export const addIgnore = (rule: NewIgnoreRule) => updateSettings((s) => withIgnore(s, rule));
export const removeIgnore = (rule: Omit<IgnoreRule, 'addedAt'>) => updateSettings((s) => withoutIgnore(s, rule));
export const addWatchlist = (term: string, note?: string) => updateSettings((s) => withWatchlistTerm(s, term, note));
export const removeWatchlist = (term: string) => updateSettings((s) => withoutWatchlistTerm(s, term));
export const setListVisible = (listId: string, visible: boolean) =>
  updateSettings((s) => ({ ...s, lists: { ...s.lists, [listId]: visible } }));
