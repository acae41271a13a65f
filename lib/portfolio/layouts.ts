// The brokers' documented export layouts, as data: the header cells that identify each one, and
// what its symbols mean. A file that fits none is read by its column headers or contents alone.

export type LayoutId = 'fidelity' | 'schwab' | 'ibkr' | 'vanguard' | 'etrade' | 'robinhood' | 'generic' | 'page';

export interface Layout {
  id: LayoutId;
  /** "Fidelity positions export" — shown as "Read as …". */
  label: string;
  /** Header cells (compared case-insensitively) that all appear in the layout's header row. */
  header: string[];
  /**
   * The venue a bare symbol in this export is on. US brokers' positions pages quote US symbols
   * (a Hong Kong share bought through them appears under its US OTC symbol); undefined when the
   * file may hold any market's symbols.
   */
  venue?: 'US';
  /** A list of trades rather than of positions: holdings are what the buys and sells leave. */
  activity?: boolean;
}

export const LAYOUTS: Layout[] = [
  {
    id: 'fidelity',
    label: 'Fidelity positions export',
    header: ['Account Number', 'Account Name', 'Symbol', 'Description', 'Quantity', 'Current Value'],
    venue: 'US',
  },
  {
    id: 'schwab',
    label: 'Charles Schwab positions export',
    header: ['Symbol', 'Description', 'Qty (Quantity)', 'Mkt Val (Market Value)'],
    venue: 'US',
  },
  {
    id: 'vanguard',
    label: 'Vanguard holdings download',
    header: ['Account Number', 'Investment Name', 'Symbol', 'Shares', 'Share Price', 'Total Value'],
    venue: 'US',
  },
  {
    id: 'etrade',
    label: 'E*TRADE portfolio download',
    header: ['Symbol', 'Last Price $', 'Quantity', 'Price Paid $', 'Value $'],
    venue: 'US',
  },
  {
    id: 'robinhood',
    label: 'Robinhood account activity report',
    header: ['Activity Date', 'Instrument', 'Description', 'Trans Code', 'Quantity'],
    venue: 'US',
    activity: true,
  },
  // Interactive Brokers' activity statement is a file of sections; its header is read after the
  // section name and row kind (see positions.ts), so the venue comes from its own columns.
  {
    id: 'ibkr',
    label: 'Interactive Brokers activity statement',
    header: ['DataDiscriminator', 'Asset Category', 'Currency', 'Symbol', 'Quantity'],
  },
];

export const GENERIC_LAYOUT: Layout = { id: 'generic', label: 'positions table', header: [] };
export const PAGE_LAYOUT: Layout = { id: 'page', label: 'positions table on the page', header: [] };

const key = (cell: string) => cell.replace(/^\uFEFF/, '').trim().toLowerCase();

export function layoutOfHeader(header: string[]): Layout | undefined {
  const cells = new Set(header.map(key));
  return LAYOUTS.find((layout) => layout.header.every((cell) => cells.has(key(cell))));
}

/** Transaction tables (Vanguard's second section, a history export): not positions. */
export function isTransactionHeader(header: string[]): boolean {
  const cells = new Set(header.map(key));
  return ['trade date', 'transaction type', 'run date', 'action', 'settlement date'].some((cell) => cells.has(cell));
}
