// Which companies the page's findings panel names, and in which order: those found in this page's
// own frame or in frames of the same site (which the page could read anyway), most serious first
// and then the most often mentioned, as in the toolbar popup. Companies found only in embedded
// content from other sites are counted, not named: the panel lives in the page.
import { SEVERITY_RANK } from '../../lib/dataset/severity';
import type { Finding } from '../../lib/messaging';
import { distinctTexts } from '../format';
import type { CardModel } from './card-model';
import type { PanelEntry } from './FindingsPanel';

function rank(model: CardModel): number {
  if (model.standing === 'watchlist') return 0.5;
  if (model.standing === 'formerly') return 0;
  return SEVERITY_RANK[model.key as keyof typeof SEVERITY_RANK] ?? 1;
}

export function panelEntries(
  own: Finding[],
  tab: { findings: Finding[]; elsewhere: number } | null,
  describe: (entityId: string) => CardModel | undefined,
): { entries: PanelEntry[]; elsewhere: number } {
  const byId = new Map<string, Finding>();
  for (const finding of tab?.findings ?? []) byId.set(finding.entityId, finding);
  // This frame's own findings are current even when the background's answer lags behind.
  for (const finding of own) byId.set(finding.entityId, { ...finding, count: Math.max(finding.count, byId.get(finding.entityId)?.count ?? 0) });
  const entries: PanelEntry[] = [];
  for (const finding of byId.values()) {
    const model = describe(finding.entityId);
    if (model) entries.push({ model, count: finding.count, texts: distinctTexts(finding.texts) });
  }
  entries.sort((a, b) => rank(b.model) - rank(a.model) || b.count - a.count || a.model.name.localeCompare(b.model.name));
  return { entries, elsewhere: tab?.elsewhere ?? 0 };
}
