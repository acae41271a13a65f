// Which column of a positions table holds what: from the header's words when there is a header,
// else from what the cells look like. The header words are a table (data, not code paths), so a
// new broker's spelling is one line.
import { isValidIsin } from '../match/isin';

export type ColumnRole = 'symbol' | 'isin' | 'cusip' | 'name' | 'quantity' | 'value' | 'exchange' | 'currency';

/** Role → column index, and the header text of that column (for "which column matched"). */
export type ColumnMap = Partial<Record<ColumnRole, { index: number; header: string }>>;

/** The roles that identify a security; a table needs one of them. */
export const IDENTIFYING_ROLES: ColumnRole[] = ['isin', 'cusip', 'symbol', 'name'];

/** Header text (lower case, spaces collapsed) → role. Exact spellings from broker exports first. */
const HEADER_WORDS: [ColumnRole, string[]][] = [
  ['symbol', ['symbol', 'ticker', 'ticker symbol', 'instrument', 'sym', 'stock code', 'security symbol', 'code', 'symbol/cusip', 'bloomberg ticker', 'ric']],
  ['isin', ['isin', 'isin code', 'security id', 'isin number']],
  ['cusip', ['cusip', 'cusip number', 'cusip #']],
  ['name', ['description', 'name', 'security', 'security name', 'security description', 'investment name', 'company', 'company name', 'instrument name', 'holding', 'holdings', 'issuer', 'asset', 'investment', 'fund name', 'stock name', 'product', 'wertpapier', 'bezeichnung', 'titre', 'valeur', 'libellé']],
  ['quantity', ['quantity', 'qty', 'qty (quantity)', 'shares', 'units', 'position', 'quantity held', 'shares held', 'nominal', 'amount held', 'stück', 'stueck', 'anzahl', 'quantité']],
  ['value', ['value', 'market value', 'current value', 'mkt val (market value)', 'mkt val', 'total value', 'value $', 'position value', 'market value ($)', 'value (usd)', 'marketvalue', 'kurswert', 'marktwert', 'kurswert eur', 'montant']],
  ['exchange', ['exchange', 'listing exch', 'listing exchange', 'market', 'venue', 'primary exchange', 'exch']],
  ['currency', ['currency', 'ccy', 'currency code']],
];

const WORD_ROLE = new Map<string, ColumnRole>(HEADER_WORDS.flatMap(([role, words]) => words.map((word) => [word, role] as const)));

export function headerKey(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The role a header cell names, by exact spelling or by a telling word inside it ("ISIN / CUSIP", "Symbol (local)"). */
export function roleOfHeader(cell: string): ColumnRole | undefined {
  const key = headerKey(cell);
  if (!key) return undefined;
  const exact = WORD_ROLE.get(key);
  if (exact) return exact;
  // Words that look like a role but are not one ("Security Type", "Name of account").
  if (/\btype\b|\baccount\b|\bdate\b|\bprice\b|\bchange\b|\bchng\b|gain|\bcost\b|%/.test(key)) return undefined;
  if (/\bisin\b/.test(key)) return 'isin';
  if (/\bcusip\b/.test(key)) return 'cusip';
  if (/\bsymbol\b|\bticker\b/.test(key)) return 'symbol';
  if (/\bdescription\b|\bname\b/.test(key)) return 'name';
  if (/\bquantity\b|\bqty\b|\bshares\b/.test(key)) return 'quantity';
  if (/\bvalue\b/.test(key)) return 'value';
  if (/\bexchange\b/.test(key)) return 'exchange';
  return undefined;
}

/** Roles named by a header row (first column wins for a role). */
export function columnsFromHeader(header: string[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((cell, index) => {
    const role = roleOfHeader(cell);
    if (role && !map[role]) map[role] = { index, header: cell.trim() };
  });
  return map;
}

export function hasIdentifyingColumn(map: ColumnMap): boolean {
  return IDENTIFYING_ROLES.some((role) => map[role]);
}

// What cells look like, for files without a usable header.
const CUSIP_SHAPE = /^[0-9A-Z]{8}[0-9]$/;
const TICKER_SHAPE = /^(?:[A-Z]{1,6}:)?[A-Z0-9][A-Z0-9.\-/]{0,9}(?: [A-Z]{2})?$/;
const NUMBER_SHAPE = /^[-+(]?[$€£¥]?\s?[0-9][0-9,.' ]*\)?%?$/;

/** CUSIP check digit (the "modulus 10 double-add-double" of the CUSIP standard). */
export function isValidCusip(code: string): boolean {
  const cusip = code.toUpperCase();
  if (!CUSIP_SHAPE.test(cusip)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = cusip[i];
    let v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10 === cusip.charCodeAt(8) - 48;
}

export function looksLikeTicker(cell: string): boolean {
  const value = cell.trim().toUpperCase();
  if (!value || value.length > 16) return false;
  // Hong Kong and mainland codes are digits: believed with a venue ("0700.HK", "941 HK") or a leading zero.
  if (/^\d{1,6}(?:\.[A-Z]{2}| [A-Z]{2})$/.test(value) || /^0\d{3,5}$/.test(value)) return true;
  return TICKER_SHAPE.test(value) && /[A-Z]/.test(value);
}

export function looksLikeNumber(cell: string): boolean {
  return NUMBER_SHAPE.test(cell.trim());
}

function looksLikeName(cell: string): boolean {
  const value = cell.trim();
  return value.length >= 4 && /\p{L}{2}/u.test(value) && (/\s/.test(value) || value.length > 8 || /[\u3400-\u9fff]/.test(value));
}

/**
 * Roles from cell contents, for a headerless paste or a header in words we do not know: the
 * column where most cells are valid ISINs is the ISIN column, and so on.
 */
export function columnsFromContent(rows: string[][]): ColumnMap {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const map: ColumnMap = {};
  const share = (index: number, test: (cell: string) => boolean) => {
    const cells = rows.map((row) => (row[index] ?? '').trim()).filter(Boolean);
    return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
  };
  const taken = new Set<number>();
  const pick = (role: ColumnRole, test: (cell: string) => boolean, threshold: number) => {
    let best = -1;
    let bestShare = threshold;
    for (let i = 0; i < width; i++) {
      if (taken.has(i)) continue;
      const s = share(i, test);
      if (s >= bestShare && (best < 0 || s > bestShare)) {
        best = i;
        bestShare = s;
      }
    }
    if (best >= 0) {
      map[role] = { index: best, header: `column ${best + 1}` };
      taken.add(best);
    }
  };
  pick('isin', (cell) => isValidIsin(cell.trim()), 0.6);
  pick('cusip', (cell) => isValidCusip(cell.trim()), 0.6);
  pick('symbol', looksLikeTicker, 0.7);
  pick('name', looksLikeName, 0.6);
  pick('quantity', looksLikeNumber, 0.8);
  pick('value', looksLikeNumber, 0.8);
  return map;
}
