// The SDN list in the build, on real excerpts of OFAC's files: sdn.csv of May 2024, the late-2025
// alt.csv / add.csv that also name later designations, and the table that dates entries from daily
// copies of sdn.csv. Plus the programs each listing is under and the official-name check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listingSeverity, programIndex } from '../../lib/dataset/effect';
import { listIndex } from '../../lib/dataset/severity';
import type { Entity } from '../../lib/dataset/types';
import { checkDataset } from '../../lib/dataset/validate';
import { buildDataset } from '../../scripts/data/build';
import { loadInputs, type SourcePaths } from '../../scripts/data/load';
import { checkOfficialNames } from '../../scripts/data/name-check';
import { parseSdnAliases, parseSdnCsv, parseSdnHistory } from '../../scripts/data/ofac-sdn';
import { serializeDataset } from '../../scripts/data/serialize';

const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const read = (p: string) => readFileSync(path(p), 'utf8');
const paths: SourcePaths = {
  curated: path('../data/curated.json'),
  ofacXml: path('fixtures/data/ofac-enhanced.xml'),
  sdnDir: path('fixtures/data/sdn'),
  sdnAuxDir: path('fixtures/data/sdn-aux'),
  sdnAsOf: '2024-05-03',
  sdnAuxAsOf: '2025-09-01',
  sdnHistory: path('fixtures/data/sdn-first-seen.csv'),
  dod1260h: path('fixtures/data/dod-1260h.csv'),
  fcc: path('fixtures/data/fcc-covered.csv'),
  ndaaDir: path('fixtures/data/ndaa'),
};
const { dataset, warnings, nameProblems } = buildDataset(loadInputs(paths));
const entity = (id: string): Entity => {
  const found = dataset.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};

describe('SDN files', () => {
  it('keeps the entities of sdn.csv with their Equity Ticker, ISIN and MICEX Code, and drops individuals', () => {
    const records = parseSdnCsv(read('fixtures/data/sdn/sdn.csv'));
    // The excerpt also holds a vessel (33681) and an individual: neither issues securities.
    expect(records.map((r) => r.ofacId).sort()).toEqual(['17015', '18782', '20029', '33675', '34644', '36496']);
    const rosbank = records.find((r) => r.ofacId === '36496')!;
    expect(rosbank).toMatchObject({ name: 'PUBLIC JOINT STOCK COMPANY ROSBANK', tickers: [{ code: 'ROSB' }], isins: ['RU000A0HHK26'], programs: ['RUSSIA-EO14024'] });
    expect(records.find((r) => r.ofacId === '33675')).toMatchObject({ tickers: [{ code: 'PME US' }], isins: ['KYG7114V1023'], programs: ['GLOMAG'] });
    expect(records.find((r) => r.ofacId === '20029')?.tickers).toEqual([{ code: 'MSTT RU', comment: '(MOEX)' }]);
  });

  it('reads aliases of entries that only the newer alt.csv knows (Moscow Exchange, ent 46526)', () => {
    const aliases = parseSdnAliases(read('fixtures/data/sdn-aux/alt.csv'));
    expect(aliases.get('46526')?.map((a) => a.name)).toContain('PUBLIC JOINT STOCK COMPANY MOSCOW EXCHANGE MICEX RTS');
    expect(aliases.get('37638')?.map((a) => a.name)).toContain('NATIONAL SETTLEMENT DEPOSITORY');
  });

  it('refuses a first-seen table with a bad row, naming it', () => {
    expect(() => parseSdnHistory('ent_num,first_seen,in_first_copy\n36496,15 Dec 2022,0\n')).toThrow(/row 2/);
  });
});

describe('data build with the SDN list', () => {
  it('produces a valid dataset in which every OFAC and DoD name resolves to its company', () => {
    expect(checkDataset(JSON.parse(serializeDataset(dataset))).errors).toEqual([]);
    expect(nameProblems).toEqual([]);
  });

  it('adds Rosbank as blocked since the day sdn.csv first carried it, with its MOEX code and ISIN', () => {
    const rosbank = entity('rosbank');
    expect(rosbank.tickers).toContainEqual({ exchange: 'MOEX', symbol: 'ROSB' });
    expect(rosbank.isins).toEqual(['RU000A0HHK26']);
    expect(rosbank.listings).toEqual([
      expect.objectContaining({ list: 'ofac-sdn', status: 'active', since: '2022-12-15', sourceId: 'ofac-sdn', programs: ['sdn-blocking', 'eo14071-new-investment'] }),
    ]);
    expect(rosbank.aliases).toContain('Росбанк');
  });

  it('adds the Moscow Exchange from the late alt.csv, dated by OFAC’s notice of 12 June 2024', () => {
    const moex = entity('moscow-exchange');
    expect(moex.listings[0]).toMatchObject({ list: 'ofac-sdn', since: '2024-06-12', sourceId: 'ofac-sdn-aux' });
    expect(moex.aliases).toContain('PUBLIC JOINT STOCK COMPANY MOSCOW EXCHANGE MICEX RTS');
  });

  it('keeps Pingtan Marine (GLOMAG) without the Russia ban, and leaves out an entry it cannot date', () => {
    const pingtan = entity('pingtan-marine-enterprise-ltd');
    expect(pingtan.listings[0]).toMatchObject({ list: 'ofac-sdn', since: '2022-12-09', programs: ['sdn-blocking'] });
    expect(pingtan.tickers).toContainEqual({ exchange: 'US', symbol: 'PME' });
    // Mostotrest was already in the first daily copy (2021-08-18): its designation day is unknown.
    expect(dataset.entities.some((e) => /mostotrest/i.test(e.name))).toBe(false);
    expect(warnings.some((w) => /MOSTOTREST.*no designation date is known/.test(w))).toBe(true);
  });

  it('makes the Central Bank of Russia prohibited under Directive 4, with Directive 1A’s dates', () => {
    const cbr = entity('central-bank-of-the-russian-federation');
    const mbs = cbr.listings.find((l) => l.list === 'ofac-ns-mbs')!;
    expect(mbs.programs).toEqual(['ns-mbs-eo14024-directive-1a', 'ns-mbs-eo14024-directive-4', 'eo14071-new-investment']);
    expect(mbs).toMatchObject({ since: '2022-02-22', effective: '2022-03-01' });
    expect(listingSeverity(mbs, listIndex(dataset), programIndex(dataset))).toBe('prohibited');
  });
});

describe('official-name check', () => {
  it('reports a name that finds another company, and one that finds nothing', () => {
    const entities: Entity[] = [
      { id: 'alpha-mining', name: 'Alpha Mining Company', aliases: ['Alpha Mining'], weakAliases: [], tickers: [], isins: [], country: 'RU', listings: [], rulings: [] },
      { id: 'beta-steel', name: 'Beta Steel Works', aliases: [], weakAliases: [], tickers: [], isins: [], country: 'RU', listings: [], rulings: [] },
    ];
    const problems = checkOfficialNames({ entities }, [
      { name: 'Alpha Mining Company', entityId: 'alpha-mining', from: 'OFAC 1' },
      { name: 'Alpha Mining', entityId: 'beta-steel', from: 'OFAC 2' },
      { name: 'Gamma Shipping Lines', entityId: 'beta-steel', from: 'OFAC 2' },
    ]);
    expect(problems.map((p) => [p.name, p.found])).toEqual([
      ['Alpha Mining', ['alpha-mining']],
      ['Gamma Shipping Lines', []],
    ]);
    const accepted = checkOfficialNames({ entities }, [{ name: 'Alpha Mining', entityId: 'beta-steel', from: 'OFAC 2' }], [
      { name: 'Alpha Mining', entity: 'beta-steel', resolvesTo: 'alpha-mining', reason: 'shared group name' },
    ]);
    expect(accepted).toEqual([]);
  });
});
