// Rules from the fresh audit: where the text itself says a word is not our company (an ordinary compound, a
// headline in capitals, another company's longer name or expansion, another brand's spelling), and ticker
// forms of stock forums and Chinese filings. Each case is a sentence a reader might meet, and its twin that
// does name the company.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('mobile', 'China Mobile Limited', { aliases: ['China Mobile', '中国移动'], tickers: [{ exchange: 'HKEX', symbol: '941' }] }),
    entity('telecom', 'China Telecom Corporation Limited', { aliases: ['China Telecom', '中国电信'] }),
    entity('rose', 'Rose Group Limited', { aliases: ['ROSE GROUP'] }),
    entity('boe', 'BOE Technology Group Company Limited', { weakAliases: ['BOE'] }),
    entity('ctg', 'China Three Gorges Corporation', { weakAliases: ['CTG'] }),
    entity('novatek', 'Novatek', { aliases: ['Новатэк'], tickers: [{ exchange: 'MOEX', symbol: 'NVTK' }] }),
    entity('costar', 'Costar Group Co', { weakAliases: ['Costar'], tickers: [{ exchange: 'SZSE', symbol: '002189' }] }),
    entity('catl', 'Contemporary Amperex Technology Co., Limited', { aliases: ['CATL'], tickers: [{ exchange: 'SZSE', symbol: '300750' }] }),
    entity('kingsoft', 'Kingsoft Corporation', { tickers: [{ exchange: 'HKEX', symbol: '3888' }] }),
    entity('sber', 'Sberbank of Russia', { aliases: ['Sberbank', 'Сбер'], tickers: [{ exchange: 'MOEX', symbol: 'SBER' }] }),
    entity('lukoil', 'Lukoil', { tickers: [{ exchange: 'MOEX', symbol: 'LKOH' }] }),
    entity('alibaba', 'Alibaba Group Holding Limited', { aliases: ['Alibaba'], weakAliases: ['阿里'] }),
  ],
} as Pick<Dataset, 'entities'>;
const matcher = createMatcher(dataset);
const ids = (text: string) => matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('a name of ordinary words running into a compound', () => {
  it('is not the company where case cannot tell: capitals, headline case, Chinese', () => {
    expect(ids('CHINA MOBILE HANDSET SALES SLOW IN MAY')).toEqual([]);
    expect(ids('China Telecom Operators Face Price Caps')).toEqual([]);
    expect(ids('中国移动游戏市场收入增长')).toEqual([]);
    expect(ids('中国电信设备出口下降')).toEqual([]);
  });

  it('is the company otherwise', () => {
    expect(ids('CHINA MOBILE PROFIT RISES 5%')).toEqual(['CHINA MOBILE→mobile']);
    expect(ids('China Mobile phone plans got cheaper.')).toEqual(['China Mobile→mobile']);
    expect(ids('中国移动发布财报')).toEqual(['中国移动→mobile']);
  });
});

describe('lines in capitals', () => {
  it('reads no dictionary word or business word there as an acronym or its cue', () => {
    expect(ids('EUROPEAN STOCKS ROSE 2% AS BANKS RALLIED')).toEqual([]);
    expect(ids('GILTS SLIP; CEO SURVEY GLOOMY AS BOE KEEPS RATES ON HOLD')).toEqual([]);
    // Beside a listed company, a capitalised word in a headline is still just a word.
    expect(ids('CHINA MOBILE REVENUE ROSE 3%')).toEqual(['CHINA MOBILE→mobile']);
  });

  it('still reads an acronym beside a word naming what the company makes, or beside its full name', () => {
    expect(ids('BOE SAYS DISPLAY MAKER WILL ADD CAPACITY')).toEqual(['BOE→boe']);
    expect(ids('BOE shares fell after the results.')).toEqual(['BOE→boe']);
    expect(ids('ROSE GROUP FILES RESULTS; ROSE UNIT SOLD')).toEqual(['ROSE GROUP→rose', 'ROSE→rose']);
  });
});

describe('another company that starts the same way', () => {
  it('knows an acronym by the expansion or name word the text gives it', () => {
    expect(ids('CTG (Consolidated Tomoka Group) shares rose.')).toEqual([]);
    expect(ids('CTG Systems, a maker of payment terminals, said…')).toEqual([]);
    expect(ids('CTG (China Three Gorges) shares rose.')).toEqual(['CTG→ctg', 'China Three Gorges→ctg']);
    expect(ids('CTG Corporation shares rose.')).toEqual(['CTG→ctg']);
  });

  it('knows a one-word name followed by a name word none of its names have', () => {
    expect(ids('Novatek Semiconductor posted record sales.')).toEqual([]);
    expect(ids('Novatek posted record LNG sales.')).toEqual(['Novatek→novatek']);
  });

  it('knows another brand by its inner capital when the data marks the plain word as ambiguous', () => {
    expect(ids('CoStar Group said revenue rose.')).toEqual([]);
    expect(ids('Costar Group said revenue rose.')).toEqual(['Costar Group→costar']);
  });
});

describe('stock-forum and filing ticker forms', () => {
  it('reads market letters glued to a code, and Chinese stock-code labels', () => {
    expect(ids('$宁德时代(SZ300750)$ 今天涨了')).toEqual(['SZ300750→catl']);
    expect(ids('看好 HK03888')).toEqual(['HK03888→kingsoft']);
    expect(ids('SZ300751 is not ours')).toEqual([]);
    expect(ids('（股份代號：3888）')).toEqual(['3888→kingsoft']);
    expect(ids('（股份代号：3888）')).toEqual(['3888→kingsoft']);
  });

  it('reads a bare exchange symbol followed by a price of any size', () => {
    expect(ids('LKOH 7 105 (−0,4%)')).toEqual(['LKOH→lukoil']);
    expect(ids('LKOH 7,105.5')).toEqual(['LKOH→lukoil']);
    expect(ids('LKOH says')).toEqual([]);
  });
});

describe('short local-script names', () => {
  it('reads a title-case Cyrillic short name as a name, in any case ending', () => {
    expect(ids('Сбер отчитался за квартал.')).toEqual(['Сбер→sber']);
    expect(ids('Дивиденды Сбера выросли.')).toEqual(['Сбера→sber']);
  });

  it('reads a two-character Chinese short name only with a company cue or tagged stocks on its line', () => {
    expect(ids('阿里山的日出很美。')).toEqual([]);
    expect(ids('$美团-W(03690)$ 和阿里都在打价格战')).toEqual(['阿里→alibaba']);
    expect(ids('阿里股价上涨')).toEqual(['阿里→alibaba']);
  });
});
