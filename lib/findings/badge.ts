// What the toolbar button says about a tab: how many companies the page names whose listing is in
// force, in the colour of the most serious one, and a mark when the list data may be out of date
// or is older than a month. Formerly listed companies and the user's own watchlist names are not
// government restrictions in force: they never count and never colour the badge.
import type { Dataset } from '../dataset/types';
import { compareSeverity, entitySeverity, listIndex, type DisplaySeverity } from '../dataset/severity';
import { programIndex } from '../dataset/effect';
import type { Finding } from '../messaging';
import { ageInDays, decidingAsOf, isOldAge } from './freshness';

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
  dataset: (Pick<Dataset, 'lists' | 'entities'> & Partial<Pick<Dataset, 'sources' | 'programs' | 'generatedAt'>>) | undefined;
  /** Whether the user lets the extension scan this tab's site. */
  enabled: boolean;
  /** The feed's own verdict (expired manifest, no successful check for days). */
  stale: boolean;
  colors: Record<DisplaySeverity, { background: string; text: string }>;
  /** Epoch ms, for the data's age. */
  now?: number;
}

const SEVERITY_WORDS: Record<DisplaySeverity, string> = {
  prohibited: 'trading prohibited',
  restricted: 'restricted',
  caution: 'caution',
  historical: 'formerly listed',
};

/** Ids of the user's watchlist terms (lib/settings/rules.ts `watchlistEntityId`). */
const WATCHLIST_PREFIX = 'watchlist:';

/**
 * The display severity of each company found, watchlist names left out; 'caution' for ids the
 * data no longer knows (a page found them with the list data of a moment ago).
 */
function severities(findings: Finding[], dataset: BadgeInput['dataset']): DisplaySeverity[] {
  const lists = dataset ? listIndex(dataset) : new Map();
  const programs = dataset ? programIndex(dataset) : new Map();
  const entities = new Map(dataset?.entities.map((entity) => [entity.id, entity]));
  return findings
    .filter((finding) => !finding.entityId.startsWith(WATCHLIST_PREFIX))
    .map((finding) => {
      const entity = entities.get(finding.entityId);
      return entity ? entitySeverity(entity, lists, programs) : 'caution';
    });
}

/** The most serious display severity among the companies found (watchlist names aside). */
export function worstSeverity(findings: Finding[], dataset: BadgeInput['dataset']): DisplaySeverity | undefined {
  let worst: DisplaySeverity | undefined;
  for (const severity of severities(findings, dataset)) if (!worst || compareSeverity(severity, worst) < 0) worst = severity;
  return worst;
}

/** How many of the companies found have a listing in force. */
export function inForceCount(findings: Finding[], dataset: BadgeInput['dataset']): number {
  return severities(findings, dataset).filter((severity) => severity !== 'historical').length;
}

/** Why the data behind the badge may be out of date, or undefined when it is not. */
export function staleWords(input: Pick<BadgeInput, 'dataset' | 'stale' | 'now'>): string | undefined {
  if (input.stale) return 'The list data may be out of date.';
  const asOf = input.dataset ? decidingAsOf(input.dataset) : undefined;
  const age = ageInDays(asOf?.date, input.now ?? Date.now());
  return asOf && isOldAge(age) ? `The ${asOf.authority} list data is ${age} days old.` : undefined;
}

/** The badge for a tab, or undefined for none (nothing in force found, or the site is off). */
export function badgeFor(input: BadgeInput): Badge | undefined {
  if (!input.enabled) return undefined;
  const count = inForceCount(input.findings, input.dataset);
  if (count === 0) return undefined;
  const severity = worstSeverity(input.findings, input.dataset) ?? 'caution';
  // The badge has room for about four characters.
  const number = count > 99 ? '99+' : String(count);
  const companies = count === 1 ? '1 company with a listing in force' : `${count} companies with a listing in force`;
  const stale = staleWords(input);
  const title = `Sanctions Lens: ${companies} on this page (most serious: ${SEVERITY_WORDS[severity]})` + (stale ? `. ${stale}` : '');
  const { background, text } = input.colors[severity];
  return { text: stale ? `${number}!` : number, color: background, textColor: text, title };
}
