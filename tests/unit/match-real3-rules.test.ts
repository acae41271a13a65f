// The rules found in the third real corpus (tests/corpus/real3/), each on examples written here: symbols of
// other exchanges, security kinds in brackets, places and craft named like a company, a namesake named
// earlier in the text, Chinese names that run on into another company's name, Russian brands that are words.
import { describe, expect, it } from 'vitest';
import { entity, finderOf } from './match-helpers';

const find = finderOf([
  entity('tmk', 'TMK (Pipe Metallurgical Company)', { aliases: ['PAO TMK'], weakAliases: ['TMK'], country: 'RU', tickers: [{ exchange: 'MOEX', symbol: 'TRMK' }] }),
  entity('baidu', 'Baidu, Inc.', { aliases: ['Baidu'], tickers: [{ exchange: 'NASDAQ', symbol: 'BIDU' }] }),
  entity('zte', 'ZTE Corporation', { aliases: ['ZTE', '中兴通讯'] }),
  entity('polyus', 'Polyus', { aliases: ['Полюс'], country: 'RU' }),
  entity('novatek', 'Novatek', { aliases: ['Новатэк'], country: 'RU' }),
  entity('alibaba', 'Alibaba Group Holding Limited', { aliases: ['Alibaba'] }),
  entity('byd', 'BYD Company Limited', { aliases: ['BYD', '比亚迪'] }),
  entity('panda', 'Nanjing Panda Electronics Co., Ltd.', { aliases: ['熊猫', '熊猫电子'] }),
  entity('mobile', 'China Mobile Limited', { aliases: ['China Mobile', '中国移动'] }),
  entity('megafon', 'MegaFon', { aliases: ['MEGAFON PAO', 'МегаФон'], country: 'RU' }),
  entity('lukoil', 'Lukoil', { aliases: ['Лукойл'], country: 'RU' }),
  entity('alibaba-us', 'Alibaba Group Holding Ltd', { tickers: [{ exchange: 'NYSE', symbol: 'BABA' }] }),
  entity('smic', 'Semiconductor Manufacturing International Corporation', { tickers: [{ exchange: 'HKEX', symbol: '981' }] }),
  entity('china-mobile-us', 'China Mobile Ltd', { tickers: [{ exchange: 'NYSE', symbol: 'CHL' }] }),
  entity('sistema', 'Sistema', { aliases: ['АФК «Система»'], country: 'RU', tickers: [{ exchange: 'MOEX', symbol: 'AFKS' }] }),
  entity('byd-a', 'BYD Auto Holdings', { aliases: ['比亚迪汽车控股'], tickers: [{ exchange: 'SZSE', symbol: '002594' }] }),
  entity('baidu-cn', 'Baidu Holdings', { aliases: ['百度'], tickers: [{ exchange: 'NASDAQ', symbol: 'BDHX' }] }),
  entity('megvii', 'Megvii Technology Limited', { aliases: ['旷视科技有限公司'] }),
]);

describe('a symbol the text gives for another listing', () => {
  it('does not read an acronym after another exchange’s prefix or a symbol label as the company', () => {
    expect(find('Torchmark Corp\n\nNYSE: TMK\nLast (U.S.) $61.61')).toEqual([]);
    expect(find('Symbol TMK Earnings Date 2018-01-30 Exchange NYSE')).toEqual([]);
  });

  it('still reads the acronym as the company elsewhere', () => {
    expect(find('Russian pipe maker TMK said exports fell.')).toEqual(['TMK=tmk']);
  });
});

describe('kinds of security in brackets', () => {
  it('does not take "(ADR)" after a name as the text’s abbreviation for the company', () => {
    expect(find('Baidu Inc (ADR) (NASDAQ:BIDU) fell; the ADR has shed 14%.')).toEqual(['Baidu Inc=baidu', 'BIDU=baidu']);
  });
});

describe('places and craft named like a company', () => {
  it('reads "ZTE Plaza" and "the Polyus spacecraft" as a building and a craft', () => {
    expect(find('The meeting is at 4th Floor, A Wing, ZTE Plaza, Keji Road South.')).toEqual([]);
    expect(find('The Soviet Union launched the Polyus spacecraft in 1987.')).toEqual([]);
  });

  it('still reads the company before an ordinary word', () => {
    expect(find('ZTE plans a new plant; Polyus mines gold.')).toEqual(['ZTE=zte', 'Polyus=polyus']);
  });
});

describe('a namesake named earlier in the text', () => {
  it('reads a bare one-word name after a longer name of another company as that company', () => {
    expect(find('Taiwan-based Novatek Microelectronics expects shipments to double. Novatek reported its results.')).toEqual([]);
  });

  it('still reads the name when the text gives none', () => {
    expect(find('Novatek reported its results.')).toEqual(['Novatek=novatek']);
  });

  it('does not let a unit of the company (“Alibaba Pictures”) hide the parent named after it', () => {
    expect(find('Alibaba Pictures, controlled by Alibaba, rose.')).toEqual(['Alibaba=alibaba']);
  });
});

describe('Chinese names that run on into another company’s name', () => {
  it('reads 比亚迪电子 as BYD Electronic, not BYD', () => {
    expect(find('蓝筹股当中,比亚迪电子上涨1.5%,比亚迪跌1%。')).toEqual(['比亚迪=byd']);
  });

  it('still reads a name whose own full name goes on the same way', () => {
    expect(find('熊猫电子发布公告。')).toEqual(['熊猫电子=panda']);
  });

  it('reads 中国移动网民 as China’s mobile netizens', () => {
    expect(find('中国移动网民规模达10.5亿。中国移动股价上涨。')).toEqual(['中国移动=mobile']);
  });
});

describe('Russian brands that are everyday words', () => {
  it('does not read lower-case мегафон (a megaphone) as МегаФон', () => {
    expect(find('Полицейский пробирается через толпу с мегафоном.')).toEqual([]);
    expect(find('Акции МегаФона выросли.')).toEqual(['МегаФона=megafon']);
  });

  it('keeps reading a brand that is no word in lower case', () => {
    expect(find('акции лукойла дорожают')).toEqual(['лукойла=lukoil']);
  });
});

describe('bare symbols in talk about shares', () => {
  it('reads four capitals that are no word as a ticker in a sentence about stock, options or market cap', () => {
    expect(find('BABA has been the most talked-about stock of this forum.')).toEqual(['BABA=alibaba-us']);
    expect(find('On the ISE and CBOE, BIDU has racked up a 10-day put/call volume ratio of 1.10.')).toEqual(['BIDU=baidu']);
    expect(find("BABA's colossal $420+ billion market cap will hinder these traders.")).toEqual(['BABA=alibaba-us']);
  });

  it('does not read them so outside such a sentence, nor when "stock" only names an exchange', () => {
    expect(find('BABA is finding itself at the top of this new wave.')).toEqual([]);
    expect(find('The Shanghai Stock Exchange said BABA was up.')).toEqual([]);
  });

  it('reads a symbol after "stock name" and a dash', () => {
    expect(find('- Search for the stock name – CHL. Search for the stock by name or ticker symbol.')).toEqual(['CHL=china-mobile-us']);
  });
});

describe('a code the text has tied to its company', () => {
  it('reads a zero-padded code again after the text gave it beside the name', () => {
    expect(find('Semiconductor Manufacturing International Corp (0981)\nCurrency in HKD\n0981 is not included in our strategies.'))
      .toEqual(['Semiconductor Manufacturing International Corp=smic', '0981=smic', '0981=smic']);
  });

  it('does not read the number so when the text never tied it, or as an amount', () => {
    expect(find('0981 is not included in our strategies.')).toEqual([]);
    expect(find('Semiconductor Manufacturing International Corp (0981) paid $0981 in fees.'))
      .toEqual(['Semiconductor Manufacturing International Corp=smic', '0981=smic']);
  });
});

describe('second batch of the third real corpus', () => {
  it('reads a Russian everyday word the data lists as a whole name (Sistema, "system") only with a company word', () => {
    expect(find('There are many other containers we use - tupperware, ziplock, sistema.')).toEqual([]);
    expect(find('Sistema twist n sip 330ml bottle - available in most supermarkets.')).toEqual([]);
    expect(find('Sistema shares rose after the conglomerate reported.')).toEqual(['Sistema=sistema']);
  });

  it('reads "Sistema Plastics" as another company, and the bare name after it as that company', () => {
    expect(find('Sistema Plastics chief executive Drew Muirhead said so. "Sistema comes from humble beginnings."')).toEqual([]);
  });

  it('reads a one-character venue in brackets before a code', () => {
    expect(find('A股(深:002594)現價170﹒79元人民幣')).toEqual(['002594=byd-a']);
  });

  it('lets a short name and its own symbol side by side vouch for each other', () => {
    expect(find('BDHX 百度 +1.47% 12.84 内容/AI')).toEqual(['BDHX=baidu-cn', '百度=baidu-cn']);
    expect(find('百度 +1.47% 12.84 内容/AI')).toEqual([]);
  });

  it('folds the Traditional characters of more names to the Simplified data (曠視科技)', () => {
    expect(find('曠視科技(Megvii)遭列入名單')).toEqual(['曠視科技=megvii']);
  });
});
