// RFC 4180 CSV reading for the data build: quoted fields may hold commas, quotes ("") and newlines.
// OFAC's legacy files have no header row, the DoD/FCC/NDAA tables do; both shapes are offered.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // A file ending in a newline, or a stray blank line, is not a record.
  return rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
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
