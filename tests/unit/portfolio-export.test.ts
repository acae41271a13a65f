// The report's CSV export reads back to the same rows, keeps formulas inert, and is re-checkable;
// a kept report is stored only on request and can be deleted.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkPositionsText } from '../../lib/portfolio/check';
import { deleteKeptReport, keepReport, KEPT_REPORT_KEY, loadKeptReport } from '../../lib/portfolio/keep';
import { recordOf, recordsFromCsv, reportToCsv } from '../../lib/portfolio/report-csv';
import { checkFixture, dataset, identifier, NOW, outline } from './portfolio-helpers';

describe('CSV export', () => {
  it('round-trips every row and column', () => {
    const report = checkFixture('schwab-positions.csv');
    const csv = reportToCsv(report);
    expect(csv.startsWith('\uFEFFStatus,Symbol,Name,')).toBe(true);
    expect(recordsFromCsv(csv)).toEqual(report.rows.map((row) => recordOf(row, report)));
  });

  it('keeps a formula from a positions file inert in a spreadsheet, and reads it back as written', () => {
    const result = checkPositionsText('Symbol,Description,Quantity\nXYZ,"=HYPERLINK(""http://evil.example"")",-5\n', dataset, identifier, { source: 'x.csv', now: NOW });
    if (!result.ok) throw new Error(result.problem);
    const csv = reportToCsv(result.report);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(`'-5`);
    const [record] = recordsFromCsv(csv);
    expect(record.Name).toBe('=HYPERLINK("http://evil.example")');
    expect(record.Quantity).toBe('-5');
  });

  it('an exported report checked again finds the same listed companies', () => {
    const report = checkFixture('schwab-positions.csv');
    const again = checkPositionsText(reportToCsv(report), dataset, identifier, { source: 'export.csv', now: NOW });
    if (!again.ok) throw new Error(again.problem);
    const listed = (rows: typeof report.rows) => rows.filter((row) => row.entityId).map((row) => `${row.status} ${row.entityId}`);
    expect(listed(again.report.rows)).toEqual(listed(report.rows));
    // The export does not carry Schwab's "these are US symbols", so CTM (also a Frankfurt code) is now one to check, not clear.
    expect(again.report.rows.find((row) => row.symbol === 'CTM')?.status).toBe('check');
  });
});

describe('keeping the last report', () => {
  it('stores it only when asked, and deletes it', async () => {
    const area = fakeBrowser.storage.local;
    await area.clear();
    expect(await loadKeptReport(area)).toBeUndefined();
    const report = checkFixture('fidelity-positions.csv');
    await keepReport(area, report);
    expect((await loadKeptReport(area))?.rows.map((row) => row.symbol)).toEqual(report.rows.map((row) => row.symbol));
    await deleteKeptReport(area);
    expect(await area.get(KEPT_REPORT_KEY)).toEqual({});
  });

  it('ignores a stored value that is not a report', async () => {
    await fakeBrowser.storage.local.set({ [KEPT_REPORT_KEY]: { rows: 'nope' } });
    expect(await loadKeptReport(fakeBrowser.storage.local)).toBeUndefined();
  });
});
