// The whole portfolio check in one call: bytes or text → decoded → positions → report. Nothing here
// touches storage or the network; the page hands in the file's bytes and gets a report or a reason.
import type { Dataset } from '../dataset/types';
import { decodePositionsFile, encodingLabel } from './decode';
import type { HoldingIdentifier } from './identify';
import { GENERIC_LAYOUT, PAGE_LAYOUT, type Layout } from './layouts';
import { readPositions } from './positions';
import { buildReport, type Report } from './report';

export type CheckResult = { ok: true; report: Report } | { ok: false; problem: string };

export interface CheckOptions {
  /** Where the rows came from, e.g. the file's name. */
  source: string;
  /** The layout to name when no broker's fits (a paste, the page's table). */
  fallback?: Layout;
  now?: Date;
}

export function checkPositionsText(text: string, dataset: Dataset, identifier: HoldingIdentifier, options: CheckOptions, extraNotes: string[] = []): CheckResult {
  const read = readPositions(text, options.fallback ?? GENERIC_LAYOUT);
  if (!read.ok) return read;
  const notes = [...extraNotes, ...read.notes];
  if (read.skipped > 0) notes.push(`${read.skipped} row${read.skipped === 1 ? ' was' : 's were'} left out as totals, cash lines or notes.`);
  const report = buildReport(dataset, identifier, read.positions, {
    source: `${options.source} — read as ${read.layout.label}`,
    columns: read.columns,
    venue: read.layout.venue,
    notes,
    now: options.now,
  });
  return { ok: true, report };
}

export function checkPositionsFile(bytes: Uint8Array, dataset: Dataset, identifier: HoldingIdentifier, options: CheckOptions): CheckResult {
  const decoded = decodePositionsFile(bytes);
  if (!decoded.ok) return decoded;
  const notes = decoded.encoding === 'utf-8' ? [] : [`Read as ${encodingLabel(decoded.encoding)} text.`];
  return checkPositionsText(decoded.text, dataset, identifier, options, notes);
}

/**
 * The positions tables of a page (rows of cell texts, header first), checked as one portfolio.
 * Each table is read like a pasted table, so its header words or cell contents pick the columns.
 */
export function checkPageTables(tables: string[][][], dataset: Dataset, identifier: HoldingIdentifier, options: CheckOptions): CheckResult {
  const positions = [];
  const notes: string[] = [];
  let columns;
  for (const [index, table] of tables.entries()) {
    const text = table.map((cells) => cells.map((cell) => cell.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
    const read = readPositions(text, options.fallback ?? PAGE_LAYOUT);
    if (!read.ok) {
      notes.push(`Table ${index + 1} on the page: ${read.problem}`);
      continue;
    }
    columns ??= read.columns;
    positions.push(...read.positions);
    notes.push(...read.notes);
  }
  if (!columns || positions.length === 0) {
    return { ok: false, problem: notes.length > 0 ? notes.join(' ') : 'No table with the page\'s findings was found on this page.' };
  }
  const report = buildReport(dataset, identifier, positions, { source: options.source, columns, notes, now: options.now });
  return { ok: true, report };
}
