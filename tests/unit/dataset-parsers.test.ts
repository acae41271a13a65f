// Parsers of the official source formats, run on small real excerpts in tests/fixtures/data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/data/csv';
import { parseDod1260hCsv } from '../../scripts/data/dod-1260h';
import { fccCompany, parseFccCsv } from '../../scripts/data/fcc';
import { parseNdaaCsv } from '../../scripts/data/ndaa';
import { parseOfacCsv } from '../../scripts/data/ofac-csv';
import { parseOfacEnhancedXml } from '../../scripts/data/ofac-enhanced';
import { normalizeOfacTicker, TickerError } from '../../scripts/data/tickers';
import { mergeKey, displayCase, cleanName } from '../../scripts/data/names';
import { parseXml, streamElements, XmlSyntaxError } from '../../scripts/data/xml';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

describe('OFAC ENHANCED XML', () => {
  const file = parseOfacEnhancedXml(fixture('ofac-enhanced.xml'));
  const byId = new Map(file.records.map((r) => [r.ofacId, r]));

  it('reads the publication date and every entity', () => {
    expect(file.asOf).toBe('2026-01-08');
    expect(file.records.map((r) => r.ofacId)).toEqual(['30923', '30944', '33111', '17016', '17250', '31695']);
  });

  it('reads China Mobile’s CMIC facts: tickers with exchange comments, ISINs, dates, owner', () => {
    const cm = byId.get('30923')!;
    expect(cm.name).toBe('CHINA MOBILE LIMITED');
    expect(cm.tickers).toContainEqual({ code: 'CHL US', comment: '(NYSE)' });
    expect(cm.tickers).toContainEqual({ code: '941 HK', comment: '(HKEX)' });
    expect(cm.tickers).toHaveLength(8);
    expect(cm.isins).toEqual(['US16941M1099', 'HK0941009539', 'BRC1HLBDR003', 'ARDEUT111812']);
    expect(cm.cmic).toEqual({ listed: '2021-06-03', effective: '2021-08-02', divestBy: '2022-06-03' });
    expect(cm.lists).toEqual([{ list: 'ofac-ns-cmic', since: '2021-06-03' }]);
    expect(cm.related).toEqual([{ ofacId: '30944', name: 'CHINA MOBILE COMMUNICATIONS GROUP CO., LTD.', relation: 'Owned or Controlled By' }]);
  });

  it('keeps names in Chinese and Cyrillic script', () => {
    expect(byId.get('33111')!.names.some((n) => n.script === 'chinese' && n.name === '深圳市大疆创新科技有限公司')).toBe(true);
    expect(byId.get('17016')!.names.find((n) => n.script === 'cyrillic')?.name).toBe('ГАЗПРОМБАНК АКЦИОНЕРНОЕ ОБЩЕСТВО');
  });

  it('reads SSI, SDN and NS-MBS memberships with their dates', () => {
    expect(byId.get('17016')!.lists).toEqual([
      { list: 'ofac-ssi', since: '2014-07-16', note: 'Subject to Directive 1' },
      { list: 'ofac-sdn', since: '2024-11-21' },
    ]);
    expect(byId.get('17250')!.lists.map((l) => `${l.list} ${l.since}`)).toEqual(['ofac-ssi 2014-09-12', 'ofac-ns-mbs 2022-02-24']);
  });

  it('rejects a file that is not the ENHANCED XML format', () => {
    expect(() => parseOfacEnhancedXml('<sdnList></sdnList>')).toThrow(/no <sanctionsData>/);
  });
});

describe('XML reader', () => {
  it('decodes entities and attributes', () => {
    const root = parseXml('<a x="1 &amp; 2"><b>R&amp;D &#x4E2D;</b><c/></a>');
    expect(root.children[0].attrs.x).toBe('1 & 2');
    expect(root.children[0].children[0].text).toBe('R&D 中');
  });
  it('names the line of a mismatched tag', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2/);
  });
});

describe('OFAC legacy CSV', () => {
  const records = parseOfacCsv(fixture('cons_prim.csv'), fixture('cons_alt.csv'), fixture('cons_comments.csv'));
  const byId = new Map(records.map((r) => [r.ofacId, r]));

  it('gets the same CMIC facts from the remarks field', () => {
    const cm = byId.get('30923')!;
    expect(cm.tickers.map((t) => t.code)).toContain('941 HK');
    expect(cm.isins).toContain('HK0941009539');
    expect(cm.cmic).toEqual({ listed: '2021-06-03', effective: '2021-08-02', divestBy: '2022-06-03' });
    expect(cm.lists).toEqual([{ list: 'ofac-ns-cmic', since: '2021-06-03' }]);
  });

  it('joins aliases from cons_alt and remarks that overflow into cons_comments', () => {
    const sber = byId.get('17018')!;
    expect(sber.names.map((n) => n.name)).toContain('SBERBANK ROSSII');
    expect(sber.programs).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    // "Listing Date (EO 14024 Directive 3): 24 Feb 2022" is split across the two files.
    expect(sber.lists.find((l) => l.list === 'ofac-ns-mbs')?.since).toBe('2022-02-24');
  });

  it('reads a ticker printed without a space (603019CN)', () => {
    expect(byId.get('33113')!.tickers.map((t) => normalizeOfacTicker(t.code))).toContainEqual({ exchange: 'SSE', symbol: '603019' });
  });

  it('rejects a truncated row with its line number', () => {
    expect(() => parseOfacCsv('30923,"CHINA MOBILE LIMITED"\n')).toThrow(/line 1: expected 12 columns/);
  });
});

describe('ticker normalisation', () => {
  it.each([
    ['941 HK', '(HKEX)', 'HKEX', '941'],
    ['00883 HK', undefined, 'HKEX', '883'],
    ['0700 HK', undefined, 'HKEX', '700'],
    ['CHL US', '(NYSE)', 'NYSE', 'CHL'],
    ['CEO US', undefined, 'US', 'CEO'],
    ['600118 CN', undefined, 'SSE', '600118'],
    ['002415 CN', undefined, 'SZSE', '002415'],
    ['300474 CN', undefined, 'SZSE', '300474'],
    ['SBER RU', undefined, 'RU', 'SBER'],
    ['MSTT RU', '(MOEX)', 'MOEX', 'MSTT'],
    ['C1HL34 BR', undefined, 'B3', 'C1HL34'],
    ['CTMA DE', undefined, 'DE', 'CTMA'],
    ['601698  CN', undefined, 'SSE', '601698'],
  ])('%s %s → %s %s', (code, comment, exchange, symbol) => {
    expect(normalizeOfacTicker(code, comment)).toEqual({ exchange, symbol });
  });
  it('refuses codes it cannot place', () => {
    expect(() => normalizeOfacTicker('123456 CN')).toThrow(TickerError);
    expect(() => normalizeOfacTicker('941')).toThrow(/expected SYMBOL MARKET/);
  });
});

describe('DoD 1260H table', () => {
  const rows = parseDod1260hCsv(fixture('dod-1260h.csv'));
  it('reads one row per listing period with dates', () => {
    const ymtc = rows.filter((r) => r.name === 'Yangtze Memory Technologies Co., Ltd.');
    expect(ymtc.map((r) => `${r.start}/${r.end ?? ''}`).sort()).toEqual(['2024-01-31/', '2025-01-07/2026-02-17', '2026-06-08/']);
  });
  it('splits a bracketed short name off the company name and several aliases in one cell', () => {
    expect(rows.find((r) => r.name === 'Dawning Information Industry Co., Ltd.')?.aliases).toContain('Sugon');
    expect(rows.find((r) => r.name.startsWith('Beijing Zhidao'))?.aliases).toEqual(['Knownsec', 'Beijing Kownsec']);
  });
  it('reports a bad date with the row and company', () => {
    const bad = 'Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\nX Co,X Co,,,,,June 2021,,\n';
    expect(() => parseDod1260hCsv(bad)).toThrow(/row 2 \(X Co\): Start date must be YYYY-MM-DD/);
  });
  it('names missing columns', () => {
    expect(() => parseDod1260hCsv('Name,Start\nA,B\n')).toThrow(/missing column\(s\) Clean Name/);
  });
});

describe('FCC Covered List table', () => {
  const file = parseFccCsv(fixture('fcc-covered.csv'));
  it('finds the named companies and keeps product-class rows apart', () => {
    expect(file.entries.map((e) => `${e.company} ${e.since}`)).toEqual([
      'Huawei Technologies Company 2021-03-12',
      'AO Kaspersky Lab 2022-03-25',
      'China Mobile International USA Inc. 2022-03-25',
      'Kaspersky Lab, Inc. 2024-07-23',
    ]);
    expect(file.categories).toHaveLength(1);
    expect(file.asOf).toBe('2026-07-21');
  });
  it('reads the company out of the FCC’s wording', () => {
    expect(fccCompany('International telecommunications services provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC subject to section 214')).toBe('Pacific Networks Corp');
    expect(fccCompany('Routers ^ produced in a foreign country, except routers')).toBeUndefined();
  });
});

describe('NDAA tables', () => {
  it('recognises the section and when the ban starts', () => {
    const [catl] = parseNdaaCsv(fixture('ndaa/section_154.csv'), 'section_154.csv');
    expect(catl).toMatchObject({ section: 'ndaa-154', name: 'Contemporary Amperex Technology Company, Limited', aliases: ['CATL'], enacted: '2023-12-22', startsOn: '2027-10-01' });
    expect(catl.url).toMatch(/^https:\/\/www\.congress\.gov\//);
    const s889 = parseNdaaCsv(fixture('ndaa/section_889.csv'), 'section_889.csv');
    expect(s889.map((e) => e.section)).toEqual(['ndaa-889', 'ndaa-889']);
  });
});

describe('names', () => {
  it('gives spellings of one company the same merge key', () => {
    expect(mergeKey('CHINA MOBILE LTD')).toBe(mergeKey('China Mobile Limited'));
    expect(mergeKey('Hangzhou Hikvision Digital Technology Company')).toBe(mergeKey('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'));
    expect(mergeKey('PUBLIC JOINT STOCK COMPANY GAZPROM')).toBe(mergeKey('PJSC Gazprom'));
    expect(mergeKey('China Mobile Communications Group Co., Ltd.')).not.toBe(mergeKey('China Mobile Limited'));
  });
  it('makes upper-case names readable without lowering acronyms', () => {
    expect(displayCase('CHINA MOBILE LIMITED')).toBe('China Mobile Limited');
    expect(displayCase('PJSC VTB BANK')).toBe('PJSC VTB Bank');
    expect(displayCase('AVIATION INDUSTRY CORPORATION OF CHINA, LTD.')).toBe('Aviation Industry Corporation of China, Ltd.');
  });
  it('strips OFAC alias markers', () => {
    expect(cleanName('ROSNEFT a.k.a.')).toBe('ROSNEFT');
    expect(cleanName('  CHINA   MOBILE ; ')).toBe('CHINA MOBILE');
  });
});

describe('streaming XML reader', () => {
  it('hands over each wanted element with its subtree and where it was, keeping nothing else', () => {
    const seen: string[] = [];
    streamElements('<r><info><d>1</d></info><list><e id="a"><n>A</n></e><e id="b"><n>B &amp; C</n></e></list></r>', new Set(['e']), (el, path) => {
      seen.push(`${path.join('/')} ${el.attrs.id} ${el.children[0].text}`);
    });
    expect(seen).toEqual(['r/list a A', 'r/list b B & C']);
  });
});

describe('CSV reader', () => {
  it('handles quoted commas, doubled quotes and newlines', () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\nf,g\n')).toEqual([['a', 'b, "c"\nd', 'e'], ['f', 'g']]);
  });
});
