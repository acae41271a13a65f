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
import type { SdnInput } from './ofac-sdn';
import { checkOfficialNames, type NameProblem, type OfficialName } from './name-check';
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
  /** OFAC's SDN list (ENHANCED XML, or legacy CSV and companions), for SDN entries not on the consolidated list. */
  sdn?: SdnInput & { asOf: string; auxAsOf?: string };
  /** What loading the files decided or left out (which SDN source won), shown with the build's notes. */
  notes?: string[];
  dod1260h?: Dod1260hRow[];
  fcc?: FccFile;
  ndaa?: NdaaEntry[];
}

export interface BuildResult {
  dataset: Dataset;
  /** Facts the build dropped or could not place, for the person running it. */
  warnings: string[];
  /** OFAC and DoD names the product's matcher does not resolve to their own company (the build fails on any). */
  nameProblems: NameProblem[];
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
    this.programIds = new Set(curated.programs.map((p) => p.id));
  }

  alias(draft: Draft, raw: string): void {
    const name = cleanName(raw);
    if (!name) return;
    const weak = this.weak.has(name) || (isShortAcronym(name) && !this.strong.has(name));
    addAlias(draft, name, weak);
  }

  readonly programIds: Set<string>;
  private sdnHistory = new Map<string, { date: string; inFirstCopy: boolean }>();

  programName(id: string): string {
    return this.curated.programs.find((p) => p.id === id)?.name ?? id;
  }

  private sdnPrograms = new Map<string, string[]>();

  useSdn(sdn: SdnInput | undefined): void {
    if (!sdn) return;
    this.sdnHistory = sdn.history;
    for (const record of sdn.records) this.sdnPrograms.set(record.ofacId, record.programs);
  }

  /**
   * The SDN designation date of an OFAC entry. The consolidated XML's `datePublished` is, for entries
   * that were on SSI first, sometimes the SSI date: a date before every SDN program the entry carries
   * cannot be its designation. Then the first daily sdn.csv copy holding the entry dates it, else a
   * curated designation with its official notice; with neither, the listing is left out and reported.
   */
  sdnSince(record: { ofacId: string; name: string; programs: string[] }, published: string | undefined): { since: string; note?: string } | undefined {
    // The SDN file names programs the consolidated record may leave out (Rosoboronexport: SYRIA).
    const earliest = earliestSdnProgram([...new Set([...record.programs, ...(this.sdnPrograms.get(record.ofacId) ?? [])])]);
    if (published && (!earliest || published >= earliest)) return { since: published };
    const curated = this.curated.sdnDesignations.find((d) => d.ofacId === record.ofacId);
    if (curated) {
      return { since: curated.date, note: curated.note ?? `Designation date from OFAC's notice of ${curated.date}.` };
    }
    const seen = this.sdnHistory.get(record.ofacId);
    if (seen && !seen.inFirstCopy && (!earliest || seen.date >= earliest)) {
      return { since: seen.date, note: `Designation date: the day the entry first appears in OFAC's published sdn.csv.` };
    }
    const why = published ? `SDN date ${published} is before its program existed (${earliest})` : 'no SDN date in the files';
    this.warnings.push(`OFAC ${record.ofacId} (${record.name}): ${why} and no designation date is known; SDN listing left out`);
    return undefined;
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
    for (const name of [...(entity.mergeByMatchOnly ? [] : [entity.name]), ...(entity.match ?? [])]) this.registry.claim(draft, name);
    for (const alias of entity.aliases ?? []) {
      addAlias(draft, alias.name);
      draft.curatedAliases.add(alias.name.toLowerCase());
    }
    for (const alias of entity.weakAliases ?? []) addAlias(draft, alias.name, true);
    for (const name of entity.dropAliases ?? []) draft.dropAliases.add(mergeKey(name));
    for (const id of entity.sdn ?? []) draft.sdnIds.add(id);
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
      // The entry's own name is the current official one. OFAC's "Issuer Name" gives a nicer casing
      // of it, or, for renamed issuers, the former name the securities were issued under: that one
      // stays an alias only (North Navigation Control Technology, formerly Beijing North Phenix).
      addName(draft, displayCase(cleanName(record.name)), 3);
      for (const issuer of record.issuerNames) {
        addName(draft, displayCase(cleanName(issuer)), mergeKey(issuer) === mergeKey(record.name) ? 2 : 5);
      }
      for (const name of record.names) this.alias(draft, name.name);
      for (const issuer of record.issuerNames) this.alias(draft, issuer);
      for (const name of [...record.names.filter((n) => !n.lowQuality).map((n) => n.name), ...record.issuerNames]) {
        draft.officialNames.push({ name, from: `OFAC ${record.ofacId}` });
      }
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
        let since = cmic?.listed ?? membership.since;
        let note = membership.note;
        if (membership.list === 'ofac-sdn') {
          const dated = this.sdnSince(record, since);
          if (!dated) continue;
          since = dated.since;
          note = [note, dated.note].filter(Boolean).join(' ');
        }
        if (!since) {
          this.warnings.push(`OFAC ${record.ofacId} (${record.name}): ${membership.list} without a date, skipped`);
          continue;
        }
        const listing: Listing = { list: membership.list, status: 'active', since, source: this.listSource(membership.list), sourceId: 'ofac-consolidated' };
        if (cmic?.effective) listing.effective = cmic.effective;
        if (cmic?.divestBy) listing.divestBy = cmic.divestBy;
        if (membership.list === 'ofac-ns-mbs' && record.directives?.length) {
          const known = record.directives.filter((d) => this.programIds.has(d.program));
          for (const d of record.directives) {
            if (!this.programIds.has(d.program)) this.warnings.push(`OFAC ${record.ofacId} (${record.name}): no program defined for ${d.program}`);
          }
          const listed = known.map((d) => d.listed).filter((d): d is string => Boolean(d)).sort(byCode);
          const effective = known.map((d) => d.effective).filter((d): d is string => Boolean(d)).sort(byCode);
          if (listed[0] && listed[0] < since) listing.since = listed[0];
          if (effective[0] && effective[0] >= listing.since) listing.effective = effective[0];
          listing.programs = known.map((d) => d.program);
          note = known.map((d) => describeDirective(d, this.programName(d.program))).join(' ');
        }
        if (note) listing.note = note;
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

  /**
   * SDN entries that issue securities: those with an Equity Ticker, ISIN or MICEX Code (OFAC's
   * features in the ENHANCED XML, its remarks in sdn.csv), and those the curated file ties to an
   * issuer by ent_num (listed banks, miners, steel, shipping, the Moscow Exchange group). Entries
   * already on the consolidated list keep that record's SDN listing; this adds names and identifiers.
   * The ENHANCED XML dates each entry itself; sdn.csv does not, so its entries are dated by OFAC's
   * notice (curated) or the daily copies that first carried them.
   */
  addSdn(input: SdnInput): void {
    const curatedBySdn = new Map<string, Draft>();
    for (const draft of this.registry.drafts) for (const id of draft.sdnIds) curatedBySdn.set(id, draft);
    const seen = new Set<string>();
    for (const record of input.records) {
      const curated = curatedBySdn.get(record.ofacId);
      const issuer = record.tickers.length > 0 || record.isins.length > 0;
      if (!curated && !issuer) continue;
      seen.add(record.ofacId);
      const late = input.aliases.get(record.ofacId) ?? [];
      const draft =
        curated ?? this.registry.findOfac(record.ofacId) ?? this.registry.find([record.name, ...late.map((n) => n.name)]) ?? this.registry.create();
      this.registry.claimOfac(draft, record.ofacId);
      this.registry.claim(draft, record.name);
      addName(draft, displayCase(cleanName(record.name)), 3);
      for (const name of [...record.names, ...late]) this.alias(draft, name.name);
      for (const name of [...record.names, ...late]) if (!name.lowQuality) draft.officialNames.push({ name: name.name, from: `OFAC SDN ${record.ofacId}` });
      const countries = input.countries.get(record.ofacId) ?? record.countries;
      const country = countries.map((c) => COUNTRIES[c]).find(Boolean);
      if (country && !draft.country) draft.country = country;
      for (const { code, comment } of record.tickers) {
        // "Equity Ticker ROSB" on a Russian entry gives no market: it is the Moscow Exchange code.
        const full = /\s[A-Z]{2}$/.test(code) ? code : draft.country === 'RU' ? `${code} RU` : code;
        try {
          addTicker(draft, normalizeOfacTicker(full, full === code ? comment : '(MOEX)'));
        } catch (error) {
          if (!(error instanceof TickerError)) throw error;
          this.warnings.push(`OFAC SDN ${record.ofacId} (${record.name}): ${error.message}`);
        }
      }
      for (const isin of record.isins) {
        if (isValidIsin(isin)) addIsin(draft, isin);
        else this.warnings.push(`OFAC SDN ${record.ofacId} (${record.name}): dropped "${isin}", not a valid ISIN`);
      }
      this.addSdnListing(draft, record, 'ofac-sdn');
    }
    // Designated after the sdn.csv was published: only the newer alt.csv names them.
    for (const [id, draft] of curatedBySdn) {
      if (seen.has(id)) continue;
      if (input.format === 'enhanced-xml') {
        // The export is the whole current list: an issuer missing from it is not (or no longer) on it.
        this.warnings.push(`curated.json: SDN ent_num ${id} (${displayName(draft)}) is not an entity on the SDN List of SDN_ENHANCED.XML; no SDN listing from it`);
        continue;
      }
      const late = input.aliases.get(id);
      if (!late) {
        this.warnings.push(`curated.json: SDN ent_num ${id} (${displayName(draft)}) is in neither sdn.csv nor alt.csv`);
        continue;
      }
      this.registry.claimOfac(draft, id);
      for (const name of late) this.alias(draft, name.name);
      const countries = input.countries.get(id) ?? [];
      const country = countries.map((c) => COUNTRIES[c]).find(Boolean);
      if (country && !draft.country) draft.country = country;
      this.addSdnListing(draft, { ofacId: id, name: displayName(draft), programs: [], lists: [] }, 'ofac-sdn-aux');
    }
  }

  private addSdnListing(
    draft: Draft,
    record: Pick<OfacRecord, 'ofacId' | 'name' | 'programs' | 'lists'>,
    sourceId: 'ofac-sdn' | 'ofac-sdn-aux',
  ): void {
    if (draft.listings.some((l) => l.list === 'ofac-sdn')) return;
    // The ENHANCED XML's own date of the SDN membership; sdn.csv gives none.
    const published = record.lists.find((l) => l.list === 'ofac-sdn')?.since;
    const dated = this.sdnSince(record, published);
    if (!dated) return;
    const listing: Listing = {
      list: 'ofac-sdn',
      status: 'active',
      since: dated.since,
      source: this.listSource('ofac-sdn'),
      sourceId,
    };
    if (dated.note) listing.note = dated.note;
    draft.listings.push(listing);
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
      for (const name of [row.name, ...row.aliases, ...row.previousNames]) draft.officialNames.push({ name, from: `DoD 1260H (${row.start})` });
      if (row.parentName) draft.relatedNames.push({ name: row.parentName, relation: 'parent', from: 'dod' });
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
        if (removal.press) listing.press = removal.press;
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

  /**
   * A product-class row can still name companies through the statute it cites: the FCC's UAS entry
   * of 22 Dec 2025 covers the equipment "listed in Section 1709(a)(1) of the FY25 NDAA", which names
   * DJI and Autel Robotics. The curated file says which rows and which companies.
   */
  addFccStatutory(file: FccFile): void {
    for (const rule of this.curated.fccStatutoryCompanies) {
      const row = file.categories.find((c) => c.description.includes(rule.row));
      if (!row) {
        this.warnings.push(`FCC: no product-class row mentions "${rule.row}"; ${rule.entities.join(', ')} get no FCC listing from it`);
        continue;
      }
      const updated = [...new Set(row.dates)].filter((d) => d !== row.since);
      for (const id of rule.entities) {
        const draft = this.registry.findId(id) ?? this.registry.drafts.find((d) => d.names.length > 0 && draftId(d) === id);
        if (!draft) {
          this.warnings.push(`FCC: "${rule.row}" names unknown entity ${id}`);
          continue;
        }
        if (draft.listings.some((l) => l.list === 'fcc-covered')) continue;
        draft.listings.push({
          list: 'fcc-covered',
          status: 'active',
          since: row.since,
          note: `${rule.note}${updated.length ? ` Entry updated ${updated.join(', ')}.` : ''}`,
          source: rule.source,
        });
      }
    }
  }

  /**
   * Two companies each calling the other its subsidiary (OFAC's China Unicom (Hong Kong) entry says
   * it "owns, controls, or operates" its parent group; DoD names the group as the parent) cannot both
   * be right: DoD's parent column decides, and the build says so.
   */
  private settleContradictions(entities: Entity[], dodParents: Map<string, boolean>): void {
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const a of entities) {
      for (const rel of a.related ?? []) {
        const b = byId.get(rel.id);
        const back = b?.related?.find((r) => r.id === a.id);
        if (!b || !back || back.relation !== rel.relation || rel.relation === 'affiliate') continue;
        // Same relation both ways: find who DoD says is the parent.
        const aIsChild = dodParents.has(`${a.id}\u0000${b.id}`);
        const bIsChild = dodParents.has(`${b.id}\u0000${a.id}`);
        if (aIsChild === bIsChild) {
          this.warnings.push(`${a.id} and ${b.id} each name the other as ${rel.relation}; no DoD parent link decides, both kept`);
          continue;
        }
        const [child, parent] = aIsChild ? [a, b] : [b, a];
        child.related = child.related!.map((r) => (r.id === parent.id ? { ...r, relation: 'parent' } : r));
        parent.related = parent.related!.map((r) => (r.id === child.id ? { ...r, relation: 'subsidiary' } : r));
        this.warnings.push(`${child.id}: OFAC's ownership link to ${parent.id} is the wrong way round; DoD names ${parent.id} as its parent`);
      }
    }
  }

  /** Every OFAC and DoD name with the id of the company it was listed under. */
  officialNames(ids: Map<Draft, string>): OfficialName[] {
    return [...ids].flatMap(([draft, id]) => draft.officialNames.map((n) => ({ name: cleanName(n.name), entityId: id, from: n.from })));
  }

  finish(): { entities: Entity[]; names: OfficialName[] } {
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
    // Every official name stays findable: a list name that is not the display name (a former name,
    // another edition's spelling) becomes an alias, subject to the conflict rules below.
    for (const draft of drafts) {
      const shown = displayName(draft);
      for (const n of draft.names) if (n.name !== shown) addAlias(draft, n.name);
    }
    this.resolveAliasConflicts(drafts);
    const overrides = new Map(this.curated.countryOverrides.map((o) => [o.entity, o.country]));
    const dodParents = new Map<string, boolean>();
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
        listings: sortListings(this.programmed(draft, country), this.curated.lists.map((l) => l.id)),
        rulings: [],
      };
      for (const rel of draft.relatedNames) {
        if (rel.from !== 'dod' || rel.relation !== 'parent') continue;
        const parent = this.registry.find([rel.name]);
        if (parent && parent !== draft && ids.has(parent)) dodParents.set(`${id}\u0000${ids.get(parent)}`, true);
      }
      if (related.size > 0) {
        entity.related = [...related].sort((a, b) => byCode(a[0], b[0])).map(([rid, relation]) => ({ id: rid, relation }));
      }
      return entity;
    });
    this.settleContradictions(entities, dodParents);
    return { entities: entities.sort((a, b) => byCode(a.id, b.id)), names: this.officialNames(ids) };
  }

  /**
   * The programs a listing is under: those the source named (NS-MBS directives, SSI directives in the
   * note, a curated listing's own), else the list's default; plus, for a Russian issuer on an OFAC
   * Russia list, the EO 14071 ban on buying its securities (OFAC FAQ 1054).
   */
  /** The draft's listings with their programs; a listing no program explains is reported and left out. */
  private programmed(draft: Draft, country: string): Listing[] {
    return draft.listings.flatMap((listing) => {
      const done = this.withPrograms(listing, country);
      if (!done) this.warnings.push(`${displayName(draft)}: ${listing.list} listing names no program the curated file defines; left out`);
      return done ? [done] : [];
    });
  }

  private withPrograms(listing: Listing, country: string): Listing | undefined {
    let ids = listing.programs ?? [];
    if (ids.length === 0 && listing.list === 'ofac-ssi') {
      ids = [...(listing.note ?? '').matchAll(/Subject to Directive (\d)/g)].map((m) => `ssi-directive-${m[1]}`);
    }
    if (ids.length === 0) ids = this.curated.listPrograms[listing.list] ?? [];
    if (country === 'RU' && RUSSIA_LISTS.has(listing.list)) ids = [...ids, 'eo14071-new-investment'];
    ids = [...new Set(ids)];
    const sourceId = listing.sourceId ?? LIST_SOURCE[listing.list];
    for (const id of ids) if (!this.programIds.has(id)) throw new Error(`curated.json: listing on ${listing.list} names unknown program "${id}"`);
    if (ids.length === 0) return undefined;
    return { ...listing, ...(sourceId ? { sourceId } : {}), programs: ids };
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

/** Start dates of the SDN programs an OFAC entry can be designated under (the executive orders' dates). */
const SDN_PROGRAM_START: Record<string, string> = {
  'RUSSIA-EO14024': '2021-04-15',
  'UKRAINE-EO13660': '2014-03-06',
  'UKRAINE-EO13661': '2014-03-16',
  'UKRAINE-EO13685': '2014-12-19',
  'VENEZUELA-EO13850': '2018-11-01',
  'VENEZUELA-EO13884': '2019-08-05',
  CYBER2: '2016-12-28',
  SYRIA: '2004-05-11',
  'CAATSA - RUSSIA': '2017-08-02',
  'IRAN-CON-ARMS-EO': '2020-09-21',
  GLOMAG: '2017-12-20',
  SDGT: '2001-09-23',
};
/** Programs that are the basis of another list in the same record (SSI, NS-CMIC, NS-PLC), not of SDN. */
/** The `sources[]` entry a list's listings come from when the listing does not say. */
const LIST_SOURCE: Record<string, string> = {
  'ofac-ns-cmic': 'ofac-consolidated',
  'ofac-ssi': 'ofac-consolidated',
  'ofac-ns-mbs': 'ofac-consolidated',
  'dod-1260h': 'dod-1260h',
  'dod-1237': 'dod-1237',
  'bis-entity': 'bis-entity',
  'fcc-covered': 'fcc-covered',
  'ndaa-889': 'ndaa',
  'ndaa-5949': 'ndaa',
  'ndaa-154': 'ndaa',
};

/** OFAC lists whose Russian entries are also under EO 14071's new-investment ban. */
const RUSSIA_LISTS = new Set(['ofac-sdn', 'ofac-ssi', 'ofac-ns-mbs']);
const NON_SDN_PROGRAMS = new Set(['UKRAINE-EO13662', 'CMIC-EO13959', 'NS-PLC', '561-Related']);

function earliestSdnProgram(programs: string[]): string | undefined {
  const starts = programs.filter((p) => !NON_SDN_PROGRAMS.has(p)).map((p) => SDN_PROGRAM_START[p]);
  if (starts.length === 0 || starts.some((s) => !s)) return undefined;
  return starts.sort(byCode)[0];
}

function describeDirective(d: { program: string; listed?: string; effective?: string; detail?: string }, name: string): string {
  const dates = [d.listed ? `listed ${d.listed}` : '', d.effective ? `effective ${d.effective}` : ''].filter(Boolean).join(', ');
  return `${name}${dates ? ` (${dates})` : ''}${d.detail ? `: ${d.detail}` : ''}.`;
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
  builder.useSdn(inputs.sdn);
  for (const ofac of inputs.ofac) builder.addOfac(ofac);
  if (inputs.sdn) builder.addSdn(inputs.sdn);
  if (inputs.dod1260h) builder.add1260h(inputs.dod1260h);
  if (inputs.ndaa) builder.addNdaa(inputs.ndaa);
  if (inputs.fcc) {
    builder.addFcc(inputs.fcc);
    builder.addFccStatutory(inputs.fcc);
  }
  const { entities, names } = builder.finish();

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
  stamp('ofac-sdn', inputs.sdn?.asOf);
  stamp('ofac-sdn-aux', inputs.sdn?.auxAsOf);
  // The curated file describes the legacy sdn.csv; a build from the ENHANCED export says so itself,
  // so the dataset (and every card's "source") names the file it was really made from.
  const sdnSource = sources.find((s) => s.id === 'ofac-sdn');
  if (sdnSource && inputs.sdn?.format === 'enhanced-xml') {
    sdnSource.title = 'OFAC SDN List, ENHANCED XML (SDN_ENHANCED.XML)';
    sdnSource.note =
      'OFAC’s current SDN export, as of the date the file states. Designation dates are each entry’s SDN List date in the file; ' +
      'a date before every SDN program the entry is under (an SSI date) is replaced by OFAC’s notice, else by the first daily copy of sdn.csv that carried it.';
  }
  const used = new Set<string>(['curated']);
  if (inputs.ofac.length > 0) used.add('ofac-consolidated');
  if (inputs.sdn) used.add('ofac-sdn');
  if (inputs.sdn?.auxAsOf) used.add('ofac-sdn-aux');
  if (inputs.dod1260h) used.add('dod-1260h');
  if (inputs.fcc) used.add('fcc-covered');
  if (inputs.ndaa) used.add('ndaa');
  const fileSources = ['ofac-consolidated', 'ofac-sdn', 'ofac-sdn-aux', 'dod-1260h', 'fcc-covered', 'ndaa'];
  const kept = sources.filter((s) => used.has(s.id) || !fileSources.includes(s.id));
  // The version follows the date of the newest hand-checked fact, never a date newer than that:
  // a source's as-of date is the day its data describes, and no build makes data newer than that.
  const asOf = newestDate([curated.asOf, ...kept.map((s) => s.asOf)]);
  const oldest = kept.filter((s) => !s.historic).sort((a, b) => byCode(a.asOf, b.asOf) || byCode(a.id, b.id))[0];
  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    version: `${asOf.replace(/-/g, '.')}.${curated.revision}`,
    generatedAt: `${asOf}T00:00:00.000Z`,
    ...(oldest ? { oldestSourceAsOf: oldest.asOf, oldestSourceId: oldest.id } : {}),
    sources: kept.sort((a, b) => byCode(a.id, b.id)),
    lists: curated.lists,
    entities,
    rulings,
    programs: curated.programs,
  };
  const nameProblems = checkOfficialNames(dataset, names, curated.nameResolutions ?? []);
  return { dataset, warnings: [...(inputs.notes ?? []), ...builder.warnings], nameProblems };
}

export { slugify };
