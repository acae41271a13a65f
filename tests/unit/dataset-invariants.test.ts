// What must hold for ANY honest build of the dataset, whatever OFAC, DoD or the FCC add tomorrow:
// it validates, passes the poisoned-data checks, keeps the court's and the orders' well-known facts,
// cites official sources, dates no listing before its list existed, and loses no more than the
// publish gate allows against the previous publication. The publishing workflow runs this file
// against the dataset it has just built, before signing it; exact counts of the committed file are
// in dataset-committed.test.ts, which only `npm test` runs.
//
//   SL_DATASET=path/to/dataset.json            the dataset to check (default: public/data/dataset.json)
//   SL_PREVIOUS_DATASET=dataset.json | FEED_DIR the last publication: a dataset file, or a copy of the
//                                               feed's folder (manifest.json, checked against the keys
//                                               this release trusts). Default: the committed dataset at
//                                               git HEAD, or the copy before it when the file is HEAD's.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCanary } from '../../lib/dataset/blast-radius';
import { combinedPermissions, programIndex, programsOf } from '../../lib/dataset/effect';
import { isValidIsin } from '../../lib/dataset/ids';
import { entitySeverity, isInForce, listIndex } from '../../lib/dataset/severity';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { COURT_HOSTS, hostIn, OFFICIAL_HOSTS, validateDataset } from '../../lib/dataset/validate';
import { MAX_DATASET_BYTES } from '../../lib/feed/config';
import { FEED_PUBLIC_KEYS } from '../../lib/feed/public-key';
import { createMatcher } from '../../lib/match';
import { checkGates } from '../../scripts/feed/gates';
import { readPublished } from '../../scripts/feed/previous';

const ROOT = join(import.meta.dirname, '../..');
const datasetPath = resolve(ROOT, process.env.SL_DATASET || 'public/data/dataset.json');
const text = readFileSync(datasetPath, 'utf8');
const dataset = validateDataset(JSON.parse(text));

async function previousDataset(): Promise<{ dataset: Dataset; from: string }> {
  const given = process.env.SL_PREVIOUS_DATASET;
  if (given) {
    const path = resolve(ROOT, given);
    if (statSync(path).isDirectory()) {
      const published = await readPublished(path, FEED_PUBLIC_KEYS);
      if (!published) throw new Error(`SL_PREVIOUS_DATASET=${given}: no manifest.json in that folder (first publication? give the bundled dataset file instead)`);
      return { dataset: published.dataset, from: `${given}/${published.datasetFileName}` };
    }
    return { dataset: validateDataset(JSON.parse(readFileSync(path, 'utf8'))), from: given };
  }
  // The committed dataset is the last one shipped; when the file on disk is that very copy, the copy
  // before it is the baseline, so the comparison always spans a real change.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 8 * MAX_DATASET_BYTES });
  const head = git('show', 'HEAD:public/data/dataset.json');
  const [, before] = git('log', '-n', '2', '--format=%H', '--', 'public/data/dataset.json').split('\n').filter(Boolean);
  if (head === text && before) {
    return { dataset: validateDataset(JSON.parse(git('show', `${before}:public/data/dataset.json`))), from: `public/data/dataset.json at ${before.slice(0, 7)}` };
  }
  return { dataset: validateDataset(JSON.parse(head)), from: 'public/data/dataset.json at git HEAD' };
}

const byId = new Map(dataset.entities.map((e) => [e.id, e]));
const entity = (id: string): Entity => {
  const found = byId.get(id);
  if (!found) throw new Error(`${datasetPath} has no entity ${id}`);
  return found;
};
const programs = programIndex(dataset);
const lists = listIndex(dataset);

/**
 * The first day each list (or the order or statute it rests on) existed. A listing dated earlier
 * is a misread date, the kind the consolidated file's SSI dates once gave SDN listings.
 */
const LIST_START: Record<string, { date: string; basis: string }> = {
  'ofac-ns-cmic': { date: '2021-06-03', basis: 'EO 14032 of 3 June 2021 created the NS-CMIC List' },
  'ofac-ssi': { date: '2014-07-16', basis: 'first identifications under EO 13662 Directives 1 and 2' },
  'ofac-ns-mbs': { date: '2017-08-02', basis: 'CAATSA (Pub. L. 115-44), the first menu-based sanctions' },
  'dod-1237': { date: '2020-06-24', basis: 'DoD’s first list under §1237 of the FY1999 NDAA' },
  'dod-1260h': { date: '2021-01-01', basis: '§1260H of the FY2021 NDAA (Pub. L. 116-283)' },
  'fcc-covered': { date: '2021-03-12', basis: 'the FCC’s first Covered List' },
  'ndaa-889': { date: '2018-08-13', basis: 'FY2019 NDAA (Pub. L. 115-232)' },
  'ndaa-5949': { date: '2022-12-23', basis: 'FY2023 NDAA (Pub. L. 117-263)' },
  'ndaa-154': { date: '2023-12-22', basis: 'FY2024 NDAA (Pub. L. 118-31)' },
  'uflpa': { date: '2022-06-21', basis: 'the first UFLPA Entity List' },
};
/** The first Russia-related SDN program, EO 13660 of 6 March 2014. */
const RUSSIA_SDN_START = '2014-03-06';
/** EO 14024 of 15 April 2021: the program of Russia's SDN designations since 2021. */
const EO_14024 = '2021-04-15';
const EO_14024_ONLY = [
  'state-corporation-bank-for-development-and-foreign-economic-affairs-vnesheconombank', 'gazprombank', 'gazprombank-switzerland-ltd', 'kinef-ooo',
  'bm-bank-jsc', 'eximbank-of-russia-jsc', 'bank-belveb-ojsc', 'joint-stock-commercial-bank-novikombank', 'gazprom-vniigaz-ooo',
  'kriogenmash-oao', 'gpb-international-sa', 'joint-stock-company-surgutneftegasbank',
];

describe(`any honest build (${process.env.SL_DATASET || 'public/data/dataset.json'})`, () => {
  it('validates, and fits what the extension downloads', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DATASET_BYTES);
    expect(dataset.version.startsWith(dataset.generatedAt.slice(0, 10).replace(/-/g, '.'))).toBe(true);
    for (const s of dataset.sources) expect(s.asOf <= dataset.generatedAt.slice(0, 10), s.id).toBe(true);
    expect(dataset.oldestSourceAsOf).toBe(dataset.sources.find((s) => s.id === dataset.oldestSourceId)?.asOf);
  });

  it('passes the blast-radius check: its own matcher marks at most a few words of the canary prose', () => {
    const canary = checkCanary(createMatcher(dataset));
    expect(canary.problems.map((p) => p.message)).toEqual([]);
  });

  it('keeps Xiaomi’s §1237 designation as vacated by the court on 2021-05-25, with both rulings linked', () => {
    const xiaomi = entity('xiaomi-corporation');
    expect(xiaomi.listings).toContainEqual(expect.objectContaining({ list: 'dod-1237', status: 'vacated', until: '2021-05-25' }));
    expect(xiaomi.listings.some((l) => l.list === 'dod-1237' && isInForce(l))).toBe(false);
    const rulings = dataset.rulings.filter((r) => xiaomi.rulings.includes(r.id));
    expect(rulings.map((r) => `${r.date} ${r.outcome}`)).toEqual(expect.arrayContaining(['2021-03-12 injunction-granted', '2021-05-25 vacated']));
    for (const r of rulings) expect(hostIn(r.url, COURT_HOSTS), r.url).toBe(true);
  });

  it('tells a US person they may not buy Gazprom (EO 14071, OFAC FAQ 1054), but may hold and sell under that ban', () => {
    const gazprom = entity('gazprom');
    const inForce = gazprom.listings.filter(isInForce);
    const ban = inForce.flatMap((l) => programsOf(l, programs)).find((p) => p.id === 'eo14071-new-investment');
    expect(ban).toMatchObject({ severity: 'prohibited', buy: 'prohibited', hold: 'allowed', sell: 'allowed' });
    expect(combinedPermissions(inForce.flatMap((l) => programsOf(l, programs)))?.buy).toBe('prohibited');
    expect(entitySeverity(gazprom, lists, programs)).toBe('prohibited');
  });

  it('cites an official publication for every listing, and official orders for every program', () => {
    for (const e of dataset.entities) {
      for (const l of e.listings) {
        expect(hostIn(l.source, OFFICIAL_HOSTS), `${e.id} ${l.list}: ${l.source}`).toBe(true);
        expect(l.programs?.length, `${e.id} ${l.list} names no program`).toBeGreaterThan(0);
      }
    }
    for (const p of dataset.programs ?? []) for (const c of p.citations) expect(hostIn(c.url, OFFICIAL_HOSTS), `${p.id}: ${c.url}`).toBe(true);
  });

  it('dates no listing before its list existed, and no Russian SDN designation before its program', () => {
    const wrong: string[] = [];
    for (const e of dataset.entities) {
      for (const l of e.listings) {
        const start = LIST_START[l.list];
        if (start && l.since < start.date) wrong.push(`${e.id} ${l.list} since ${l.since}, before ${start.date} (${start.basis})`);
        if (l.until && l.until < l.since) wrong.push(`${e.id} ${l.list} ends ${l.until} before it starts ${l.since}`);
        if (l.list === 'ofac-sdn' && e.country === 'RU' && l.since < RUSSIA_SDN_START) {
          wrong.push(`${e.id} SDN since ${l.since}, before EO 13660 (${RUSSIA_SDN_START})`);
        }
      }
    }
    // Designated under EO 14024 only; OFAC's consolidated file prints their SSI dates (2014–2018) as
    // their SDN dates. Whatever the files add, these may never again be dated before the order.
    for (const id of EO_14024_ONLY) {
      const sdn = byId.get(id)?.listings.find((l) => l.list === 'ofac-sdn');
      if (sdn && sdn.since < EO_14024) wrong.push(`${id} SDN since ${sdn.since}, before EO 14024 (${EO_14024}): an SSI date read as its designation`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps identifiers clean: valid ISINs, HKEX symbols without leading zeros, no alias on two companies', () => {
    const seen = new Map<string, string>();
    for (const e of dataset.entities) {
      for (const isin of e.isins) expect(isValidIsin(isin), `${e.id} ${isin}`).toBe(true);
      for (const t of e.tickers) if (t.exchange === 'HKEX') expect(t.symbol, e.id).not.toMatch(/^0/);
      for (const a of e.aliases) {
        const key = a.toLowerCase();
        expect(seen.get(key) ?? e.id, `alias "${a}"`).toBe(e.id);
        seen.set(key, e.id);
      }
    }
  });

  it('gives every NS-CMIC listing its listing, effective and divest-by dates', () => {
    for (const e of dataset.entities) {
      for (const l of e.listings.filter((x) => x.list === 'ofac-ns-cmic')) {
        expect([l.since, l.effective, l.divestBy].every(Boolean), e.id).toBe(true);
      }
    }
  });

  it('loses no more companies or listings in force than the publish gate allows, and no source goes back in time', async () => {
    const previous = await previousDataset();
    const failures = checkGates(dataset, previous.dataset).filter((f) => f.gate === 'drop' || f.gate === 'as-of');
    expect(failures.map((f) => `${f.gate} (against ${previous.from}): ${f.message}`)).toEqual([]);
  }, 30_000);
});
