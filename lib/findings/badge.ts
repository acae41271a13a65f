// What the toolbar button says about a tab: how many listed companies the page names, in the
// colour of the most serious one, and a mark when the list data may be out of date.
import type { Dataset } from '../dataset/types';
import { compareSeverity, entitySeverity, listIndex, type DisplaySeverity } from '../dataset/severity';
import type { Finding } from '../messaging';

export interface Badge {
  text: string;
  /** Background of the badge. */
  color: string;
  /** Text on that background (dark on yellow, light on red), readable in both palettes. */
  textColor: string;
  title: string;
}

export interface BadgeInput {
  findings: Finding[];
  dataset: Pick<Dataset, 'lists' | 'entities'> | undefined;
  /** Whether the user lets the extension scan this tab's site. */
  enabled: boolean;
  stale: boolean;
  colors: Record<DisplaySeverity, { background: string; text: string }>;
}

const SEVERITY_WORDS: Record<DisplaySeverity, string> = {
  prohibited: 'trading prohibited',
  restricted: 'restricted',
  caution: 'caution',
  historical: 'formerly listed',
};

/** The most serious display severity among the companies found; 'caution' for ids the data no longer knows. */
export function worstSeverity(findings: Finding[], dataset: BadgeInput['dataset']): DisplaySeverity | undefined {
  if (findings.length === 0) return undefined;
  const lists = dataset ? listIndex(dataset) : new Map();
  const entities = new Map(dataset?.entities.map((entity) => [entity.id, entity]));
  let worst: DisplaySeverity | undefined;
  for (const finding of findings) {
    const entity = entities.get(finding.entityId);
    const severity = entity ? entitySeverity(entity, lists) : 'caution';
    if (!worst || compareSeverity(severity, worst) < 0) worst = severity;
  }
  return worst;
}

/** The badge for a tab, or undefined for none (nothing found, or the site is off). */
export function badgeFor(input: BadgeInput): Badge | undefined {
  if (!input.enabled || input.findings.length === 0) return undefined;
  const severity = worstSeverity(input.findings, input.dataset) ?? 'caution';
  const count = input.findings.length;
  // The badge has room for about four characters.
  const number = count > 99 ? '99+' : String(count);
  const companies = count === 1 ? '1 listed company' : `${count} listed companies`;
  const title =
    `Sanctions Lens: ${companies} on this page (most serious: ${SEVERITY_WORDS[severity]})` +
    (input.stale ? '. The list data may be out of date.' : '');
  const { background, text } = input.colors[severity];
  return { text: input.stale ? `${number}!` : number, color: background, textColor: text, title };
}
