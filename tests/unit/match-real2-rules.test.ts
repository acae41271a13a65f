// The rules found in the second real corpus (tests/corpus/real2/), each on examples written here: bank lists
// with their web addresses, Chinese reports citing US symbols, index tables, offshoots in brackets, one-word
// Russian names.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('smic', 'Semiconductor Manufacturing International Corporation', { aliases: ['中芯国际'] }),
    entity('mobile', 'China Mobile Limited', { aliases: ['中国移动'], tickers: [{ exchange: 'NYSE', symbol: 'CHL' }, { exchange: 'HKEX', symbol: '941' }] }),
    entity('unicom-hk', 'China Unicom (Hong Kong) Limited', { aliases: ['中国联通'], tickers: [{ exchange: 'NYSE', symbol: 'CHU' }] }),
    entity('unicom-a', 'China United Network Communications Co., Ltd.', { aliases: ['中国联合网络通信股份有限公司'] }),
    entity('comac-us', 'COMAC America Corporation', { weakAliases: ['CAC'] }),
    entity('dji', 'SZ DJI Technology Co., Ltd.', { aliases: ['DJI'] }),
    entity('gazprom', 'Gazprom', { aliases: ['Газпром'] }),
    entity('gazprom-neft', 'Gazprom Neft', { aliases: ['Газпром нефть'], country: 'RU' }),
    entity('sber', 'Sberbank of Russia', { aliases: ['Sberbank', 'Сбербанк'] }),
    entity('vtb', 'VTB Bank', { aliases: ['ВТБ'] }),
    entity('gpb', 'Gazprombank', { aliases: ['Газпромбанк'], weakAliases: ['ГПБ'] }),
    entity('lukoil', 'Lukoil', { aliases: ['Лукойл'] }),
    entity('china-shipping', 'China Shipping Group', { country: 'RU' }),
    entity('sinotrans', 'Sinotrans Air', { aliases: ['Sinotrans Air'] }),
    entity('alibaba', 'Alibaba Group Holding Limited', { tickers: [{ exchange: 'NYSE', symbol: 'BABA' }] }),
    entity('cnooc', 'CNOOC Limited', { tickers: [{ exchange: 'US', symbol: 'CEO' }] }),
  ],
} as Pick<Dataset, 'entities'>;
const matcher = createMatcher(dataset);
const ids = (text: string) => matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('legal forms are never the text’s own abbreviation', () => {
  it('reads "(ПАО)" and "(АО)" after a bank’s name as its legal form, not as a short name for the bank', () => {
    expect(ids('Кредиты выдают ВТБ (ПАО) и Банк ГПБ (АО); ПАО и АО раскрывают отчётность.')).toEqual(['ВТБ→vtb', 'ГПБ→gpb']);
  });

  it('still reads an abbreviation the text does define', () => {
    expect(ids('АО «Газпромбанк» (далее – «ГПБ») выплатил купон. ГПБ сообщил об этом.')).toEqual(['Газпромбанк→gpb', 'ГПБ→gpb', 'ГПБ→gpb']);
  });
});

describe('names inside web addresses', () => {
  it('does not read a company’s name in a host name as a mention of its own', () => {
    expect(ids('ПАО Сбербанк (1481) — www.sberbank.ru, ставки на sberbank.ru/deposits')).toEqual(['Сбербанк→sber']);
    expect(ids('Rates: https://example.org/news/sberbank-cuts-rates')).toEqual([]);
  });

  it('still reads the name in prose, before a full stop, and in a possessive', () => {
    expect(ids('Sberbank said so. Rates rose at Sberbank.')).toEqual(['Sberbank→sber', 'Sberbank→sber']);
    expect(ids('Sberbank.Ru is the bank’s site.')).toEqual(['Sberbank→sber']);
  });
});

describe('index symbols', () => {
  it('reads an index acronym followed by its count of members as the index', () => {
    expect(ids('Stocks CAC 40\nName Previous Close')).toEqual([]);
    expect(ids('The CAC 40 fell 0.3% as COMAC shares rose.')).toEqual([]);
  });

  it('reads a symbol opened by a dot as an index symbol, and a short row beside an index’s name', () => {
    expect(ids('About dow jones(NASDAQ: .DJI)')).toEqual([]);
    expect(ids('Name (Dow Jones Industrial Average)\nSymbol (DJI)\nType: index')).toEqual([]);
  });

  it('still reads the drone maker in prose and in a row of its own', () => {
    expect(ids('Drone maker DJI said on Monday.\nDJI is not on the list.')).toEqual(['DJI→dji', 'DJI→dji']);
    expect(ids('Maker: DJI\nModel: Mini 4 Pro')).toEqual(['DJI→dji']);
  });
});

describe('Chinese market words before a symbol', () => {
  it('reads "美股:" as the US market, so a US symbol after it is a ticker', () => {
    expect(ids('即中移動(美股:CHL)、中聯通香港(美股:CHU)除牌')).toEqual(['CHL→mobile', 'CHU→unicom-hk']);
  });

  it('keeps the venue: a Hong Kong label before a US symbol is no listing of it', () => {
    expect(ids('(港股:CHL)')).toEqual([]);
  });
});

describe('offshoots named with a place in brackets', () => {
  it('does not read a parent’s Chinese name before "(香港)" and a legal form as the parent', () => {
    expect(ids('中國聯合網絡通信(香港)股份有限公司公告')).toEqual([]);
  });

  it('does the same for a place written without brackets, with a qualifier in brackets', () => {
    expect(ids('中芯国际香港(国际)有限公司曾被列入清单,中芯国际则仍在清单上')).toEqual(['中芯国际→smic']);
  });

  it('reads the company whose own names carry that place', () => {
    expect(ids('中国联通(香港)有限公司将退市')).toEqual(['中国联通→unicom-hk']);
  });
});

describe('two-word names written as one word', () => {
  it('reads "Gazpromneft" and "Газпромнефть" in any case ending as Gazprom Neft', () => {
    expect(ids('Sanctions hit Gazpromneft and Gazpromneft’s refineries.')).toEqual(['Gazpromneft→gazprom-neft', 'Gazpromneft→gazprom-neft']);
    expect(ids('Запрет распространяется на «Газпромнефть» и акции «Газпромнефти».')).toEqual(['Газпромнефть→gazprom-neft', 'Газпромнефти→gazprom-neft']);
  });

  it('does not join a name that begins with an ordinary word or a place, nor a name of a company outside Russia', () => {
    expect(ids('Chinashipping rates and chinashipping news')).toEqual([]);
    expect(ids('Sinotransair cargo rates')).toEqual([]);
  });
});

describe('regional companies of a group in quotes', () => {
  it('does not read “ЛУКОЙЛ – Украина” as the parent, but still reads the parent beside it', () => {
    expect(ids('сообщили в пресс-службах “Лукойл – Украина” и «Лукойла»')).toEqual(['Лукойла→lukoil']);
  });
});

describe('words around a symbol that say it is a ticker', () => {
  it('reads a symbol after "shares of" and before "gets delisted" or "stock"', () => {
    expect(ids('US listed shares of BABA fell 11% on Friday.')).toEqual(['BABA→alibaba']);
    expect(ids('What happens if BABA gets delisted?')).toEqual(['BABA→alibaba']);
    expect(ids('BABA stock is cheap, I think.')).toEqual(['BABA→alibaba']);
  });

  it('reads a symbol that is an English word only before it, never from the words after', () => {
    expect(ids('The CEO shares his view; CEO stock options vest.')).toEqual([]);
    expect(ids('Trading in shares of CEO was suspended.')).toEqual(['CEO→cnooc']);
  });

  it('leaves capitals with no such words alone', () => {
    expect(ids('BABA said nothing, BABA went home.')).toEqual([]);
  });
});
