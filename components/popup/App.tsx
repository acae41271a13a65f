// The popup: what was found on this tab, the latest court rulings, a search over every listed
// company, and the site switch with the data status. Opened from the toolbar (the active tab),
// or as a page with ?tab=<id> (and &entity=<id> to open one company's details).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import type { TabFindings } from '../../lib/messaging';
import { readPageCards, type DatasetCoverage } from '../../lib/popup-data/page-cards';
import { PALETTE_KEYS, coloursFor } from '../../lib/settings/palette';
import type { Settings } from '../../lib/settings/types';
import { hostCoveredBy } from '../../lib/settings/site';
import { plural } from '../format';
import { US_PERSON_NOTE } from '../meaning';
import type { PopupApi } from './api';
import { useFeed } from './DataStatus';
import { EntityDetails } from './EntityDetails';
import { Header } from './Header';
import { catalog, pageCompanies, pageSummary, siteState } from './model';
import { PageView } from './PageView';
import { UpdatesView } from './UpdatesView';
import { SearchView, type SearchState } from './SearchView';
import { HOUR, SiteView } from './SiteView';
import { Tabs, type TabDef } from './Tabs';

export type TabKey = 'page' | 'rulings' | 'search' | 'site';

export interface PopupProps {
  api: PopupApi;
  /** From ?tab=; the active tab when absent. */
  tabId?: number;
  /** From &entity=: open this company's details first. */
  entityId?: string;
}

type Loaded = {
  /** The whole list once it is in; until then the part of it the tab's page cards carry. */
  dataset: Dataset;
  /** False while `dataset` is the page's cut. */
  complete: boolean;
  /** What the whole list covers, given with the cut. */
  coverage?: DatasetCoverage;
  settings: Settings;
  tab?: TabFindings;
  tabError?: string;
};

/** One answer about the tab: its findings, and while the popup holds only a cut, the cut for them. */
type TabAnswer = Pick<Loaded, 'tab' | 'tabError'> & { cut?: { dataset: Dataset; coverage: DatasetCoverage; settings: Settings } };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether two small answers (findings, settings) say the same: no new render for an unchanged one. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two cuts of the list hold the same version and companies. */
function sameCut(a: Dataset, b: Dataset): boolean {
  return a.version === b.version && a.entities.length === b.entities.length && a.entities.every((entity, i) => entity.id === b.entities[i].id);
}

async function askFindings(api: PopupApi, id: number | undefined): Promise<Pick<Loaded, 'tab' | 'tabError'>> {
  if (id === undefined) return { tabError: 'No browser tab to show' };
  try {
    return { tab: await api.tabFindings(id) };
  } catch (error) {
    return { tabError: `The extension didn’t answer (${message(error)})` };
  }
}

/** The tab's page cards, or undefined (with the reason logged) when the background cannot give readable ones. */
async function askPageCards(api: PopupApi, id: number): Promise<TabAnswer | undefined> {
  try {
    const cards = readPageCards(await api.pageCards(id), id);
    if (cards) return { tab: cards.tab, cut: { dataset: cards.dataset, coverage: cards.coverage, settings: cards.settings } };
    console.warn('Sanctions Lens: the page cards could not be read; loading the whole list');
  } catch (error) {
    console.warn('Sanctions Lens: no page cards from the background; loading the whole list', error);
  }
  return undefined;
}

/**
 * The first view: the tab's findings with the cut of the list they need and the user's settings,
 * from the background, which holds the verified list. The popup's own read of the settings follows
 * (`settingsRead`), and wins once in. Only when the background gives no page cards does the popup
 * wait for the whole list and its own settings, as it once always did ("Loading…", then the page,
 * or an error that says what failed).
 */
async function openFirstView(api: PopupApi, tabParam: number | undefined): Promise<{ id?: number; loaded: Loaded; settingsRead?: Promise<Settings> }> {
  const settingsRead = api.settings();
  settingsRead.catch(() => undefined); // awaited below, or its failure is the background's copy's gain
  const id = tabParam ?? (await api.activeTabId().catch(() => undefined));
  const cards = id === undefined ? undefined : await askPageCards(api, id);
  if (cards?.cut) {
    const { dataset, coverage, settings } = cards.cut;
    return { id, loaded: { dataset, complete: false, coverage, settings, tab: cards.tab }, settingsRead };
  }
  const [dataset, settings, findings] = await Promise.all([api.dataset(), settingsRead, askFindings(api, id)]);
  return { id, loaded: { dataset, complete: true, settings, ...findings } };
}

/** What the settings leave unflagged, for the status line: a hidden list must never be silent. */
export function hiddenWords(settings: Pick<Settings, 'lists' | 'minSeverity'> | undefined): string {
  if (!settings) return '';
  const lists = Object.values(settings.lists).filter((shown) => shown === false).length;
  const parts = [lists > 0 ? plural(lists, 'list') + ' hidden' : '', settings.minSeverity !== 'caution' ? `only ${settings.minSeverity} and above` : ''];
  return parts.filter(Boolean).join(' · ');
}

export function parseParams(search: string): { tabId?: number; entityId?: string } {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  return {
    tabId: params.has('tab') && Number.isInteger(tab) && tab >= 0 ? tab : undefined,
    entityId: params.get('entity') || undefined,
  };
}

export function App({ api, tabId: tabParam, entityId }: PopupProps) {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [fatal, setFatal] = useState<string | undefined>();
  /** Why the whole list could not be loaded (the page's own companies are still shown). */
  const [wholeError, setWholeError] = useState<string | undefined>();
  const [tabId, setTabId] = useState<number | undefined>(tabParam);
  const [tab, setTab] = useState<TabKey>('page');
  const [details, setDetails] = useState<{ entityId: string; from: TabKey } | undefined>(entityId ? { entityId, from: 'page' } : undefined);
  const [search, setSearch] = useState<SearchState>({ query: '', active: -1 });
  const [busy, setBusy] = useState(false);
  const [siteMessage, setSiteMessage] = useState('');
  const [now, setNow] = useState(Date.now());
  const tabButtons = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const feed = useFeed(api, loaded?.dataset);

  // The whole list (search, updates, coverage) is loaded once, after the page is shown or when a view needs it.
  const wholeAsked = useRef<Promise<void> | undefined>(undefined);
  const complete = useRef(false);
  complete.current = loaded?.complete ?? false;
  const shown = useRef(false);
  shown.current = loaded !== undefined;
  // Only the latest question's list is shown: a first load that answers after an update's must not put the old list back.
  const wholeAsks = useRef(0);
  const askWhole = useCallback(
    (fresh: boolean) => {
      const asked = ++wholeAsks.current;
      setWholeError(undefined);
      wholeAsked.current = api.dataset(fresh ? { fresh } : undefined).then(
        (dataset) => {
          if (asked !== wholeAsks.current) return;
          // An update heard before the first view: nothing to put the list in yet, so the first view's
          // own request for the whole list asks again (the background reads the new copy by then).
          if (!shown.current) {
            wholeAsked.current = undefined;
            return;
          }
          setLoaded((current) => current && { ...current, dataset, complete: true, coverage: undefined });
        },
        (error: unknown) => {
          if (asked !== wholeAsks.current) return;
          wholeAsked.current = undefined; // a later view asks again
          setWholeError(message(error));
        },
      );
    },
    [api],
  );
  const loadWhole = useCallback(() => {
    if (!wholeAsked.current) askWhole(false);
  }, [askWhole]);
  // A list update applied while the popup is open (its own "Update now", or the daily check): the
  // status line, search and updates read the new list.
  useEffect(() => api.watchDataset(() => askWhole(true)), [api, askWhole]);

  // Answers can arrive out of order (a page reporting twice in quick succession): only the latest
  // question's answer is shown.
  const findingsAsked = useRef(0);
  const showLatestFindings = useCallback((answer: Promise<TabAnswer>) => {
    const asked = ++findingsAsked.current;
    void answer.then(({ cut, ...findings }) => {
      if (asked !== findingsAsked.current) return;
      // Still on the cut, a newly reported company needs its part of the list, or else the whole list.
      if (!cut && !complete.current) loadWhole();
      setLoaded((current) => {
        if (!current) return current;
        const takeCut = cut !== undefined && !current.complete && !sameCut(cut.dataset, current.dataset);
        // The same answer again (the re-ask when the watch starts, usually) changes nothing on screen.
        if (!takeCut && sameJson(findings.tab, current.tab) && findings.tabError === current.tabError) return current;
        return takeCut ? { ...current, ...findings, dataset: cut.dataset, coverage: cut.coverage } : { ...current, ...findings };
      });
    });
  }, [loadWhole]);

  const loadFindings = useCallback(
    async (id: number | undefined): Promise<TabAnswer> =>
      (!complete.current && id !== undefined && (await askPageCards(api, id))) || askFindings(api, id),
    [api],
  );

  // Asked while the first render runs, and shown as soon as the answer is in: not after the first
  // paint, as an effect would be (a frame later). The page's companies are what the popup is opened for.
  const gone = useRef(false);
  useEffect(() => () => void (gone.current = true), []);
  /**
   * The latest settings a watch brought: a first view that lands after the change takes them, and
   * the popup's own first read (started as it opened, so older) is dropped once there are any.
   */
  const watchedSettings = useRef<Settings | undefined>(undefined);
  const opening = useRef<Promise<void> | undefined>(undefined);
  opening.current ??= openFirstView(api, tabParam).then(
    ({ id, loaded: first, settingsRead }) => {
      if (gone.current) return;
      setTabId(id);
      // A change heard while the popup opened is newer than the copy the first view was cut with.
      setLoaded(watchedSettings.current ? { ...first, settings: watchedSettings.current } : first);
      settingsRead?.then(
        (settings) =>
          !gone.current &&
          watchedSettings.current === undefined &&
          setLoaded((current) => (current && !sameJson(settings, current.settings) ? { ...current, settings } : current)),
        (error: unknown) => console.warn('Sanctions Lens: settings unreadable here; showing the background’s copy', error),
      );
    },
    (error: unknown) => void (gone.current || setFatal(message(error))),
  );

  // With the page painted, the whole list comes next, when the popup is idle.
  const onCut = loaded !== undefined && !loaded.complete;
  useEffect(() => {
    if (!onCut) return;
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(loadWhole, { timeout: 300 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(loadWhole, 50);
    return () => clearTimeout(timer);
  }, [onCut, loadWhole]);

  // Settings can change elsewhere (options page, another window) while the popup is open.
  useEffect(
    () =>
      api.watchSettings((settings) => {
        watchedSettings.current = settings;
        setNow(Date.now());
        setLoaded((current) => current && { ...current, settings });
        showLatestFindings(loadFindings(tabId));
      }),
    [api, tabId, loadFindings, showLatestFindings],
  );

  // A page is read in slices and reports a moment after it loads, or changes later (a feed, a
  // re-rendered table): the open popup follows.
  // The watch begins once the first answer is shown (an earlier change would be dropped), and asks
  // once more at that moment: a report landing while the popup opened is not lost.
  const ready = loaded !== undefined;
  useEffect(() => {
    if (tabId === undefined || !ready) return;
    const refresh = () => showLatestFindings(loadFindings(tabId));
    const stop = api.watchTabFindings(tabId, refresh);
    refresh();
    return stop;
  }, [api, tabId, ready, loadFindings, showLatestFindings]);

  const data = useMemo(
    () => loaded && catalog(loaded.dataset, loaded.settings, loaded.complete ? undefined : { coverage: loaded.coverage }),
    [loaded?.dataset, loaded?.coverage, loaded?.complete, loaded?.settings.watchlist],
  );
  const site = useMemo(() => loaded && siteState(loaded.tab?.url ?? '', loaded.settings, now), [loaded?.tab?.url, loaded?.settings, now]);
  const companies = useMemo(
    () => (data && loaded?.tab && site && site.kind !== 'unscannable' && site.decision.enabled ? pageCompanies(loaded.tab.findings, data) : []),
    [data, loaded?.tab, site],
  );

  // Search, updates and a company the page did not name read the whole list: ask for it now.
  const needsWhole = data !== undefined && !data.complete && (tab === 'rulings' || tab === 'search' || (details !== undefined && !data.entities.has(details.entityId)));
  // Still on the cut, a company the page reported later may be missing from it until the whole
  // list is in: This page says so rather than leave it out without a word.
  const missingFromCut = data !== undefined && !data.complete && (loaded?.tab?.findings.some((finding) => !data.entities.has(finding.entityId)) ?? false);
  useEffect(() => {
    if (needsWhole) loadWhole();
  }, [needsWhole, loadWhole]);

  const openDetails = (id: string) => setDetails({ entityId: id, from: tab });
  const closeDetails = () => {
    if (!details) return;
    setTab(details.from);
    setDetails(undefined);
    requestAnimationFrame(() => {
      if (details.from === 'search') document.getElementById('search-input')?.focus();
      else tabButtons.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    });
  };

  useEffect(() => {
    if (!details) return;
    requestAnimationFrame(() => document.getElementById('details-title')?.focus());
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeDetails();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [details]);

  // Opened in a tab (Details from the page), the tab's title names the company it shows.
  const detailsName = details && data?.entities.get(details.entityId)?.name;
  useEffect(() => {
    document.title = detailsName ? `${detailsName} — Sanctions Lens` : 'Sanctions Lens';
  }, [detailsName]);

  const act = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setSiteMessage('');
    try {
      await work();
      setSiteMessage(done);
    } catch (error) {
      setSiteMessage(`That didn’t work: ${message(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const setSiteEnabled = (enabled: boolean) => {
    if (site?.kind !== 'site') return;
    void act(
      () => api.setSiteEnabled(site.host, enabled),
      enabled ? `On for ${site.label}.` : `Off for ${site.label}. Highlights removed.`,
    );
  };
  const pause = () => void act(() => api.pauseFor(HOUR), 'Paused on every site for an hour. Highlights removed.');
  const resume = () => void act(() => api.resume(), 'Resumed.');
  const selectTab = (key: TabKey) => {
    setDetails(undefined);
    setTab(key);
    // Each view starts at its top: the panel is shared, and its scroll offset would leak.
    if (panelRef.current) panelRef.current.scrollTop = 0;
  };
  const showDataStatus = () => {
    selectTab('site');
    // The pressed "Why?" is gone with the switch: the focus goes to what it pointed to, and Data
    // status comes to the top so its reason is in view.
    setTimeout(() => {
      const title = document.getElementById('data-title');
      title?.focus({ preventScroll: true });
      title?.scrollIntoView({ block: 'start' });
    }, 0);
  };
  const ignoredHere = useMemo(() => {
    if (!loaded || site?.kind !== 'site') return [];
    return loaded.settings.ignored.filter((rule) => rule.site === '*' || hostCoveredBy(rule.site, site.host));
  }, [loaded?.settings.ignored, site]);

  const palette = loaded?.settings.palette ?? 'colorblind-safe';
  const style = Object.fromEntries(
    PALETTE_KEYS.flatMap((key) => {
      const colours = coloursFor(palette, key);
      return [[`--sev-${key}-bg`, colours.background], [`--sev-${key}-fg`, colours.text]];
    }),
  );

  const inForce = companies.filter((company) => company.meaning.standing.kind === 'in-force').length;
  const tabs: TabDef<TabKey>[] = [
    { key: 'page', label: 'This page', badge: inForce > 0 ? String(inForce) : undefined },
    { key: 'rulings', label: 'Updates' },
    { key: 'search', label: 'Search' },
    { key: 'site', label: 'This site' },
  ];

  let subtitle = 'Loading…';
  if (fatal) subtitle = 'Something went wrong';
  else if (site?.kind === 'unscannable') subtitle = 'This page can’t be scanned';
  else if (site && !site.decision.enabled) subtitle = site.decision.reason === 'paused' ? site.description.replace(/\.$/, '') : `Off for ${site.kind === 'site' ? site.label : 'this page'}`;
  else if (site) {
    const where = site.kind === 'site' ? site.label : 'this page';
    subtitle =
      companies.length === 0
        ? `Nothing flagged on ${where}`
        : inForce > 0
          ? `${plural(inForce, 'company', 'companies')} with a listing in force on ${where}`
          : `No listing in force on ${where}`;
  }
  const summary = companies.length > 0 ? pageSummary(companies) : '';

  let panel;
  if (fatal) {
    panel = (
      <div class="empty" role="alert" data-testid="fatal-error">
        <h2>Sanctions Lens couldn’t load its list data</h2>
        <p>{fatal}.</p>
        <p>Try closing and reopening this window. If it keeps happening, reinstalling the extension restores the built-in list.</p>
      </div>
    );
  } else if (!loaded || !data || !site) {
    panel = <p class="loading" aria-busy="true">Loading…</p>;
  } else if (needsWhole) {
    panel = wholeError ? (
      <div class="empty" role="alert" data-testid="whole-list-error">
        <h2>Sanctions Lens couldn’t load its whole list</h2>
        <p>{wholeError}. This page’s companies are still shown under This page.</p>
        <button type="button" class="primary" onClick={loadWhole}>Try again</button>
      </div>
    ) : (
      <p class="loading" role="status" aria-busy="true" data-testid="whole-list-loading">Loading every listed company…</p>
    );
  } else if (details) {
    panel = (
      <EntityDetails
        entityId={details.entityId}
        data={data}
        finding={loaded.tab?.findings.find((f) => f.entityId === details.entityId)}
        onBack={closeDetails}
        backLabel={details.from === 'search' ? 'Back to search' : details.from === 'rulings' ? 'Back to rulings' : details.from === 'site' ? 'Back' : 'Back to this page'}
      />
    );
  } else if (tab === 'page') {
    panel = (
      <PageView
        companies={companies}
        data={data}
        site={site}
        loadError={loaded.tabError}
        ignored={ignoredHere}
        onUnignore={(rule) => void act(() => api.unignore(rule), `“${rule.text}” is flagged again.`)}
        onOpen={openDetails}
        onTurnOn={() => setSiteEnabled(true)}
        onResume={resume}
        onSearch={() => selectTab('search')}
        holdingsHref={tabId === undefined ? undefined : `portfolio.html?tab=${tabId}`}
      />
    );
  } else if (tab === 'rulings') {
    panel = <UpdatesView data={data} pageEntityIds={companies.map((c) => c.entity.id)} onOpen={openDetails} />;
  } else if (tab === 'search') {
    panel = <SearchView data={data} state={search} onChange={setSearch} onOpen={openDetails} autoFocus />;
  } else {
    panel = (
      <SiteView api={api} site={site} dataset={loaded.dataset} feed={feed} />
    );
  }

  return (
    <div class="popup" style={style}>
      <Header
        site={site}
        dataset={loaded?.dataset}
        feed={feed}
        subtitle={subtitle}
        busy={busy}
        message={siteMessage}
        hidden={hiddenWords(loaded?.settings)}
        onSiteSwitch={setSiteEnabled}
        onPause={pause}
        onResume={resume}
        onSettings={() => api.openOptions()}
        // Why the last check failed is in Data status, on the This site tab.
        onWhy={tab === 'site' && !details ? undefined : showDataStatus}
      />
      <div ref={tabButtons}>
        <Tabs tabs={tabs} selected={tab} label="Sanctions Lens" onSelect={selectTab} />
      </div>
      <main class="panel" ref={panelRef}>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
          {summary && tab === 'page' && !details ? <p class="summary small" data-testid="page-summary">{summary}</p> : null}
          {missingFromCut && tab === 'page' && !details ? (
            wholeError ? (
              <p class="small" role="alert" data-testid="page-missing-companies">
                More companies were found on this page, but the whole list couldn’t be loaded to show them ({wholeError}).{' '}
                <button type="button" class="link-button" onClick={loadWhole}>Try again</button>
              </p>
            ) : (
              <p class="loading small" aria-busy="true" data-testid="page-missing-companies">Loading the rest of this page’s companies…</p>
            )
          ) : null}
          {panel}
        </div>
      </main>
      <footer class="footer">
        <p>{US_PERSON_NOTE}</p>
      </footer>
    </div>
  );
}
