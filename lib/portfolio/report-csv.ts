// The report as a CSV a spreadsheet opens (and this page reads back): one line per holding, the
// same words as on screen. Cells that a spreadsheet would run as a formula are quoted with a
// leading apostrophe, since a positions file can carry any text into them.
import Papa from 'papaparse';
import { STATUS_LABEL, type Report, type ReportRow } from './report';

export const CSV_COLUMNS = [
  'Status', 'Symbol', 'Name', 'ISIN / CUSIP', 'Quantity', 'Value', 'Listed company', 'Entity id', 'Matched', 'Meaning for a US person',
  'Lists', 'Divest by', 'Court rulings', 'Sources', 'Explanation', 'Row', 'Data version',
] as const;

export type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string>;

const STATUS_WORD: Record<string, string> = { ...STATUS_LABEL };

function listingText(listing: ReportRow['listings'][number]): string {
  const dates = [`since ${listing.since}`, listing.effective && `effective ${listing.effective}`, listing.divestBy && `divest by ${listing.divestBy}`, listing.until && `until ${listing.until}`].filter(Boolean).join(', ');
  return `${listing.list} (${listing.inForce ? 'in force' : listing.status}, ${dates})`;
}

export function recordOf(row: ReportRow, report: Pick<Report, 'dataVersion'>): CsvRecord {
  return {
    Status: STATUS_WORD[row.status],
    Symbol: row.symbol ?? '',
    Name: row.name ?? '',
    'ISIN / CUSIP': row.isin ?? '',
    Quantity: row.quantity ?? '',
    Value: row.value ?? '',
    'Listed company': row.company ?? '',
    'Entity id': row.entityId ?? '',
    Matched: row.matched ?? '',
    'Meaning for a US person': row.verdict,
    Lists: row.listings.map(listingText).join('; '),
    'Divest by': row.divest ?? '',
    'Court rulings': row.rulings.map((ruling) => `${ruling.date} ${ruling.caption}: ${ruling.outcome}`).join('; '),
    Sources: row.sources.join(' '),
    Explanation: row.explanation,
    Row: String(row.row),
    'Data version': report.dataVersion,
  };
}

export function reportToCsv(report: Report): string {
  const rows = report.rows.map((row) => CSV_COLUMNS.map((column) => recordOf(row, report)[column]));
  // CRLF and a BOM: what Excel expects to open UTF-8 text with its accents and CJK names intact.
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

/** Reads an exported report back (for tests and for anyone checking an export). */
export function recordsFromCsv(text: string): CsvRecord[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return parsed.data.map((raw) => {
    const record = {} as CsvRecord;
    for (const column of CSV_COLUMNS) record[column] = (raw[column] ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
    return record;
  });
}

export function csvFileName(report: Pick<Report, 'createdAt'>): string {
  return `portfolio-check-${report.createdAt.slice(0, 10)}.csv`;
}
