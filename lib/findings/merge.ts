// Combines what each frame of a tab reported into one entry per company, so the badge and the
// popup count a company once even when an article and its embedded quote widget both name it.
import type { Finding, MatchKind } from '../messaging';

/** How many distinct matched strings the popup shows per company. */
export const MAX_TEXTS = 5;

const KIND_ORDER: MatchKind[] = ['name', 'ticker', 'isin'];

export function mergeFindings(lists: Iterable<Finding[]>): Finding[] {
  const merged = new Map<string, { texts: string[]; kinds: Set<MatchKind>; count: number }>();
  for (const findings of lists) {
    for (const finding of findings) {
      let entry = merged.get(finding.entityId);
      if (!entry) {
        entry = { texts: [], kinds: new Set(), count: 0 };
        merged.set(finding.entityId, entry);
      }
      entry.count += finding.count;
      for (const kind of finding.kinds) entry.kinds.add(kind);
      for (const text of finding.texts) {
        if (entry.texts.length < MAX_TEXTS && !entry.texts.includes(text)) entry.texts.push(text);
      }
    }
  }
  return [...merged].map(([entityId, entry]) => ({
    entityId,
    texts: entry.texts,
    kinds: KIND_ORDER.filter((kind) => entry.kinds.has(kind)),
    count: entry.count,
  }));
}

const KINDS = new Set<string>(KIND_ORDER);
/** More than any page names; enough for a long holdings table. */
export const MAX_FINDINGS_PER_REPORT = 500;
const MAX_ID_LENGTH = 200;
const MAX_COUNT = 100_000;

/**
 * Checks a report from a content script before it is stored: messages cross a trust boundary
 * (a compromised page cannot send them, but a buggy or older content script can), so malformed
 * entries are dropped rather than allowed to break the badge or the popup.
 */
export function sanitizeFindings(value: unknown, isKnown: (entityId: string) => boolean = () => true): Finding[] {
  if (!Array.isArray(value)) return [];
  const findings: Finding[] = [];
  for (const item of value) {
    // A page's renderer, if compromised, can send anything: a report is bounded in size and names
    // only companies the list (or the user's watchlist) holds.
    if (findings.length >= MAX_FINDINGS_PER_REPORT) break;
    if (typeof item !== 'object' || item === null) continue;
    const { entityId, texts, kinds, count } = item as Partial<Finding>;
    if (typeof entityId !== 'string' || entityId === '' || entityId.length > MAX_ID_LENGTH || !isKnown(entityId)) continue;
    const n = typeof count === 'number' && Number.isFinite(count) ? Math.min(MAX_COUNT, Math.max(1, Math.floor(count))) : 1;
    findings.push({
      entityId,
      texts: Array.isArray(texts)
        ? texts.filter((t): t is string => typeof t === 'string').map((t) => t.slice(0, 80)).slice(0, MAX_TEXTS)
        : [],
      kinds: Array.isArray(kinds) ? (kinds.filter((k) => KINDS.has(k)) as MatchKind[]) : [],
      count: n,
    });
  }
  return findings;
}
