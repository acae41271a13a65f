// Rules that decide whether a word on a page is really a listed company: weak acronyms, brands, places,
// namesakes, codes in table rows, Traditional Chinese and full-width text. Each case is what a reader sees.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('tencent', 'Tencent Holdings Limited', { aliases: ['Tencent', '腾讯控股'], tickers: [{ exchange: 'HKEX', symbol: '700' }] }),
    entity('xiaomi', 'Xiaomi Corporation', { aliases: ['小米集团'], tickers: [{ exchange: 'HKEX', symbol: '1810' }] }),
    entity('byd', 'BYD Company Limited', { aliases: ['BYD', '比亚迪'], tickers: [{ exchange: 'HKEX', symbol: '1211' }] }),
    entity('dji', 'SZ DJI Technology Co., Ltd.', { aliases: ['DJI'] }),
    entity('avic', 'Aviation Industry Corporation of China', { aliases: ['AVIC'] }),
    entity('cccc', 'China Communications Construction Group Limited', { aliases: ['Limited'], weakAliases: ['CCCG'] }),
    entity('baotou', 'Baotou Beifang Chuangye Co., Ltd.', { weakAliases: ['Inner Mongolia'] }),
    entity('vtb-kiev', 'PJSC VTB Bank (Kiev)', { aliases: ['VTB BANK, PJSC (UKRAINE)'] }),
    entity('united', 'United Company OJSC'),
    entity('costar', 'Costar Group Co', { tickers: [{ exchange: 'SZSE', symbol: '002189' }] }),
    entity('gazprom', 'Gazprom', { aliases: ['Газпром'] }),
    entity('mobile', 'China Mobile Limited', { aliases: ['中国移动'] }),
  ],
} as Pick<Dataset, 'entities'>;
const matcher = createMatcher(dataset);
const ids = (text: string) => matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('acronyms', () => {
  it('reads a brand acronym alone in capitals, a weak one only with a company word nearby', () => {
    expect(ids('BYD, the Shenzhen-based carmaker, cut prices.')).toEqual(['BYD→byd']);
    expect(ids('Byd said')).toEqual([]);
    expect(ids('CCCG said.')).toEqual([]);
    expect(ids('CCCG shares fell.')).toEqual(['CCCG→cccc']);
  });

  it('does not read an index symbol, a likeness or a compound name as the company', () => {
    expect(ids('The Dow (^DJI) fell 1%.')).toEqual([]);
    expect(ids('AVIC-style connectors')).toEqual([]);
    expect(ids('Холдинг «Газпром-Медиа» купил долю')).toEqual([]);
    expect(ids('AVIC-made jets and AVIC shares')).toEqual(['AVIC→avic', 'AVIC→avic']);
  });
});

describe('aliases that name no company', () => {
  it('never matches a bare legal form, a place or a common word left by stripping a legal form', () => {
    expect(ids('TENCENT HLDGS LTD ADR')).toEqual(['TENCENT→tencent']);
    expect(ids('Coal output in Inner Mongolia rose; a ceasefire in Ukraine.')).toEqual([]);
    expect(ids('The United States imposed sanctions.')).toEqual([]);
    expect(ids('United Company OJSC')).toEqual(['United Company OJSC→united']);
  });

  it('drops a name followed by a listing that is not the company\'s own', () => {
    expect(ids('CoStar Group Inc. (NASDAQ: CSGP) agreed to buy')).toEqual([]);
    expect(ids('Costar Group (SZSE: 002189) said')).toContain('Costar Group→costar');
  });

  it('does not read a company into a longer Chinese word', () => {
    expect(ids('中国移动互联网用户规模')).toEqual([]);
    expect(ids('中国移动发布财报')).toEqual(['中国移动→mobile']);
  });
});

describe('exchange codes', () => {
  it('reads a number as a code when the company is named in the same row, not when it counts something', () => {
    expect(ids('700\tTENCENT HOLDINGS LTD\tCommunication')).toEqual(['700→tencent', 'TENCENT HOLDINGS LTD→tencent']);
    expect(ids('小米集团-W\t01810\t2000')).toEqual(['小米集团→xiaomi', '01810→xiaomi']);
    expect(ids('Tencent has 700 million users')).toEqual(['Tencent→tencent']);
    expect(ids('Tencent results\nRoom 700')).toEqual(['Tencent→tencent']);
    expect(ids('The 700 stores')).toEqual([]);
  });

  it('reads the exchange written after the code', () => {
    expect(ids('1810 SEHK  2,000  52.35')).toEqual(['1810→xiaomi']);
    expect(ids('1211 NYSE')).toEqual([]);
  });

  it('folds full-width digits and Traditional characters', () => {
    expect(ids('（０１８１０．ＨＫ）')).toEqual(['０１８１０→xiaomi']);
    expect(ids('騰訊控股（00700）公佈業績')).toEqual(['騰訊控股→tencent', '00700→tencent']);
    expect(ids('比亞迪')).toEqual(['比亞迪→byd']);
  });

  it('reads every letter of a ligature', () => {
    const fiber = createMatcher({ entities: [entity('fiberhome', 'FiberHome Technologies Group', { aliases: ['Fiberhome'] })] });
    const text = 'Shares of ﬁberhome fell';
    expect(fiber.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['ﬁberhome']);
    expect(fiber.scan('the ﬁrst ﬁber')).toEqual([]);
  });
});
