// The facts the data build takes from an OFAC entry, whichever file format it came from
// (ENHANCED XML or the legacy CSV files). Both parsers produce these; the merge step reads only these.

export type OfacList = 'ofac-ns-cmic' | 'ofac-sdn' | 'ofac-ssi' | 'ofac-ns-mbs';

export interface OfacName {
  name: string;
  /** 'primary' for the entry's own name; OFAC's a.k.a. / f.k.a. / n.k.a. otherwise. */
  type: 'primary' | 'aka' | 'fka' | 'nka';
  script: 'latin' | 'chinese' | 'cyrillic' | 'other';
  /** OFAC marks some aliases as "weak"/low quality (short or generic). */
  lowQuality: boolean;
}

export interface OfacRecord {
  /** OFAC's entity number (ent_num / `<entity id>`), stable across OFAC files. */
  ofacId: string;
  kind: 'entity' | 'individual' | 'vessel' | 'aircraft' | 'other';
  name: string;
  names: OfacName[];
  lists: { list: OfacList; since?: string; note?: string }[];
  programs: string[];
  /** Bloomberg-style codes as printed (`941 HK`), with OFAC's comment (`(HKEX)`) when it gives one. */
  tickers: { code: string; comment?: string }[];
  isins: string[];
  issuerNames: string[];
  cmic?: { listed?: string; effective?: string; divestBy?: string };
  /**
   * NS-MBS directives OFAC attaches to the entry (EO 14024 Directives 1A, 3, 4; EO 14014 Directive 1;
   * CAATSA section 235), by program id, with the directive's own listing and effective dates.
   */
  directives?: { program: string; listed?: string; effective?: string; detail?: string }[];
  /** Country names as OFAC prints them, in address order (registered address first). */
  countries: string[];
  related: { ofacId: string; name: string; relation: string }[];
}

export const OFAC_LIST_NAMES: Record<string, OfacList> = {
  'Non-SDN CMIC List': 'ofac-ns-cmic',
  'SDN List': 'ofac-sdn',
  'Sectoral Sanctions Identifications List': 'ofac-ssi',
  'Non-SDN Menu-Based Sanctions List': 'ofac-ns-mbs',
};

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/** OFAC prints dates as `03 Jun 2021`; returns `2021-06-03`, or undefined when it is not such a date. */
export function ofacDate(text: string): string | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS[match[2].toLowerCase()];
  return month ? `${match[3]}-${month}-${match[1].padStart(2, '0')}` : undefined;
}
