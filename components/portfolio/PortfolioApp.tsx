// The portfolio check page: pick, drop or paste a positions table (or take the positions table of
// the tab the popup was opened on), and read the report. The file is read here, in this page;
// nothing is sent anywhere, and nothing is stored unless the user keeps the report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../../lib/dataset/types';
import { checkPageTables, checkPositionsFile, checkPositionsText, type CheckResult } from '../../lib/portfolio/check';
import { sizeProblem } from '../../lib/portfolio/decode';
import { createHoldingIdentifier } from '../../lib/portfolio/identify';
import { deleteKeptReport, keepReport, loadKeptReport } from '../../lib/portfolio/keep';
import { PAGE_LAYOUT } from '../../lib/portfolio/layouts';
import { csvFileName, reportToCsv } from '../../lib/portfolio/report-csv';
import { STATUS_ORDER, summaryLine, type Report } from '../../lib/portfolio/report';
import { PALETTE_KEYS, coloursFor } from '../../lib/settings/palette';
import type { Palette } from '../../lib/settings/types';
import { ageInDays, isOldAge } from '../../lib/findings/freshness';
import { formatDate, formatDateTime, listsAsOfWords } from '../format';
import type { PortfolioApi } from './api';
import { HoldingRow } from './HoldingRow';

export function parseParams(search: string): { tabId?: number } {
  const tab = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(tab) && tab > 0 ? { tabId: tab } : {};
}

type Loaded = { dataset: Dataset; palette: Palette } | { error: string };

export function PortfolioApp({ api, tabId, now }: { api: PortfolioApi; tabId?: number; now?: () => Date }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [report, setReport] = useState<Report>();
  // The report kept on this device, if any. The report on screen may be another one, so both are
  // shown: that one's buttons and a line saying a kept report exists, with its own delete button.
  const [kept, setKept] = useState<Report>();
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.dataset(), api.palette().catch((): Palette => 'colorblind-safe'), loadKeptReport(api.keptArea).catch(() => undefined)])
      .then(([dataset, palette, keptReport]) => {
        if (!live) return;
        setLoaded({ dataset, palette });
        if (!keptReport) return;
        setKept(keptReport);
        if (tabId === undefined) {
          setReport(keptReport);
          setStatus(`Showing the report you kept on ${formatDateTime(keptReport.createdAt)}.`);
        }
      })
      .catch((error: unknown) => live && setLoaded({ error: `The list data could not be loaded (${error instanceof Error ? error.message : String(error)}).` }));
    return () => {
      live = false;
    };
  }, [api]);

  const dataset = loaded && 'dataset' in loaded ? loaded.dataset : undefined;
  const identifier = useMemo(() => (dataset ? createHoldingIdentifier(dataset) : undefined), [dataset]);

  const show = (result: CheckResult, what: string) => {
    if (!result.ok) {
      // A bad file changes nothing: the report on screen (if any) stays.
      setProblem(`${what}: ${result.problem}`);
      return;
    }
    setProblem(undefined);
    setReport(result.report);
    setStatus(`Checked ${result.report.rows.length} holding${result.report.rows.length === 1 ? '' : 's'} from ${what}.`);
  };

  useEffect(() => {
    if (tabId === undefined || !dataset || !identifier) return;
    setBusy(true);
    api
      .pageTables(tabId)
      .then((page) => show(checkPageTables(page.tables, dataset, identifier, { source: `the positions table on ${page.url}`, fallback: PAGE_LAYOUT, now: now?.() }), 'the page'))
      .catch((error: unknown) => setProblem(`The page: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => setBusy(false));
  }, [tabId, dataset, identifier]);

  const checkFile = async (file: File) => {
    if (!dataset || !identifier) return;
    // Refused by its size before a byte is read: a huge file never sits in this page's memory.
    const tooBig = sizeProblem(file.size);
    if (tooBig) {
      show({ ok: false, problem: tooBig }, file.name);
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      show(checkPositionsFile(bytes, dataset, identifier, { source: file.name, now: now?.() }), file.name);
    } catch (error) {
      setProblem(`${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const checkPaste = () => {
    if (!dataset || !identifier) return;
    if (!pasted.trim()) {
      setProblem('The pasted rows: there is nothing to check. Copy the positions table from your broker\'s page, header included, and paste it here.');
      return;
    }
    show(checkPositionsText(pasted, dataset, identifier, { source: 'pasted rows', now: now?.() }), 'the pasted rows');
  };

  const deleteKept = async () => {
    try {
      await deleteKeptReport(api.keptArea);
      setKept(undefined);
      setStatus('The kept report was deleted from this device.');
    } catch (error) {
      setProblem(`The kept report could not be deleted (${error instanceof Error ? error.message : String(error)}).`);
    }
  };

  const keep = async () => {
    if (!report) return;
    try {
      await keepReport(api.keptArea, report);
      const replaced = kept !== undefined;
      setKept(report);
      setStatus(`This report is kept on this device (in the extension's own storage) until you delete it${replaced ? '; it replaces the one kept before' : ''}.`);
    } catch (error) {
      setProblem(`The report could not be kept (${error instanceof Error ? error.message : String(error)}).`);
    }
  };

  const showingKept = report !== undefined && kept === report;

  const palette = loaded && 'palette' in loaded ? loaded.palette : 'colorblind-safe';
  const style = Object.fromEntries(
    PALETTE_KEYS.flatMap((key) => {
      const colours = coloursFor(palette, key);
      return [[`--sev-${key}-bg`, colours.background], [`--sev-${key}-fg`, colours.text]];
    }),
  );

  return (
    <main class="portfolio" style={style}>
      <header class="page-head">
        <h1>Portfolio check</h1>
        <p class="lede">
          Do you hold anything a US person may not hold or buy? Pick your broker's positions export and every holding is checked against the lists in
          Sanctions Lens. The file is read in this page and never leaves your computer.
        </p>
      </header>

      {loaded && 'error' in loaded ? <p class="problem" role="alert">{loaded.error}</p> : null}

      <section
        class={`intake${dragging ? ' dragging' : ''}`}
        aria-label="Positions to check"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer?.files[0];
          if (file) void checkFile(file);
        }}
      >
        <div class="pick">
          <label class="file-label" for="positions-file">
            Positions file (CSV or tab-separated)
          </label>
          <input
            ref={fileInput}
            id="positions-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            disabled={!dataset || busy}
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) void checkFile(file);
            }}
          />
          <p class="small muted">
            Or drop the file here. Read: Fidelity, Charles Schwab, Interactive Brokers (activity statement), Vanguard, E*TRADE and Robinhood (account
            activity) exports, and any table with a symbol, ISIN, CUSIP or name column.
          </p>
          <p class="small muted">
            An Excel workbook? Open it and use File → Save As → “CSV UTF-8 (Comma delimited)”, then pick the CSV.
          </p>
        </div>
        <div class="paste">
          <label for="pasted-rows">Or paste rows copied from your broker's positions screen</label>
          <textarea id="pasted-rows" rows={4} value={pasted} onInput={(event) => setPasted((event.currentTarget as HTMLTextAreaElement).value)} placeholder={'Symbol\tDescription\tQuantity\nCHL\tChina Mobile Ltd\t100'} />
          <button type="button" onClick={checkPaste} disabled={!dataset || busy}>
            Check pasted rows
          </button>
        </div>
      </section>

      {problem ? (
        <p class="problem" role="alert" data-testid="problem">
          {problem}
        </p>
      ) : null}
      {/* One live region, so a screen reader hears "Checking…" and then the result. */}
      <p class="status muted" role="status">
        {busy ? 'Checking…' : !problem ? status : ''}
      </p>

      {kept && !showingKept ? (
        <p class="kept-elsewhere small" data-testid="kept-elsewhere">
          A report you kept on {formatDateTime(kept.createdAt)} is stored on this device.{' '}
          <button type="button" onClick={deleteKept}>
            Delete kept report
          </button>
        </p>
      ) : null}

      {report ? <ReportView report={report} kept={showingKept} onKeep={showingKept ? deleteKept : keep} api={api} /> : null}
    </main>
  );
}

function ReportView({ report, kept, onKeep, api }: { report: Report; kept: boolean; onKeep: () => void; api: PortfolioApi }) {
  const counts = report.summary;
  return (
    <section class="report" aria-labelledby="report-title">
      <div class="report-head">
        <h2 id="report-title">Report</h2>
        <div class="actions">
          <button type="button" onClick={() => api.download(csvFileName(report), reportToCsv(report), 'text/csv;charset=utf-8')}>
            Export CSV
          </button>
          <button type="button" onClick={() => api.print()}>
            Print
          </button>
          <button type="button" onClick={onKeep} aria-pressed={kept}>
            {kept ? 'Delete kept report' : 'Keep on this device'}
          </button>
        </div>
      </div>
      <p class="summary" data-testid="summary">
        {summaryLine(counts)}
      </p>
      <ul class="counts" aria-hidden="true">
        {STATUS_ORDER.filter((status) => status !== 'formerly-listed').map((status) => {
          const n = status === 'clear' ? counts.clear : counts[status as keyof typeof counts];
          return (
            <li key={status} class={`count chip-${status}${n === 0 ? ' none' : ''}`}>
              <b>{n}</b> {status === 'check' ? 'to check' : status}
            </li>
          );
        })}
      </ul>
      <dl class="meta small">
        <div>
          <dt>Read from</dt>
          <dd>{report.source}</dd>
        </div>
        <div>
          <dt>Columns used</dt>
          <dd>{report.columns}</dd>
        </div>
        <div>
          <dt>Checked against</dt>
          <dd>{report.checkedAgainst}</dd>
        </div>
        <div>
          <dt>Checked on</dt>
          <dd>{formatDate(report.createdAt.slice(0, 10))}</dd>
        </div>
      </dl>
      {isOldAge(ageInDays(report.dataAsOf, Date.now())) ? (
        <p class="warning small" data-testid="report-old-data">
          {listsAsOfWords(report.dataAsOf)} Changes made to the lists after that date may be missing from this report.
        </p>
      ) : null}
      {report.notes.length > 0 ? (
        <ul class="notes small">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <ol class="holdings" aria-label="Holdings, most serious first">
        {report.rows.map((row) => (
          <HoldingRow key={`${row.row}-${row.symbol}-${row.name}`} row={row} />
        ))}
      </ol>
      <p class="disclaimer small muted">
        This report says which lists name a company and what those lists mean, in the words of the orders and OFAC's guidance. It is not legal advice:
        a match by symbol or name can be wrong, and a company not in the data can still be restricted (for example through a listed parent). Check
        with your broker or counsel before you act.
      </p>
    </section>
  );
}
