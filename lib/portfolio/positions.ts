// A positions table (a broker's export, a paste from a broker's screen, or the rows of a table on
// the page) → one Position per holding, with the columns each value came from. Parsing is
// papaparse's; this module decides which rows are the header, which are holdings and which are
// totals, cash lines or disclaimers.
import Papa from 'papaparse';
import { isValidIsin } from '../match/isin';
import { IDENTIFYING_ROLES, columnsFromContent, columnsFromHeader, hasIdentifyingColumn, isValidCusip, looksLikeTicker, type ColumnMap, type ColumnRole } from './columns';

const CELL_TESTS: Record<string, (cell: string) => boolean> = { isin: (cell) => isValidIsin(cell), cusip: (cell) => isValidCusip(cell), symbol: looksLikeTicker };
import { GENERIC_LAYOUT, isTransactionHeader, layoutOfHeader, type Layout } from './layouts';

/** More holdings than any real account has; beyond it the file is read in part, and the report says so. */
export const MAX_POSITIONS = 5000;

export interface Position {
  /** Row of the table, counted from 1 as a spreadsheet shows it. */
  row: number;
  symbol?: string;
  isin?: string;
  cusip?: string;
  name?: string;
  quantity?: string;
  value?: string;
  exchange?: string;
  currency?: string;
}

export type PositionsRead =
  | {
      ok: true;
      layout: Layout;
      columns: ColumnMap;
      positions: Position[];
      /** Totals, cash lines, option legs and disclaimers left out. */
      skipped: number;
      /** Holdings beyond MAX_POSITIONS that were not read. */
      truncated: number;
      notes: string[];
    }
  | { ok: false; problem: string };

const FIELDS: ColumnRole[] = ['symbol', 'isin', 'cusip', 'name', 'quantity', 'value', 'exchange', 'currency'];

/** Rows that are not holdings: totals, cash sweeps, pending lines. */
const NOT_A_HOLDING = /^(?:account total|total|totals|grand total|sub ?total|cash|cash & cash investments|cash and cash investments|pending activity|cash & money market|money market|futures cash|cash balance)s?\b/i;

function cell(row: string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = (row[index] ?? '').trim();
  return value === '' || value === '--' || value === 'n/a' ? undefined : value;
}

function positionOf(row: string[], columns: ColumnMap, rowNumber: number): Position | undefined {
  const position: Position = { row: rowNumber };
  for (const field of FIELDS) {
    const value = cell(row, columns[field]?.index);
    if (value !== undefined) position[field] = value;
  }
  // Fidelity marks its core money-market position "SPAXX**".
  if (position.symbol) position.symbol = position.symbol.replace(/\*+$/, '').trim() || undefined;
  if (!position.symbol && !position.isin && !position.cusip && !position.name) return undefined;
  const label = position.symbol ?? position.name ?? '';
  if (NOT_A_HOLDING.test(label) || (!position.symbol && position.name && NOT_A_HOLDING.test(position.name))) return undefined;
  return position;
}

/** Rows copied from a screen are tab-separated, and their numbers have commas ("3,000"): tabs win when most lines have them. */
function delimiterOf(text: string): string | undefined {
  const lines = text.split(/\r?\n/, 50).filter((line) => line.trim());
  return lines.length > 0 && lines.filter((line) => line.includes('\t')).length >= lines.length * 0.6 ? '\t' : undefined;
}

function parseRows(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(clean);
  const parsed = Papa.parse<string[]>(clean, delimiter ? { skipEmptyLines: false, delimiter } : { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  return parsed.data.map((row) => (Array.isArray(row) ? row.map((value) => String(value ?? '')) : []));
}

const isBlank = (row: string[]) => row.every((value) => value.trim() === '');

/** A row that names at least two roles, one of them identifying: a header. */
function headerColumns(row: string[]): ColumnMap | undefined {
  const map = columnsFromHeader(row);
  return hasIdentifyingColumn(map) && Object.keys(map).length >= 2 ? map : undefined;
}

/** Interactive Brokers: "Section,Header|Data|Total,…" rows; positions in "Open Positions", ISINs and venues in "Financial Instrument Information". */
function readIbkr(rows: string[][], layout: Layout): PositionsRead {
  const headers = new Map<string, string[]>();
  const instruments = new Map<string, { name?: string; isin?: string; exchange?: string }>();
  const open: { row: string[]; header: string[]; rowNumber: number }[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    const [section, kind] = row;
    const rest = row.slice(2);
    if (kind === 'Header') {
      headers.set(section, rest);
      return;
    }
    const header = headers.get(section);
    if (!header) return;
    const field = (name: string) => {
      const index = header.indexOf(name);
      return index < 0 ? undefined : (rest[index] ?? '').trim() || undefined;
    };
    if (section === 'Open Positions') {
      const discriminator = field('DataDiscriminator');
      const category = field('Asset Category') ?? '';
      if (kind !== 'Data' || (discriminator && discriminator !== 'Summary') || /forex|cash/i.test(category)) {
        skipped++;
        return;
      }
      open.push({ row: rest, header, rowNumber: i + 1 });
    } else if (section === 'Financial Instrument Information' && kind === 'Data') {
      const symbol = field('Symbol');
      const id = field('Security ID');
      if (symbol) instruments.set(symbol, { name: field('Description'), isin: id && isValidIsin(id) ? id : undefined, exchange: field('Listing Exch') });
    }
  });
  if (open.length === 0 && headers.has('Open Positions')) {
    return { ok: false, problem: 'This Interactive Brokers statement has an "Open Positions" section with no positions in it.' };
  }
  const positions: Position[] = open.map(({ row, header, rowNumber }) => {
    const get = (name: string) => {
      const index = header.indexOf(name);
      return index < 0 ? undefined : (row[index] ?? '').trim() || undefined;
    };
    const symbol = get('Symbol')!;
    const info = instruments.get(symbol) ?? {};
    return { row: rowNumber, symbol, name: info.name, isin: info.isin, exchange: info.exchange, quantity: get('Quantity'), value: get('Value'), currency: get('Currency') };
  });
  const columns: ColumnMap = {
    symbol: { index: 0, header: 'Symbol (Open Positions)' },
    name: { index: 1, header: 'Description (Financial Instrument Information)' },
    isin: { index: 2, header: 'Security ID (Financial Instrument Information)' },
    exchange: { index: 3, header: 'Listing Exch (Financial Instrument Information)' },
    quantity: { index: 4, header: 'Quantity' },
    value: { index: 5, header: 'Value' },
  };
  return finish(layout, columns, positions, skipped, []);
}

/** Robinhood exports activity, not positions: a holding is what an instrument's buys and sells leave. */
function readActivity(layout: Layout, header: string[], rows: { row: string[]; rowNumber: number }[]): PositionsRead {
  const index = (name: string) => header.findIndex((cellText) => cellText.trim().toLowerCase() === name);
  const iInstrument = index('instrument');
  const iDescription = index('description');
  const iCode = index('trans code');
  const iQuantity = index('quantity');
  const held = new Map<string, { quantity: number; name?: string; cusip?: string; row: number }>();
  let skipped = 0;
  for (const { row, rowNumber } of rows) {
    const instrument = (row[iInstrument] ?? '').trim();
    const code = (row[iCode] ?? '').trim().toLowerCase();
    const quantity = Number.parseFloat((row[iQuantity] ?? '').replace(/[^0-9.\-]/g, ''));
    const sign = code === 'buy' || code === 'rec' || code === 'acati' ? 1 : code === 'sell' || code === 'acato' ? -1 : 0;
    if (!instrument || sign === 0 || !Number.isFinite(quantity)) {
      skipped++;
      continue;
    }
    const description = (row[iDescription] ?? '').trim();
    const entry = held.get(instrument) ?? { quantity: 0, row: rowNumber };
    entry.quantity += sign * quantity;
    entry.name ??= description.split('\n')[0].trim() || undefined;
    entry.cusip ??= /CUSIP:\s*([0-9A-Z]{9})/i.exec(description)?.[1];
    held.set(instrument, entry);
  }
  const positions: Position[] = [];
  for (const [symbol, entry] of held) {
    if (entry.quantity <= 1e-6) continue;
    positions.push({ row: entry.row, symbol, name: entry.name, cusip: entry.cusip && isValidCusip(entry.cusip) ? entry.cusip : undefined, quantity: String(Math.round(entry.quantity * 1e6) / 1e6) });
  }
  const columns: ColumnMap = {
    symbol: { index: iInstrument, header: 'Instrument' },
    name: { index: iDescription, header: 'Description' },
    cusip: { index: iDescription, header: 'Description (CUSIP line)' },
    quantity: { index: iQuantity, header: 'Quantity (buys less sells)' },
  };
  const notes = ['Robinhood exports account activity, not a list of positions: holdings are the instruments whose buys outweigh their sells in this report. Pick a report that starts when the account opened.'];
  return finish(layout, columns, positions, skipped, notes);
}

function finish(layout: Layout, columns: ColumnMap, positions: Position[], skipped: number, notes: string[]): PositionsRead {
  if (positions.length === 0) {
    return { ok: false, problem: `No holdings were found in this ${layout.label}: every row was a total, a cash line or empty.` };
  }
  const truncated = Math.max(0, positions.length - MAX_POSITIONS);
  if (truncated > 0) notes.push(`Only the first ${MAX_POSITIONS.toLocaleString('en-US')} holdings were checked; ${truncated.toLocaleString('en-US')} more were not read.`);
  return { ok: true, layout, columns, positions: positions.slice(0, MAX_POSITIONS), skipped, truncated, notes };
}

function describeFirstRow(rows: string[][]): string {
  const first = rows.find((row) => !isBlank(row));
  if (!first) return '';
  const text = first.filter((value) => value.trim()).slice(0, 6).join(' | ');
  return ` The first row reads: “${text.length > 120 ? `${text.slice(0, 117)}…` : text}”.`;
}

const NO_COLUMN =
  'No column of ticker symbols, ISINs, CUSIPs or company names was found, so nothing could be checked. Export the positions with a "Symbol" or "Description" column, or paste the rows including the header.';

/** Reads a positions table from text (CSV, TSV or a paste). `fallback` names the source when no broker layout fits. */
export function readPositions(text: string, fallback: Layout = GENERIC_LAYOUT): PositionsRead {
  const rows = parseRows(text);
  if (rows.every(isBlank)) return { ok: false, problem: 'There are no rows to read.' };
  if (rows.some((row) => row[0] === 'Open Positions' && row[1] === 'Header')) {
    return readIbkr(rows, layoutOfHeader(['DataDiscriminator', 'Asset Category', 'Currency', 'Symbol', 'Quantity'])!);
  }

  const headerAt = rows.findIndex((row) => headerColumns(row) !== undefined);
  if (headerAt >= 0) {
    let header = rows[headerAt];
    let columns = headerColumns(header)!;
    const layout = layoutOfHeader(header) ?? fallback;
    if (layout.activity) {
      return readActivity(layout, header, rows.slice(headerAt + 1).map((row, i) => ({ row, rowNumber: headerAt + i + 2 })));
    }
    const positions: Position[] = [];
    let skipped = 0;
    for (let i = headerAt + 1; i < rows.length; i++) {
      const row = rows[i];
      if (isBlank(row)) continue;
      const again = headerColumns(row);
      if (again) {
        // A second table: another account's positions (read on), or the transactions that follow them (stop).
        if (isTransactionHeader(row)) break;
        header = row;
        columns = again;
        continue;
      }
      // A line of its own under a wide table is a note or a footer ("Generated at …"), not a holding.
      const position = header.length >= 3 && row.filter((value) => value.trim()).length === 1 ? undefined : positionOf(row, columns, i + 1);
      if (position) positions.push(position);
      else skipped++;
    }
    return finish(layout, columnsFromHeader(rows[headerAt]), positions, skipped, []);
  }

  // No header in words we know: decide by what the cells hold.
  const filled = rows.map((row, i) => ({ row, rowNumber: i + 1 })).filter(({ row }) => !isBlank(row));
  let columns = columnsFromContent(filled.map(({ row }) => row));
  let data = filled;
  if (filled.length > 1) {
    // The first row may be a header in words we do not know: judge the rest without it, and keep
    // it as the header when its cell in an identifying column is not an identifier itself.
    const rest = columnsFromContent(filled.slice(1).map(({ row }) => row));
    const role = IDENTIFYING_ROLES.find((r) => rest[r] && r !== 'name');
    const first = filled[0].row;
    if (role && !CELL_TESTS[role]((first[rest[role]!.index] ?? '').trim())) {
      for (const column of Object.values(rest)) column!.header = (first[column!.index] ?? '').trim() || column!.header;
      columns = rest;
      data = filled.slice(1);
    } else if (!hasIdentifyingColumn(columns)) {
      columns = rest;
      data = filled.slice(1);
    }
  }
  if (!hasIdentifyingColumn(columns)) return { ok: false, problem: NO_COLUMN + describeFirstRow(rows) };
  const positions = data.flatMap(({ row, rowNumber }) => positionOf(row, columns, rowNumber) ?? []);
  return finish(fallback, columns, positions, data.length - positions.length, ['The file has no header row we recognise; its columns were chosen by what their cells hold.']);
}
