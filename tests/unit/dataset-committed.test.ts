// Cross-checks the committed public/data/dataset.json (built from the full official files) against
// facts stated by the sources: counts per list and well-known companies' identifiers and histories.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, isValidIsin } from '../../lib/dataset/ids';
import type { Entity } from '../../lib/dataset/types';
import { validateDataset } from '../../lib/dataset/validate';

const text = readFileSync(new URL('../../public/data/dataset.json', import.meta.url), 'utf8');
const dataset = validateDataset(JSON.parse(text));
const byId = new Map(dataset.entities.map((e) => [e.id, e]));
const entity = (id: string): Entity => {
  const found = byId.get(id);
  if (!found) throw new Error(`committed dataset has no entity ${id}`);
  return found;
};
const onList = (list: string, status?: string) =>
  dataset.entities.filter((e) => e.listings.some((l) => l.list === list && (!status || l.status === status)));

describe('committed dataset', () => {
  it('validates and stays small enough to bundle', () => {
    expect(text.length).toBeLessThan(1_500_000);
    expect(compareVersions(dataset.version, '2026.08.22.1')).toBeGreaterThanOrEqual(0);
  });

  it('has all 68 NS-CMIC entries of OFAC’s file, each as its own company with listing, effective and divest dates', () => {
    const cmic = onList('ofac-ns-cmic');
    expect(cmic).toHaveLength(68);
    for (const e of cmic) {
      const l = e.listings.find((x) => x.list === 'ofac-ns-cmic')!;
      expect([l.since, l.effective, l.divestBy].every(Boolean), e.id).toBe(true);
    }
    expect(cmic.filter((e) => e.listings.some((l) => l.list === 'ofac-ns-cmic' && l.since >= '2021-12-01')).map((e) => e.id).sort()).toHaveLength(9);
  });

  it('has every company of the newest 1260H edition (188 rows) as an active listing', () => {
    expect(onList('dod-1260h', 'active')).toHaveLength(188);
  });

  it('carries the Russian issuers of the OFAC file', () => {
    expect(onList('ofac-ssi')).toHaveLength(286);
    expect(onList('ofac-ns-mbs').length).toBeGreaterThanOrEqual(11);
    const sdn = (id: string) => entity(id).listings.find((l) => l.list === 'ofac-sdn')?.since;
    expect([sdn('vtb-bank'), sdn('sberbank'), sdn('gazprombank'), sdn('gazprom-neft'), sdn('rosneft'), sdn('lukoil')]).toEqual([
      '2022-02-24', '2022-04-06', '2024-11-21', '2025-01-10', '2025-10-22', '2025-10-22',
    ]);
    expect(entity('gazprom').listings.map((l) => l.list)).toEqual(['ofac-ssi', 'ofac-ns-mbs']);
    expect(entity('sberbank').aliases).toEqual(expect.arrayContaining(['Sberbank', 'Сбербанк']));
    expect(entity('sberbank').tickers).toContainEqual({ exchange: 'MOEX', symbol: 'SBER' });
  });

  it('has China Mobile with HKEX 941, NYSE CHL, ISIN HK0941009539, NS-CMIC since 2021-06-03', () => {
    const cm = entity('china-mobile-limited');
    expect(cm.tickers).toEqual(expect.arrayContaining([{ exchange: 'HKEX', symbol: '941' }, { exchange: 'NYSE', symbol: 'CHL' }]));
    expect(cm.isins).toContain('HK0941009539');
    expect(cm.listings.find((l) => l.list === 'ofac-ns-cmic')).toMatchObject({ status: 'active', since: '2021-06-03' });
    expect(cm.listings.map((l) => l.list)).toEqual(['ofac-ns-cmic', 'dod-1260h', 'fcc-covered']);
  });

  it('has Xiaomi’s §1237 listing vacated on 2021-05-25 with the rulings linked', () => {
    const xiaomi = entity('xiaomi-corporation');
    expect(xiaomi.listings).toEqual([expect.objectContaining({ list: 'dod-1237', status: 'vacated', until: '2021-05-25' })]);
    const rulings = dataset.rulings.filter((r) => xiaomi.rulings.includes(r.id));
    expect(rulings.map((r) => `${r.date} ${r.outcome}`)).toEqual(['2021-03-12 injunction-granted', '2021-05-25 vacated']);
  });

  it('has the §1237 history of the January 2021 tranche', () => {
    for (const id of ['luokung-technology-corp', 'advanced-micro-fabrication-equipment-inc-china', 'gowin-semiconductor-corp', 'commercial-aircraft-corporation-of-china-ltd']) {
      expect(entity(id).listings.find((l) => l.list === 'dod-1237')?.since, id).toBe('2021-01-14');
    }
    expect(onList('dod-1237', 'active')).toEqual([]);
  });

  it('links every ruling of the fact sheet to its company', () => {
    const linked = Object.fromEntries(dataset.rulings.map((r) => [r.id, r.entities]));
    expect(Object.keys(linked)).toHaveLength(12);
    expect(linked['luokung-v-dod-2021-06-15']).toEqual(['luokung-technology-corp']);
    expect(linked['amec-v-dod-2024-12-20']).toEqual(['advanced-micro-fabrication-equipment-inc-china']);
    expect(linked['dji-v-dod-appeal-2026']).toEqual(['sz-dji-technology-co-ltd']);
  });

  it('has the FCC and NDAA companies', () => {
    expect(onList('ndaa-889').map((e) => e.id).sort()).toEqual([
      'hangzhou-hikvision-digital-technology-co-ltd', 'huawei-technologies-co-ltd', 'hytera-communications-corporation', 'zhejiang-dahua-technology-co-ltd', 'zte-corporation',
    ]);
    expect(onList('ndaa-5949')).toHaveLength(3);
    expect(onList('ndaa-154')).toHaveLength(6);
    expect(onList('fcc-covered')).toHaveLength(11);
  });

  it('does not give Huawei Technologies its parent’s name as an alias', () => {
    expect(entity('huawei-technologies-co-ltd').aliases.some((a) => /investment/i.test(a))).toBe(false);
    expect(entity('huawei-investment-and-holding-co-ltd').listings.some((l) => l.list === 'ofac-ns-cmic')).toBe(true);
  });

  it('keeps identifiers clean: valid ISINs, HK symbols without leading zeros, no alias on two companies', () => {
    const seen = new Map<string, string>();
    for (const e of dataset.entities) {
      for (const isin of e.isins) expect(isValidIsin(isin)).toBe(true);
      for (const t of e.tickers) if (t.exchange === 'HKEX') expect(t.symbol).not.toMatch(/^0/);
      for (const a of e.aliases) {
        const key = a.toLowerCase();
        expect(seen.get(key) ?? e.id, `alias "${a}"`).toBe(e.id);
        seen.set(key, e.id);
      }
    }
  });
});
