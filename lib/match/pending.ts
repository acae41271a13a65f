// Mentions that need "the company named nearby" (an acronym, a bare symbol, a code in a table row) are held
// until the whole text is scanned, then kept or dropped here.
import { inShoutedLine } from './context';
import { SPELLED_VENUES } from './exchanges';
import { deferredVenue } from './judge';
import type { ScanContext, TextMatch } from './types';

/** How far apart a held short name and a held symbol of one company may be to vouch for each other. */
const PAIR_GAP = 3;

/** How far (in code units) "the company named nearby" may be from an acronym or bare ticker. */
const NEARBY = 400;
/** How close another listed company must be for an acronym listed beside it. */
const BESIDE = 12;
/** How far a code may be from its company's name in the same table row or line. */
const ROW = 40;

/** How far apart bare symbols of one exchange may be on a line and still vouch for each other. */
const SYMBOL_RUN = 40;
/** How far apart symbols written one per line may be and still form one column. */
const SYMBOL_COLUMN = 160;

/** The match is the whole of its line, spaces aside. */
function aloneOnLine(text: string, m: TextMatch): boolean {
  const from = text.lastIndexOf('\n', m.start - 1) + 1;
  let to = text.indexOf('\n', m.end);
  if (to < 0) to = text.length;
  return text.slice(from, m.start).trim() === '' && text.slice(m.end, to).trim() === '';
}

/** The line around text[start, end) (at most `reach` code units each way). */
function lineOf(text: string, start: number, end: number, reach: number): string {
  const from = Math.max(0, text.lastIndexOf('\n', start) + 1, start - reach);
  let to = text.indexOf('\n', end);
  if (to < 0 || to > end + reach) to = Math.min(text.length, end + reach);
  return text.slice(from, to);
}

/**
 * A bare symbol read as a ticker without its company named: the line spells out its exchange ("Moscow Exchange
 * data showed … SBER"), or another bare symbol of the same exchange sits close by on the line ("SBER по 305,
 * докупил SNGSP"). Symbols that are English words never get here, so "ALL IN ON IT" stays text.
 */
function vouchedAsSymbol(text: string, m: TextMatch, pending: TextMatch[]): boolean {
  const venue = deferredVenue.get(m);
  if (venue === undefined) return false;
  // A column of symbols, one per line ("* The list of shares:\nAFKS\nAFLT\n…GAZP"): two more of the same
  // exchange, each alone on its line close by, make the column a list of tickers.
  if (aloneOnLine(text, m)) {
    let column = 0;
    for (const other of pending) {
      if (other === m || deferredVenue.get(other) !== venue || Math.abs(other.start - m.start) > SYMBOL_COLUMN) continue;
      if (aloneOnLine(text, other) && ++column >= 2) return true;
    }
  }
  const line = lineOf(text, m.start, m.end, 200).toLowerCase();
  if (SPELLED_VENUES.some(([spelled, v]) => v === venue && spelled.test(line))) return true;
  return pending.some((other) => other !== m && other.entityId !== m.entityId && deferredVenue.get(other) === venue &&
    other.start - m.end <= SYMBOL_RUN && m.start - other.end <= SYMBOL_RUN &&
    !text.slice(Math.min(m.end, other.end), Math.max(m.start, other.start)).includes('\n'));
}

/**
 * Keeps an acronym or bare symbol when its own company is named within NEARBY code units or elsewhere on the
 * page; then keeps an acronym that sits right beside another listed company ("Sberbank, VTB and Gazprombank").
 */
export function resolvePending(text: string, found: TextMatch[], pending: TextMatch[], context: ScanContext): TextMatch[] {
  // Found matches are in order and disjoint, so neighbours are found by binary search, not by scanning all.
  const all = [...found];
  const byEntity = new Map<string, TextMatch[]>();
  for (const m of found) {
    const list = byEntity.get(m.entityId);
    if (list) list.push(m);
    else byEntity.set(m.entityId, [m]);
  }
  const firstEndingAfter = (list: TextMatch[], offset: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const within = (list: TextMatch[] | undefined, m: TextMatch, distance: number, other?: string) => {
    if (!list) return false;
    for (let k = firstEndingAfter(list, m.start - distance); k < list.length && list[k].start < m.end + distance; k++) {
      if (other === undefined || list[k].entityId !== other) return true;
    }
    return false;
  };
  const accepted: TextMatch[] = [];
  const overlapsFound = (m: TextMatch) => {
    const k = firstEndingAfter(found, m.start);
    return (k < found.length && found[k].start < m.end) || accepted.some((a) => a.start < m.end && m.start < a.end);
  };
  const ownNearby = (m: TextMatch) =>
    context.entitiesNearby?.has(m.entityId) || within(byEntity.get(m.entityId), m, NEARBY) ||
    accepted.some((a) => a.entityId === m.entityId && a.start - m.end < NEARBY && m.start - a.end < NEARBY);
  // "700\tTENCENT HOLDINGS LTD", "小米集团-W  01810": the company's name on the same line, a few cells away.
  const ownNameInRow = (m: TextMatch) => {
    const list = byEntity.get(m.entityId);
    if (!list) return false;
    for (let k = firstEndingAfter(list, m.start - ROW); k < list.length && list[k].start < m.end + ROW; k++) {
      const name = list[k];
      if (name.kind !== 'name') continue;
      const gap = name.end <= m.start ? text.slice(name.end, m.start) : text.slice(m.end, name.start);
      if (!gap.includes('\n')) return true;
    }
    return false;
  };
  // "BIDU 百度 +1.47%", "百度(BIDU)": a held short name and a held symbol of the same company side by side on a
  // line vouch for each other, as a name and its ticker do.
  const pairedInRow = (m: TextMatch) => pending.some((p) => p !== m && p.entityId === m.entityId && p.kind !== m.kind &&
    (p.end <= m.start ? m.start - p.end : p.start - m.end) <= PAIR_GAP &&
    !text.slice(Math.min(p.end, m.end), Math.max(p.start, m.start)).includes('\n'));
  // What to keep for a held mention, if anything: a symbol vouched for by its exchange is a ticker in context.
  const kept = (m: TextMatch): TextMatch | undefined => {
    if (pairedInRow(m)) return m;
    if (m.rule === 'code-beside-name') return ownNameInRow(m) ? m : undefined;
    if (ownNearby(m)) return m;
    return vouchedAsSymbol(text, m, pending) ? { ...m, rule: 'ticker-context' } : undefined;
  };
  let waiting = pending;
  // Accepting one mention can confirm another (an acronym beside other companies, then its later mentions).
  for (let round = 0; round < 2 && waiting.length > 0; round++) {
    let progress = true;
    while (progress && waiting.length > 0) {
      progress = false;
      waiting = waiting.filter((m) => {
        const keep = kept(m);
        if (keep && !overlapsFound(m)) {
          accepted.push(keep);
          progress = true;
          return false;
        }
        return true;
      });
    }
    waiting = waiting.filter((m) => {
      // In a line of capitals ("HIKVISION SHIPMENTS ROSE 10%") every word looks like an acronym, so a
      // neighbouring company says nothing about the next capitalised word.
      if (m.kind !== 'name' || inShoutedLine(text, m.start, m.end)) return true;
      const beside = within(found, m, BESIDE, m.entityId) ||
        accepted.some((a) => a.entityId !== m.entityId && a.start - m.end < BESIDE && m.start - a.end < BESIDE);
      if (!beside || overlapsFound(m)) return true;
      accepted.push({ ...m, rule: 'acronym-among-listed-companies' });
      return false;
    });
  }
  if (accepted.length === 0) return found;
  all.push(...accepted);
  return all.sort((a, b) => a.start - b.start);
}

