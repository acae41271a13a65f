// Exchange codes as readers see them (prefixes "HKEX:", suffixes ".HK", Bloomberg codes "941 HK"), each
// mapped to one venue, and the rule for when a quoted venue can be the venue of a listed ticker.

/** Prefix before a colon ("NYSE: CHL", "HKG:0700"), upper case → venue. */
export const PREFIX_VENUES: Record<string, string> = {
  NYSE: 'NYSE', NASDAQ: 'NASDAQ', NASDAQGS: 'NASDAQ', NASDAQGM: 'NASDAQ', NYSEARCA: 'NYSE', NYSEAMERICAN: 'NYSE',
  AMEX: 'NYSE', US: 'US', OTC: 'OTC', OTCMKTS: 'OTC', OTCQX: 'OTC', OTCQB: 'OTC', PINK: 'OTC',
  HKEX: 'HK', HKG: 'HK', SEHK: 'HK', HKSE: 'HK', HK: 'HK',
  SSE: 'SSE', SHA: 'SSE', SH: 'SSE', SZSE: 'SZSE', SHE: 'SZSE', SZ: 'SZSE',
  MOEX: 'MOEX', MCX: 'MOEX', MICEX: 'MOEX',
  XETRA: 'DE', ETR: 'DE', FRA: 'DE', FWB: 'DE', SGX: 'SG', TSX: 'CA', B3: 'BR', BVMF: 'BR', BCBA: 'AR', BYMA: 'AR',
  LSE: 'LSE', LON: 'LSE',
  // India's exchanges: no listed company of the data trades there, so a listing there is always another company's.
  BSE: 'IN', NSE: 'IN',
};

/** Dotted suffix after a symbol ("1810.HK", "600760.SS"), upper case → venue. */
export const SUFFIX_VENUES: Record<string, string> = {
  HK: 'HK', SS: 'SSE', SH: 'SSE', SZ: 'SZSE', ME: 'MOEX', MM: 'MOEX', DE: 'DE', F: 'DE', SI: 'SG',
  SA: 'BR', BA: 'AR', TO: 'CA', L: 'LSE', US: 'US', O: 'NASDAQ', N: 'NYSE', OQ: 'NASDAQ', PK: 'OTC',
};

/** Bloomberg market code after a space ("941 HK", "CHL US"), upper case → venue. */
export const BLOOMBERG_VENUES: Record<string, string> = {
  HK: 'HK', US: 'US', UN: 'NYSE', UQ: 'NASDAQ', UW: 'NASDAQ', UV: 'OTC', UP: 'OTC', CH: 'CN', C1: 'SSE',
  C2: 'SZSE', RM: 'MOEX', RX: 'MOEX', GR: 'DE', GY: 'DE', SP: 'SG', BZ: 'BR', AR: 'AR', CN: 'CA', LN: 'LSE', LI: 'LSE',
};

/** Dataset exchange code → venue. The dataset uses ISO-style codes and, from OFAC, Bloomberg market codes. */
export const DATASET_VENUES: Record<string, string> = {
  HKEX: 'HK', HK: 'HK', NYSE: 'NYSE', NASDAQ: 'NASDAQ', US: 'US', OTC: 'OTC', SSE: 'SSE', SZSE: 'SZSE',
  CN: 'CN', MOEX: 'MOEX', RU: 'MOEX', DE: 'DE', XETRA: 'DE', SG: 'SG', SGX: 'SG', BR: 'BR', B3: 'BR',
  AR: 'AR', BCBA: 'AR', CA: 'CA', TSX: 'CA', LSE: 'LSE',
};

const US_VENUES = new Set(['NYSE', 'NASDAQ', 'OTC', 'US']);
const CN_VENUES = new Set(['SSE', 'SZSE', 'CN']);

export function datasetVenue(exchange: string): string {
  const code = exchange.trim().toUpperCase();
  return DATASET_VENUES[code] ?? code;
}

/** Can a symbol quoted on `quoted` be the listing on `listed`? "US" is the composite of US venues, "CN" of mainland ones. */
export function venuesCompatible(quoted: string, listed: string): boolean {
  if (quoted === listed) return true;
  if ((quoted === 'US' && US_VENUES.has(listed)) || (listed === 'US' && US_VENUES.has(quoted))) return true;
  return (quoted === 'CN' && CN_VENUES.has(listed)) || (listed === 'CN' && CN_VENUES.has(quoted));
}

/** Digits a venue writes its codes with: Hong Kong up to five (leading zeros optional), mainland exactly six. */
export function numericCodeFits(venue: string, digits: number): boolean {
  if (venue === 'HK') return digits <= 5;
  if (CN_VENUES.has(venue)) return digits === 6;
  return true;
}

/**
 * Exchanges spelled out in prose ("Moscow Exchange data showed …", "на Мосбирже", "港交所"), matched on lower-cased
 * text → venue. A bare symbol of that venue in the same line is read as a ticker.
 */
export const SPELLED_VENUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/moscow exchange|moscow stock exchange|мосбирж|московск(?:ая|ой|ую) бирж/u, 'MOEX'],
  [/hong kong stock exchange|hong kong exchanges?\b|港交所|联交所|聯交所|香港交易所/u, 'HK'],
  [/shanghai stock exchange|shanghai bourse|上交所|上海证券交易所|上海證券交易所/u, 'SSE'],
  [/shenzhen stock exchange|shenzhen bourse|深交所|深圳证券交易所|深圳證券交易所/u, 'SZSE'],
  [/new york stock exchange/u, 'NYSE'],
];
