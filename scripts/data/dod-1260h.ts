// Reads the DoD Section 1260H table (one row per listing period: the edition that added a name and,
// when known, the edition or notice that removed it) and folds the rows into one record per company.
// The columns follow OpenSanctions' transcription of DoD's PDFs; the facts are DoD's.
import { parseCsvWithHeader } from './csv';

export interface Dod1260hRow {
  name: string;
  aliases: string[];
  previousNames: string[];
  parentName?: string;
  start: string;
  end?: string;
  sourceUrl?: string;
}

const COLUMNS = ['Name', 'Clean Name', 'Alias', 'Previous Name', 'Parent Name', 'Start date', 'End date'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function split(cell: string): string[] {
  return cell
    // "Knownsec,Beijing Kownsec" and "…Limited; ZEMIC" list several names; "Co., Ltd." is one name.
    .split(/;\s*|,(?=\S)/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseDod1260hCsv(text: string): Dod1260hRow[] {
  const rows = parseCsvWithHeader(text, COLUMNS, 'DoD 1260H table');
  return rows.map((row, i) => {
    // Some names carry DoD's short form in brackets ("MGI Tech Co., Ltd. (MGI)"): the bracket is an alias.
    const printed = (row['Clean Name'] || row.Name).replace(/\*+$/, '').trim();
    // A bracketed legal form ("… Group (Limited)") is part of the name, not a short name.
    const bracket = /^(.*\S)\s+\((?!(?:limited|ltd\.?|inc\.?|co\.,? ltd\.?|corporation)\))([^()]+)\)$/i.exec(printed);
    const name = bracket ? bracket[1] : printed;
    if (!name) throw new Error(`DoD 1260H table, row ${i + 2}: no name`);
    if (!DATE.test(row['Start date'])) {
      throw new Error(`DoD 1260H table, row ${i + 2} (${name}): Start date must be YYYY-MM-DD, got "${row['Start date']}"`);
    }
    if (row['End date'] && !DATE.test(row['End date'])) {
      throw new Error(`DoD 1260H table, row ${i + 2} (${name}): End date must be YYYY-MM-DD, got "${row['End date']}"`);
    }
    return {
      name,
      aliases: [...split(row.Alias), ...(bracket ? [bracket[2]] : [])],
      previousNames: split(row['Previous Name']),
      parentName: row['Parent Name'] || undefined,
      start: row['Start date'],
      end: row['End date'] || undefined,
      sourceUrl: row['Source Url'] || undefined,
    };
  });
}
