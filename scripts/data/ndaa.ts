// Reads the tables of companies named in NDAA procurement bans (§889 FY2019, §5949 FY2023,
// §154 FY2024). One file per section; the section is recognised from the `program` column.
import { parseCsvWithHeader } from './csv';

export type NdaaSection = 'ndaa-889' | 'ndaa-5949' | 'ndaa-154';

export interface NdaaEntry {
  section: NdaaSection;
  name: string;
  aliases: string[];
  /** Date the statute was enacted (YYYY-MM-DD). */
  enacted: string;
  /** When the ban starts biting, if later than enactment (e.g. §154 from 2027-10-01). */
  startsOn?: string;
  /** congress.gov text of the public law. */
  url: string;
}

/** Enactment dates of the three public laws (congress.gov). */
const SECTIONS: { pattern: RegExp; section: NdaaSection; enacted: string }[] = [
  { pattern: /Section 889\b/, section: 'ndaa-889', enacted: '2018-08-13' },
  { pattern: /Section 5949\b/, section: 'ndaa-5949', enacted: '2022-12-23' },
  { pattern: /Section 154\b/, section: 'ndaa-154', enacted: '2023-12-22' },
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isoDate(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/.exec(text);
  const month = match ? MONTHS.indexOf(match[1].toLowerCase()) : -1;
  return match && month >= 0 ? `${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}` : undefined;
}

export function parseNdaaCsv(text: string, file: string): NdaaEntry[] {
  const rows = parseCsvWithHeader(text, ['name', 'aliases', 'program', 'source_url'], `NDAA table ${file}`);
  return rows.map((row, i) => {
    const known = SECTIONS.find((s) => s.pattern.test(row.program));
    if (!known) throw new Error(`NDAA table ${file}, row ${i + 2}: unknown program "${row.program}"`);
    const startsOn = isoDate(row['start-date'] ?? '');
    return {
      section: known.section,
      name: row.name,
      aliases: row.aliases ? row.aliases.split(';').map((a) => a.trim()).filter(Boolean) : [],
      enacted: known.enacted,
      ...(startsOn && startsOn > known.enacted ? { startsOn } : {}),
      url: row.source_url,
    };
  });
}
