// Reads OFAC's SDN list: its ENHANCED XML export (SDN_ENHANCED.XML, the schema of the consolidated
// export, read by the same parser), or the legacy CSV layout (sdn.csv, same columns as cons_prim.csv)
// with its companion files (alt.csv aliases, add.csv addresses, sdn_comments.csv remarks overflow);
// and the table that dates entries from daily copies of sdn.csv (scripts/data/sdn-history.ts).
// The companions may be newer than sdn.csv (they are here): their aliases then also name entries
// designated after the sdn.csv was published, which the curated file can take by ent_num.
import { parseCsv, parseCsvWithHeader } from './csv';
import { parseOfacCsv } from './ofac-csv';
import { readOfacEnhancedXmlFile } from './ofac-enhanced';
import type { OfacName, OfacRecord } from './ofac-record';

export interface SdnFirstSeen {
  date: string;
  /** Already in the first daily copy: designated on or before `date`, not on it. */
  inFirstCopy: boolean;
}

export interface SdnInput {
  /**
   * `enhanced-xml`: OFAC's current SDN export (SDN_ENHANCED.XML), every entry with its own names,
   * addresses and SDN designation date. `legacy-csv`: sdn.csv with its companions.
   */
  format: 'enhanced-xml' | 'legacy-csv';
  /** Entities only (individuals, vessels and aircraft are dropped here). */
  records: OfacRecord[];
  /** Aliases from alt.csv by ent_num, including entries missing from sdn.csv. */
  aliases: Map<string, OfacName[]>;
  /** Countries from add.csv by ent_num, registered address first. */
  countries: Map<string, string[]>;
  history: Map<string, SdnFirstSeen>;
}

function scriptOf(name: string): OfacName['script'] {
  if (/[\u0400-\u04ff]/.test(name)) return 'cyrillic';
  if (/[\u3400-\u9fff]/.test(name)) return 'chinese';
  return 'latin';
}

export function parseSdnAliases(alt: string): Map<string, OfacName[]> {
  const aliases = new Map<string, OfacName[]>();
  for (const row of parseCsv(alt)) {
    const id = row[0]?.trim();
    const name = (row[3] ?? '').trim();
    if (!id || !name || name === '-0-') continue;
    const type = (row[2] ?? '').trim().toLowerCase();
    const list = aliases.get(id) ?? [];
    list.push({ name, type: type === 'fka' ? 'fka' : type === 'nka' ? 'nka' : 'aka', script: scriptOf(name), lowQuality: type === 'weak' });
    aliases.set(id, list);
  }
  return aliases;
}

export function parseSdnCountries(add: string): Map<string, string[]> {
  const countries = new Map<string, string[]>();
  for (const row of parseCsv(add)) {
    const id = row[0]?.trim();
    const country = (row[4] ?? '').trim();
    if (!id || !country || country === '-0-') continue;
    const list = countries.get(id) ?? [];
    if (!list.includes(country)) list.push(country);
    countries.set(id, list);
  }
  return countries;
}

export function parseSdnHistory(text: string): Map<string, SdnFirstSeen> {
  const rows = parseCsvWithHeader(text, ['ent_num', 'first_seen', 'in_first_copy'], 'SDN first-seen table');
  const history = new Map<string, SdnFirstSeen>();
  rows.forEach((row, i) => {
    if (!/^\d+$/.test(row.ent_num) || !/^\d{4}-\d{2}-\d{2}$/.test(row.first_seen)) {
      throw new Error(`SDN first-seen table, row ${i + 2}: expected "ent_num,YYYY-MM-DD,0|1", got "${Object.values(row).join(',')}"`);
    }
    history.set(row.ent_num, { date: row.first_seen, inFirstCopy: row.in_first_copy === '1' });
  });
  return history;
}

/**
 * SDN entities of sdn.csv with their remarks features (Equity Ticker, ISIN, MICEX Code). Aliases come
 * from alt.csv (not merged here, so an alt.csv newer than sdn.csv is used by ent_num).
 */
export function parseSdnCsv(sdn: string, comments = ''): OfacRecord[] {
  return parseOfacCsv(sdn, '', comments)
    .filter((record) => record.kind === 'entity')
    .map((record) => ({ ...record, lists: [{ list: 'ofac-sdn' as const }] }));
}

export interface SdnEnhancedFile {
  /** `<publicationInfo><dataAsOf>`: the export states its own date. */
  asOf: string;
  /** Entities on the SDN List, each with only its SDN membership and the date the file gives it. */
  records: OfacRecord[];
  /** What the reader left out, for the person running the build. */
  notes: string[];
}

/**
 * The SDN list's entities from OFAC's ENHANCED XML export, read piece by piece (the file holds every
 * individual, vessel and aircraft too; only entities are kept). Each keeps its SDN List membership
 * with its `datePublished`; an entity the file does not put on the SDN List is not taken.
 */
export function readSdnEnhancedXml(path: string): SdnEnhancedFile {
  let others = 0;
  let offList = 0;
  const file = readOfacEnhancedXmlFile(path, (record) => {
    if (record.kind !== 'entity') {
      others++;
      return false;
    }
    if (!record.lists.some((l) => l.list === 'ofac-sdn')) {
      offList++;
      return false;
    }
    return true;
  });
  const notes: string[] = [];
  if (!file.filters.includes('SDN List')) {
    notes.push(`${path}: the export is filtered to ${file.filters.map((f) => `"${f}"`).join(', ') || 'no list'}, not "SDN List"; only its entries on the SDN List are read`);
  }
  if (offList > 0) notes.push(`${path}: ${offList} entit${offList === 1 ? 'y is' : 'ies are'} not on the SDN List in the file; left out`);
  const records = file.records.map((record) => ({ ...record, lists: record.lists.filter((l) => l.list === 'ofac-sdn') }));
  return { asOf: file.asOf, records, notes: [...notes, `${path}: ${records.length} SDN entities read; ${others} individual, vessel or aircraft record${others === 1 ? '' : 's'} left out`] };
}
