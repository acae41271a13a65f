// Assembles the dataset from parsed sources and the curated file: merges each company's records
// across lists, turns list memberships into listings with dates and official URLs, links rulings,
// and orders everything so the same inputs always give the same bytes.
import { isValidIsin, slugify } from '../../lib/dataset/ids';
import type { Dataset, Entity, Listing, SourceRef } from '../../lib/dataset/types';
import { SCHEMA_VERSION } from '../../lib/dataset/types';
import type { Curated, CuratedEntity } from './curated';
import type { Dod1260hRow } from './dod-1260h';
import type { FccFile } from './fcc';
import { cleanName, displayCase, isShortAcronym, mergeKey } from './names';
import type { NdaaEntry } from './ndaa';
import type { OfacRecord } from './ofac-record';
import { addAlias, addIsin, addName, addTicker, displayName, draftId, Registry, type Draft } from './registry';
import { normalizeOfacTicker, TickerError } from './tickers';

export interface OfacInput {
  records: OfacRecord[];
  asOf?: string;
  format: 'enhanced-xml' | 'legacy-csv';
}

export interface BuildInputs {
  curated: Curated;
  /** The primary OFAC file (ENHANCED XML preferred); a legacy CSV set may come second to fill gaps. */
  ofac: OfacInput[];
  dod1260h?: Dod1260hRow[];
  fcc?: FccFile;
  ndaa?: NdaaEntry[];
}

export interface BuildResult {
  dataset: Dataset;
  /** Facts the build dropped or could not place, for the person running it. */
  warnings: string[];
}

const COUNTRIES: Record<string, string> = {
  China: 'CN', Russia: 'RU', 'Hong Kong': 'HK', Cyprus: 'CY', 'Virgin Islands, British': 'VG', Luxembourg: 'LU',
  Austria: 'AT', Switzerland: 'CH', Netherlands: 'NL', Belarus: 'BY', Ukraine: 'UA', Turkey: 'TR', Serbia: 'RS',
  Kazakhstan: 'KZ', Guernsey: 'GG', Georgia: 'GE', 'Cayman Islands': 'KY', Burma: 'MM', Azerbaijan: 'AZ',
  Armenia: 'AM', Angola: 'AO', India: 'IN', Mongolia: 'MN', Germany: 'DE', 'United Kingdom': 'GB',
  'United States': 'US', Singapore: 'SG', Venezuela: 'VE', Iran: 'IR',
};

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Builder {
  readonly registry = new Registry();
  readonly warnings: string[] = [];
  readonly strong: Set<string>;
  readonly weak: Set<string>;

  constructor(readonly curated: Curated) {
    this.strong = new Set(curated.strongAcronyms);
    this.weak = new Set(curated.weakNames);
  }

  alias(draft: Draft, raw: string): void {
    const name = cleanName(raw);
    if (!name) return;
    const weak = this.weak.has(name) || (isShortAcronym(name) && !this.strong.has(name));
    addAlias(draft, name, weak);
  }

  listSource(list: string): string {
    const url = this.curated.listSources[list] ?? this.curated.lists.find((l) => l.id === list)?.url;
    if (!url) throw new Error(`curated.json: no listSources entry or list url for "${list}"`);
    return url;
  }

  addCuratedEntity(entity: CuratedEntity): void {
    const draft = this.registry.create();
    this.registry.pinId(draft, entity.id);
    addName(draft, entity.name, 0);
    for (const name of [entity.name, ...(entity.match ?? [])]) this.registry.claim(draft, name);
    for (const alias of entity.aliases ?? []) {
      addAlias(draft, alias.name);
      draft.curatedAliases.add(alias.name.toLowerCase());
    }
    for (const alias of entity.weakAliases ?? []) addAlias(draft, alias.name, true);
    for (const name of entity.dropAliases ?? []) draft.dropAliases.add(mergeKey(name));
    for (const ticker of entity.tickers ?? []) addTicker(draft, { exchange: ticker.exchange, symbol: ticker.symbol });
    for (const { isin } of entity.isins ?? []) addIsin(draft, isin);
    if (entity.country) draft.country = entity.country;
    draft.listings.push(...(entity.listings ?? []));
    draft.relatedIds.push(...(entity.related ?? []));
  }

  addOfac(input: OfacInput): void {
    for (const record of input.records) {
      if (record.kind !== 'entity' || record.lists.length === 0) continue;
      const fkas = record.names.filter((n) => n.type === 'fka' && n.script === 'latin').map((n) => n.name);
      const draft =
        this.registry.findOfac(record.ofacId) ??
        this.registry.find([record.name, ...record.issuerNames, ...fkas]) ??
        this.registry.create();
      this.registry.claimOfac(draft, record.ofacId);
      for (const name of [record.name, ...record.issuerNames]) this.registry.claim(draft, name);
      addName(draft, displayCase(cleanName(record.name)), 3);
      for (const issuer of record.issuerNames) addName(draft, cleanName(issuer), 2);
      for (const name of record.names) if (name.type !== 'primary' || name.script !== 'latin') this.alias(draft, name.name);
      for (const issuer of record.issuerNames) this.alias(draft, issuer);
      for (const { code, comment } of record.tickers) {
        try {
          addTicker(draft, normalizeOfacTicker(code, comment));
        } catch (error) {
          if (!(error instanceof TickerError)) throw error;
          this.warnings.push(`OFAC ${record.ofacId} (${record.name}): ${error.message}`);
        }
      }
      for (const isin of record.isins) {
        if (isValidIsin(isin)) addIsin(draft, isin);
        else this.warnings.push(`OFAC ${record.ofacId} (${record.name}): dropped "${isin}", not a valid ISIN`);
      }
      const country = record.countries.map((c) => COUNTRIES[c]).find(Boolean);
      if (country && !draft.country) draft.country = country;
      else if (!country && record.countries.length > 0) {
        this.warnings.push(`OFAC ${record.ofacId}: unknown country "${record.countries[0]}"`);
      }
      for (const membership of record.lists) {
        if (draft.listings.some((l) => l.list === membership.list)) continue;
        const cmic = membership.list === 'ofac-ns-cmic' ? record.cmic : undefined;
        const since = cmic?.listed ?? membership.since;
        if (!since) {
          this.warnings.push(`OFAC ${record.ofacId} (${record.name}): ${membership.list} without a date, skipped`);
          continue;
        }
        const listing: Listing = { list: membership.list, status: 'active', since, source: this.listSource(membership.list) };
        if (cmic?.effective) listing.effective = cmic.effective;
        if (cmic?.divestBy) listing.divestBy = cmic.divestBy;
        if (membership.note) listing.note = membership.note;
        draft.listings.push(listing);
      }
    }
    // Ownership links name other OFAC entries; resolve once every entry of the file has a draft.
    for (const record of input.records) {
      const draft = this.registry.findOfac(record.ofacId);
      if (!draft) continue;
      for (const rel of record.related) {
        const other = this.registry.findOfac(rel.ofacId);
        if (!other || other === draft) continue;
        if (/owned or controlled by/i.test(rel.relation)) link(draft, other, 'parent');
        else if (/owns, controls/i.test(rel.relation)) link(draft, other, 'subsidiary');
      }
    }
  }

  add1260h(rows: Dod1260hRow[]): void {
    const { fullEditions, editionUrls, doubtfulRemovals, removals } = this.curated.dod1260h;
    const doubtful = new Map(doubtfulRemovals.map((d) => [d.date, d.note]));
    const editions = [...new Set(rows.map((r) => r.start))].sort(byCode);
    const newest = editions[editions.length - 1];
    const groups = new Map<Draft, Dod1260hRow[]>();
    for (const row of rows) {
      const draft = this.registry.find([row.name, ...row.previousNames]) ?? this.registry.create();
      this.registry.claim(draft, row.name);
      for (const previous of row.previousNames) this.registry.claim(draft, previous);
      addName(draft, row.name, 1);
      for (const alias of row.aliases) this.alias(draft, alias);
      for (const previous of row.previousNames) this.alias(draft, previous);
      if (row.parentName) draft.relatedNames.push({ name: row.parentName, relation: 'parent' });
      groups.set(draft, [...(groups.get(draft) ?? []), row]);
    }
    for (const [draft, group] of groups) {
      const listedIn = [...new Set(group.map((r) => r.start))].sort(byCode);
      const since = listedIn[0];
      const notes = [`Named in the editions of ${listedIn.join(', ')}.`];
      const ends = group.map((r) => r.end).filter((e): e is string => Boolean(e));
      for (const end of new Set(ends)) {
        if (doubtful.has(end)) notes.push(doubtful.get(end)!);
      }
      const firmEnds = ends.filter((e) => !doubtful.has(e));
      const last = listedIn[listedIn.length - 1];
      const source = editionUrls[last] ?? this.listSource('dod-1260h');
      for (const extra of this.curated.dod1260h.notes) if (extra.entity === draftId(draft)) notes.push(extra.note);
      const removal = removals.find((r) => r.entity === draftId(draft));
      let listing: Listing;
      if (removal) {
        listing = { list: 'dod-1260h', status: 'removed', since, until: removal.date, note: `${notes.join(' ')} ${removal.note}`, source: removal.source };
      } else if (listedIn.includes(newest) && !group.some((r) => r.start === newest && r.end && !doubtful.has(r.end))) {
        listing = { list: 'dod-1260h', status: 'active', since, note: notes.join(' '), source };
      } else {
        // Dropped: an explicit end date, else the first full edition that no longer names it.
        const until =
          firmEnds.sort(byCode).find((e) => e >= last) ?? fullEditions.filter((e) => e > last).sort(byCode)[0] ?? newest;
        notes.push(`Not named in the edition of ${until}.`);
        listing = { list: 'dod-1260h', status: 'removed', since, until, note: notes.join(' '), source: editionUrls[until] ?? source };
      }
      draft.listings.push(listing);
    }
  }

  addNdaa(entries: NdaaEntry[]): void {
    for (const entry of entries) {
      const draft = this.registry.find([entry.name, ...entry.aliases]) ?? this.registry.create();
      this.registry.claim(draft, entry.name);
      addName(draft, entry.name, 1);
      for (const alias of entry.aliases) this.alias(draft, alias);
      if (draft.listings.some((l) => l.list === entry.section)) continue;
      draft.listings.push({
        list: entry.section,
        status: 'active',
        since: entry.enacted,
        ...(entry.startsOn ? { note: `The procurement ban applies from ${entry.startsOn}.` } : {}),
        source: entry.url,
      });
    }
  }

  addFcc(file: FccFile): void {
    for (const entry of file.entries) {
      const mapped = this.curated.fccCompanies.find((c) => c.company === entry.company);
      const draft =
        (mapped && this.registry.findId(mapped.entity)) ?? this.registry.find([entry.company]) ?? this.registry.create();
      if (mapped && !this.registry.findId(mapped.entity)) {
        this.warnings.push(`FCC: "${entry.company}" maps to unknown entity ${mapped.entity}; kept as its own company`);
      }
      if (!mapped) {
        this.registry.claim(draft, entry.company);
        addName(draft, entry.company, 1);
      }
      const notes = [mapped?.note ?? '', entry.updated.length ? `Entry updated ${entry.updated.join(', ')}.` : '']
        .filter(Boolean)
        .join(' ');
      const existing = draft.listings.find((l) => l.list === 'fcc-covered');
      if (existing) {
        // A second row for the same company (Kaspersky 2022 and 2024): keep the first date, note the other.
        if (entry.since < existing.since) existing.since = entry.since;
        existing.note = [existing.note, `Also listed ${entry.since}${mapped?.note ? ` (${mapped.note})` : ''}.`]
          .filter(Boolean)
          .join(' ');
        continue;
      }
      draft.listings.push({
        list: 'fcc-covered',
        status: 'active',
        since: entry.since,
        ...(notes ? { note: notes } : {}),
        source: this.listSource('fcc-covered'),
      });
    }
  }

  finish(): { entities: Entity[] } {
    const drafts = this.registry.drafts.filter((d) => d.names.length > 0 && d.listings.length > 0);
    for (const d of this.registry.drafts) {
      if (d.names.length > 0 && d.listings.length === 0) this.warnings.push(`${displayName(d)}: no listing, left out`);
    }
    const ids = new Map<Draft, string>();
    const taken = new Set<string>();
    for (const draft of drafts) {
      let id = draftId(draft);
      if (taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        this.warnings.push(`two companies would get id "${id}"; the later one is "${id}-${n}"`);
        id = `${id}-${n}`;
      }
      taken.add(id);
      ids.set(draft, id);
    }
    const byId = new Map([...ids].map(([d, id]) => [id, d]));
    const { countryOverrides, dod1260h } = this.curated;
    for (const ref of [...countryOverrides, ...dod1260h.notes, ...dod1260h.removals]) {
      if (!byId.has(ref.entity)) this.warnings.push(`curated.json names unknown entity "${ref.entity}"; that fact is not applied`);
    }
    this.resolveAliasConflicts(drafts);
    const overrides = new Map(this.curated.countryOverrides.map((o) => [o.entity, o.country]));
    const entities = drafts.map((draft): Entity => {
      const id = ids.get(draft)!;
      const name = displayName(draft);
      const related = new Map<string, 'parent' | 'subsidiary' | 'affiliate'>();
      for (const rel of draft.relatedIds) if (byId.has(rel.id)) related.set(rel.id, rel.relation);
      for (const rel of draft.relatedNames) {
        const other = this.registry.find([rel.name]);
        if (other && other !== draft && ids.has(other)) related.set(ids.get(other)!, rel.relation);
      }
      for (const other of drafts) {
        for (const rel of other.relatedNames) {
          if (other !== draft && this.registry.find([rel.name]) === draft && rel.relation === 'parent') {
            related.set(ids.get(other)!, 'subsidiary');
          }
        }
      }
      const country = overrides.get(id) ?? draft.country ?? guessCountry(name);
      const entity: Entity = {
        id,
        name,
        aliases: sortedNames(draft.aliases.filter((a) => a.toLowerCase() !== name.toLowerCase())),
        weakAliases: sortedNames(draft.weakAliases.filter((a) => a.toLowerCase() !== name.toLowerCase())),
        tickers: draft.tickers,
        isins: draft.isins,
        country,
        listings: sortListings(draft.listings, this.curated.lists.map((l) => l.id)),
        rulings: [],
      };
      if (related.size > 0) {
        entity.related = [...related].sort((a, b) => byCode(a[0], b[0])).map(([rid, relation]) => ({ id: rid, relation }));
      }
      return entity;
    });
    return { entities: entities.sort((a, b) => byCode(a.id, b.id)) };
  }

  /**
   * OFAC sometimes lists another company's name as an alias (Huawei Technologies' entry carries
   * "HUAWEI INVESTMENT & HOLDING CO LTD"); a group and its listed arm share "CHINA MOBILE". An alias
   * may point at one company only: the one whose own name it is, else the one that declared it by
   * hand, else the listed company (the one with tickers), else nobody.
   */
  private resolveAliasConflicts(drafts: Draft[]): void {
    const nameOwner = new Map<string, Draft>();
    for (const draft of drafts) for (const n of draft.names) if (!nameOwner.has(mergeKey(n.name))) nameOwner.set(mergeKey(n.name), draft);
    const holders = new Map<string, Draft[]>();
    for (const draft of drafts) {
      for (const alias of [...draft.aliases, ...draft.weakAliases]) {
        const key = mergeKey(alias);
        const list = holders.get(key) ?? [];
        if (!list.includes(draft)) list.push(draft);
        holders.set(key, list);
      }
    }
    const keep = (draft: Draft, alias: string): boolean => {
      const key = mergeKey(alias);
      if (draft.dropAliases.has(key)) return false;
      if ([...draft.curatedAliases].some((a) => mergeKey(a) === key)) return true;
      const owner = nameOwner.get(key);
      if (owner && owner !== draft) return false;
      const sharing = holders.get(key) ?? [];
      if (sharing.length <= 1 || owner === draft) return true;
      const declared = sharing.filter((d) => [...d.curatedAliases].some((a) => mergeKey(a) === key));
      if (declared.length > 0) return declared.includes(draft);
      const listed = sharing.filter((d) => d.tickers.length > 0);
      if (listed.length === 1) return listed[0] === draft;
      return false;
    };
    for (const draft of drafts) {
      const dropped = [...draft.aliases, ...draft.weakAliases].filter((a) => !keep(draft, a));
      if (dropped.length > 0) {
        this.warnings.push(`${displayName(draft)}: alias(es) left out as they name another company: ${dropped.join('; ')}`);
      }
      draft.aliases = draft.aliases.filter((a) => !dropped.includes(a));
      draft.weakAliases = draft.weakAliases.filter((a) => !dropped.includes(a));
    }
  }
}

function link(child: Draft, parent: Draft, relation: 'parent' | 'subsidiary'): void {
  if (relation === 'parent') {
    child.relatedNames.push({ name: displayName(parent), relation: 'parent' });
  } else {
    parent.relatedNames.push({ name: displayName(child), relation: 'parent' });
  }
}

function guessCountry(name: string): string {
  return /\b(USA|America|Americas|U\.S\.)\b/.test(name) ? 'US' : 'CN';
}

function sortedNames(names: string[]): string[] {
  return [...names].sort(byCode);
}

function sortListings(listings: Listing[], order: string[]): Listing[] {
  return [...listings].sort(
    (a, b) => order.indexOf(a.list) - order.indexOf(b.list) || byCode(a.since, b.since),
  );
}

function newestDate(dates: (string | undefined)[]): string {
  return dates.filter((d): d is string => Boolean(d)).sort(byCode).pop() ?? '1970-01-01';
}

export function buildDataset(inputs: BuildInputs): BuildResult {
  const { curated } = inputs;
  const builder = new Builder(curated);
  for (const entity of curated.entities) builder.addCuratedEntity(entity);
  for (const ofac of inputs.ofac) builder.addOfac(ofac);
  if (inputs.dod1260h) builder.add1260h(inputs.dod1260h);
  if (inputs.ndaa) builder.addNdaa(inputs.ndaa);
  if (inputs.fcc) builder.addFcc(inputs.fcc);
  const { entities } = builder.finish();

  const entityIds = new Set(entities.map((e) => e.id));
  const rulings = [...curated.rulings].sort((a, b) => byCode(a.date, b.date) || byCode(a.id, b.id));
  for (const ruling of rulings) {
    for (const id of ruling.entities) {
      if (!entityIds.has(id)) throw new Error(`curated.json: ruling ${ruling.id} names unknown entity "${id}"`);
      entities.find((e) => e.id === id)!.rulings.push(ruling.id);
    }
  }

  const sources: SourceRef[] = curated.sources.map((s) => ({ ...s }));
  const stamp = (id: string, asOf: string | undefined) => {
    const source = sources.find((s) => s.id === id);
    if (source && asOf) source.asOf = asOf;
  };
  const xml = inputs.ofac.find((o) => o.format === 'enhanced-xml');
  stamp('ofac-consolidated', xml?.asOf);
  stamp('dod-1260h', inputs.dod1260h ? newestDate(inputs.dod1260h.map((r) => r.start)) : undefined);
  stamp('fcc-covered', inputs.fcc?.asOf);
  const used = new Set<string>(['curated']);
  if (inputs.ofac.length > 0) used.add('ofac-consolidated');
  if (inputs.dod1260h) used.add('dod-1260h');
  if (inputs.fcc) used.add('fcc-covered');
  if (inputs.ndaa) used.add('ndaa');
  const kept = sources.filter((s) => used.has(s.id) || !['ofac-consolidated', 'dod-1260h', 'fcc-covered', 'ndaa'].includes(s.id));
  const asOf = newestDate([curated.asOf, ...kept.map((s) => s.asOf)]);
  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    version: `${asOf.replace(/-/g, '.')}.${curated.revision}`,
    generatedAt: `${asOf}T00:00:00.000Z`,
    sources: kept.sort((a, b) => byCode(a.id, b.id)),
    lists: curated.lists,
    entities,
    rulings,
  };
  return { dataset, warnings: builder.warnings };
}

export { slugify };
