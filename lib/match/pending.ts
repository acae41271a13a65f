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

/** The match is the whole of its line, spaces aside (looks only as far as the first other character). */
function aloneOnLine(text: string, m: TextMatch): boolean {
  for (let k = m.start - 1; k >= 0 && text[k] !== '\n'; k--) if (!/\s/.test(text[k])) return false;
  for (let k = m.end; k < text.length && text[k] !== '\n'; k++) if (!/\s/.test(text[k])) return false;
  return true;
}

/**
 * Mentions in text order, looked up by where they start: every question asked of held mentions is about
 * a few hundred code units around one of them, and a page can hold thousands (a table of stock codes).
 */
class MentionsByStart {
  private readonly items: TextMatch[];
  /** The longest mention held, so a look-up by start also finds one that began a little earlier. */
  private reach = 0;

  constructor(items: readonly TextMatch[]) {
    this.items = [...items].sort((a, b) => a.start - b.start);
    for (const m of items) this.reach = Math.max(this.reach, m.end - m.start);
  }

  private firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(m: TextMatch): void {
    this.items.splice(this.firstFrom(m.start), 0, m);
    this.reach = Math.max(this.reach, m.end - m.start);
  }

  /** Whether a mention that ends at or after `from` and starts before `to` passes `test`. */
  some(from: number, to: number, test: (m: TextMatch) => boolean): boolean {
    for (let k = this.firstFrom(from - this.reach); k < this.items.length && this.items[k].start < to; k++) {
      const m = this.items[k];
      if (m.end >= from && test(m)) return true;
    }
    return false;
  }

  /** The mentions that end at or after `from` and start before `to`, in text order. */
  between(from: number, to: number): TextMatch[] {
    const out: TextMatch[] = [];
    this.some(from, to, (m) => (out.push(m), false));
    return out;
  }
}

/** The line around text[start, end) (at most `reach` code units each way, and never read further). */
function lineOf(text: string, start: number, end: number, reach: number): string {
  let from = start;
  while (from > 0 && start - from < reach && text[from - 1] !== '\n') from--;
  let to = end;
  while (to < text.length && to - end < reach && text[to] !== '\n') to++;
  return text.slice(from, to);
}

/**
 * A bare symbol read as a ticker without its company named: the line spells out its exchange ("Moscow Exchange
 * data showed … SBER"), or another bare symbol of the same exchange sits close by on the line ("SBER по 305,
 * докупил SNGSP"). Symbols that are English words never get here, so "ALL IN ON IT" stays text.
 */
function vouchedAsSymbol(text: string, m: TextMatch, held: MentionsByStart): boolean {
  const venue = deferredVenue.get(m);
  if (venue === undefined) return false;
  // A column of symbols, one per line ("* The list of shares:\nAFKS\nAFLT\n…GAZP"): two more of the same
  // exchange, each alone on its line close by, make the column a list of tickers.
  if (aloneOnLine(text, m)) {
    let column = 0;
    const inColumn = (other: TextMatch) =>
      other !== m && deferredVenue.get(other) === venue && Math.abs(other.start - m.start) <= SYMBOL_COLUMN && aloneOnLine(text, other) && ++column >= 2;
    if (held.some(m.start - SYMBOL_COLUMN, m.start + SYMBOL_COLUMN + 1, inColumn)) return true;
  }
  const line = lineOf(text, m.start, m.end, 200).toLowerCase();
  if (SPELLED_VENUES.some(([spelled, v]) => v === venue && spelled.test(line))) return true;
  return held.some(m.start - SYMBOL_RUN, m.end + SYMBOL_RUN + 1, (other) => other !== m && other.entityId !== m.entityId && deferredVenue.get(other) === venue &&
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
  const held = new MentionsByStart(pending);
  const accepted: TextMatch[] = [];
  const acceptedByStart = new MentionsByStart([]);
  const accept = (m: TextMatch) => {
    accepted.push(m);
    acceptedByStart.add(m);
  };
  const overlapsFound = (m: TextMatch) => {
    const k = firstEndingAfter(found, m.start);
    return (k < found.length && found[k].start < m.end) || acceptedByStart.some(m.start, m.end, (a) => a.start < m.end && m.start < a.end);
  };
  const ownNearby = (m: TextMatch) =>
    context.entitiesNearby?.has(m.entityId) || within(byEntity.get(m.entityId), m, NEARBY) ||
    acceptedByStart.some(m.start - NEARBY, m.end + NEARBY, (a) => a.entityId === m.entityId && a.start - m.end < NEARBY && m.start - a.end < NEARBY);
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
  const pairedInRow = (m: TextMatch) => held.some(m.start - PAIR_GAP, m.end + PAIR_GAP + 1, (p) => p !== m && p.entityId === m.entityId && p.kind !== m.kind &&
    (p.end <= m.start ? m.start - p.end : p.start - m.end) <= PAIR_GAP &&
    !text.slice(Math.min(p.end, m.end), Math.max(p.start, m.start)).includes('\n'));
  // What to keep for a held mention, if anything: a symbol vouched for by its exchange is a ticker in context.
  const kept = (m: TextMatch): TextMatch | undefined => {
    if (pairedInRow(m)) return m;
    if (m.rule === 'code-beside-name') return ownNameInRow(m) ? m : undefined;
    if (ownNearby(m)) return m;
    return vouchedAsSymbol(text, m, held) ? { ...m, rule: 'ticker-context' } : undefined;
  };
  const waiting = new Set(held.between(-Infinity, Infinity));
  // Accepting one mention can confirm another near it (an acronym's later mentions within NEARBY), so the
  // held mentions around each accepted one are asked again: a worklist, not passes over the whole text.
  const confirm = () => {
    const queue = [...waiting];
    for (let at = 0; at < queue.length; at++) {
      const m = queue[at];
      if (!waiting.has(m)) continue;
      const keep = kept(m);
      if (!keep || overlapsFound(m)) continue;
      accept(keep);
      waiting.delete(m);
      for (const near of held.between(m.start - NEARBY, m.end + NEARBY)) if (waiting.has(near)) queue.push(near);
    }
  };
  for (let round = 0; round < 2 && waiting.size > 0; round++) {
    confirm();
    for (const m of [...waiting]) {
      // In a line of capitals ("HIKVISION SHIPMENTS ROSE 10%") every word looks like an acronym, so a
      // neighbouring company says nothing about the next capitalised word.
      if (m.kind !== 'name' || inShoutedLine(text, m.start, m.end)) continue;
      const beside = within(found, m, BESIDE, m.entityId) ||
        acceptedByStart.some(m.start - BESIDE, m.end + BESIDE, (a) => a.entityId !== m.entityId && a.start - m.end < BESIDE && m.start - a.end < BESIDE);
      if (!beside || overlapsFound(m)) continue;
      accept({ ...m, rule: 'acronym-among-listed-companies' });
      waiting.delete(m);
    }
  }
  if (accepted.length === 0) return found;
  all.push(...accepted);
  return all.sort((a, b) => a.start - b.start);
}

