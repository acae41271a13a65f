// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/popup/App';
import { DataStatus, ageInDays } from '../../components/popup/DataStatus';
import type { PopupApi } from '../../components/popup/api';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedStatus, Finding, TabFindings } from '../../lib/messaging';
import { defaultSettings } from '../../lib/settings/defaults';
import { withSiteEnabled } from '../../lib/settings/rules';
import type { Settings } from '../../lib/settings/types';
import fixture from '../fixtures/popup/dataset.json';

const dataset = fixture as Dataset;
const found = (entityId: string, texts: string[], count: number): Finding => ({ entityId, texts, kinds: ['name'], count });
const PAGE = 'https://news.example/markets/xiaomi';

function fakeApi(options: { url?: string; findings?: Finding[]; settings?: Settings; feed?: FeedStatus | Error; data?: Dataset; tabError?: Error } = {}) {
  let settings = options.settings ?? defaultSettings();
  const watchers = new Set<(s: Settings) => void>();
  const findingWatchers = new Set<() => void>();
  const api: PopupApi = {
    activeTabId: vi.fn(async () => 5),
    tabFindings: vi.fn(async (tabId: number): Promise<TabFindings> => {
      if (options.tabError) throw options.tabError;
      return { tabId, url: options.url ?? PAGE, enabled: true, findings: options.findings ?? [] };
    }),
    dataset: async () => options.data ?? dataset,
    settings: async () => settings,
    watchSettings: (callback) => {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    watchTabFindings: (_tabId, callback) => {
      findingWatchers.add(callback);
      return () => findingWatchers.delete(callback);
    },
    setSiteEnabled: vi.fn(async (host: string, enabled: boolean) => {
      settings = withSiteEnabled(settings, host, enabled);
      watchers.forEach((watch) => watch(settings));
    }),
    pauseFor: vi.fn(async () => undefined),
    resume: vi.fn(async () => undefined),
    feedStatus: vi.fn(async () => {
      if (!options.feed || options.feed instanceof Error) throw options.feed ?? new Error('The updater did not answer');
      return options.feed;
    }),
    updateNow: vi.fn(async () => ({ ...(options.feed as FeedStatus), datasetVersion: '2026.09.01.1' })),
    openOptions: vi.fn(),
  };
  /** What the background does when the page reports (again) while the popup is open. */
  const pageReports = (findings: Finding[]) => {
    options.findings = findings;
    findingWatchers.forEach((watch) => watch());
  };
  return Object.assign(api, { pageReports });
}

const pageFindings = [
  found('xiaomi-corporation', ['Xiaomi', '1810.HK'], 4),
  found('hesai-group', ['Hesai'], 1),
  found('china-mobile-limited', ['China Mobile'], 2),
];

afterEach(cleanup);

describe('popup: this page', () => {
  it('lists the companies found on the tab, most serious first', async () => {
    const api = fakeApi({ findings: pageFindings });
    render(<App api={api} tabId={12} />);
    const cards = await screen.findAllByTestId('finding');
    expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
    expect(api.tabFindings).toHaveBeenCalledWith(12);
    expect(within(cards[0]).getByText('Prohibited')).toBeTruthy();
    expect(within(cards[0]).getByText('NS-CMIC').nextElementSibling?.textContent).toBe('Active');
    expect(cards[2].textContent).toContain('Formerly: DoD 1237 (vacated by court May 25, 2021)');
    expect(cards[2].textContent).toContain('“Xiaomi”, “1810.HK”, 4 times');
    expect(screen.getByTestId('subtitle').textContent).toBe('3 listed companies on news.example');
  });

  it('follows the page while open: companies reported after the popup opened appear', async () => {
    const api = fakeApi({ findings: [] });
    render(<App api={api} tabId={12} />);
    await screen.findByText(/Nothing on this page is on a list/);
    api.pageReports(pageFindings);
    const cards = await screen.findAllByTestId('finding');
    expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
  });

  it('uses the active tab when no tab is named', async () => {
    const api = fakeApi({ findings: pageFindings });
    render(<App api={api} />);
    await screen.findAllByTestId('finding');
    expect(api.tabFindings).toHaveBeenCalledWith(5);
  });

  it('opens a company with its listing dates, what they mean, official sources and rulings', async () => {
    render(<App api={fakeApi({ findings: pageFindings })} tabId={1} />);
    fireEvent.click(await screen.findByRole('button', { name: 'China Mobile Limited: show details' }));
    const details = await screen.findByTestId('details');
    const cmic = within(details).getAllByTestId('listing').find((el) => el.dataset.listId === 'ofac-ns-cmic')!;
    expect(cmic.textContent).toContain('ListedJun 3, 2021');
    expect(cmic.textContent).toContain('EffectiveAug 2, 2021');
    expect(cmic.textContent).toContain('Divestment deadlineJun 3, 2022');
    expect(cmic.textContent).toContain('may not buy or sell');
    const source = within(cmic).getByRole('link', { name: /Official source for the NS-CMIC listing/ });
    expect(source.getAttribute('href')).toBe('https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList');
    expect(details.textContent).toContain('On this page as “China Mobile”, 2 times');

    fireEvent.click(within(details).getByRole('button', { name: /Back to this page/ }));
    expect(await screen.findAllByTestId('finding')).toHaveLength(3);
  });

  it('opens the company named in the address, shows its rulings newest first, and goes back with Escape', async () => {
    render(<App api={fakeApi({ findings: pageFindings })} tabId={1} entityId="xiaomi-corporation" />);
    const details = await screen.findByTestId('details');
    const rulings = within(details).getAllByTestId('ruling');
    expect(rulings.map((r) => r.dataset.rulingId)).toEqual(['xiaomi-v-dod-final', 'xiaomi-v-dod-pi']);
    expect(rulings[1].textContent).toContain('Injunction granted');
    expect(rulings[1].textContent).toContain('Judge Rudolph Contreras · No. 1:21-cv-00280-RC');
    expect(within(details).getByTestId('listing').textContent).toContain('VacatedMay 25, 2021');
    expect(details.textContent).toContain('While it applied:');
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('details')).toBeNull());
    expect(screen.getAllByTestId('finding')).toHaveLength(3);
  });

  it('says so, in words, when nothing on the page is listed', async () => {
    render(<App api={fakeApi({ findings: [] })} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.dataset.reason).toBe('none');
    expect(empty.textContent).toContain('Nothing on this page is on a list we track');
    expect(empty.textContent).toContain('6 companies on 5 US government lists');
    fireEvent.click(within(empty).getByRole('button', { name: 'Look up a company' }));
    expect(screen.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
  });

  it('explains that browser pages cannot be scanned', async () => {
    render(<App api={fakeApi({ url: 'chrome://settings/' })} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.dataset.reason).toBe('unscannable');
    expect(empty.textContent).toContain('can’t be scanned');
  });

  it('explains a switched-off site and offers to turn it back on', async () => {
    const api = fakeApi({ findings: pageFindings, settings: withSiteEnabled(defaultSettings(), 'news.example', false) });
    render(<App api={api} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.textContent).toContain('Sanctions Lens is off for news.example');
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    fireEvent.click(within(empty).getByRole('button', { name: 'Turn on for news.example' }));
    await waitFor(() => expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example', true));
    expect(await screen.findAllByTestId('finding')).toHaveLength(3);
  });

  it('shows an error a person can act on when the background does not answer', async () => {
    render(<App api={fakeApi({ tabError: new Error('Receiving end does not exist') })} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.dataset.reason).toBe('error');
    expect(empty.textContent).toContain('Reload the page');
  });

  it('never turns text from the data into markup', async () => {
    const hostile = structuredClone(dataset);
    hostile.entities[0].name = '<img src=x onerror="alert(1)">Xiaomi';
    hostile.entities[0].listings[0].source = 'javascript:alert(1)';
    render(<App api={fakeApi({ data: hostile, findings: pageFindings })} tabId={1} entityId="xiaomi-corporation" />);
    const details = await screen.findByTestId('details');
    expect(details.querySelector('img')).toBeNull();
    expect(details.textContent).toContain('<img src=x onerror="alert(1)">Xiaomi');
    expect(within(details).queryByRole('link', { name: /Official source/ })).toBeNull();
  });
});

describe('popup: tabs, rulings and search', () => {
  it('moves between tabs with the arrow keys and marks the selected one', async () => {
    render(<App api={fakeApi({ findings: pageFindings })} tabId={1} />);
    await screen.findAllByTestId('finding');
    const pageTab = screen.getByRole('tab', { name: /This page/ });
    expect(pageTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(pageTab, { key: 'ArrowRight' });
    const rulingsTab = screen.getByRole('tab', { name: 'Rulings' });
    expect(rulingsTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(rulingsTab);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-rulings');
  });

  it('shows court rulings newest first, filtered to this page on request, with list changes', async () => {
    render(<App api={fakeApi({ findings: [found('xiaomi-corporation', ['Xiaomi'], 1)] })} tabId={1} />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByRole('tab', { name: 'Rulings' }));
    const ids = () => screen.getAllByTestId('ruling').map((r) => r.dataset.rulingId);
    expect(ids()).toEqual(['hesai-v-dod-2025', 'xiaomi-v-dod-final', 'luokung-v-dod-pi', 'xiaomi-v-dod-pi']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only this page’s companies \(2\)/ }));
    expect(ids()).toEqual(['xiaomi-v-dod-final', 'xiaomi-v-dod-pi']);
    const changes = screen.getAllByTestId('list-change');
    expect(changes[0].textContent).toContain('Jan 31, 2024');
    expect(changes[0].textContent).toContain('Hesai Group added to DoD 1260H');
    expect(changes.some((c) => c.textContent?.includes('Xiaomi Corporation DoD 1237 listing vacated by a court'))).toBe(true);
  });

  it('searches by name, ticker and misspelling, and opens a result from the keyboard', async () => {
    render(<App api={fakeApi()} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    const input = await screen.findByRole('combobox');
    await waitFor(() => expect(document.activeElement).toBe(input));
    const results = () => screen.queryAllByTestId('search-result').map((r) => r.dataset.entityId);

    fireEvent.input(input, { target: { value: 'Hikvision' } });
    expect(results()[0]).toBe('hikvision');
    fireEvent.input(input, { target: { value: '1810.HK' } });
    expect(results()).toEqual(['xiaomi-corporation']);
    expect(screen.getByTestId('search-result').textContent).toContain('ticker: HKEX 1810');
    fireEvent.input(input, { target: { value: 'Sberbnak' } });
    expect(results()[0]).toBe('sberbank');
    fireEvent.input(input, { target: { value: 'Volkswagen' } });
    expect(screen.getByTestId('search-empty').textContent).toContain('No company on a list we track matches “Volkswagen”');

    fireEvent.input(input, { target: { value: 'china' } });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('result-0');
    expect(screen.getAllByTestId('search-result')[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByTestId('details')).dataset.entityId).toBe('china-mobile-limited');
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.getByRole('combobox')).toBeTruthy());
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('china');
  });
});

describe('popup: this site and data status', () => {
  const status: FeedStatus = {
    datasetVersion: '2026.08.20.1',
    dataAsOf: '2026-07-28',
    origin: 'feed',
    lastSuccess: '2026-08-21T08:00:00Z',
    nextCheck: '2026-08-21T20:00:00Z',
    stale: true,
    staleReason: 'The list has not been updated since 2026-08-21; it may be out of date.',
    checking: false,
  };

  it('switches the site off and says what happens next', async () => {
    const api = fakeApi({ findings: pageFindings, feed: status });
    render(<App api={api} tabId={1} />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    const toggle = screen.getByRole('switch', { name: /Scan news.example/ });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example', false));
    await waitFor(() => expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('false'));
    expect(document.body.textContent).toContain('Highlights go away when the page reloads');
    expect(screen.getByTestId('subtitle').textContent).toBe('Off for news.example');
    fireEvent.click(screen.getByRole('button', { name: 'Pause everywhere for an hour' }));
    await waitFor(() => expect(api.pauseFor).toHaveBeenCalledWith(60 * 60 * 1000));
    fireEvent.click(screen.getByRole('button', { name: 'All settings' }));
    expect(api.openOptions).toHaveBeenCalled();
  });

  it('shows the data status, warns when stale, and updates on request', async () => {
    const api = fakeApi({ feed: status });
    render(<App api={api} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    const panel = await screen.findByTestId('data-status');
    await waitFor(() => expect(panel.textContent).toContain('Jul 28, 2026'));
    expect(panel.textContent).toContain('Update feed');
    expect(panel.textContent).toContain('may be out of date');
    fireEvent.click(within(panel).getByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(panel.textContent).toContain('Updated to version 2026.09.01.1'));
  });

  it('says how old the list data is, and warns when it is over a month old', async () => {
    const fresh = { ...status, stale: false, staleReason: undefined, dataAsOf: '2026-11-20' };
    const now = Date.parse('2026-11-26T12:00:00Z');
    const { unmount } = render(<DataStatus api={fakeApi({ feed: fresh })} dataset={dataset} now={now} />);
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toContain('Nov 20, 2026 (6 days ago)'));
    expect(screen.queryByTestId('old-data')).toBeNull();
    unmount();
    render(<DataStatus api={fakeApi({ feed: { ...fresh, dataAsOf: '2026-08-22' } })} dataset={dataset} now={now} />);
    expect((await screen.findByTestId('old-data')).textContent).toContain('96 days old');
    expect(ageInDays('not a date', now)).toBeUndefined();
  });

  it('still shows the data in use when the updater does not answer', async () => {
    render(<App api={fakeApi()} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    expect((await screen.findByTestId('status-unavailable')).textContent).toContain('isn’t answering');
    const panel = screen.getByTestId('data-status');
    expect(panel.textContent).toContain('2026.08.20.1');
    expect((within(panel).getByRole('button', { name: 'Update now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
