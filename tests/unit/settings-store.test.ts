import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, defaultSettings, type LegacySettingsV1 } from '../../lib/settings';

// A fresh copy of the store per test: storage items run their migration when first used.
async function freshStore() {
  vi.resetModules();
  return import('../../lib/settings/store');
}

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with the documented defaults', async () => {
    const { getSettings } = await freshStore();
    const settings = await getSettings();
    expect(settings).toEqual(defaultSettings());
    expect(settings).toMatchObject({ scanScope: 'all', minSeverity: 'caution', palette: 'colorblind-safe', notifications: false, updateIntervalHours: 6 });
  });

  it('writes to sync storage with its version, and reads back what was written', async () => {
    const { updateSettings, getSettings } = await freshStore();
    await updateSettings((s) => ({ ...s, minSeverity: 'restricted', hoverCards: false }));
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ minSeverity: 'restricted', hoverCards: false });
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
    expect((await getSettings()).minSeverity).toBe('restricted');
  });

  it('migrates the unversioned settings of earlier builds', async () => {
    const legacy: LegacySettingsV1 = {
      onlyFinancialSites: true,
      siteRules: { 'Example.com': false, 'myblog.net': true, 'not a site!': false },
      style: 'highlight',
      colorBlindMode: false,
      hiddenLists: ['ofac-ssi'],
      severityThreshold: 'all',
      showRemoved: false,
      ignoredEntities: ['huawei-technologies'],
      watchlist: ['Acme Robotics', ''],
      updateHours: 12,
      notify: true,
    };
    await fakeBrowser.storage.sync.set({ settings: legacy });
    const { getSettings } = await freshStore();
    const settings = await getSettings();
    expect(settings).toMatchObject({
      version: SETTINGS_VERSION,
      scanScope: 'financial',
      enabledFor: ['myblog.net'],
      disabledFor: ['example.com'],
      highlightStyle: 'background',
      palette: 'classic',
      lists: { 'ofac-ssi': false },
      minSeverity: 'caution',
      showHistorical: false,
      hoverCards: true,
      updateIntervalHours: 12,
      notifications: true,
    });
    expect(settings.ignored).toEqual([{ entityId: 'huawei-technologies', text: '', site: '*', addedAt: new Date(0).toISOString() }]);
    expect(settings.watchlist.map((e) => e.term)).toEqual(['Acme Robotics']);
    const stored = await fakeBrowser.storage.sync.get(['settings$']);
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('falls back per field when stored values are corrupt, keeping the good ones', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        scanScope: 'everything',
        minSeverity: 'restricted',
        disabledFor: ['example.com', 42, 'bad host name'],
        pausedUntil: 'soon',
        lists: { 'ofac-sdn': false, 'dod-1260h': 'no' },
        ignored: [{ entityId: 'x', text: 'X Corp', site: '*' }, { nonsense: true }],
        watchlist: 'Acme',
        feedUrl: 'javascript:alert(1)',
        updateIntervalHours: 0,
        palette: null,
      },
      'settings$': { v: SETTINGS_VERSION },
    });
    const { getSettings } = await freshStore();
    const settings = await getSettings();
    expect(settings).toMatchObject({
      scanScope: 'all',
      minSeverity: 'restricted',
      disabledFor: ['example.com'],
      pausedUntil: 0,
      lists: { 'ofac-sdn': false },
      watchlist: [],
      feedUrl: defaultSettings().feedUrl,
      updateIntervalHours: 6,
      palette: 'colorblind-safe',
    });
    expect(settings.ignored.map((r) => [r.entityId, r.text, r.site])).toEqual([['x', 'x corp', '*']]);
  });

  for (const [what, record] of [
    ['missing', undefined],
    ['garbled', 'garbage text'],
    ['zero', { v: 0 }],
  ] as const) {
    it(`keeps every personal setting when the version record is ${what}`, async () => {
      const current = {
        ...defaultSettings(),
        watchlist: [{ term: 'Tesla', addedAt: '2026-11-01T00:00:00.000Z' }],
        ignored: [{ entityId: 'xiaomi-corporation', text: 'xiaomi', site: 'example.com', addedAt: '2026-11-01T00:00:00.000Z' }],
        disabledFor: ['broker.example'],
        minSeverity: 'prohibited' as const,
        palette: 'classic' as const,
      };
      await fakeBrowser.storage.sync.set(record === undefined ? { settings: current } : { settings: current, settings$: record });
      const { getSettings } = await freshStore();
      const settings = await getSettings();
      expect(settings.watchlist.map((entry) => entry.term)).toEqual(['Tesla']);
      expect(settings.ignored).toHaveLength(1);
      expect(settings).toMatchObject({ disabledFor: ['broker.example'], minSeverity: 'prohibited', palette: 'classic' });
      const stored = (await fakeBrowser.storage.sync.get('settings')).settings as typeof current;
      expect(stored.watchlist).toHaveLength(1);
    });
  }

  it('survives settings that are not an object at all', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', 'settings$': { v: SETTINGS_VERSION } });
    const { getSettings } = await freshStore();
    expect(await getSettings()).toEqual(defaultSettings());
  });

  it('keeps settings on this device when sync refuses the write, and says why', async () => {
    const { updateSettings, getSettings, getStorageStatus } = await freshStore();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await updateSettings((s) => ({ ...s, highlightStyle: 'underline' }));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ highlightStyle: 'underline' });
    expect((await getSettings()).highlightStyle).toBe('underline');
    expect(await getStorageStatus()).toMatchObject({ area: 'local', reason: expect.stringMatching(/larger than browser sync allows/) });

    vi.mocked(fakeBrowser.storage.sync.set).mockRestore();
    await updateSettings((s) => ({ ...s, hoverCards: false }));
    expect(await getStorageStatus()).toEqual({ area: 'sync' });
    expect(await getSettings()).toMatchObject({ highlightStyle: 'underline', hoverCards: false });
  });

  it('does not lose one of two quick changes', async () => {
    const { addWatchlist, setSiteEnabled, getSettings } = await freshStore();
    await Promise.all([addWatchlist('Acme Robotics'), setSiteEnabled('example.com', false), addWatchlist('ZZZZ')]);
    const settings = await getSettings();
    expect(settings.watchlist.map((e) => e.term)).toEqual(['Acme Robotics', 'ZZZZ']);
    expect(settings.disabledFor).toEqual(['example.com']);
  });

  it('tells watchers about changes, and stops when asked', async () => {
    const { watchSettings, pauseFor, resume } = await freshStore();
    const seen: number[] = [];
    const stop = watchSettings((s) => seen.push(s.pausedUntil));
    await pauseFor(60 * 60 * 1000, 1_000);
    await vi.waitFor(() => expect(seen).toEqual([3_601_000]));
    stop();
    await resume();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([3_601_000]);
  });

  it('refuses unusable input with a message and stores nothing', async () => {
    const { addWatchlist, setSiteEnabled, getSettings } = await freshStore();
    await expect(addWatchlist(' ')).rejects.toThrow(/name or ticker/);
    await addWatchlist('Acme');
    await expect(addWatchlist('ACME')).rejects.toThrow(/already on your watchlist/);
    await expect(setSiteEnabled('http://', false)).rejects.toThrow(/not a site/);
    expect((await getSettings()).watchlist.map((e) => e.term)).toEqual(['Acme']);
  });
});
