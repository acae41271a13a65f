// "Is this company on a list?": search over every company in the active dataset by name or
// alias (any script), ticker in the forms investors type ("HKEX 1810", "1810.HK", "1810"),
// or ISIN. Names go through fuse.js for typo tolerance; tickers and ISINs are looked up exactly,
// because a near-miss ticker is a different company.
import Fuse from 'fuse.js';
import type { Dataset, Entity, Ticker } from '../../lib/dataset/types';

export type MatchedBy = 'name' | 'alias' | 'ticker' | 'isin';

export interface SearchResult {
  entity: Entity;
  by: MatchedBy;
  /** What matched, as the data spells it ("HKEX 1810", "小米集团"). */
  matched: string;
  /**
   * True when only a spelling-tolerant match found it: a similar name, not necessarily the company
   * the user means ("apple" is not "Guizhou Space Appliance"). The popup says so.
   */
  similar?: boolean;
  /**
   * True when the query reads as a slip in typing this name ("Hikvison", "Huawey", "Sberbnak"):
   * one or two letters off, swapped, missing or extra. The popup offers it first, as "did you mean",
   * with its standing: a listed company must not hide behind a typo.
   */
  spelling?: boolean;
}

/** Shorter queries are too ambiguous for spelling tolerance: "DJI" must not list every "D…J…" name. */
const FUZZY_MIN_LENGTH = 5;

/** Legal-form words, dropped from names and queries so "Xiaomi Corp" finds "Xiaomi Corporation". */
const LEGAL_FORMS = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'lp',
  'pjsc', 'ojsc', 'jsc', 'oao', 'pao', 'ao', 'sa', 'ag', 'nv', 'gmbh', 'group', 'holding', 'holdings',
  'the', 'пао', 'оао', 'ао', 'зао',
]);
const CJK_LEGAL_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团'];

export function normalizeName(value: string): string {
  let text = value.normalize('NFKC').toLowerCase();
  for (const suffix of CJK_LEGAL_SUFFIXES) if (text.endsWith(suffix) && text.length > suffix.length) text = text.slice(0, -suffix.length);
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** Exchange codes and ticker suffixes that name the same market. */
const MARKETS: string[][] = [
  ['HKEX', 'HK', 'SEHK', 'XHKG'],
  ['SSE', 'SS', 'SH', 'XSHG'],
  ['SZSE', 'SZ', 'XSHE'],
  ['MOEX', 'ME', 'MM', 'RU', 'XMOS'],
  ['NYSE', 'N', 'XNYS', 'US'],
  ['NASDAQ', 'OQ', 'O', 'XNAS', 'US'],
  ['OTC', 'PK', 'OTCMKTS', 'US'],
  ['LSE', 'L', 'LN', 'XLON'],
  ['XETRA', 'DE', 'F', 'GR', 'XETR'],
  ['SGX', 'SI', 'SP', 'SG', 'XSES'],
  ['TSX', 'TO', 'CA', 'XTSE'],
  ['B3', 'SA', 'BR', 'BZ', 'BVMF'],
  ['BCBA', 'BA', 'AR', 'XBUE'],
  ['CN', 'SSE', 'SZSE', 'SS', 'SZ', 'SH'],
];

function sameMarket(typed: string, exchange: string): boolean {
  const a = typed.toUpperCase();
  const b = exchange.toUpperCase();
  return a === b || MARKETS.some((group) => group.includes(a) && group.includes(b));
}

function sameSymbol(a: string, b: string): boolean {
  const clean = (s: string) => (/^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s.toUpperCase());
  return clean(a) === clean(b);
}

interface TickerQuery {
  symbol: string;
  market?: string;
}

/** Reads the ways people write a ticker; undefined when the query cannot be one. */
export function parseTicker(query: string): TickerQuery | undefined {
  const q = query.trim().toUpperCase().replace(/^\$/, '');
  let m = /^([A-Z][A-Z0-9]{0,7})\s*:\s*([A-Z0-9.-]{1,12})$/.exec(q) ?? /^([A-Z][A-Z0-9]{1,7})\s+([0-9][A-Z0-9-]{0,11})$/.exec(q);
  if (m) return { market: m[1], symbol: m[2] };
  m = /^([A-Z0-9-]{1,12})\.([A-Z]{1,3})$/.exec(q) ?? /^([A-Z0-9-]{1,12})\s+([A-Z]{2})$/.exec(q);
  if (m) return { symbol: m[1], market: m[2] };
  m = /^([A-Z0-9-]{1,12})$/.exec(q);
  return m ? { symbol: m[1] } : undefined;
}

function tickerMatches(query: TickerQuery, ticker: Ticker): boolean {
  return sameSymbol(query.symbol, ticker.symbol) && (!query.market || sameMarket(query.market, ticker.exchange));
}

const ISIN = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;

interface NameRecord {
  entity: Entity;
  text: string;
  normalized: string;
  by: 'name' | 'alias';
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchResult[];
}

export function createSearchIndex(dataset: Pick<Dataset, 'entities'>): SearchIndex {
  const records: NameRecord[] = [];
  for (const entity of dataset.entities) {
    records.push({ entity, text: entity.name, normalized: normalizeName(entity.name), by: 'name' });
    for (const alias of [...entity.aliases, ...entity.weakAliases]) {
      records.push({ entity, text: alias, normalized: normalizeName(alias), by: 'alias' });
    }
  }
  const fuse = new Fuse(records, {
    keys: ['normalized'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 1,
  });

  return {
    search(query, limit = 20) {
      const trimmed = query.trim();
      if (!trimmed) return [];
      const results: SearchResult[] = [];
      const seen = new Set<string>();
      /** Each company once, in the order found; `how` marks a spelling-tolerant hit as a slip or a look-alike. */
      const add = (entity: Entity, by: MatchedBy, matched: string, how?: 'similar' | 'spelling') => {
        if (seen.has(entity.id) || results.length >= limit) return;
        seen.add(entity.id);
        results.push(how ? { entity, by, matched, [how]: true } : { entity, by, matched });
      };

      const compact = trimmed.toUpperCase().replace(/[\s-]/g, '');
      if (ISIN.test(compact)) {
        for (const entity of dataset.entities) if (entity.isins.includes(compact)) add(entity, 'isin', compact);
      }
      const ticker = parseTicker(trimmed);
      if (ticker) {
        for (const entity of dataset.entities) {
          const hit = entity.tickers.find((t) => tickerMatches(ticker, t));
          if (hit) add(entity, 'ticker', `${hit.exchange} ${hit.symbol}`);
        }
      }
      const normalized = normalizeName(trimmed);
      if (normalized) {
        // Names that are the query, or start a word with it, come first and are not "similar".
        const exact = records.filter((record) => record.normalized === normalized);
        const prefix = records.filter((record) => record.normalized !== normalized && startsAWord(record.normalized, normalized));
        for (const record of [...exact, ...prefix]) add(record.entity, record.by, record.text);
        if ([...normalized].length >= FUZZY_MIN_LENGTH) {
          const hits = fuse.search(normalized, { limit: limit * 3 });
          // Slips in typing a name come before names that merely look alike.
          const slips = hits.filter((hit) => typingSlipOf(hit.item.normalized, normalized));
          for (const { item } of slips) add(item.entity, item.by, item.text, 'spelling');
          for (const { item } of hits) add(item.entity, item.by, item.text, startsAWord(item.normalized, normalized) ? undefined : 'similar');
        }
      }
      return results;
    },
  };
}

/** Whether `query` starts a word of `name` (both normalised); CJK names have no spaces, so any position counts. */
function startsAWord(name: string, query: string): boolean {
  const at = name.indexOf(query);
  if (at < 0) return false;
  return at === 0 || name[at - 1] === ' ' || /[\p{Script=Han}]/u.test(query[0]);
}

/** Typing slips a query of this many characters may hold and still be read as a name: none under 5. */
function slipsAllowed(length: number): number {
  return length >= 8 ? 2 : length >= FUZZY_MIN_LENGTH ? 1 : 0;
}

/**
 * Whether `query` reads as `name`, or a run of as many of its words, typed with a slip or two: a
 * letter wrong, missing or extra, or two neighbours swapped (both normalised).
 */
export function typingSlipOf(name: string, query: string): boolean {
  const allowed = slipsAllowed([...query].length);
  if (allowed === 0) return false;
  const words = name.split(' ');
  const count = query.split(' ').length;
  if (words.length > count && slipsBetween(name, query, allowed) <= allowed) return true;
  for (let at = 0; at + count <= words.length; at++) {
    if (slipsBetween(words.slice(at, at + count).join(' '), query, allowed) <= allowed) return true;
  }
  return false;
}

/** Edits (with a swap of neighbours as one) from `a` to `b`; anything over `cap` reads as cap + 1. */
function slipsBetween(a: string, b: string, cap: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[y.length], cap + 1);
}
