// A symbol as brokers and quote sites write it ("1810.HK", "HKG:0700", "941 HK Equity", "XIACY",
// "SPAXX**") → the bare code and the venue it names, with the venue tables the matcher uses.
import { BLOOMBERG_VENUES, PREFIX_VENUES, SUFFIX_VENUES } from '../match/exchanges';

export interface SymbolForm {
  /** Upper case; digits without leading zeros ("0700" → "700"). */
  code: string;
  /** Venue named in the symbol itself (matcher venue codes: HK, NYSE, US, MOEX…). */
  venue?: string;
}

/** Hong Kong codes are written with and without leading zeros; the dataset stores them without. */
export function bareCode(code: string): string {
  return /^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code;
}

export function parseSymbol(raw: string): SymbolForm {
  const text = raw.trim().toUpperCase().replace(/\*+$/, '').replace(/^\$/, '').replace(/\s+EQUITY$/, '').trim();
  const prefixed = /^([A-Z]+)\s*:\s*([A-Z0-9][A-Z0-9.\-/]*)$/.exec(text);
  if (prefixed && PREFIX_VENUES[prefixed[1]]) return { code: bareCode(prefixed[2]), venue: PREFIX_VENUES[prefixed[1]] };
  const bloomberg = /^([A-Z0-9][A-Z0-9.\-/]*)\s+([A-Z0-9]{2})$/.exec(text);
  if (bloomberg && BLOOMBERG_VENUES[bloomberg[2]]) return { code: bareCode(bloomberg[1]), venue: BLOOMBERG_VENUES[bloomberg[2]] };
  const suffixed = /^([A-Z0-9][A-Z0-9\-]*)\.([A-Z]{1,2})$/.exec(text);
  // "BRK.B" is a US share class, not a venue: only suffixes of the table count, and a one-letter one only after digits or a long code.
  if (suffixed && SUFFIX_VENUES[suffixed[2]] && (suffixed[2].length === 2 || /^\d+$/.test(suffixed[1]) || suffixed[1].length >= 3)) {
    return { code: bareCode(suffixed[1]), venue: SUFFIX_VENUES[suffixed[2]] };
  }
  return { code: bareCode(text.replace(/\s+/g, '')) };
}

/** An exchange column's value ("SEHK", "NASDAQ", "Hong Kong") → venue, when it names one. */
export function venueOfExchange(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim().toUpperCase();
  if (PREFIX_VENUES[text]) return PREFIX_VENUES[text];
  if (/HONG KONG/.test(text)) return 'HK';
  if (/MOSCOW/.test(text)) return 'MOEX';
  if (/SHANGHAI/.test(text)) return 'SSE';
  if (/SHENZHEN/.test(text)) return 'SZSE';
  if (/LONDON/.test(text)) return 'LSE';
  if (/^(?:ARCA|BATS|ISLAND|NMS|NGM|NCM|IEX|PINK|OTCBB|NYSE ?MKT|NYSE ?ARCA)$/.test(text)) return 'US';
  return undefined;
}
