// What each fetched file must look like before it is used. A check reads the file (streamed for
// the large XML exports), throws FormatError when the publisher changed the layout, and otherwise
// says what the file is as of, which files the build reads are derived from it, and which links on
// an announcement page a person has to look at.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SaxesParser } from 'saxes';

export class FormatError extends Error {}

export interface FormatResult {
  /** The data's own date (YYYY-MM-DD), when the file states one. */
  asOf?: string;
  /** Files derived from this one in the layout `data:build` reads (e.g. the FCC table as CSV). */
  derived?: { file: string; text: string }[];
  /** Announcements found on the page (PDF editions, Federal Register notices), for curation. */
  links?: { url: string; title: string; date?: string }[];
  /** One line for the report ("442 entries"). */
  summary: string;
}

export type FormatCheck = (path: string) => Promise<FormatResult>;

const ENHANCED_NS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML';

/**
 * OFAC's ENHANCED XML export, read as a stream: the root and namespace must be OFAC's, the file must
 * be well-formed to its last byte (a cut-off download fails here), state `dataAsOf` and hold entities.
 */
export function ofacEnhancedXml(minEntities: number): FormatCheck {
  return async (path) => {
    const parser = new SaxesParser({ xmlns: true });
    const stack: string[] = [];
    let root: { name: string; ns: string } | undefined;
    let asOf = '';
    let entities = 0;
    let text = '';
    let failure: Error | undefined;
    parser.on('opentag', (tag) => {
      if (!root) root = { name: tag.local, ns: tag.uri };
      stack.push(tag.local);
      text = '';
      if (tag.local === 'entity' && stack[stack.length - 2] === 'entities') entities++;
    });
    parser.on('text', (value) => {
      text += value;
    });
    parser.on('closetag', (tag) => {
      if (tag.local === 'dataAsOf' && stack[stack.length - 2] === 'publicationInfo') asOf = text.trim().slice(0, 10);
      stack.pop();
    });
    parser.on('error', (error) => {
      failure ??= error;
    });
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      parser.write(chunk as string);
      if (failure) break;
      if (root && (root.name !== 'sanctionsData' || root.ns !== ENHANCED_NS)) break;
    }
    if (!failure) parser.close();
    if (failure) throw new FormatError(`not well-formed XML (${failure.message.split('\n')[0]}); the file may be cut off`);
    if (!root) throw new FormatError('no XML root element');
    if (root.name !== 'sanctionsData' || root.ns !== ENHANCED_NS) {
      throw new FormatError(`root element is <${root.name}> in namespace "${root.ns}", not OFAC's ENHANCED_XML <sanctionsData>`);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new FormatError('no <publicationInfo><dataAsOf> date');
    if (entities < minEntities) throw new FormatError(`only ${entities} <entity> records, fewer than the ${minEntities} expected`);
    return { asOf, summary: `${entities} entries, data as of ${asOf}` };
  };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function longDates(text: string): string[] {
  const dates: string[] = [];
  for (const match of text.matchAll(/([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})/g)) {
    const month = MONTHS.indexOf(match[1].toLowerCase());
    if (month >= 0) dates.push(`${match[3]}-${String(month + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}`);
  }
  return dates;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—' };

/** An HTML fragment as the text a reader sees: tags dropped, entities decoded, blanks folded. */
export function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function csvCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * The FCC Covered List page: the table whose header names the covered equipment or services and the
 * date of inclusion, turned into the two-column CSV the build reads (`fcc-covered.csv`).
 */
export const fccCoveredListPage: FormatCheck = async (path) => {
  const html = await readFile(path, 'utf8');
  const table = [...html.matchAll(/<table\b[\s\S]*?<\/table>/gi)]
    .map((m) => m[0])
    .find((t) => /covered equipment or services/i.test(htmlText(t)) && /date of inclusion/i.test(htmlText(t)));
  if (!table) throw new FormatError('no table headed "Covered Equipment or Services" / "Date of Inclusion on Covered List"');
  const rows: [string, string][] = [];
  for (const row of table.matchAll(/<tr\b[\s\S]*?<\/tr>/gi)) {
    const cells = [...row[0].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((cell) => htmlText(cell[1]));
    if (cells.length === 0) continue;
    if (cells.length !== 2) throw new FormatError(`a table row has ${cells.length} cells, not 2: "${cells.join(' | ').slice(0, 80)}"`);
    if (longDates(cells[1]).length === 0) throw new FormatError(`no date like "March 12, 2021" in the row for "${cells[0].slice(0, 60)}"`);
    rows.push([cells[0], cells[1]]);
  }
  if (rows.length === 0) throw new FormatError('the Covered List table has no rows');
  const asOf = rows.flatMap(([, dates]) => longDates(dates)).sort().at(-1)!;
  const csv = ['covered_equipment_or_services,date_of_inclusion_on_covered_list', ...rows.map(([a, b]) => `${csvCell(a)},${csvCell(b)}`)].join('\n');
  return { asOf, derived: [{ file: 'fcc-covered.csv', text: `${csv}\n` }], summary: `${rows.length} rows, latest date ${asOf}` };
};

/**
 * DoD's release page for Section 1260H: every PDF it links (the editions of the list) and every
 * release article (where an edition is announced). Neither is read: a new edition goes through a
 * person into the curated data.
 */
export const dodReleasePage: FormatCheck = async (path) => {
  const html = await readFile(path, 'utf8');
  if (!/1260H/i.test(htmlText(html))) throw new FormatError('the page no longer mentions Section 1260H');
  const links = new Map<string, { url: string; title: string }>();
  for (const match of html.matchAll(/<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = match[1].replace(/&amp;/g, '&');
    if (!/\.pdf(?:$|[?#])/i.test(url) && !/\/Releases\/Release\/Article\//i.test(url)) continue;
    const absolute = new URL(url, 'https://www.defense.gov/').href;
    if (!links.has(absolute)) links.set(absolute, { url: absolute, title: htmlText(match[2]) || absolute });
  }
  return { links: [...links.values()], summary: `${links.size} release or PDF links` };
};

/** The Federal Register's search answer (JSON) for DoD documents that mention 1260H. */
export const federalRegisterSearch: FormatCheck = async (path) => {
  let value: { count?: unknown; results?: unknown };
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new FormatError('not JSON');
  }
  if (typeof value !== 'object' || value === null || typeof value.count !== 'number') throw new FormatError('no "count" in the answer');
  const results = value.results ?? [];
  if (!Array.isArray(results)) throw new FormatError('"results" is not a list');
  const links = results.map((item: Record<string, unknown>, i) => {
    if (typeof item?.html_url !== 'string' || typeof item.publication_date !== 'string') {
      throw new FormatError(`result ${i} has no html_url or publication_date`);
    }
    return { url: item.html_url, title: String(item.title ?? item.html_url), date: item.publication_date };
  });
  const asOf = links.map((l) => l.date!).sort().at(-1);
  return { asOf, links, summary: `${links.length} documents${asOf ? `, newest ${asOf}` : ''}` };
};
