// Context rules a reader relies on without thinking: a cue word in Traditional Chinese, a company-form word after
// a short Chinese name, an exchange spelled out or a run of its symbols, a Hong Kong share-class code, and the
// longer names (a person, a stadium, a star) that merely contain a company's name.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('huawei', 'Huawei Technologies Co., Ltd.', { aliases: ['Huawei', '华为'] }),
    entity('dji', 'SZ DJI Technology Co., Ltd.', { aliases: ['DJI', '大疆'] }),
    entity('hesai', 'Hesai Group', { tickers: [{ exchange: 'HKEX', symbol: '2525' }] }),
    entity('sber', 'Sberbank of Russia', { aliases: ['Sber', 'Sberbank'], tickers: [{ exchange: 'MOEX', symbol: 'SBER' }], country: 'RU' }),
    entity('surgut', 'Surgutneftegas', { tickers: [{ exchange: 'MOEX', symbol: 'SNGSP' }], country: 'RU' }),
    entity('rosneft', 'Rosneft Oil Company', { tickers: [{ exchange: 'MOEX', symbol: 'ROSN' }], country: 'RU' }),
    entity('sirius', 'Kontsern Sirius OAO', { aliases: ['JSC SIRIUS'], country: 'RU' }),
    entity('druzhba', 'Druzhba, AO', { aliases: ['DRUZHBA'], country: 'RU' }),
    entity('kaspersky', 'AO Kaspersky Lab', { aliases: ['Kaspersky', 'Kaspersky Lab'], country: 'RU' }),
    entity('vtb', 'VTB Bank', { aliases: ['VTB', 'ВТБ', 'Банк ВТБ'], country: 'RU' }),
  ],
} as Pick<Dataset, 'entities'>;
const matcher = createMatcher(dataset);
const ids = (text: string) => matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

describe('short Chinese names', () => {
  it('reads a cue word written in Traditional characters, and later bare mentions in the same text', () => {
    expect(ids('華為昨日在深圳發布新款手機。')).toEqual(['華為→huawei']);
    expect(ids('華為昨日在深圳發布新款手機。分析師認為，華為今年仍有壓力。')).toEqual(['華為→huawei', '華為→huawei']);
    expect(ids('分析師認為，華為今年仍有壓力。')).toEqual([]);
  });

  it('reads a company-form word straight after the name, not the same word further on', () => {
    expect(ids('大疆创新则推出新一代无人机')).toEqual(['大疆→dji']);
    expect(ids('大疆山区的创新')).toEqual([]);
  });
});

describe('symbols without their company named', () => {
  it('reads a short name with its own symbol in brackets, and the symbol after it', () => {
    expect(ids('Sber (SBER) led turnover')).toEqual(['Sber→sber', 'SBER→sber']);
    expect(ids('Sber (NASDAQ: AAPL) rose')).toEqual([]);
  });

  it('reads a symbol on a line that spells out its exchange, in English or Russian', () => {
    expect(ids('Moscow Exchange data showed SBER up 2%.')).toEqual(['SBER→sber']);
    expect(ids('На Мосбирже ROSN подорожал.')).toEqual(['ROSN→rosneft']);
    expect(ids('The Shanghai Stock Exchange said ROSN was up.')).toEqual([]);
    expect(ids('Data showed ROSN up 2%.')).toEqual([]);
  });

  it('lets symbols of one exchange close together on a line vouch for each other', () => {
    expect(ids('Взял на просадке SBER по 305, докупил SNGSP и немного ROSN.')).toEqual(['SBER→sber', 'SNGSP→surgut', 'ROSN→rosneft']);
    expect(ids('Взял SBER.\nПотом, через много строк, ROSN.')).toEqual([]);
  });

  it('reads a zero-padded Hong Kong code after a Chinese name with a share-class suffix', () => {
    expect(ids('禾赛-W (02525) 港股 最新 138.20')).toEqual(['02525→hesai']);
    expect(ids('成交 (02525) 手')).toEqual([]);
    expect(ids('禾赛 (2525)')).toEqual([]);
  });
});

describe('longer names that contain a company name', () => {
  it('needs a legal form or company word for a name that is an everyday word once the legal form is gone', () => {
    expect(ids('At the Sirius educational centre in Sochi, the Druzhba sports hall reopened.')).toEqual([]);
    expect(ids('JSC Sirius was sanctioned.')).toEqual(['Sirius→sirius']);
  });

  it('reads a given name before a surname-like company name as a person', () => {
    expect(ids('Eugene Kaspersky said the decision was political.')).toEqual([]);
    expect(ids('Kaspersky said the decision was political.')).toEqual(['Kaspersky→kaspersky']);
    expect(ids('Eugene Kaspersky Lab')).toEqual(['Kaspersky Lab→kaspersky']);
  });

  it('does not read a company into a quoted name that goes on past it', () => {
    expect(ids('Концерт прошёл на «ВТБ Арене» в Москве.')).toEqual([]);
    expect(ids('Акции «ВТБ» выросли.')).toEqual(['ВТБ→vtb']);
    expect(ids("broker just shows 'VTB Bank ADR – no quote'")).toEqual(['VTB Bank→vtb']);
    expect(ids('«ВТБ Банк» сообщил')).toEqual(['ВТБ→vtb']);
  });
});
