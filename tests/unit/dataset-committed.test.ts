// Cross-checks the committed public/data/dataset.json (built from the full official files) against
// facts stated by the sources as of its build: exact counts per list and well-known companies'
// identifiers and histories. A newer honest build changes these counts, so only `npm test` runs this
// file; what must hold for every build (the publishing workflow checks it on the dataset it has just
// built) is in dataset-invariants.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../lib/dataset/ids';
import type { Entity } from '../../lib/dataset/types';
import { combinedPermissions, listingSeverity, programIndex, programsOf } from '../../lib/dataset/effect';
import { entitySeverity, listIndex } from '../../lib/dataset/severity';
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

  it('has all 68 NS-CMIC entries of OFAC’s file, each as its own company', () => {
    const cmic = onList('ofac-ns-cmic');
    expect(cmic).toHaveLength(68);
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
    // 11 company rows, plus DJI and Autel Robotics through the UAS row's FY25 NDAA §1709(a)(1).
    expect(onList('fcc-covered')).toHaveLength(13);
    for (const id of ['sz-dji-technology-co-ltd', 'autel-robotics-co-ltd']) {
      expect(entity(id).listings.find((l) => l.list === 'fcc-covered'), id).toMatchObject({ status: 'active', since: '2025-12-22' });
    }
  });

  it('does not give Huawei Technologies its parent’s name as an alias', () => {
    expect(entity('huawei-technologies-co-ltd').aliases.some((a) => /investment/i.test(a))).toBe(false);
    expect(entity('huawei-investment-and-holding-co-ltd').listings.some((l) => l.list === 'ofac-ns-cmic')).toBe(true);
  });

  const programs = programIndex(dataset);
  const lists = listIndex(dataset);
  const permissions = (id: string) =>
    combinedPermissions(entity(id).listings.filter((l) => l.status === 'active').flatMap((l) => programsOf(l, programs)));

  it('tells a US person they may not buy Gazprom, Novatek or any other Russian issuer (EO 14071, FAQ 1054)', () => {
    for (const id of ['gazprom', 'novatek', 'transneft', 'gazprom-neft', 'sberbank']) {
      expect(permissions(id)?.buy, id).toBe('prohibited');
      expect(entitySeverity(entity(id), lists, programs), id).toBe('prohibited');
    }
    expect(permissions('gazprom')).toEqual({ buy: 'prohibited', hold: 'allowed', sell: 'allowed' });
    const russian = dataset.entities.filter((e) => e.country === 'RU' && e.listings.some((l) => /^ofac-/.test(l.list) && l.status === 'active'));
    expect(russian.length).toBeGreaterThan(200);
    for (const e of russian) expect(entitySeverity(e, lists, programs), e.id).toBe('prohibited');
    const ssi = dataset.lists.find((l) => l.id === 'ofac-ssi')!;
    expect(ssi.effect).not.toMatch(/can still be traded/);
  });

  it('makes the three Directive 4 bodies prohibited, with the directive on the listing', () => {
    const bodies = dataset.entities.filter((e) => e.listings.some((l) => l.programs?.includes('ns-mbs-eo14024-directive-4')));
    expect(bodies.map((e) => e.name).sort()).toEqual(
      expect.arrayContaining(['Central Bank of the Russian Federation']),
    );
    expect(bodies).toHaveLength(3);
    for (const e of bodies) {
      const mbs = e.listings.find((l) => l.list === 'ofac-ns-mbs')!;
      expect(listingSeverity(mbs, lists, programs), e.id).toBe('prohibited');
    }
    expect(entity('gazprom').listings.find((l) => l.list === 'ofac-ns-mbs')).toMatchObject({ since: '2022-02-24', effective: '2022-03-26' });
  });

  it('explains the SDN 50 % rule in the blocking program', () => {
    const sdn = dataset.programs!.find((p) => p.id === 'sdn-blocking')!;
    expect(sdn.details).toMatch(/individually or in the aggregate/);
  });

  it('has the SDN issuers with their SDN listing, tickers and ISINs where OFAC gives them', () => {
    const since = (id: string) => entity(id).listings.find((l) => l.list === 'ofac-sdn' && l.status === 'active')?.since;
    for (const id of ['rosbank', 'alrosa', 'severstal', 'polyus', 'sovcomflot', 'magnitogorsk-iron-and-steel-works', 'kamaz', 'moscow-exchange', 'national-settlement-depository', 'national-clearing-centre', 'pingtan-marine-enterprise-ltd']) {
      expect(since(id), id).toBeDefined();
    }
    expect(entity('rosbank')).toMatchObject({ isins: ['RU000A0HHK26'] });
    expect(entity('rosbank').tickers).toContainEqual({ exchange: 'MOEX', symbol: 'ROSB' });
    expect(entity('pingtan-marine-enterprise-ltd').isins).toContain('KYG7114V1023');
    expect(since('moscow-exchange')).toBe('2024-06-12');
    expect(since('alrosa')).toBe('2022-04-07');
    expect(entity('alrosa').aliases).toContain('АЛРОСА');
  });

  it('carries local-script names as the README counts them: Chinese for listed Chinese companies, Cyrillic for Russian issuers', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const names = (e: Entity) => [e.name, ...e.aliases, ...e.weakAliases];
    const chinese = dataset.entities.filter(
      (e) => e.country === 'CN' && e.listings.some((l) => (l.list === 'ofac-ns-cmic' || l.list === 'dod-1260h') && l.status === 'active'),
    );
    const withHan = chinese.filter((e) => names(e).some((n) => /\p{Script=Han}/u.test(n)));
    const stated = (phrase: string) => readme.match(new RegExp(`(\\d+) of the (\\d+) ${phrase}`))?.slice(1, 3).map(Number);
    expect(stated('Chinese companies with an active NS-CMIC or 1260H listing carry a'), 'README, Local-script names').toEqual([withHan.length, chinese.length]);
    const cyrillic = (e: Entity) => names(e).some((n) => /\p{Script=Cyrillic}/u.test(n));
    const russian = dataset.entities.filter((e) => e.country === 'RU');
    expect(russian.filter((e) => (e.tickers.length > 0 || e.isins.length > 0) && !cyrillic(e)).map((e) => e.id)).toEqual([]);
    const ssi = russian.filter((e) => e.listings.some((l) => l.list === 'ofac-ssi'));
    expect(stated('Russian companies on the SSI list carry one'), 'README, Local-script names').toEqual([ssi.filter(cyrillic).length, ssi.length]);
    // How many of those Chinese names a reviewer can check: a company counts only when every Chinese name the
    // curated file gives it cites a page that names the company. Wikipedia addresses were built from the name
    // itself; the other hosts are mirrors, reposts, SEO pages, or a compliance blog whose Chinese names for the
    // 1260H list are its own translations. Names from OFAC's own file need no page.
    const unchecked = new Set([
      'zh.wikipedia.org', 'info.easycompliance.com.cn', 'profilpelajar.com', 'kampuspedia.com', 'daydaynews.cc',
      'm.news.shi-fen.com', 'www.scribd.com', 'shoujibao.cn', 'unlpp.com', 'www.sz-shandao.com', 'scholarmate.com',
      'www.hkyyi.com', 'm.mnw.cn', 'news.asptt.ln.cn', '203.198.47.105:8089', 'www.pjtime.com', 'ship.sh',
      'stock2000.com.cn', 'www.dikong123.com', 'aijingu.com', 'cfi.cn', 'podms.com', 'igu888.com',
    ]);
    const curated = JSON.parse(readFileSync(new URL('../../data/curated.json', import.meta.url), 'utf8')) as {
      entities: { id: string; aliases?: { name: string; source?: string }[]; weakAliases?: { name: string; source?: string }[] }[];
    };
    const curatedById = new Map(curated.entities.map((e) => [e.id, e]));
    const pageUnchecked = (source: string | undefined) => !source || unchecked.has(new URL(source).host);
    const checkable = withHan.filter((e) => {
      const c = curatedById.get(e.id);
      const chineseNames = [...(c?.aliases ?? []), ...(c?.weakAliases ?? [])].filter((a) => /\p{Script=Han}/u.test(a.name));
      return !chineseNames.some((a) => pageUnchecked(a.source));
    });
    const checkedStated = readme.match(/For (\d+) of them every Chinese name cites a page that names the company .*? the other (\d+) still cite/)?.slice(1, 3).map(Number);
    expect(checkedStated, 'README, Local-script names').toEqual([checkable.length, withHan.length - checkable.length]);
    // Names a reader meets on Chinese and Russian pages, each checked on a page that names the company.
    expect(entity('addsino-co-ltd').aliases).toContain('航天工业发展股份有限公司');
    expect(entity('addsino-co-ltd').weakAliases).toContain('航天发展');
    expect(entity('gazprom-dobycha-nadym-ooo').aliases).toContain('Газпром добыча Надым');
  });

  it('never dates an SDN listing before its program existed (EO 14024: 15 April 2021)', () => {
    const sdnSince = (id: string) => entity(id).listings.find((l) => l.list === 'ofac-sdn')?.since;
    // The consolidated file printed their SSI dates (2016, 2018) as SDN dates.
    expect(sdnSince('state-corporation-bank-for-development-and-foreign-economic-affairs-vnesheconombank')).toBe('2022-02-22');
    expect(sdnSince('gazprombank-switzerland-ltd')).toBe('2024-11-21');
    expect(sdnSince('kinef-ooo')).toBe('2025-01-10');
    for (const id of ['bm-bank-jsc', 'eximbank-of-russia-jsc', 'bank-belveb-ojsc', 'joint-stock-commercial-bank-novikombank', 'gazprom-vniigaz-ooo', 'kriogenmash-oao', 'gpb-international-sa', 'joint-stock-company-surgutneftegasbank']) {
      expect(sdnSince(id)! >= '2021-04-15', id).toBe(true);
    }
  });
});
