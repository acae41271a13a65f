// CSV reading for the data build, on papaparse (RFC 4180: quoted fields may hold commas, quotes
// and newlines). OFAC's legacy files have no header row, the DoD/FCC/NDAA tables do; both shapes
// are offered. OFAC ends its files with a 0x1A (DOS end-of-file) byte, which is not a record.
import Papa from 'papaparse';

export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // One line end for the whole file (OFAC writes CRLF, the DoD table LF); a quoted line break becomes \n.
  body = body.replace(/\x1a\s*$/, '').replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(body, { delimiter: ',', newline: '\n', skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new CsvError(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  // A file ending in a newline, or a stray blank line, is not a record.
  return result.data.filter((r) => !(r.length === 1 && r[0].trim() === ''));
}

/** Rows keyed by the header row; throws naming any required column that is missing. */
export function parseCsvWithHeader(text: string, required: string[], what: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${what}: the file is empty`);
  const columns = header.map((h) => h.trim());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new Error(`${what}: missing column(s) ${missing.join(', ')} (found: ${columns.join(', ')})`);
  }
  return rows.map((cells) => Object.fromEntries(columns.map((name, i) => [name, (cells[i] ?? '').trim()])));
}
