// The build pipeline on small real excerpts of every source: companies merge across lists, listings
// get the right status and dates, and two runs give the same bytes.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../lib/dataset/validate';
import type { Entity } from '../../lib/dataset/types';
import { buildDataset } from '../../scripts/data/build';
import { loadCurated, loadInputs, type SourcePaths } from '../../scripts/data/load';
import { serializeDataset } from '../../scripts/data/serialize';

const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const paths: SourcePaths = {
  curated: path('../data/curated.json'),
  ofacXml: path('fixtures/data/ofac-enhanced.xml'),
  dod1260h: path('fixtures/data/dod-1260h.csv'),
  fcc: path('fixtures/data/fcc-covered.csv'),
  ndaaDir: path('fixtures/data/ndaa'),
};

function build(p: SourcePaths = paths) {
  return buildDataset(loadInputs(p));
}

const { dataset, warnings } = build();
const entity = (id: string): Entity => {
  const found = dataset.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};
const listing = (id: string, list: string) => entity(id).listings.filter((l) => l.list === list);

describe('data build on fixture excerpts', () => {
  it('produces a valid dataset', () => {
    const result = checkDataset(JSON.parse(serializeDataset(dataset)));
    expect(result.errors).toEqual([]);
  });

  it('is deterministic: a second run gives identical bytes', () => {
    expect(serializeDataset(build().dataset)).toBe(serializeDataset(dataset));
  });

  it('derives version and timestamp from the newest source date, not the clock', () => {
    const curated = loadCurated(paths.curated);
    expect(dataset.version).toBe(`${curated.asOf.replace(/-/g, '.')}.${curated.revision}`);
    expect(dataset.generatedAt).toBe(`${curated.asOf}T00:00:00.000Z`);
    expect(dataset.sources.find((s) => s.id === 'ofac-consolidated')?.asOf).toBe('2026-01-08');
  });

  it('merges China Mobile’s NS-CMIC, 1260H and FCC entries into one company', () => {
    const cm = entity('china-mobile-limited');
    expect(cm.listings.map((l) => l.list)).toEqual(['ofac-ns-cmic', 'dod-1260h', 'fcc-covered']);
    expect(cm.tickers).toContainEqual({ exchange: 'HKEX', symbol: '941' });
    expect(cm.tickers).toContainEqual({ exchange: 'NYSE', symbol: 'CHL' });
    expect(cm.isins).toContain('HK0941009539');
    expect(listing('china-mobile-limited', 'ofac-ns-cmic')[0]).toMatchObject({ status: 'active', since: '2021-06-03', effective: '2021-08-02', divestBy: '2022-06-03' });
    expect(listing('china-mobile-limited', 'fcc-covered')[0].note).toMatch(/China Mobile International USA Inc\./);
  });

  it('keeps a parent and its listed subsidiary apart, linked both ways', () => {
    expect(entity('china-mobile-limited').related).toContainEqual({ id: 'china-mobile-communications-group-co-ltd', relation: 'parent' });
    expect(entity('china-mobile-communications-group-co-ltd').related).toContainEqual({ id: 'china-mobile-limited', relation: 'subsidiary' });
    // The group's OFAC alias "CHINA MOBILE" names the listed company, so it is not the group's alias.
    expect(entity('china-mobile-communications-group-co-ltd').aliases.map((a) => a.toUpperCase())).not.toContain('CHINA MOBILE');
  });

  it('does not believe the withdrawn February 2026 removals', () => {
    const [ymtc] = listing('yangtze-memory-technologies-co-ltd', 'dod-1260h');
    expect(ymtc).toMatchObject({ status: 'active', since: '2024-01-31' });
    expect(ymtc.note).toMatch(/withdrew/);
    expect(listing('yangtze-memory-technologies-co-ltd', 'ndaa-5949')).toHaveLength(1);
  });

  it('closes a 1260H listing when a full edition drops the company', () => {
    expect(listing('cnooc-china-limited', 'dod-1260h')[0]).toMatchObject({ status: 'removed', until: '2026-06-08' });
    expect(listing('megvii-technology-limited', 'dod-1260h')[0]).toMatchObject({ status: 'removed', since: '2024-01-31', until: '2025-01-07' });
  });

  it('applies the curated AMEC removal the table lacks', () => {
    expect(listing('advanced-micro-fabrication-equipment-inc-china', 'dod-1260h')[0]).toMatchObject({ status: 'removed', until: '2024-12-20' });
    expect(listing('advanced-micro-fabrication-equipment-inc-china', 'dod-1237')[0]).toMatchObject({ status: 'removed', since: '2021-01-14' });
  });

  it('links rulings to their companies and records Xiaomi’s vacated designation', () => {
    expect(listing('xiaomi-corporation', 'dod-1237')[0]).toMatchObject({ status: 'vacated', since: '2021-01-14', until: '2021-05-25' });
    expect(entity('xiaomi-corporation').rulings).toEqual(['xiaomi-v-dod-2021-03-12', 'xiaomi-v-dod-2021-05-25']);
    expect(entity('hesai-group').rulings).toHaveLength(4);
    expect(entity('sz-dji-technology-co-ltd').rulings).toEqual(['dji-v-dod-2025-09-26', 'dji-v-dod-appeal-2026']);
  });

  it('merges DJI’s OFAC entry with both of its 1260H names and keeps its Chinese name', () => {
    const dji = entity('sz-dji-technology-co-ltd');
    expect(dji.listings.map((l) => l.list)).toEqual(['ofac-ns-cmic', 'dod-1260h', 'bis-entity', 'fcc-covered']);
    // The FCC's UAS row names no company itself; it covers those named in FY25 NDAA §1709(a)(1).
    expect(dji.listings.find((l) => l.list === 'fcc-covered')).toMatchObject({ status: 'active', since: '2025-12-22' });
    expect(dji.aliases).toContain('DJI');
    expect(dji.aliases).toContain('深圳市大疆创新科技有限公司');
  });

  it('carries Russian issuers’ SSI, NS-MBS and SDN memberships and Cyrillic names', () => {
    expect(entity('gazprombank').listings.map((l) => `${l.list} ${l.since}`)).toEqual(['ofac-sdn 2024-11-21', 'ofac-ssi 2014-07-16']);
    expect(entity('gazprom').listings.map((l) => `${l.list} ${l.since}`)).toEqual(['ofac-ssi 2014-09-12', 'ofac-ns-mbs 2022-02-24']);
    expect(entity('gazprom').tickers).toContainEqual({ exchange: 'MOEX', symbol: 'GAZP' });
    expect(entity('gazprombank').aliases).toContain('ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО');
    expect(entity('gazprombank').country).toBe('RU');
  });

  it('sorts short acronyms into weak aliases unless curated as distinctive', () => {
    expect(entity('advanced-micro-fabrication-equipment-inc-china').weakAliases).toContain('AMEC');
    expect(entity('contemporary-amperex-technology-co-limited').aliases).toContain('CATL');
  });

  it('reports the ISINs it drops instead of shipping them', () => {
    const all = new Set(dataset.entities.flatMap((e) => e.isins));
    expect(all.has('BRC1EODR004')).toBe(false);
    expect(warnings.every((w) => typeof w === 'string')).toBe(true);
  });

  it('builds from the legacy CSV layout alone', () => {
    const csvOnly = build({ curated: paths.curated, ofacCsvDir: path('fixtures/data'), dod1260h: paths.dod1260h });
    const cm = csvOnly.dataset.entities.find((e) => e.id === 'china-mobile-limited')!;
    expect(cm.tickers).toContainEqual({ exchange: 'HKEX', symbol: '941' });
    expect(cm.listings.find((l) => l.list === 'ofac-ns-cmic')).toMatchObject({ since: '2021-06-03', divestBy: '2022-06-03' });
    // The legacy files have no SSI dates: the build says so rather than inventing one.
    expect(csvOnly.warnings.some((w) => /ofac-ssi without a date/.test(w))).toBe(true);
    expect(checkDataset(JSON.parse(serializeDataset(csvOnly.dataset))).errors).toEqual([]);
  });
});

