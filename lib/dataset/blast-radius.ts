// Blast-radius rules: limits on what any dataset — bundled, built or received from the feed, signed
// or not — may make the matcher do, so that one bad build or one misused key cannot turn the
// extension into a page-wrecker that marks "the" and "which" on every page as a sanctioned company.
//
// Two tiers:
//   - `checkNameSafety`: cheap rules on the names themselves (length, letters, frequent words,
//     size caps), run by the validator wherever a dataset enters;
//   - `checkCanary`: the candidate's own matcher run over ordinary prose (lib/dataset/canary.ts),
//     run where a dataset is built, published and received.
import { CANARY_TEXTS } from './canary';
import { STOP_WORDS_EN, STOP_WORDS_RU, STOP_WORDS_ZH } from './stop-words';
import type { Dataset } from './types';
import type { DatasetProblem } from './validate';

export const LIMITS = {
  /** About five times the bundled list: room for growth, not for a list built to exhaust the page. */
  maxEntities: 3000,
  /** Official records carry a few dozen names at most. */
  maxNamesPerEntity: 80,
  /** Names, aliases and tickers together: what every frame's matcher has to hold. */
  maxPatterns: 40_000,
  /** Matches allowed over all of the canary prose. */
  maxCanaryMatches: 3,
} as const;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /\p{L}/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function isStopWord(word: string): boolean {
  return STOP_WORDS_EN.has(word) || STOP_WORDS_RU.has(word) || STOP_WORDS_ZH.has(word);
}

/** Why a name would match ordinary text, or undefined when it is specific enough. */
export function nameRisk(name: string): string | undefined {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const cjk = count(folded, CJK);
  const letters = count(folded, LETTER) - cjk;
  if (cjk === 0 && letters === 0) return 'has no letter';
  if (cjk > 0 ? cjk < 2 && letters < 3 : letters < 3) return 'is too short to name a company on its own (at least 3 letters or 2 Chinese characters)';
  const words = folded.split(/[\s,.;:'’"«»()\-–—]+/u).filter(Boolean);
  if (words.length > 0 && words.every(isStopWord)) {
    return words.length === 1 ? 'is one of the most frequent words of ordinary text' : 'is made only of frequent words of ordinary text';
  }
  return undefined;
}

/** Cheap checks on every name, alias and weak alias, plus size caps. */
export function checkNameSafety(dataset: Pick<Dataset, 'entities'>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const entities = Array.isArray(dataset.entities) ? dataset.entities : [];
  if (entities.length > LIMITS.maxEntities) {
    problems.push({ path: 'entities', message: `has ${entities.length} entities, more than the ${LIMITS.maxEntities} a list may hold` });
  }
  let patterns = 0;
  entities.forEach((entity, i) => {
    if (typeof entity !== 'object' || entity === null) return;
    const at = `entities[${i}] (${String(entity.id)})`;
    const aliases = Array.isArray(entity.aliases) ? entity.aliases : [];
    const weak = Array.isArray(entity.weakAliases) ? entity.weakAliases : [];
    const names = 1 + aliases.length + weak.length;
    patterns += names + (Array.isArray(entity.tickers) ? entity.tickers.length : 0);
    if (names > LIMITS.maxNamesPerEntity) {
      problems.push({ path: `${at}.aliases`, message: `has ${names} names, more than the ${LIMITS.maxNamesPerEntity} an entity may have` });
    }
    const check = (value: unknown, path: string) => {
      if (typeof value !== 'string') return;
      const risk = nameRisk(value);
      if (risk) problems.push({ path, message: `"${value.slice(0, 40)}" ${risk}` });
    };
    check(entity.name, `${at}.name`);
    aliases.forEach((alias, j) => check(alias, `${at}.aliases[${j}]`));
    weak.forEach((alias, j) => check(alias, `${at}.weakAliases[${j}]`));
  });
  if (patterns > LIMITS.maxPatterns) {
    problems.push({ path: 'entities', message: `has ${patterns} names and tickers, more than the ${LIMITS.maxPatterns} a list may hold` });
  }
  return problems;
}

/** Anything that can scan text the way the page does (the matcher of lib/match). */
export type Scanner = { scan(text: string): { start: number; end: number; entityId: string }[] };

export interface CanaryResult {
  matches: { text: string; entityId: string; source: string }[];
  problems: DatasetProblem[];
}

/** Runs the candidate's matcher over the canary prose; more than a handful of matches refuses it. */
export function checkCanary(matcher: Scanner): CanaryResult {
  const matches: CanaryResult['matches'] = [];
  for (const canary of CANARY_TEXTS) {
    for (const match of matcher.scan(canary.text)) {
      matches.push({ text: canary.text.slice(match.start, match.end), entityId: match.entityId, source: canary.source });
    }
  }
  const problems: DatasetProblem[] = [];
  if (matches.length > LIMITS.maxCanaryMatches) {
    const sample = [...new Set(matches.map((match) => `"${match.text}" (${match.entityId})`))].slice(0, 5).join(', ');
    problems.push({
      path: 'entities',
      message: `marks ${matches.length} words of ordinary prose as listed companies (at most ${LIMITS.maxCanaryMatches}): ${sample}`,
    });
  }
  return { matches, problems };
}
