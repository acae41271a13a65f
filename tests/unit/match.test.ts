// The matcher as a user meets it: which words on a page get a warning, and exactly where.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher, type TextMatch } from '../../lib/match/index';

const mini = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/mini-dataset.json'), 'utf8')) as Dataset;
const matcher = createMatcher(mini);

/** [matched text, entity id, kind] for each match, to read like the page would. */
function found(text: string, context?: Parameters<typeof matcher.scan>[1]): [string, string, string][] {
  return matcher.scan(text, context).map((m: TextMatch) => [text.slice(m.start, m.end), m.entityId, m.kind]);
}
const ids = (text: string, context?: Parameters<typeof matcher.scan>[1]) => found(text, context).map(([t, id]) => `${t}→${id}`);

describe('names', () => {
  it('finds a name with or without its legal form, and covers the legal form in the highlight', () => {
    expect(found('China Mobile Ltd and CHINA MOBILE LIMITED')).toEqual([
      ['China Mobile Ltd', 'china-mobile-limited', 'name'],
      ['CHINA MOBILE LIMITED', 'china-mobile-limited', 'name'],
    ]);
    expect(ids('Xiaomi Corp. said')).toEqual(['Xiaomi Corp.→xiaomi-corporation']);
  });

  it('finds names across line breaks, runs of spaces and non-breaking spaces', () => {
    expect(ids('China\n   Mobile\u00a0Limited')).toEqual(['China\n   Mobile\u00a0Limited→china-mobile-limited']);
  });

  it('applies case rules to names made of ordinary words', () => {
    expect(ids("China's mobile market, china mobile phones")).toEqual([]);
    expect(ids('giant panda, Panda Express, Panda Electronics Group')).toEqual([
      'Panda Electronics Group→panda-electronics-group-co-ltd',
    ]);
  });

  it('needs word boundaries in Latin and Cyrillic but not in CJK', () => {
    expect(ids('the catalog; Avicii; Sberbankrupt; cosmic')).toEqual([]);
    expect(ids('海康威视发布公告')).toEqual(['海康威视→hangzhou-hikvision-digital-technology-co-ltd']);
  });

  it('reads possessives and Russian case endings as the name', () => {
    expect(ids("Hikvision's cameras")).toEqual(['Hikvision→hangzhou-hikvision-digital-technology-co-ltd']);
    expect(ids('санкции против Роснефти')).toEqual(['Роснефти→rosneft-oil-company']);
  });

  it('prefers the longest name and keeps distinct companies apart', () => {
    expect(ids('Gazprom Neft, Gazprombank and Gazprom')).toEqual([
      'Gazprom Neft→public-joint-stock-company-gazprom-neft',
      'Gazprombank→gazprombank-joint-stock-company',
      'Gazprom→public-joint-stock-company-gazprom',
    ]);
    expect(ids('Tencent Music Entertainment')).toEqual([]);
  });

  it('trusts an acronym the data lists as the company\'s name when written in capitals', () => {
    expect(ids('CATL said.')).toEqual(['CATL→contemporary-amperex-technology-co-limited']);
    expect(ids('CATL shares rose')).toEqual(['CATL→contemporary-amperex-technology-co-limited']);
    expect(ids('Contemporary Amperex Technology (CATL)')).toHaveLength(2);
    expect(ids('Catl said.')).toEqual([]);
    expect(ids('the catalog')).toEqual([]);
  });

  it('does not read a two-character Chinese word as the company', () => {
    expect(ids('喝了一碗小米粥')).toEqual([]);
    expect(ids('小米发布新手机')).toEqual(['小米→xiaomi-corporation']);
  });
});

describe('tickers', () => {
  const tencent = 'tencent-holdings-limited';
  it('treats Hong Kong codes with and without leading zeros as one', () => {
    for (const text of ['0700.HK', '700 HK', 'HKG:0700', 'HKEX: 700', 'SEHK: 00700']) {
      expect(found(text).map(([, id, kind]) => `${id}/${kind}`), text).toEqual([`${tencent}/ticker`]);
    }
  });

  it('accepts cashtags, prefixes, suffixes and Bloomberg codes', () => {
    expect(ids('$XIACY')).toEqual(['XIACY→xiaomi-corporation']);
    expect(ids('NYSE: CHL')).toEqual(['CHL→china-mobile-limited']);
    expect(ids('600760.SS')).toEqual(['600760→avic-shenyang-aircraft-company-limited']);
    expect(ids('002415.SZ')).toEqual(['002415→hangzhou-hikvision-digital-technology-co-ltd']);
    expect(ids('CHL US Equity')).toEqual(['CHL→china-mobile-limited']);
    expect(ids('MOEX: SBER')).toEqual(['SBER→public-joint-stock-company-sberbank-of-russia']);
  });

  it('never matches a symbol quoted on another exchange', () => {
    expect(ids('NASDAQ: CHL')).toEqual([]);
    expect(ids('1810.SZ')).toEqual([]);
    expect(ids('NYSE: 700')).toEqual([]);
  });

  it('never counts an English-word ticker alone, even with the company nearby', () => {
    expect(ids("CNOOC's CEO resigned").map((s) => s.split('→')[0])).toEqual(['CNOOC']);
    expect(ids('the CHA and CHU dances')).toEqual([]);
    expect(ids('CNOOC Limited (NYSE: CEO)').map((s) => s.split('→')[0])).toEqual(['CNOOC Limited', 'CEO']);
  });

  it('accepts a bare symbol only with a second signal', () => {
    expect(ids('BABA rallied')).toEqual([]);
    expect(ids('Alibaba (BABA) rallied')).toHaveLength(2);
    expect(ids('BABA 86.10 +1.2%')).toEqual(['BABA→alibaba-group-holding-limited']);
    expect(ids('BABA', { tickerContext: true })).toEqual(['BABA→alibaba-group-holding-limited']);
    expect(ids('1810', { tickerContext: true })).toEqual(['1810→xiaomi-corporation']);
    expect(ids('$700 and 1810 people')).toEqual([]);
  });
});

describe('ISINs', () => {
  it('matches an ISIN in any case and ignores one with a wrong check digit', () => {
    expect(ids('ISIN us16941m1099')).toEqual(['us16941m1099→china-mobile-limited']);
    expect(ids('ISIN US16941M1098')).toEqual([]);
  });

  it('drops an ISIN with a wrong check digit from the data and says so', () => {
    const entity: Entity = { ...mini.entities[0], id: 'bad', isins: ['US16941M1098'], aliases: [], tickers: [] };
    const m = createMatcher({ entities: [entity] });
    expect(m.warnings.join()).toContain('US16941M1098');
    expect(m.scan('US16941M1098')).toEqual([]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text, in order and non-overlapping', () => {
    const text = '😀😀 Hikvisio\u0301n 𠀀 ＸＩＡＯＭＩ and 小米集团（01810.HK）';
    const matches = matcher.scan(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Hikvisio\u0301n', 'ＸＩＡＯＭＩ', '小米集团', '01810']);
    for (let i = 1; i < matches.length; i++) expect(matches[i].start).toBeGreaterThanOrEqual(matches[i - 1].end);
  });

  it('explains every match', () => {
    const text = 'NYSE: CHL';
    const [match] = matcher.scan(text);
    expect(matcher.explain(match, text)).toBe('"CHL" matched "CHL" of china-mobile-limited as a ticker with its exchange before it.');
  });
});
