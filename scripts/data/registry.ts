// Entities while the dataset is being assembled: one draft per company, found again by the merge
// keys of its names, collecting aliases, tickers, ISINs and listings from every source.
import { slugify } from '../../lib/dataset/ids';
import type { Listing, Ticker } from '../../lib/dataset/types';
import { mergeKey } from './names';
import { tickerKey } from './tickers';

export interface Draft {
  id?: string;
  /** Candidate display names with a rank (lower wins): curated 0, OFAC issuer name 1, proper-case list name 2, OFAC upper-case 3. */
  names: { name: string; rank: number }[];
  aliases: string[];
  weakAliases: string[];
  /** Aliases declared by hand; they win conflicts with other entities. */
  curatedAliases: Set<string>;
  dropAliases: Set<string>;
  tickers: Ticker[];
  isins: string[];
  country?: string;
  listings: Listing[];
  rulings: Set<string>;
  /** Related companies by name or id, resolved at the end. */
  relatedNames: { name: string; relation: 'parent' | 'subsidiary' | 'affiliate'; from?: 'ofac' | 'dod' }[];
  relatedIds: { id: string; relation: 'parent' | 'subsidiary' | 'affiliate' }[];
  keys: Set<string>;
  ofacIds: Set<string>;
  /** Every OFAC and DoD name the draft was built from, with where it came from (for the name check). */
  officialNames: { name: string; from: string }[];
  /** OFAC SDN ent_nums the curated file ties to this draft. */
  sdnIds: Set<string>;
}

export class Registry {
  readonly drafts: Draft[] = [];
  private byKey = new Map<string, Draft>();
  private byOfacId = new Map<string, Draft>();
  private byId = new Map<string, Draft>();

  create(): Draft {
    const draft: Draft = {
      names: [],
      aliases: [],
      weakAliases: [],
      curatedAliases: new Set(),
      dropAliases: new Set(),
      tickers: [],
      isins: [],
      listings: [],
      rulings: new Set(),
      relatedNames: [],
      relatedIds: [],
      keys: new Set(),
      ofacIds: new Set(),
      sdnIds: new Set(),
      officialNames: [],
    };
    this.drafts.push(draft);
    return draft;
  }

  /** The draft any of these names (tried in order) already belongs to. */
  find(names: string[]): Draft | undefined {
    for (const name of names) {
      const found = this.byKey.get(mergeKey(name));
      if (found) return found;
    }
    return undefined;
  }

  findOfac(ofacId: string): Draft | undefined {
    return this.byOfacId.get(ofacId);
  }

  findId(id: string): Draft | undefined {
    return this.byId.get(id);
  }

  /** Makes `name` find this draft from now on, unless another draft already owns the name. */
  claim(draft: Draft, name: string): void {
    const key = mergeKey(name);
    if (!key || this.byKey.has(key)) return;
    this.byKey.set(key, draft);
    draft.keys.add(key);
  }

  claimOfac(draft: Draft, ofacId: string): void {
    this.byOfacId.set(ofacId, draft);
    draft.ofacIds.add(ofacId);
  }

  pinId(draft: Draft, id: string): void {
    draft.id = id;
    this.byId.set(id, draft);
  }
}

/** A name seen again with a better rank takes that rank (a DoD copy of an OFAC name can promote it). */
export function addName(draft: Draft, name: string, rank: number): void {
  const found = draft.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!found) draft.names.push({ name, rank });
  else if (rank < found.rank) {
    found.rank = rank;
    found.name = name;
  }
}

function pushUnique(list: string[], value: string): void {
  if (!list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

export function addAlias(draft: Draft, alias: string, weak = false): void {
  const value = alias.trim();
  if (value) pushUnique(weak ? draft.weakAliases : draft.aliases, value);
}

export function addTicker(draft: Draft, ticker: Ticker): void {
  if (!draft.tickers.some((t) => tickerKey(t) === tickerKey(ticker))) draft.tickers.push(ticker);
}

export function addIsin(draft: Draft, isin: string): void {
  if (!draft.isins.includes(isin)) draft.isins.push(isin);
}

export function displayName(draft: Draft): string {
  return [...draft.names].sort((a, b) => a.rank - b.rank)[0]?.name ?? '';
}

export function draftId(draft: Draft): string {
  return draft.id ?? slugify(displayName(draft));
}
