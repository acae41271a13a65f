// Turns OFAC's Bloomberg-style ticker codes (`941 HK`, `CHL US`, `600118 CN`) into exchange + symbol.
// The mapping (documented in README "Data"):
//   HK → HKEX, leading zeros dropped (`00883` → `883`, as quote pages and news print it)
//   US → NYSE or NASDAQ when OFAC's comment names it, else `US` (OFAC does not say which venue)
//   CN → SSE for codes starting 6 or 9, SZSE for 0, 2 or 3 (the two A-share markets' code ranges)
//   RU → MOEX only when OFAC's comment says so (a MICEX Code); else `RU`: OFAC prints Russia's country
//        code for foreign ADRs traded there (CHL RU), and the venue is not given
//   SG → SGX, BR → B3, AR → BCBA, CA → TSX, LN → LSE
//   DE → `DE` (Bloomberg's German composite: Xetra and the regional exchanges share symbols)
//   any other code is kept as printed.
import type { Ticker } from '../../lib/dataset/types';

const BY_CODE: Record<string, string> = {
  HK: 'HKEX',
  RU: 'RU',
  SG: 'SGX',
  BR: 'B3',
  AR: 'BCBA',
  CA: 'TSX',
  LN: 'LSE',
  DE: 'DE',
  US: 'US',
};

const US_VENUES = ['NYSE', 'NASDAQ'];

export class TickerError extends Error {}

export function chinaAShareExchange(symbol: string): 'SSE' | 'SZSE' | undefined {
  if (/^[69]\d{5}$/.test(symbol)) return 'SSE';
  if (/^[023]\d{5}$/.test(symbol)) return 'SZSE';
  return undefined;
}

/** `941 HK` (+ comment `(HKEX)`) → {exchange: 'HKEX', symbol: '941'}. Throws TickerError on codes it cannot read. */
export function normalizeOfacTicker(code: string, comment?: string): Ticker {
  const match = /^([A-Z0-9./-]+?)\s*([A-Z]{2})$/.exec(code.trim().toUpperCase());
  if (!match) throw new TickerError(`cannot read ticker "${code}" (expected SYMBOL MARKET, e.g. "941 HK")`);
  const [, rawSymbol, market] = match;
  const venue = comment?.replace(/[()]/g, '').trim().toUpperCase();
  if (market === 'HK') return { exchange: 'HKEX', symbol: rawSymbol.replace(/^0+(?=\d)/, '') };
  if (market === 'CN') {
    const exchange = chinaAShareExchange(rawSymbol);
    if (!exchange) throw new TickerError(`"${code}": ${rawSymbol} is not a Shanghai or Shenzhen A-share code`);
    return { exchange, symbol: rawSymbol };
  }
  if (market === 'US' && venue && US_VENUES.includes(venue)) return { exchange: venue, symbol: rawSymbol };
  if (market === 'RU' && venue === 'MOEX') return { exchange: 'MOEX', symbol: rawSymbol };
  return { exchange: BY_CODE[market] ?? market, symbol: rawSymbol };
}

export function tickerKey(ticker: Ticker): string {
  return `${ticker.exchange}:${ticker.symbol}`;
}
