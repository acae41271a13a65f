// A dataset rebuilt from the fields this version knows, after validation. A list from the feed may
// carry fields a newer publisher added, or junk; only known fields are kept and used, so nothing
// unvalidated (a 3 MB blob, a field that claims to be the user's watchlist) reaches storage readers,
// the hover card or the popup.
import { projectChanges } from './changes';
import type { Dataset, Entity, Listing, Program, Ruling, SanctionList, SourceRef } from './types';

type Obj = Record<string, unknown>;

function pick<T>(value: T, keys: readonly (keyof T)[]): T {
  const out: Obj = {};
  for (const key of keys) {
    const field = (value as Obj)[key as string];
    if (field !== undefined) out[key as string] = field;
  }
  return out as T;
}

const SOURCE_KEYS = ['id', 'title', 'url', 'asOf', 'licence', 'note'] as const satisfies readonly (keyof SourceRef)[];
const LIST_KEYS = ['id', 'name', 'shortName', 'authority', 'legalBasis', 'severity', 'effect', 'url'] as const satisfies readonly (keyof SanctionList)[];
const LISTING_KEYS = ['list', 'status', 'since', 'until', 'effective', 'divestBy', 'note', 'source', 'programs'] as const satisfies readonly (keyof Listing)[];
const RULING_KEYS = ['id', 'caption', 'court', 'docket', 'judge', 'date', 'outcome', 'summary', 'url', 'entities'] as const satisfies readonly (keyof Ruling)[];
const PROGRAM_KEYS = ['id', 'list', 'name', 'legalBasis', 'severity', 'buy', 'hold', 'sell', 'summary', 'details', 'citations'] as const satisfies readonly (keyof Program)[];

function entity(value: Entity): Entity {
  const out: Entity = {
    id: value.id,
    name: value.name,
    aliases: [...value.aliases],
    weakAliases: [...value.weakAliases],
    tickers: value.tickers.map((ticker) => ({ exchange: ticker.exchange, symbol: ticker.symbol })),
    isins: [...value.isins],
    country: value.country,
    listings: value.listings.map((listing) => pick(listing, LISTING_KEYS)),
    rulings: [...value.rulings],
  };
  if (value.related) out.related = value.related.map((rel) => ({ id: rel.id, relation: rel.relation }));
  return out;
}

/** The validated dataset with only the fields of contract 1 (and its documented additions). */
export function projectDataset(value: Dataset): Dataset {
  const out: Dataset = {
    schemaVersion: value.schemaVersion,
    version: value.version,
    generatedAt: value.generatedAt,
    sources: value.sources.map((source) => pick(source, SOURCE_KEYS)),
    lists: value.lists.map((list) => pick(list, LIST_KEYS)),
    entities: value.entities.map(entity),
    rulings: value.rulings.map((ruling) => pick(ruling, RULING_KEYS)),
  };
  if (value.programs) {
    out.programs = value.programs.map((program) => ({
      ...pick(program, PROGRAM_KEYS),
      citations: Array.isArray(program.citations) ? program.citations.map((c) => ({ title: c.title, url: c.url })) : [],
    }));
  }
  if (value.changes) out.changes = projectChanges(value.changes);
  return out;
}
