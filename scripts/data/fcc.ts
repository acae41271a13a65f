// Reads the FCC Covered List table (covered equipment or services, date of inclusion) and pulls out
// the company each row names. Rows that cover a whole product class (foreign drones, routers,
// inverters…) name no company and are kept only as counted categories.
import { parseCsvWithHeader } from './csv';

export interface FccEntry {
  company: string;
  /** YYYY-MM-DD of inclusion on the Covered List. */
  since: string;
  /** Later "Updated:" dates the FCC printed for the row. */
  updated: string[];
  description: string;
}

export interface FccFile {
  entries: FccEntry[];
  /** Product-class rows without a named company. */
  categories: { description: string; since: string; dates: string[] }[];
  /** Latest date printed anywhere in the table. */
  asOf: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function longDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(/([A-Z][a-z]+) (\d{1,2}), (\d{4})/g)) {
    const month = MONTHS.indexOf(match[1].toLowerCase());
    if (month >= 0) dates.push(`${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}`);
  }
  return dates;
}

/** The company after "produced by" / "provided by" / "supplied … by", up to the clause that follows it. */
export function fccCompany(description: string): string | undefined {
  // Company names contain commas and full stops ("Kaspersky Lab, Inc."), so stop only at the FCC's own clauses.
  const match =
    /\b(?:produced|provided|supplied)(?:,? directly or indirectly,)? by (.+?)(?:,? subject to |,? to the extent |, including | or any of | and its wholly-owned |\.?$)/.exec(
      description,
    );
  if (!match) return undefined;
  const name = match[1].replace(/^such entity.*/, '').trim();
  return name && !/foreign country/.test(name) ? name : undefined;
}

export function parseFccCsv(text: string): FccFile {
  const rows = parseCsvWithHeader(
    text,
    ['covered_equipment_or_services', 'date_of_inclusion_on_covered_list'],
    'FCC Covered List table',
  );
  const entries: FccEntry[] = [];
  const categories: FccFile['categories'] = [];
  let asOf = '';
  rows.forEach((row, i) => {
    const description = row.covered_equipment_or_services;
    const [since, ...updated] = longDates(row.date_of_inclusion_on_covered_list);
    if (!since) {
      throw new Error(
        `FCC Covered List table, row ${i + 2}: no date like "March 12, 2021" in "${row.date_of_inclusion_on_covered_list}"`,
      );
    }
    for (const date of [since, ...updated]) if (date > asOf) asOf = date;
    const company = fccCompany(description);
    if (company) entries.push({ company, since, updated, description });
    else categories.push({ description, since, dates: [since, ...updated] });
  });
  return { entries, categories, asOf };
}
