// Mentions that need "the company named nearby" (an acronym, a bare symbol, a code in a table row) are held
// until the whole text is scanned, then kept or dropped here.
import { inShoutedLine } from './context';
import type { ScanContext, TextMatch } from './types';

/** How far (in code units) "the company named nearby" may be from an acronym or bare ticker. */
const NEARBY = 400;
/** How close another listed company must be for an acronym listed beside it. */
const BESIDE = 12;
/** How far a code may be from its company's name in the same table row or line. */
const ROW = 40;

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
  const keep = (m: TextMatch) =>
    m.rule === 'code-beside-name' ? ownNameInRow(m) : ownNearby(m);
  let waiting = pending;
  // Accepting one mention can confirm another (an acronym beside other companies, then its later mentions).
  for (let round = 0; round < 2 && waiting.length > 0; round++) {
    let progress = true;
    while (progress && waiting.length > 0) {
      progress = false;
      waiting = waiting.filter((m) => {
        if (keep(m) && !overlapsFound(m)) {
          accepted.push(m);
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

