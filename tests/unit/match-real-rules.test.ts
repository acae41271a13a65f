// The rules found in real text (tests/corpus/real/), each on examples written here: what a reader of a wire,
// an exchange notice, a broker screen, a Russian or Chinese market report sees, and the traps beside it.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('telecom', 'China Telecom Corporation Limited', {
      aliases: ['China Telecom', '中国电信'],
      tickers: [{ exchange: 'US', symbol: 'CHA' }, { exchange: 'HKEX', symbol: '728' }],
      related: [{ id: 'telecom-group', relation: 'parent' }],
    }),
    entity('telecom-group', 'China Telecommunications Corporation', { aliases: ['CHINA TELECOM GROUP CO., LTD.'] }),
    entity('mobile', 'China Mobile Limited', {
      aliases: ['中国移动'],
      tickers: [{ exchange: 'NYSE', symbol: 'CHL' }, { exchange: 'HKEX', symbol: '941' }],
    }),
    entity('unicom', 'China Unicom (Hong Kong) Limited', { tickers: [{ exchange: 'NYSE', symbol: 'CHU' }] }),
    entity('cnooc', 'CNOOC Limited', { aliases: ['CNOOC'], tickers: [{ exchange: 'US', symbol: 'CEO' }] }),
    entity('gazprom', 'Gazprom', { aliases: ['Газпром'], tickers: [{ exchange: 'MOEX', symbol: 'GAZP' }] }),
    entity('gazprom-neft', 'Gazprom Neft', { tickers: [{ exchange: 'MOEX', symbol: 'SIBN' }] }),
    entity('lukoil', 'Lukoil', { aliases: ['Лукойл'], tickers: [{ exchange: 'MOEX', symbol: 'LKOH' }] }),
    entity('sber', 'Sberbank of Russia', { tickers: [{ exchange: 'MOEX', symbol: 'SBER' }] }),
    entity('gpb', 'Gazprombank', { aliases: ['Газпромбанк'] }),
    entity('gpb-fs', 'GPB Financial Services Limited'),
    entity('cbr', 'Central Bank of the Russian Federation', { aliases: ['Банк России'] }),
    entity('vtb', 'VTB Bank', { aliases: ['ВТБ'] }),
    entity('hongdu', 'Jiangxi Hongdu Aviation Industry Co., Ltd.', { tickers: [{ exchange: 'SSE', symbol: '600316' }] }),
    entity('dji', 'SZ DJI Technology Co., Ltd.', { aliases: ['DJI'] }),
    entity('byd', 'BYD Company Limited', { aliases: ['BYD'] }),
    entity('tencent', 'Tencent Holdings Limited', { aliases: ['Tencent', '腾讯'], tickers: [{ exchange: 'HKEX', symbol: '700' }] }),
    entity('alibaba', 'Alibaba Group Holding Limited', { aliases: ['Alibaba'], tickers: [{ exchange: 'HKEX', symbol: '9988' }] }),
    entity('sensetime', 'SenseTime Group Limited', { tickers: [{ exchange: 'HKEX', symbol: '20' }] }),
    entity('cccg', 'China Communications Construction Group Limited', { weakAliases: ['CCCG'] }),
    entity('cosco', 'China COSCO SHIPPING Corporation Limited', { aliases: ['COSCO SHIPPING'] }),
    entity('costar', 'Costar Group Co', { weakAliases: ['Costar'], tickers: [{ exchange: 'SZSE', symbol: '002189' }] }),
    entity('mgi', 'MGI Tech Co., Ltd.', { weakAliases: ['MGI'] }),
    entity('cxmt', 'ChangXin Memory Technologies, Inc.', { aliases: ['CXMT'] }),
  ],
} as Pick<Dataset, 'entities'>;
const matcher = createMatcher(dataset);
const ids = (text: string, context = {}) => matcher.scan(text, context).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('tickers the text says are tickers', () => {
  it('reads an English-word symbol after "ticker symbol" or "trading in", and the list it opens', () => {
    expect(ids('The ADSs trade under the ticker symbol CEO until March.')).toEqual(['CEO→cnooc']);
    expect(ids('The exchange halted trading in CHA, CHL and CHU on Monday.')).toEqual(['CHA→telecom', 'CHL→mobile', 'CHU→unicom']);
  });

  it('leaves the same capitals alone without such words', () => {
    expect(ids('The CEO met CHA members; CHU said nothing.')).toEqual([]);
  });

  it('reads a symbol in the next cell of its company\'s row', () => {
    expect(ids('China Telecom Corporation Limited | CHA | ADS')).toEqual(['China Telecom Corporation Limited→telecom', 'CHA→telecom']);
  });

  it('reads a column of one exchange\'s symbols, one per line, but not one symbol alone', () => {
    expect(ids('Shares that trade today:\nGAZP\nLKOH\nSBER')).toEqual(['GAZP→gazprom', 'LKOH→lukoil', 'SBER→sber']);
    expect(ids('Shares that trade today:\nGAZP')).toEqual([]);
  });

  it('reads the exchange written after the code and a colon', () => {
    expect(ids('9988: HKG is down 5.5% this morning.')).toEqual(['9988→alibaba']);
  });
});

describe('codes in Chinese and Hong Kong text', () => {
  it('reads a six-digit code in brackets after a Chinese name, and a zero-padded Hong Kong code', () => {
    expect(ids('洪都航空(600316)涨幅5.34%')).toEqual(['600316→hongdu']);
    expect(ids('至於中移動﹙0941﹚則現跌1.2%')).toEqual(['0941→mobile']);
    expect(ids('中国移动(000941.HK)在港股上市')).toEqual(['中国移动→mobile', '000941→mobile']);
  });

  it('does not read a year in brackets, or a number after Latin text, as a code', () => {
    expect(ids('某公司(2020)年报显示')).toEqual([]);
    expect(ids('Hongdu (600316) rose')).toEqual([]);
  });

  it('never reads a price in a quote link as a code', () => {
    expect(ids('0005 HSBC HOLDINGS 121.20', { tickerContext: true })).toEqual([]);
    expect(ids('0700 TENCENT 385.20', { tickerContext: true })).toEqual(['0700→tencent', 'TENCENT→tencent']);
  });
});

describe('short strong names in every written form', () => {
  it('reads a brand acronym before a possessive, at the end of a sentence, and in title case beside a company word', () => {
    expect(ids("DJI's new drone")).toEqual(['DJI→dji']);
    expect(ids('DJI’s new drone')).toEqual(['DJI→dji']);
    expect(ids('The lawsuit was filed by DJI.')).toEqual(['DJI→dji']);
    expect(ids('Dji drones are popular.')).toEqual(['Dji→dji']);
    expect(ids('Byd said')).toEqual([]);
  });

  it('reads the Dow\'s symbol as the index beside index words or in a web address', () => {
    expect(ids('The Dow Jones Industrial Average (DJI) fell 200 points.')).toEqual([]);
    expect(ids('indices/equity/dow/?page=reports&symbol=DJI&view=industrial')).toEqual([]);
  });

  it('reads a short Chinese name in a market report of its price', () => {
    expect(ids('騰訊一度跌近2%')).toEqual(['騰訊→tencent']);
    expect(ids('腾讯的游戏很好玩')).toEqual([]);
  });

  it('reads an acronym in brackets after a company\'s full name with its legal form', () => {
    expect(ids('中国交通建设集团有限公司(CCCG)')).toEqual(['CCCG→cccg']);
    expect(ids('CCCG said.')).toEqual([]);
  });
});

describe('Russian forms', () => {
  it('reads a Russian brand in lower case and a case ending on an inner word', () => {
    expect(ids('Почему акции лукойл дороже газпрома')).toEqual(['лукойл→lukoil', 'газпрома→gazprom']);
    expect(ids('руководители Банка России')).toEqual(['Банка России→cbr']);
  });

  it('does not read a stadium named after a company as the company', () => {
    expect(ids('«ВТБ Арена - Центральный стадион «Динамо»')).toEqual([]);
  });
});

describe('namesakes and relatives', () => {
  it('reads a listed company\'s Chinese name + 集团 as its parent group', () => {
    expect(ids('禁止中國電信集團公司在美營運')).toEqual(['中國電信集團公司→telecom-group']);
    expect(ids('中国电信股价上涨')).toEqual(['中国电信→telecom']);
  });

  it('does not read a sister company, a local offshoot or a namesake with another legal form as the company', () => {
    expect(ids('COSCO SHIPPING Ports 5.18 5.49')).toEqual([]);
    expect(ids('GPB Financial Services Hong Kong Limited (Гонконг)')).toEqual([]);
    expect(ids('COMPANY CONFORMED NAME: COSTAR GROUP, INC.')).toEqual([]);
  });
});

describe('names the text introduces', () => {
  it('reads an abbreviation the text defines for a company, wherever it comes after', () => {
    expect(ids('АО «Газпромбанк» (далее – «ГПБ»). Санкции против ГПБ.')).toEqual(['Газпромбанк→gpb', 'ГПБ→gpb', 'ГПБ→gpb']);
  });

  it('keeps an acronym the text defines as something else from being read as a company', () => {
    expect(ids('The McKinsey Global Institute (MGI) said MGI shares of output fell.')).toEqual([]);
    expect(ids('MGI shares fell.')).toEqual(['MGI→mgi']);
  });

  it('reads a full name\'s distinctive first word later on, but not one that names another company', () => {
    expect(ids('ChangXin Memory Technologies makes DRAM. ChangXin plans an IPO.')).toEqual([
      'ChangXin Memory Technologies→cxmt',
      'ChangXin→cxmt',
    ]);
    expect(ids('Gazprom Neft pays dividends. Gazprom owns it.')).toEqual(['Gazprom Neft→gazprom-neft', 'Gazprom→gazprom']);
  });

  it('carries a definition from one block of a page to the next', () => {
    const first = 'АО «Газпромбанк» (далее – «ГПБ») попал под санкции.';
    const introduced = matcher.introduced(first, matcher.scan(first));
    expect(ids('Дочерние компании ГПБ тоже.', { introduced })).toEqual(['ГПБ→gpb']);
    expect(ids('Дочерние компании ГПБ тоже.')).toEqual([]);
  });
});
