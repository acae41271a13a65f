// The runtime validator: a good dataset passes; each kind of damage is reported with the record,
// the field and the reason, and all problems are reported at once.
import { describe, expect, it } from 'vitest';
import { compareVersions, isValidIsin, slugify } from '../../lib/dataset/ids';
import { checkDataset, DatasetError, validateDataset } from '../../lib/dataset/validate';
import type { Dataset } from '../../lib/dataset/types';

function sample(): Dataset {
  return {
    schemaVersion: 1,
    version: '2026.08.22.1',
    generatedAt: '2026-08-22T00:00:00.000Z',
    sources: [{ id: 'ofac-consolidated', title: 'OFAC', url: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList', asOf: '2026-01-08' }],
    lists: [
      { id: 'ofac-ns-cmic', name: 'NS-CMIC', shortName: 'NS-CMIC', authority: 'OFAC', legalBasis: 'EO 14032', severity: 'prohibited', effect: 'No buying or selling.', url: 'https://ofac.treasury.gov/x' },
      { id: 'dod-1237', name: 'CCMC', shortName: '1237', authority: 'DoD', legalBasis: '§1237', severity: 'caution', effect: 'Historic.', url: 'https://www.defense.gov/x' },
    ],
    entities: [
      {
        id: 'china-mobile-limited', name: 'China Mobile Limited', aliases: ['China Mobile'], weakAliases: [],
        tickers: [{ exchange: 'HKEX', symbol: '941' }], isins: ['HK0941009539'], country: 'CN',
        listings: [{ list: 'ofac-ns-cmic', status: 'active', since: '2021-06-03', effective: '2021-08-02', divestBy: '2022-06-03', source: 'https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList' }],
        rulings: [],
      },
      {
        id: 'xiaomi-corporation', name: 'Xiaomi Corporation', aliases: ['Xiaomi'], weakAliases: [],
        tickers: [{ exchange: 'HKEX', symbol: '1810' }], isins: [], country: 'CN',
        listings: [{ list: 'dod-1237', status: 'vacated', since: '2021-01-14', until: '2021-05-25', source: 'https://www.defense.gov/News/Releases/Search/1237/' }],
        rulings: ['xiaomi-v-dod-2021-05-25'],
      },
    ],
    rulings: [{ id: 'xiaomi-v-dod-2021-05-25', caption: 'Xiaomi v. DoD', court: 'D.D.C.', docket: '1:21-cv-00280', judge: 'Contreras', date: '2021-05-25', outcome: 'vacated', summary: 'Vacated.', url: 'https://www.courtlistener.com/?q=21-cv-00280', entities: ['xiaomi-corporation'] }],
  };
}

function problems(mutate: (d: Dataset) => void): string[] {
  const d = sample();
  mutate(d);
  const result = checkDataset(JSON.parse(JSON.stringify(d)));
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('validateDataset', () => {
  it('accepts a well-formed dataset and returns it', () => {
    const d = sample();
    expect(validateDataset(d)).toBe(d);
    expect(checkDataset(d).ok).toBe(true);
  });

  it('names the entity, the field and the reason', () => {
    expect(problems((d) => ((d.entities[1].listings[0] as { status: string }).status = 'gone'))).toEqual([
      'entities[1] (xiaomi-corporation).listings[0].status: must be one of active, removed, vacated, enjoined (got "gone")',
    ]);
    expect(problems((d) => (d.entities[0].isins = ['HK0941009538']))).toEqual([
      'entities[0] (china-mobile-limited).isins[0]: is not a valid ISIN (bad shape or check digit: "HK0941009538")',
    ]);
  });

  it('checks dates, their order and that ended listings say when', () => {
    expect(problems((d) => (d.entities[0].listings[0].since = '2021-02-30'))).toEqual([
      'entities[0] (china-mobile-limited).listings[0].since: must be a date written YYYY-MM-DD (got "2021-02-30")',
    ]);
    expect(problems((d) => (d.entities[1].listings[0].until = '2020-01-01'))[0]).toMatch(/listings\[0\]\.until: is before since/);
    expect(problems((d) => delete d.entities[1].listings[0].until)[0]).toMatch(/a vacated listing needs the date it ended/);
    expect(problems((d) => (d.entities[0].listings[0].until = '2025-01-01'))[0]).toMatch(/an active listing cannot have an end date/);
  });

  it('checks references between lists, entities and rulings both ways', () => {
    expect(problems((d) => (d.entities[0].listings[0].list = 'ofac-nope'))[0]).toMatch(/names a list that is not in lists\[\]/);
    expect(problems((d) => (d.entities[1].rulings = []))[0]).toMatch(
      /rulings\[0\] \(xiaomi-v-dod-2021-05-25\)\.entities\[0\]: entity "xiaomi-corporation" does not list this ruling/,
    );
    expect(problems((d) => (d.entities[0].related = [{ id: 'nobody', relation: 'parent' }]))[0]).toMatch(/names an entity that is not in entities\[\]/);
    expect(problems((d) => (d.entities[1].id = 'china-mobile-limited'))).toContain(
      'entities[1].id: duplicates entities[0] ("china-mobile-limited")',
    );
  });

  it('checks the header and the shapes of tickers, countries and severities', () => {
    expect(problems((d) => (d.version = '2026-08-22'))).toEqual(['version: must look like 2026.08.22.1 (got "2026-08-22")']);
    expect(problems((d) => (d.schemaVersion = 2))).toEqual(['schemaVersion: must be 1 (got 2)']);
    expect(problems((d) => (d.entities[0].tickers = [{ exchange: 'hkex', symbol: '941 HK' }]))).toHaveLength(2);
    expect(problems((d) => (d.entities[0].country = 'China'))[0]).toMatch(/two-letter ISO country code/);
    expect(problems((d) => ((d.lists[0] as { severity: string }).severity = 'banned'))[0]).toMatch(/lists\[0\] \(ofac-ns-cmic\)\.severity: must be one of prohibited, restricted, caution/);
  });

  it('throws a DatasetError listing every problem, without stopping at the first', () => {
    const d = sample() as unknown as Record<string, unknown>;
    d.entities = [{ id: 'Bad Id', name: '', aliases: 'x' }];
    let caught: unknown;
    try {
      validateDataset(d);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetError);
    const error = caught as DatasetError;
    expect(error.problems.length).toBeGreaterThan(4);
    expect(error.message).toMatch(/dataset is invalid \(\d+ problems\)/);
    expect(error.message).toContain('entities[0].id: must be a lower-case slug');
  });

  it('rejects things that are not datasets at all', () => {
    expect(checkDataset(null)).toEqual({ ok: false, errors: [{ path: 'dataset', message: 'must be an object (got null)' }] });
    expect(checkDataset([]).ok).toBe(false);
  });
});

describe('identifier helpers', () => {
  it('checks ISIN check digits', () => {
    for (const good of ['HK0941009539', 'US16941M1099', 'CNE1000002V2', 'RU0009029540', 'US88032Q1094']) expect(isValidIsin(good)).toBe(true);
    for (const bad of ['HK0941009538', 'BRC1EODR004', 'hk0941009539', 'HK094100953X']) expect(isValidIsin(bad)).toBe(false);
  });
  it('orders dataset versions', () => {
    expect(compareVersions('2026.08.22.2', '2026.08.22.1')).toBe(1);
    expect(compareVersions('2026.08.22.10', '2026.08.22.9')).toBe(1);
    expect(compareVersions('2026.01.08.1', '2026.08.22.1')).toBe(-1);
    expect(compareVersions('2026.08.22', '2026.08.22.1')).toBeNaN();
  });
  it('makes readable ids', () => {
    expect(slugify('AVIC Xi’an Aircraft Industry Group Company Ltd.')).toBe('avic-xian-aircraft-industry-group-company-ltd');
    expect(slugify('Research & Development Co.')).toBe('research-and-development-co');
  });
});

describe('programs, official sources and dates', () => {
  const program = {
    id: 'ns-cmic-eo14032', list: 'ofac-ns-cmic', name: 'NS-CMIC ban', legalBasis: 'EO 14032', severity: 'prohibited' as const,
    buy: 'prohibited' as const, hold: 'allowed' as const, sell: 'prohibited' as const, summary: 'No buying or selling.', details: 'EO 14032 …',
    citations: [{ title: 'EO 14032', url: 'https://www.federalregister.gov/documents/2021/06/07/2021-12019/x' }],
  };
  const withPrograms = (d: Dataset) => {
    d.programs = [JSON.parse(JSON.stringify(program))];
    d.entities[0].listings[0].programs = ['ns-cmic-eo14032'];
  };

  it('accepts listings that name defined programs', () => {
    expect(problems(withPrograms)).toEqual([]);
  });

  it('rejects a listing that names an unknown program', () => {
    expect(problems((d) => { withPrograms(d); d.entities[0].listings[0].programs = ['ns-cmic-eo14032', 'no-such-program']; })).toEqual([
      'entities[0] (china-mobile-limited).listings[0].programs[1]: names a program that is not in programs[] ("no-such-program")',
    ]);
  });

  it('rejects a program that bars buying but is not prohibited, and one citing an unofficial page', () => {
    const found = problems((d) => {
      withPrograms(d);
      d.programs![0].severity = 'restricted';
      d.programs![0].citations = [{ title: 'A law firm', url: 'https://www.example-law.com/alert' }];
    });
    expect(found).toEqual([
      'programs[0] (ns-cmic-eo14032).severity: must be "prohibited" when buying is prohibited (got "restricted")',
      expect.stringMatching(/^programs\[0\] \(ns-cmic-eo14032\)\.citations\[0\]\.url: must be an official host/),
    ]);
  });

  it('wants a government host for a listing source and the court record for a ruling, with news under press', () => {
    expect(problems((d) => (d.entities[1].listings[0].source = 'https://www.theepochtimes.com/pentagon'))).toEqual([
      expect.stringMatching(/^entities\[1\] \(xiaomi-corporation\)\.listings\[0\]\.source: must be a government publication/),
    ]);
    expect(problems((d) => (d.rulings[0].url = 'https://www.caixinglobal.com/2021-05-26/x'))).toEqual([
      expect.stringMatching(/^rulings\[0\] \(xiaomi-v-dod-2021-05-25\)\.url: must be the court record/),
    ]);
    expect(problems((d) => {
      d.entities[1].listings[0].press = 'https://www.theepochtimes.com/pentagon';
      d.rulings[0].press = 'https://www.caixinglobal.com/2021-05-26/x';
    })).toEqual([]);
    // A look-alike host is not the government's.
    expect(problems((d) => (d.entities[1].listings[0].source = 'https://defense.gov.example.com/x'))).toHaveLength(1);
  });

  it('checks the oldest-source fields and a listing’s source id', () => {
    expect(problems((d) => { d.oldestSourceAsOf = '2026-01-08'; d.oldestSourceId = 'ofac-consolidated'; d.entities[0].listings[0].sourceId = 'ofac-consolidated'; })).toEqual([]);
    expect(problems((d) => { d.oldestSourceAsOf = '8 Jan 2026'; d.entities[0].listings[0].sourceId = ''; })).toEqual([
      'oldestSourceAsOf: must be a date written YYYY-MM-DD (got "8 Jan 2026")',
      'entities[0] (china-mobile-limited).listings[0].sourceId: must not be empty',
    ]);
  });
});
