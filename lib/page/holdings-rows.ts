// "Check holdings on this page": the portfolio page asks this frame for the rows of its tables
// that hold the page's findings (the texts the popup lists), and checks them like a positions
// file. The rows go only to the extension's own page that asked; the content script answers
// nothing when this frame has no such table, so another frame can answer.
import browser from 'webextension-polyfill';

export const HOLDINGS_ROWS = 'sanctions-lens:holdings-rows';

export interface HoldingsRowsRequest {
  type: typeof HOLDINGS_ROWS;
  /** Matched strings of the tab's findings, as they appear on the page. */
  texts: string[];
}

export interface HoldingsRowsAnswer {
  url: string;
  /** Each table's rows (header first), each row its cells' text. */
  tables: string[][][];
}

const MAX_TABLES = 20;
const MAX_ROWS = 2000;

const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

function rowsOf(table: Element): string[][] {
  const rows = table instanceof HTMLTableElement ? [...table.rows] : [...table.querySelectorAll('[role="row"]')];
  return rows.slice(0, MAX_ROWS).map((row) => {
    const cells = row instanceof HTMLTableRowElement ? [...row.cells] : [...row.querySelectorAll('[role="cell"], [role="gridcell"], [role="columnheader"], [role="rowheader"]')];
    return cells.map(cellText);
  }).filter((cells) => cells.some(Boolean));
}

/** The tables (HTML or ARIA grids) of `root` in which some cell holds one of `texts`. */
export function tablesHolding(root: ParentNode, texts: string[]): string[][][] {
  const wanted = texts.map((text) => text.trim()).filter(Boolean);
  if (wanted.length === 0) return [];
  const tables: string[][][] = [];
  for (const table of root.querySelectorAll('table, [role="table"], [role="grid"], [role="treegrid"]')) {
    // A table nested in another one's cell is read as part of the outer one.
    if (table.parentElement?.closest('table, [role="table"], [role="grid"], [role="treegrid"]')) continue;
    const rows = rowsOf(table);
    if (rows.some((cells) => cells.some((cell) => wanted.some((text) => cell.includes(text))))) tables.push(rows);
    if (tables.length >= MAX_TABLES) break;
  }
  return tables;
}

function isRequest(message: unknown): message is HoldingsRowsRequest {
  return typeof message === 'object' && message !== null && (message as HoldingsRowsRequest).type === HOLDINGS_ROWS && Array.isArray((message as HoldingsRowsRequest).texts);
}

/** Answers the portfolio page's request; returns a function that stops answering. */
export function registerHoldingsRows(): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender, sendResponse?: (answer: unknown) => void): true | Promise<unknown> | undefined => {
    if (!isRequest(message) || sender.id !== browser.runtime.id) return undefined;
    const tables = tablesHolding(document, message.texts.filter((text): text is string => typeof text === 'string').slice(0, 200));
    if (tables.length === 0) return undefined;
    const answer: HoldingsRowsAnswer = { url: location.href, tables };
    if (typeof sendResponse === 'function') {
      sendResponse(answer);
      return true;
    }
    return Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => {
    try {
      browser.runtime.onMessage.removeListener(listener as never);
    } catch {
      // The listener died with a reloaded extension's context.
    }
  };
}
