// The compact match index the background prepares once per dataset version and settings: the
// entities the page may highlight (the user's lists, threshold and watchlist applied), trimmed to the
// name fields the matcher reads, their colour, the first word of each of their patterns, and the
// patterns themselves, compiled here by the matcher's own compiler (lib/match/patterns.ts) so that
// frames only build the automaton. Pure, so Node tests can
// check that a matcher built from part of it finds what `createMatcher(dataset)` finds.
import type { Dataset } from '../dataset/types';
import { compilePatterns } from '../match/patterns';
import { patternTable, type PatternRow } from '../match/pattern-table';
import type { MatchEntity, MatchIndex } from '../messaging';
import { buildPageView, type ViewSettings } from '../page/entity-view';
import { ALWAYS, MAX_TOKEN_LENGTH, keyToken } from '../page/tokens';

/** The settings that change what is matched: a change of any of them makes a new index. */
export function indexSettingsKey(settings: ViewSettings): string {
  return JSON.stringify([settings.lists, settings.minSeverity, settings.showHistorical, settings.watchlist]);
}

function shortHash(text: string): string {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 33) ^ text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

export function matchIndexId(dataset: Pick<Dataset, 'version'>, settings: ViewSettings): string {
  return `${dataset.version}:${shortHash(indexSettingsKey(settings))}`;
}

function trim(entity: Dataset['entities'][number]): MatchEntity {
  const out: MatchEntity = { id: entity.id, name: entity.name, aliases: entity.aliases };
  if (entity.weakAliases?.length) out.weakAliases = entity.weakAliases;
  if (entity.tickers?.length) out.tickers = entity.tickers.map(({ exchange, symbol }) => ({ exchange, symbol }));
  if (entity.isins?.length) out.isins = entity.isins;
  const parents = (entity.related ?? []).filter((rel) => rel.relation === 'parent').map(({ id }) => ({ id, relation: 'parent' as const }));
  if (parents.length) out.related = parents;
  return out;
}

export function buildMatchIndex(dataset: Dataset, settings: ViewSettings): MatchIndex {
  const view = buildPageView(dataset, settings);
  const entities = view.dataset.entities;
  const position = new Map(entities.map((entity, i) => [entity.id, i]));
  const tokens: Record<string, number[]> = Object.create(null);
  const { patterns } = compilePatterns(view.dataset);
  for (const pattern of patterns) {
    const at = position.get(pattern.entityId);
    if (at === undefined) continue; // the exclusion list: every matcher compiles it anyway
    let token = keyToken(pattern.key);
    if (token.length > MAX_TOKEN_LENGTH || token.length === 0) token = ALWAYS;
    const list = (tokens[token] ??= []);
    if (list[list.length - 1] !== at) list.push(at);
  }
  return {
    id: matchIndexId(dataset, settings),
    entities: entities.map(trim),
    keys: entities.map((entity) => view.keys.get(entity.id)!),
    tokens: { ...tokens },
    patterns: patternTable(patterns, (id) => position.get(id)),
  };
}

/** Each pattern row's token (what a frame must see for it to be possible), computed once per index. */
const tokensOfRows = new WeakMap<MatchIndex, string[]>();
function rowTokens(index: MatchIndex): string[] {
  let tokens = tokensOfRows.get(index);
  if (!tokens) {
    tokens = index.patterns.rows.map((row) => {
      const token = keyToken(row[2]);
      return token.length > MAX_TOKEN_LENGTH || token.length === 0 ? ALWAYS : token;
    });
    tokensOfRows.set(index, tokens);
  }
  return tokens;
}

/** From this share of the index on, a frame gets the whole index rather than a part. */
export const WHOLE_SHARE = 0.3;

/**
 * The part of `index` a frame whose text holds first words `tokens` needs: the patterns starting with one
 * of them (and those every frame needs: the exclusion list, patterns without a first word), in the index's
 * order, the companies they belong to, and the words it covers. Null when those companies are most of the
 * index anyway (the frame then takes the whole).
 */
export function partialIndex(index: MatchIndex, tokens: Iterable<string>): MatchIndex | null {
  const wanted = new Set<number>(Object.hasOwn(index.tokens, ALWAYS) ? index.tokens[ALWAYS] : []);
  const covers: string[] = [];
  for (const token of tokens) {
    if (token === ALWAYS || !Object.hasOwn(index.tokens, token)) continue;
    covers.push(token);
    for (const at of index.tokens[token]) wanted.add(at);
  }
  if (wanted.size >= index.entities.length * WHOLE_SHARE) return null;
  // Of those companies, only the patterns that start with a word the text holds: a pattern whose first
  // word (or pair) is absent cannot match there, nor tell a match apart from another name. Text that later
  // brings one of their first words asks for a larger part (the part covers only `covers`).
  const covered = new Set(covers);
  const rowToken = rowTokens(index);
  const candidates = [...wanted].sort((a, b) => a - b);
  const keep: boolean[] = index.patterns.rows.map((row, i) => row[0] < 0 || rowToken[i] === ALWAYS || covered.has(rowToken[i]));
  const used = new Set<number>();
  index.patterns.rows.forEach((row, i) => void (keep[i] && row[0] >= 0 && used.add(row[0])));
  const positions = candidates.filter((at) => used.has(at));
  const local = new Map(positions.map((at, i) => [at, i]));
  const rows: PatternRow[] = [];
  index.patterns.rows.forEach((row, i) => {
    if (!keep[i]) return;
    // The exclusion list (-1) goes to every part.
    const at = row[0] < 0 ? -1 : local.get(row[0]);
    if (at !== undefined) rows.push([at, ...row.slice(1)] as PatternRow);
  });
  return {
    id: index.id,
    entities: positions.map((at) => index.entities[at]),
    keys: positions.map((at) => index.keys[at]),
    tokens: {},
    patterns: { rows },
    covers,
  };
}
