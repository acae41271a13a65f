// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../components/popup/App';
import { DataStatus, ageInDays } from '../../components/popup/DataStatus';
import { readableDates } from '../../components/format';
import type { PopupApi } from '../../components/popup/api';
import type { Dataset } from '../../lib/dataset/types';
import type { FeedStatus, Finding, TabFindings } from '../../lib/messaging';
import { defaultSettings } from '../../lib/settings/defaults';
import { withSiteEnabled, withoutIgnore } from '../../lib/settings/rules';
import type { Settings } from '../../lib/settings/types';
import { buildPageCards } from '../../lib/popup-data/page-cards';
import fixture from '../fixtures/popup/dataset.json';
import programsFixture from '../fixtures/popup/programs-dataset.json';

const dataset = fixture as Dataset;
const withPrograms = programsFixture as Dataset;
const found = (entityId: string, texts: string[], count: number): Finding => ({ entityId, texts, kinds: ['name'], count });
const PAGE = 'https://news.example/markets/xiaomi';

function fakeApi(
  options: { url?: string; findings?: Finding[]; settings?: Settings; feed?: FeedStatus | Error; data?: Dataset; tabError?: Error; updated?: Dataset } = {},
) {
  let settings = options.settings ?? defaultSettings();
  const datasetWatchers = new Set<() => void>();
  let held = options.data ?? dataset;
  const watchers = new Set<(s: Settings) => void>();
  const findingWatchers = new Set<() => void>();
  const api: PopupApi = {
    activeTabId: vi.fn(async () => 5),
    tabFindings: vi.fn(async (tabId: number): Promise<TabFindings> => {
      if (options.tabError) throw options.tabError;
      return { tabId, url: options.url ?? PAGE, enabled: true, findings: options.findings ?? [] };
    }),
    // What the background answers: the tab's findings with the list cut to them (lib/popup-data).
    pageCards: vi.fn(async (tabId: number) => buildPageCards(await api.tabFindings(tabId), options.data ?? dataset, settings)),
    // As the background: asked fresh after an update, it reads (and from then on holds) the new list.
    dataset: vi.fn(async (asked?: { fresh?: boolean }) => {
      if (asked?.fresh && options.updated) held = options.updated;
      return held;
    }),
    watchDataset: (callback) => {
      datasetWatchers.add(callback);
      return () => datasetWatchers.delete(callback);
    },
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
    unignore: vi.fn(async (rule) => {
      // As the store does: by value (the popup may hold a checked copy of the settings, not these objects).
      settings = withoutIgnore(settings, rule);
      watchers.forEach((watch) => watch(settings));
    }),
    feedStatus: vi.fn(async () => {
      if (!options.feed || options.feed instanceof Error) throw options.feed ?? new Error('The updater did not answer');
      return options.feed;
    }),
    updateNow: vi.fn(async () => {
      // As the updater does: the new list is stored (storage tells every open page), then the status answers.
      if (options.updated) datasetWatchers.forEach((watch) => watch());
      return { ...(options.feed as FeedStatus), datasetVersion: options.updated?.version ?? '2026.09.01.1' };
    }),
    openOptions: vi.fn(),
  };
  /** What the background does when the page reports (again) while the popup is open. */
  const pageReports = (findings: Finding[]) => {
    options.findings = findings;
    findingWatchers.forEach((watch) => watch());
  };
  return Object.assign(api, { pageReports });
}

/** The list a feed update brings: newer, dated Nov 25, 2026, with one company the bundled list lacks. */
function updatedList(): Dataset {
  const newcomer = { ...dataset.entities.find((e) => e.id === 'hikvision')!, id: 'newly-listed-robotics', name: 'Newly Listed Robotics Co', aliases: [], weakAliases: [], tickers: [], isins: [] };
  return { ...dataset, version: '2026.11.25.1', sources: dataset.sources.map((source) => ({ ...source, asOf: '2026-11-25' })), entities: [...dataset.entities, newcomer] };
}

/** Opens the popup on an empty page and presses the header's "Update now" once the updater has answered. */
async function pressUpdateNow(api: PopupApi): Promise<HTMLElement> {
  render(<App api={api} tabId={1} />);
  await screen.findByTestId('empty-state');
  const line = screen.getByTestId('status-line');
  await waitFor(() => expect((within(line).getByRole('button', { name: 'Update now' }) as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(within(line).getByRole('button', { name: 'Update now' }));
  return line;
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
    expect(within(cards[0]).getByTestId('severity-chip').textContent).toBe('Buying banned');
    expect(within(cards[0]).getAllByTestId('finding-list').map((li) => li.textContent)).toEqual(['NS-CMIC since Jun 3, 2021', 'DoD 1260H since Jun 3, 2021']);
    expect(within(cards[0]).getByTestId('finding-dates').textContent).toContain('Divest by Jun 3, 2022 (passed)');
    // Xiaomi's only listing was vacated: no chip, its own plain label and sentence, in its own group.
    expect(within(cards[2]).queryByTestId('severity-chip')).toBeNull();
    expect(within(cards[2]).getByTestId('standing-label').textContent).toBe('Formerly listed');
    expect(within(cards[2]).getByTestId('finding-line').textContent).toBe('No current restriction on the US lists we track. DoD 1237: vacated by a court on May 25, 2021.');
    expect(cards[2].closest('section')?.textContent).toContain('Also named here, no restriction in force');
    expect(cards[2].textContent).toContain('“Xiaomi”, “1810.HK”, 4 times');
    // Only listings in force are counted.
    expect(screen.getByTestId('subtitle').textContent).toBe('2 companies with a listing in force on news.example');
    expect(screen.getByTestId('page-summary').textContent).toBe('1 prohibited · 1 caution · 1 formerly listed');
    expect(screen.getByRole('tab', { name: /This page/ }).textContent).toBe('This page2');
  });

  it('follows the page while open: companies reported after the popup opened appear', async () => {
    const api = fakeApi({ findings: [] });
    render(<App api={api} tabId={12} />);
    await screen.findByText(/No company from the lists we track/);
    api.pageReports(pageFindings);
    const cards = await screen.findAllByTestId('finding');
    expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
  });

  it('a report landing while the popup is still opening (before it listens) is shown, not lost', async () => {
    const api = fakeApi({ findings: [] });
    // The page reports right after the popup's first question was answered, while nobody listens yet.
    const first = api.tabFindings;
    api.tabFindings = vi.fn(async (tabId: number) => {
      const answer = await first(tabId);
      api.tabFindings = first;
      api.pageReports(pageFindings);
      return answer;
    });
    render(<App api={api} tabId={12} />);
    const cards = await screen.findAllByTestId('finding');
    expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
  });

  it('two quick reports answered out of order: the later one is shown', async () => {
    const api = fakeApi({ findings: [] });
    render(<App api={api} tabId={12} />);
    await screen.findByText(/No company from the lists we track/);
    // Let the popup start listening (its effects run after the first paint).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const plain = api.tabFindings;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first question (the page's earlier state: one company) is answered only after the second.
    api.tabFindings = vi.fn(async (tabId: number) => {
      api.tabFindings = plain;
      const early = { tabId, url: PAGE, enabled: true, findings: [pageFindings[1]] };
      await held;
      return early;
    });
    api.pageReports([pageFindings[1]]);
    api.pageReports(pageFindings);
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(3));
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getAllByTestId('finding').map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
  });

  it('uses the active tab when no tab is named', async () => {
    const api = fakeApi({ findings: pageFindings });
    render(<App api={api} />);
    await screen.findAllByTestId('finding');
    expect(api.tabFindings).toHaveBeenCalledWith(5);
  });

  it('opens a company with its listing dates, what they mean, official sources and rulings', async () => {
    render(<App api={fakeApi({ findings: pageFindings })} tabId={1} />);
    fireEvent.click(await screen.findByRole('button', { name: 'China Mobile Limited' }));
    const details = await screen.findByTestId('details');
    const cmic = within(details).getAllByTestId('listing').find((el) => el.dataset.listId === 'ofac-ns-cmic')!;
    expect(cmic.textContent).toContain('ListedJun 3, 2021');
    expect(cmic.textContent).toContain('EffectiveAug 2, 2021');
    expect(cmic.textContent).toContain('Divest byJun 3, 2022 (passed)');
    expect(cmic.textContent).toContain('may not buy or sell');
    const source = within(cmic).getByRole('link', { name: /Official source, for the NS-CMIC listing/ });
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
    expect(empty.textContent).toContain('No company from the lists we track was found here');
    expect(empty.textContent).not.toContain('good sign');
    expect(within(empty).getByTestId('coverage').textContent).toBe(
      'Checked against 6 companies from NS-CMIC, SDN, DoD 1237, DoD 1260H, FCC; OFAC lists as of Jan 8, 2026. The data holds selected companies from each list, not every entry.',
    );
    expect(within(empty).getByRole('link', { name: /Sanctions List Search/ }).getAttribute('href')).toBe('https://sanctionssearch.ofac.treas.gov/');
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
    expect(empty.textContent).toContain('other sites are scanned as your settings say');
    expect(document.body.textContent).not.toContain('Turned off for news.example');
    expect(screen.queryAllByTestId('finding')).toHaveLength(0);
    fireEvent.click(within(empty).getByRole('button', { name: 'Turn on for news.example' }));
    await waitFor(() => expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example', true));
    expect(await screen.findAllByTestId('finding')).toHaveLength(3);
  });

  it('while paused: the header says until when once, the site switch reads “Paused” and cannot be used', async () => {
    const settings = { ...defaultSettings(), pausedUntil: Date.now() + 3_600_000 };
    render(<App api={fakeApi({ findings: pageFindings, settings })} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(empty.dataset.reason).toBe('paused');
    expect(screen.getByTestId('subtitle').textContent).toMatch(/^Paused until /);
    const toggle = screen.getByRole('switch');
    expect(toggle.textContent).toBe('Paused');
    expect((toggle as HTMLButtonElement).disabled).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('popup-subtitle');
    // Said once in the header; the empty state explains instead of repeating it.
    expect(document.body.textContent!.match(/Paused until/g)).toHaveLength(1);
    expect(empty.textContent).toContain('highlights come back by themselves');
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
    const rulingsTab = screen.getByRole('tab', { name: 'Updates' });
    expect(rulingsTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(rulingsTab);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-rulings');
  });

  it('shows court rulings newest first, filtered to this page on request, with list changes', async () => {
    render(<App api={fakeApi({ findings: [found('xiaomi-corporation', ['Xiaomi'], 1)] })} tabId={1} />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByRole('tab', { name: 'Updates' }));
    // Updates read the whole list, which the popup loads after showing the page.
    await screen.findAllByTestId('ruling');
    const ids = () => screen.getAllByTestId('ruling').map((r) => r.dataset.rulingId);
    expect(ids()).toEqual(['hesai-v-dod-2025', 'xiaomi-v-dod-final', 'luokung-v-dod-pi', 'xiaomi-v-dod-pi']);
    fireEvent.click(screen.getByRole('checkbox', { name: /Only rulings about this page’s companies \(2\)/ }));
    expect(ids()).toEqual(['xiaomi-v-dod-final', 'xiaomi-v-dod-pi']);
    // The built-in list has no signed changes: they are read off the listing dates, and said so.
    expect(screen.getByTestId('recent-changes').dataset.basis).toBe('dates');
    expect(screen.getByTestId('changes-basis').textContent).toContain('From the listing dates in the built-in list');
    const groups = screen.getAllByTestId('change-group');
    expect(groups[0].querySelector('h3')?.textContent).toBe('Jan 31, 2024 · DoD 1260H');
    expect(within(groups[0]).getAllByTestId('list-change')[0].textContent).toContain('Hesai Group added');
    const vacated = screen.getAllByTestId('list-change').find((c) => c.dataset.change === 'vacated');
    expect(vacated?.textContent).toContain('Xiaomi Corporation listing vacated by a court on this page');
  });

  it('lists the changes signed with an update, grouped by date and list, with their source and this page’s companies marked', async () => {
    const ofac = 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList';
    const updated: Dataset = {
      ...dataset,
      version: '2026.11.24.1',
      entities: [
        ...dataset.entities,
        { id: 'halvard-quantum', name: 'Halvard Quantum Systems Co., Ltd.', aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', rulings: [],
          listings: [{ list: 'ofac-ns-cmic', status: 'active', since: '2026-11-24', source: ofac }] },
      ],
      changes: {
        from: '2026.08.20.1',
        to: '2026.11.24.1',
        items: [
          { kind: 'company-added', entity: 'halvard-quantum', name: 'Halvard Quantum Systems Co., Ltd.' },
          { kind: 'listing-added', entity: 'halvard-quantum', name: 'Halvard Quantum Systems Co., Ltd.', list: 'ofac-ns-cmic', date: '2026-11-24', source: ofac },
          { kind: 'listing-added', entity: 'china-mobile-limited', name: 'China Mobile Limited', list: 'ofac-ns-cmic', date: '2026-11-24', source: ofac },
          { kind: 'listing-removed', entity: 'hikvision', name: 'Hikvision', list: 'dod-1260h', date: '2026-11-20', source: 'https://media.defense.gov/2026/Nov/20/1260H.PDF' },
          { kind: 'listing-redated', entity: 'hesai-group', name: 'Hesai Group', list: 'dod-1260h', date: '2024-01-31', previousDate: '2024-02-01', source: 'https://media.defense.gov/2026/Nov/20/1260H.PDF' },
          { kind: 'company-dropped', entity: 'gone-co', name: 'Gone Trading Co.' },
          { kind: 'source-updated', ref: 'ofac-cons', date: '2026-11-24', previousDate: '2026-08-20', source: ofac },
        ],
      },
    };
    render(<App api={fakeApi({ data: updated, findings: [found('china-mobile-limited', ['China Mobile'], 2)] })} tabId={1} />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByRole('tab', { name: 'Updates' }));
    expect((await screen.findByTestId('recent-changes')).dataset.basis).toBe('signed');
    expect(screen.getByTestId('changes-basis').textContent).toContain('list version 2026.08.20.1 → 2026.11.24.1');
    expect(screen.getByTestId('changes-sources').textContent).toMatch(/as of Nov 24, 2026 \(was Aug 20, 2026\)/);
    const groups = screen.getAllByTestId('change-group');
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual(['Nov 24, 2026 · NS-CMIC', 'Nov 20, 2026 · DoD 1260H', 'Jan 31, 2024 · DoD 1260H', 'Companies']);
    // This page's company first in its group, marked; the new company said to be new; one official source for the group.
    const first = within(groups[0]).getAllByTestId('list-change');
    expect(first.map((c) => c.dataset.entityId)).toEqual(['china-mobile-limited', 'halvard-quantum']);
    expect(first[0].textContent).toContain('on this page');
    expect(first[1].textContent).toContain('Halvard Quantum Systems Co., Ltd. added · new in the data');
    expect(groups[0].textContent).toContain('2 added · 1 on this page');
    expect(within(groups[0]).getByRole('link', { name: /Official source/ }).getAttribute('href')).toBe(ofac);
    expect(within(groups[1]).getByTestId('list-change').textContent).toContain('Hangzhou Hikvision');
    expect(within(groups[1]).getByTestId('list-change').dataset.change).toBe('removed');
    expect(within(groups[2]).getByTestId('list-change').textContent).toContain('date now Jan 31, 2024 (was Feb 1, 2024)');
    // A company the data no longer holds is named, not linked.
    expect(within(groups[3]).getByTestId('list-change').textContent).toBe('Gone Trading Co. no longer in the data');
    expect(within(groups[3]).queryByRole('button')).toBeNull();
    // A name opens that company's details.
    fireEvent.click(within(groups[0]).getByRole('button', { name: 'Halvard Quantum Systems Co., Ltd.' }));
    expect((await screen.findByTestId('details')).dataset.entityId).toBe('halvard-quantum');
  });

  it('folds a long edition of a list after a few names', async () => {
    const names = Array.from({ length: 9 }, (_, i) => `Company ${i + 1}`);
    const many: Dataset = {
      ...dataset,
      changes: { from: 'a', to: 'b', items: names.map((name, i) => ({ kind: 'listing-added' as const, entity: `c${i}`, name, list: 'dod-1260h', date: '2026-06-08' })) },
    };
    render(<App api={fakeApi({ data: many })} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'Updates' }));
    const group = await screen.findByTestId('change-group');
    expect(group.textContent).toContain('9 added');
    const folded = group.querySelector('details')!;
    expect(folded.querySelector('summary')?.textContent).toBe('6 more');
    expect(within(folded).getAllByTestId('list-change')).toHaveLength(6);
    expect(group.querySelectorAll(':scope > ul > [data-testid="list-change"]')).toHaveLength(3);
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
    // A slip in typing a listed name is never answered "not found": the company comes first, with its standing.
    fireEvent.input(input, { target: { value: 'Hikvison' } });
    expect(screen.queryByTestId('search-empty')).toBeNull();
    expect(screen.getByTestId('search-did-you-mean').textContent).toBe('No exact match for “Hikvison”. Did you mean this company?');
    const [offered] = screen.getAllByTestId('search-result');
    expect(offered.dataset.entityId).toBe('hikvision');
    expect(within(offered).getByTestId('severity-chip')).toBeTruthy();
    expect(screen.getByText(/^No exact match; 1 close spelling/)).toBeTruthy();
    fireEvent.input(input, { target: { value: 'Volkswagen' } });
    const none = screen.getByTestId('search-empty');
    expect(none.textContent).toContain('“Volkswagen”: not found among the companies on the US lists we track.');
    expect(none.textContent).toContain('OFAC lists as of Jan 8, 2026');
    expect(within(none).getByRole('link', { name: /Search “Volkswagen” on OFAC’s Sanctions List Search/ }).getAttribute('href')).toBe('https://sanctionssearch.ofac.treas.gov/');

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
    // On the first view, in the header: no tab to open first.
    const toggle = screen.getByRole('switch', { name: /Scan news.example/ });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example', false));
    await waitFor(() => expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('false'));
    expect(screen.getByTestId('site-message').textContent).toBe('Off for news.example. Highlights removed.');
    expect(screen.getByTestId('subtitle').textContent).toBe('Off for news.example');
    fireEvent.click(screen.getByRole('button', { name: /Pause 1 h/ }));
    await waitFor(() => expect(api.pauseFor).toHaveBeenCalledWith(60 * 60 * 1000));
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(api.openOptions).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    fireEvent.click(screen.getByRole('button', { name: 'All settings' }));
    expect(api.openOptions).toHaveBeenCalledTimes(2);
  });

  it('shows the data status, warns when stale, and updates on request', async () => {
    const api = fakeApi({ feed: status });
    render(<App api={api} tabId={1} />);
    await screen.findByTestId('empty-state');
    // The status line is in the header of every view: the OFAC date decides, not the newest source.
    const line = screen.getByTestId('status-line');
    expect(line.textContent).toMatch(/^OFAC lists as of Jan 8, 2026 · \d+ days old/);
    await waitFor(() => expect(line.dataset.old).toBe('true'));
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    const panel = await screen.findByTestId('data-status');
    await waitFor(() => expect(panel.textContent).toContain('Jul 28, 2026'));
    expect(panel.textContent).toContain('OFAC data as ofJan 8, 2026');
    expect(panel.textContent).toContain('Update feed');
    expect(panel.textContent).toContain('may be out of date');
    fireEvent.click(within(line).getByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(screen.getByTestId('update-notice').textContent).toContain('Updated to version 2026.09.01.1'));
  });

  it('after "Update now" applies a newer list, the status line and search read the new list', async () => {
    const updated = updatedList();
    const api = fakeApi({ feed: status, updated });
    render(<App api={api} tabId={1} />);
    await screen.findByTestId('empty-state');
    const line = screen.getByTestId('status-line');
    expect(line.textContent).toMatch(/^OFAC lists as of Jan 8, 2026/);
    fireEvent.click(within(line).getByRole('button', { name: 'Update now' }));
    await waitFor(() => expect(screen.getByTestId('update-notice').textContent).toContain('Updated to version 2026.11.25.1'));
    await waitFor(() => expect(screen.getByTestId('status-line').textContent).toMatch(/^OFAC lists as of Nov 25, 2026/));
    expect(api.dataset).toHaveBeenLastCalledWith({ fresh: true });
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    fireEvent.input(await screen.findByRole('combobox'), { target: { value: 'Newly Listed Robotics' } });
    expect(screen.queryAllByTestId('search-result').map((r) => r.dataset.entityId)[0]).toBe('newly-listed-robotics');
  });

  it('a list update heard before the first view lands still reaches search once the popup shows', async () => {
    const updated = updatedList();
    const api = fakeApi({ feed: status, updated });
    // The page's cards come late; the update is heard as soon as the popup listens.
    const cards = api.pageCards;
    api.pageCards = vi.fn(async (tabId: number) => (await new Promise((resolve) => setTimeout(resolve, 80)), cards(tabId)));
    api.watchDataset = (callback) => (queueMicrotask(callback), () => undefined);
    render(<App api={api} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    fireEvent.input(await screen.findByRole('combobox'), { target: { value: 'Newly Listed Robotics' } });
    await waitFor(() => expect(screen.queryAllByTestId('search-result').map((r) => r.dataset.entityId)[0]).toBe('newly-listed-robotics'));
  });

  it('says how old the list data is, and warns when it is over a month old', async () => {
    const fresh = { ...status, stale: false, staleReason: undefined, dataAsOf: '2026-11-20' };
    const now = Date.parse('2026-11-26T12:00:00Z');
    const feed = (status: FeedStatus) => ({ load: { state: 'ready' as const, status }, updating: false, notice: '', updateNow: () => {} });
    const recent = { ...dataset, sources: dataset.sources.map((source) => ({ ...source, asOf: '2026-11-20' })) };
    const { unmount } = render(<DataStatus feed={feed(fresh)} dataset={recent} now={now} />);
    expect(screen.getByTestId('data-status').textContent).toContain('Nov 20, 2026 (6 days old)');
    expect(screen.queryByTestId('old-data')).toBeNull();
    unmount();
    render(<DataStatus feed={feed(fresh)} dataset={dataset} now={now} />);
    expect(screen.getByTestId('old-data').textContent).toMatch(/^Its oldest source, for OFAC’s NS-CMIC list, is 322 days old: changes made after a source’s date may be missing\./);
    expect(ageInDays('not a date', now)).toBeUndefined();
  });

  /**
   * How often `text` is on screen in the popup: a reason shown twice is noise read twice. (The
   * screen-reader-only live region that announces the outcome is not on screen.)
   */
  const timesShown = (text: string) => {
    const visible = document.body.cloneNode(true) as HTMLElement;
    visible.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
    return visible.textContent!.split(text).length - 1;
  };

  it('a failed "Update now" on an unreachable server: one plain sentence in the header, the reason once in Data status', async () => {
    const reason = 'Could not reach the update server for the update manifest: this computer may be offline, or the server is down or blocked (Failed to fetch).';
    const api = fakeApi({ feed: status });
    api.updateNow = vi.fn(async () => ({ ...status, lastError: reason, lastErrorKind: 'unreachable' as const }));
    const line = await pressUpdateNow(api);
    await waitFor(() => expect(screen.getByTestId('update-notice').textContent).toBe('Couldn’t check for a newer list; your current list is kept.'));
    expect(line.textContent).not.toContain('manifest');
    expect(line.textContent).not.toContain('Failed to fetch');
    expect(timesShown('update server')).toBe(0);
    // "Why?" opens Data status, where the reason is, once; the focus goes there with it.
    fireEvent.click(within(line).getByRole('button', { name: 'Why?' }));
    const panel = await screen.findByTestId('data-status');
    expect(screen.getByRole('tab', { name: 'This site' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('last-problem').textContent).toBe(`Last problem: ${reason}`);
    expect(timesShown('Could not reach the update server')).toBe(1);
    expect(timesShown('Couldn’t check for a newer list')).toBe(1);
    expect(within(panel).getByTestId('data-notice').textContent).toBe('');
    expect(within(line).queryByRole('button', { name: 'Why?' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('data-title'));
  });

  it('a refused (tampered) update: the header says it failed its safety check; Data status says the fingerprint did not match', async () => {
    const reason = 'The downloaded list does not match the fingerprint in the signed manifest: it was changed or damaged on the way; the current list is kept.';
    const api = fakeApi({ feed: status });
    api.updateNow = vi.fn(async () => ({ ...status, lastError: reason, lastErrorKind: 'refused' as const }));
    render(<App api={api} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    const panel = await screen.findByTestId('data-status');
    const button = within(panel).getByRole('button', { name: 'Update now' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('update-notice').textContent).toBe('A downloaded update failed its safety check and was not used; your current list is kept.'));
    expect(screen.getByTestId('status-line').textContent).not.toContain('fingerprint');
    expect(within(panel).getByTestId('last-problem').textContent).toContain('does not match the fingerprint in the signed manifest');
    expect(timesShown('fingerprint')).toBe(1);
    expect(timesShown('failed its safety check')).toBe(1);
    // Already on This site: no "Why?" pointing to where the user is.
    expect(within(screen.getByTestId('status-line')).queryByRole('button', { name: 'Why?' })).toBeNull();
    expect(panel.textContent).toContain('2026.08.20.1');
  });

  it('an updater that does not answer "Update now": the same plain sentence, and the reason in Data status', async () => {
    const api = fakeApi({ feed: status });
    api.updateNow = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist');
    });
    const line = await pressUpdateNow(api);
    await waitFor(() => expect(screen.getByTestId('update-notice').textContent).toBe('Couldn’t check for a newer list; your current list is kept.'));
    expect(line.textContent).not.toContain('Receiving end');
    fireEvent.click(within(line).getByRole('button', { name: 'Why?' }));
    expect((await screen.findByTestId('last-problem')).textContent).toBe('Last problem: The updater didn’t answer: Could not establish connection. Receiving end does not exist.');
    expect(timesShown('Receiving end')).toBe(1);
  });

  it('still shows the data in use when the updater does not answer', async () => {
    render(<App api={fakeApi()} tabId={1} />);
    await screen.findByTestId('empty-state');
    fireEvent.click(screen.getByRole('tab', { name: 'This site' }));
    expect((await screen.findByTestId('status-unavailable')).textContent).toContain('isn’t answering');
    const panel = screen.getByTestId('data-status');
    expect(panel.textContent).toContain('2026.08.20.1');
    expect((within(screen.getByTestId('status-line')).getByRole('button', { name: 'Update now' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('popup: what it means for you, and what is not counted', () => {
  it('a watchlist-only name: its own label and sentence, no severity chip, not counted', async () => {
    const settings = { ...defaultSettings(), watchlist: [{ term: 'Acme Robotics', addedAt: '2026-01-01T00:00:00Z' }] };
    render(<App api={fakeApi({ settings, findings: [found('watchlist:acme-robotics', ['Acme Robotics'], 1)] })} tabId={1} />);
    const [card] = await screen.findAllByTestId('finding');
    expect(card.dataset.standing).toBe('watchlist');
    expect(within(card).queryByTestId('severity-chip')).toBeNull();
    expect(within(card).getByTestId('standing-label').textContent).toBe('Your watchlist');
    expect(within(card).getByTestId('finding-line').textContent).toBe('On your watchlist; not on any US list we track.');
    expect(card.textContent).not.toContain('Listed by the US government');
    expect(screen.getByTestId('subtitle').textContent).toBe('No listing in force on news.example');
    expect(screen.getByTestId('none-in-force')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /This page/ }).textContent).toBe('This page');
  });

  it('with programs in the data: the row shows the program’s line and buy / hold / sell; details its full text and orders', async () => {
    render(<App api={fakeApi({ data: withPrograms, findings: [found('china-mobile-limited', ['China Mobile'], 2), found('sberbank', ['Sberbank'], 1)] })} tabId={1} />);
    const cards = await screen.findAllByTestId('finding');
    const cmic = cards.find((card) => card.dataset.entityId === 'china-mobile-limited')!;
    // Beside the buy / hold / sell line, the row gives the meaning's first clause; details give it whole.
    expect(within(cmic).getByTestId('finding-line').textContent).toBe('US persons may not buy its publicly traded securities.');
    expect(within(cmic).getByTestId('finding-permissions').textContent).toBe('Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence');
    const sber = cards.find((card) => card.dataset.entityId === 'sberbank')!;
    expect(within(sber).getByTestId('severity-chip').textContent).toBe('Blocked');
    // Company rows are headings under their group's heading.
    expect(screen.getByRole('heading', { level: 2, name: 'With a listing in force' })).toBeTruthy();
    expect(within(cmic).getByRole('heading', { level: 3, name: 'China Mobile Limited' })).toBeTruthy();
    fireEvent.click(within(cmic).getByRole('button', { name: 'China Mobile Limited' }));
    const details = await screen.findByTestId('details');
    expect(details.textContent).toContain('US persons may not buy its publicly traded securities; holding them is allowed.');
    const listing = within(details).getAllByTestId('listing').find((el) => el.dataset.listId === 'ofac-ns-cmic')!;
    expect(listing.textContent).toContain('Sales solely to divest were allowed for 365 days');
    expect(within(listing).getByTestId('divest-status').textContent).toBe(' (passed)');
    expect(within(listing).getByRole('link', { name: /Executive Order 14032/ }).getAttribute('href')).toMatch(/^https:\/\/www\.federalregister\.gov\//);
    // Who counts as a US person is said once, in the footer every view shares.
    expect(details.textContent).not.toContain('US persons: US citizens');
    expect(document.querySelectorAll('.footer')).toHaveLength(1);
    expect(document.body.textContent!.match(/US persons: US citizens and green-card holders anywhere/g)).toHaveLength(1);
    expect(document.querySelector('.footer')!.textContent).toContain('Information, not legal advice');
  });

  it('says in the status line when the settings hide lists or severities', async () => {
    const settings = { ...defaultSettings(), lists: { 'ofac-sdn': false, 'dod-1260h': false }, minSeverity: 'restricted' as const };
    render(<App api={fakeApi({ settings, findings: pageFindings })} tabId={1} />);
    expect((await screen.findByTestId('hidden-lists')).textContent).toBe('2 lists hidden · only restricted and above');
  });

  it('shows what is ignored on this site, and flags it again on request', async () => {
    const settings = { ...defaultSettings(), ignored: [{ entityId: 'hikvision', text: 'hikvision', site: 'news.example', addedAt: '2026-11-30T10:00:00Z' }] };
    const api = fakeApi({ settings, findings: pageFindings });
    render(<App api={api} tabId={1} />);
    const ignored = await screen.findByTestId('ignored-here');
    expect(ignored.textContent).toContain('1 match ignored on news.example');
    expect(ignored.textContent).toContain('“hikvision” as Hangzhou Hikvision');
    fireEvent.click(within(ignored).getByRole('button', { name: 'Flag it again' }));
    await waitFor(() => expect(api.unignore).toHaveBeenCalledWith(settings.ignored[0]));
    await waitFor(() => expect(screen.queryByTestId('ignored-here')).toBeNull());
  });

  it('a non-US reader and everyone else is told whom the warnings speak to, on every view', async () => {
    render(<App api={fakeApi({ findings: pageFindings })} tabId={1} />);
    await screen.findAllByTestId('finding');
    for (const name of ['This page', 'Updates', 'Search', 'This site']) {
      fireEvent.click(screen.getByRole('tab', { name: new RegExp(name) }));
      expect(document.querySelector('footer')?.textContent).toContain('Information, not legal advice');
      expect(screen.getByRole('switch', { name: /Scan news.example/ })).toBeTruthy();
    }
  });
});

describe('dates inside texts from the data', () => {
  it('are written like every other date on screen', () => {
    expect(readableDates('DoD may not contract with it from 30 June 2026; named in the editions of 2024-01-31, 2026-06-08.')).toBe(
      'DoD may not contract with it from Jun 30, 2026; named in the editions of Jan 31, 2024, Jun 8, 2026.',
    );
    // Numbers that are not dates are left alone.
    expect(readableDates('89 FR 86230; EO 14032 (3 June 2021); 1:24-cv-01381-PLF')).toBe('89 FR 86230; EO 14032 (Jun 3, 2021); 1:24-cv-01381-PLF');
  });
});

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('popup: the first view from page cards, the whole list after', () => {
  it('shows the page’s companies before the whole list is in; search waits for it, then works', async () => {
    const api = fakeApi({ findings: pageFindings });
    const whole = deferred<Dataset>();
    api.dataset = vi.fn(() => whole.promise);
    render(<App api={api} tabId={12} />);
    const cards = await screen.findAllByTestId('finding');
    expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
    expect(screen.getByTestId('subtitle').textContent).toBe('2 companies with a listing in force on news.example');
    expect(screen.getByTestId('status-line').textContent).toContain('OFAC lists as of Jan 8, 2026');
    // Details of a company on the page need nothing more.
    fireEvent.click(within(cards[2]).getByRole('button', { name: 'Xiaomi Corporation' }));
    expect((await screen.findByTestId('details')).dataset.entityId).toBe('xiaomi-corporation');
    expect(screen.getAllByTestId('ruling').map((r) => r.dataset.rulingId)).toEqual(['xiaomi-v-dod-final', 'xiaomi-v-dod-pi']);
    // Search reads every company: it says it is loading, never "not found" from a part of the list.
    fireEvent.click(screen.getByRole('tab', { name: 'Search' }));
    expect(screen.getByTestId('whole-list-loading').textContent).toBe('Loading every listed company…');
    expect(screen.queryByRole('combobox')).toBeNull();
    whole.resolve(dataset);
    const input = await screen.findByRole('combobox');
    fireEvent.input(input, { target: { value: 'Hikvision' } });
    expect(screen.getAllByTestId('search-result')[0].dataset.entityId).toBe('hikvision');
  });

  it('an empty page says what the whole list covers while only the cut is in', async () => {
    const api = fakeApi({ findings: [] });
    api.dataset = vi.fn(() => new Promise<Dataset>(() => undefined));
    render(<App api={api} tabId={1} />);
    const empty = await screen.findByTestId('empty-state');
    expect(within(empty).getByTestId('coverage').textContent).toContain('Checked against 6 companies from NS-CMIC, SDN, DoD 1237, DoD 1260H, FCC');
  });

  it('does not wait for its own read of the settings; takes it when it comes', async () => {
    const api = fakeApi({ findings: pageFindings });
    const own = deferred<Settings>();
    api.settings = () => own.promise;
    render(<App api={api} tabId={1} />);
    expect(await screen.findAllByTestId('finding')).toHaveLength(3);
    // The popup's own read says the site is off (changed a moment ago): it wins.
    own.resolve(withSiteEnabled(defaultSettings(), 'news.example', false));
    expect((await screen.findByTestId('empty-state')).dataset.reason).toBe('off');
  });

  it('a settings change heard while the popup opens wins over the copies read before it', async () => {
    const api = fakeApi({ findings: pageFindings });
    const cards = deferred<unknown>();
    const own = deferred<Settings>();
    const before = defaultSettings();
    api.pageCards = vi.fn(() => cards.promise as never);
    api.settings = () => own.promise;
    render(<App api={api} tabId={1} />);
    await waitFor(() => expect(api.pageCards).toHaveBeenCalled());
    // The user switches the site off elsewhere while the popup is still waiting for its first answer.
    await api.setSiteEnabled('news.example', false);
    // Both answers were read before that change and still say "on".
    cards.resolve(buildPageCards(await api.tabFindings(1), dataset, before));
    own.resolve(before);
    expect((await screen.findByTestId('empty-state')).dataset.reason).toBe('off');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('empty-state').dataset.reason).toBe('off');
  });

  it('a company reported later that the cut lacks, with the whole list failing, is announced with a retry', async () => {
    const api = fakeApi({ findings: [found('xiaomi-corporation', ['Xiaomi'], 1)] });
    let attempts = 0;
    api.dataset = vi.fn(async () => (++attempts === 1 ? Promise.reject(new Error('The extension did not answer')) : dataset));
    render(<App api={api} tabId={1} />);
    await screen.findAllByTestId('finding');
    // The background cannot cut the list any more (asleep, say): the answer has findings only.
    api.pageCards = vi.fn(async () => Promise.reject(new Error('no answer')));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.pageReports([found('xiaomi-corporation', ['Xiaomi'], 1), found('hikvision', ['Hikvision'], 3)]);
    const note = await screen.findByTestId('page-missing-companies');
    await waitFor(() => expect(note.textContent).toContain('The extension did not answer'));
    fireEvent.click(within(screen.getByTestId('page-missing-companies')).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByTestId('finding').map((card) => card.dataset.entityId)).toEqual(['hikvision', 'xiaomi-corporation']));
    expect(screen.queryByTestId('page-missing-companies')).toBeNull();
    vi.mocked(console.warn).mockRestore();
  });

  it('a company reported while only the cut is in is shown with its own card', async () => {
    const api = fakeApi({ findings: [found('xiaomi-corporation', ['Xiaomi'], 1)] });
    api.dataset = vi.fn(() => new Promise<Dataset>(() => undefined));
    render(<App api={api} tabId={1} />);
    await screen.findAllByTestId('finding');
    api.pageReports([found('xiaomi-corporation', ['Xiaomi'], 1), found('hikvision', ['Hikvision'], 3)]);
    await waitFor(() => expect(screen.getAllByTestId('finding').map((card) => card.dataset.entityId)).toEqual(['hikvision', 'xiaomi-corporation']));
  });

  it('an unreadable or missing page-cards answer: loads the whole list itself and shows the page', async () => {
    for (const broken of [
      async () => ({ tab: { tabId: 1, url: PAGE, enabled: true, findings: pageFindings }, dataset: { entities: [{ id: 'x' }] } }) as never,
      async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    ]) {
      const api = fakeApi({ findings: pageFindings });
      api.pageCards = vi.fn(broken);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      render(<App api={api} tabId={1} />);
      expect(screen.getByText('Loading…', { selector: '.loading' })).toBeTruthy();
      const cards = await screen.findAllByTestId('finding');
      expect(cards.map((card) => card.dataset.entityId)).toEqual(['china-mobile-limited', 'hesai-group', 'xiaomi-corporation']);
      expect(api.dataset).toHaveBeenCalledTimes(1);
      expect(api.tabFindings).toHaveBeenCalledWith(1);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
      cleanup();
    }
  });

  it('no page cards and no list either: says it could not load its list data, never a blank popup', async () => {
    const api = fakeApi({ findings: pageFindings });
    api.pageCards = vi.fn(async () => Promise.reject(new Error('no answer')));
    api.dataset = vi.fn(async () => Promise.reject(new Error('bundled dataset missing (404)')));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<App api={api} tabId={1} />);
    const fatal = await screen.findByTestId('fatal-error');
    expect(fatal.textContent).toContain('couldn’t load its list data');
    expect(fatal.textContent).toContain('bundled dataset missing (404)');
    vi.mocked(console.warn).mockRestore();
  });

  it('the whole list failing keeps the page shown and says so where it is needed, with a retry', async () => {
    const api = fakeApi({ findings: pageFindings });
    let attempts = 0;
    api.dataset = vi.fn(async () => (++attempts === 1 ? Promise.reject(new Error('The extension did not answer')) : dataset));
    render(<App api={api} tabId={1} />);
    await screen.findAllByTestId('finding');
    fireEvent.click(screen.getByRole('tab', { name: 'Updates' }));
    const error = await screen.findByTestId('whole-list-error');
    expect(error.textContent).toContain('The extension did not answer');
    expect(error.textContent).toContain('This page’s companies are still shown');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect((await screen.findAllByTestId('ruling')).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('tab', { name: /This page/ }));
    expect(screen.getAllByTestId('finding')).toHaveLength(3);
  });
});
