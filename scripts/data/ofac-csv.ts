// Reads OFAC's legacy CSV layout of the Consolidated list (cons_prim.csv, cons_alt.csv,
// cons_comments.csv; no header rows, `-0-` for empty). Tickers, ISINs and CMIC dates live in the
// free-text remarks ("Equity Ticker 941 HK; alt. ISIN …; Listing Date (CMIC) 03 Jun 2021; …"),
// which overflow into cons_comments.csv for long entries.
import { parseCsv } from './csv';
import { ofacDate, type OfacName, type OfacRecord } from './ofac-record';

const EMPTY = '-0-';

function cell(value: string | undefined): string {
  const text = (value ?? '').trim();
  return text === EMPTY ? '' : text;
}

/** Splits remarks on "; " while keeping ISO-like parentheses ("(China)") attached to their item. */
function remarkItems(remarks: string): string[] {
  return remarks
    .split(/;\s+/)
    .map((item) => item.replace(/\.$/, '').trim())
    .filter(Boolean);
}

function programsOf(field: string): string[] {
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

export function parseOfacCsv(prim: string, alt = '', comments = '', add = ''): OfacRecord[] {
  const overflow = new Map<string, string>();
  for (const row of parseCsv(comments)) overflow.set(row[0].trim(), (overflow.get(row[0].trim()) ?? '') + (row[1] ?? ''));
  const aliases = new Map<string, OfacName[]>();
  for (const row of parseCsv(alt)) {
    const type = cell(row[2]).toLowerCase();
    const name = cell(row[3]);
    if (!name) continue;
    const list = aliases.get(row[0].trim()) ?? [];
    list.push({
      name,
      type: type === 'fka' ? 'fka' : type === 'nka' ? 'nka' : 'aka',
      script: /[\u0400-\u04ff]/.test(name) ? 'cyrillic' : /[\u4e00-\u9fff]/.test(name) ? 'chinese' : 'latin',
      lowQuality: false,
    });
    aliases.set(row[0].trim(), list);
  }
  const countries = new Map<string, string[]>();
  for (const row of parseCsv(add)) {
    const country = cell(row[4]);
    if (country) countries.set(row[0].trim(), [...(countries.get(row[0].trim()) ?? []), country]);
  }

  return parseCsv(prim).map((row, index) => {
    if (row.length < 12) {
      throw new Error(`cons_prim.csv line ${index + 1}: expected 12 columns, found ${row.length}`);
    }
    const ofacId = row[0].trim();
    const sdnType = cell(row[2]).toLowerCase();
    const remarks = cell(row[11]) + (overflow.get(ofacId) ?? '');
    const programs = programsOf(cell(row[3]));
    const record: OfacRecord = {
      ofacId,
      kind:
        sdnType === ''
          ? 'entity'
          : sdnType === 'individual'
            ? 'individual'
            : sdnType === 'vessel'
              ? 'vessel'
              : sdnType === 'aircraft'
                ? 'aircraft'
                : 'other',
      name: cell(row[1]),
      names: [{ name: cell(row[1]), type: 'primary', script: 'latin', lowQuality: false }, ...(aliases.get(ofacId) ?? [])],
      lists: [],
      programs,
      tickers: [],
      isins: [],
      issuerNames: [],
      countries: countries.get(ofacId) ?? [],
      related: [],
    };
    let mbsSince: string | undefined;
    const directives = new Map<string, { program: string; listed?: string; effective?: string }>();
    for (const item of remarkItems(remarks)) {
      const text = item.replace(/^alt\.\s+/, '');
      let m: RegExpExecArray | null;
      if ((m = /^Equity Ticker (.+)$/.exec(text))) record.tickers.push({ code: m[1].trim() });
      // The SDN list's older Russian entries give the Moscow Exchange code instead.
      else if ((m = /^MICEX Code (\S+)$/.exec(text))) record.tickers.push({ code: `${m[1]} RU`, comment: '(MOEX)' });
      else if ((m = /^ISIN ([A-Z0-9]+)$/.exec(text))) record.isins.push(m[1]);
      else if ((m = /^Issuer Name (.+)$/.exec(text))) record.issuerNames.push(m[1].trim());
      else if ((m = /^Listing Date \(CMIC\) (.+)$/.exec(text))) (record.cmic ??= {}).listed = ofacDate(m[1]);
      else if ((m = /^Effective Date \(CMIC\) (.+)$/.exec(text))) (record.cmic ??= {}).effective = ofacDate(m[1]);
      else if ((m = /^Purchase\/Sales For Divestment Date \(CMIC\) (.+)$/.exec(text))) (record.cmic ??= {}).divestBy = ofacDate(m[1]);
      else if ((m = /^(Listing|Effective) Date \(EO (14024|14014) Directive (\w+)\):\s*(.+)$/.exec(text))) {
        const date = ofacDate(m[4]);
        const program = `ns-mbs-eo${m[2]}-directive-${m[3].toLowerCase()}`;
        const entry = directives.get(program) ?? { program };
        directives.set(program, entry);
        if (m[1] === 'Listing') {
          entry.listed = date;
          if (date && (!mbsSince || date < mbsSince)) mbsSince = date;
        } else entry.effective = date;
      } else if ((m = /Subject to Directive (\w+) - any transaction involving/.exec(text))) {
        const program = `ns-mbs-eo14024-directive-${m[1].toLowerCase()}`;
        if (!directives.has(program)) directives.set(program, { program });
      } else if ((m = /^a\.k\.a\. '(.+)'$/.exec(text))) {
        record.names.push({ name: m[1], type: 'aka', script: 'latin', lowQuality: true });
      }
    }
    if (programs.includes('CMIC-EO13959')) record.lists.push({ list: 'ofac-ns-cmic', since: record.cmic?.listed });
    // The legacy files carry no membership dates for SSI; the build reports such listings and skips them.
    if (programs.includes('UKRAINE-EO13662')) record.lists.push({ list: 'ofac-ssi' });
    if (mbsSince) record.lists.push({ list: 'ofac-ns-mbs', since: mbsSince });
    const menu = [...directives.values()].filter((d) => d.program !== 'ns-mbs-eo14024-directive-2');
    if (menu.length > 0) record.directives = menu.sort((a, b) => (a.program < b.program ? -1 : 1));
    return record;
  });
}
