// The rules found in the fourth real corpus (tests/corpus/real4/), each on examples written here: events and
// leagues named after a sponsor, sports clubs named after a company, a namesake of another country or listing,
// a symbol after the company's name with its exchange misremembered, what a Chinese company says or files.
import { describe, expect, it } from 'vitest';
import { entity, finderOf } from './match-helpers';

const find = finderOf([
  entity('vtb', 'VTB Bank', { aliases: ['VTB', 'ВТБ'], country: 'RU' }),
  entity('rostelecom', 'Public Joint Stock Company Rostelecom', { aliases: ['Rostelecom', 'Ростелеком'], country: 'RU' }),
  entity('severstal', 'Severstal', { aliases: ['Северсталь'], country: 'RU' }),
  entity('cosco', 'China COSCO SHIPPING Corporation Limited', { aliases: ['COSCO', 'COSCO SHIPPING'], country: 'CN' }),
  entity('baidu', 'Baidu, Inc.', { aliases: ['Baidu'], tickers: [{ exchange: 'NASDAQ', symbol: 'BIDU' }] }),
  entity('tencent', 'Tencent Holdings Limited', { aliases: ['Tencent', '腾讯'] }),
  entity('sensetime', 'SenseTime Group Limited', { aliases: ['SenseTime', '商湯集團有限公司'] }),
  entity('gpb', 'Gazprombank', { aliases: ['Газпромбанк'], country: 'RU' }),
  entity('psb', 'Promsvyazbank', { country: 'RU' }),
  entity('sense', 'Sense Holdings'),
  entity('cscec', 'China State Construction Engineering Corporation Limited', { aliases: ['中国建筑股份有限公司'], weakAliases: ['中国建筑'] }),
  entity('cscg', 'China State Construction Group Co', { aliases: ['中国建筑集团有限公司'] }),
]);

describe('an event or league named after its sponsor', () => {
  it('does not read the sponsor in a cup’s or league’s name as the company', () => {
    expect(find('The Rostelecom Cup in Moscow opens the season.')).toEqual([]);
    expect(find('The pause was filled by the VTB United League semifinals.')).toEqual([]);
    expect(find('После завершения регулярного чемпионата Единой лиги ВТБ определились пары.')).toEqual([]);
    expect(find('The Rostelecom Cup (Кубок Ростелекома) was an annual competition.')).toEqual([]);
  });

  it('still reads the company beside such words elsewhere', () => {
    expect(find('VTB said its profit rose; Rostelecom cut its dividend.')).toEqual(['VTB=vtb', 'Rostelecom=rostelecom']);
    expect(find('Кредит ВТБ подорожал.')).toEqual(['ВТБ=vtb']);
  });
});

describe('a sports club named after a company', () => {
  it('does not read a team in a match report as the company', () => {
    expect(find('Встреча «Северсталь» — «Сочи» завершилась победой хозяев, матч КХЛ прошёл в Череповце.')).toEqual([]);
    expect(find('В Череповце состоялся хоккейный матч между местной командой Северсталь и гостями из Нижнекамска.')).toEqual([]);
  });

  it('still reads the company in business news, quoted or not', () => {
    expect(find('«Северсталь» увеличила выплаты акционерам.')).toEqual(['Северсталь=severstal']);
    expect(find('Акции Северстали выросли, матч ожиданий с прогнозом.')).toEqual(['Северстали=severstal']);
    expect(find('Стоит отметить, подопечным «Северстали» в ходе матча пришлось отыгрываться.')).toEqual(['Северстали=severstal']);
  });
});

describe('a namesake of another country or listing', () => {
  it('does not read a company of the name in another country, then its bare name, as the listed company', () => {
    expect(find('Cosco (India) Limited is a pure sporting goods company. Cosco , which was earlier called Coronation.')).toEqual([]);
    expect(find('COSCO (India) Ltd\n\nIncorporated in 1980, Cosco Ltd manufactures sports balls.')).toEqual([]);
  });

  it('does not read a name listed on an exchange where the company is not, nor its later mentions', () => {
    expect(find('COSCO LIMITED\n(BSE Code-COSCO) (BSE Code-530545)')).toEqual([]);
  });

  it('still reads the company where no namesake was named', () => {
    expect(find('Shipping giant COSCO was added to the list.')).toEqual(['COSCO=cosco']);
    expect(find('COSCO (China) said volumes rose.')).toEqual(['COSCO=cosco']);
  });
});

describe('a symbol after the company’s name with another exchange', () => {
  it('reads the symbol when the company’s own name opens the bracket', () => {
    expect(find('whether it’s Alibaba, Baidu Inc. (NYSE: BIDU), or another Chinese stock')).toEqual(['Baidu Inc=baidu', 'BIDU=baidu']);
  });

  it('still does not read the symbol after another exchange alone', () => {
    expect(find('Shares of NYSE: BIDU fell.')).toEqual([]);
  });
});

describe('what a Chinese company says, files, or where its share stands', () => {
  it('reads a two-character name before 聲明 or after a new low as the company', () => {
    expect(find('騰訊在一份聲明中也強調被列入清單「顯然是一個錯誤」。')).toEqual(['騰訊=tencent']);
    expect(find('加上同創月低的商湯,似乎印證前者。')).toEqual(['商湯=sensetime']);
  });
});

describe('table cells pasted together', () => {
  it('reads a name whose next cell starts with a capital straight after it', () => {
    expect(find('GazprombankBan on raising funds through US debt issuance\nPromsvyazbankEU and US sanctions')).toEqual([
      'Gazprombank=gpb', 'Promsvyazbank=psb',
    ]);
  });

  it('still does not read the head of a word in mixed case, or a name run on in small letters', () => {
    expect(find('SenseTime and Sensex')).toEqual(['SenseTime=sensetime']);
    expect(find('Gazprombanking is no word.')).toEqual([]);
  });
});

describe('a Chinese group written without its legal form', () => {
  it('reads 中国建筑集团 as the group the data names 中国建筑集团有限公司, not as its listed unit 中国建筑', () => {
    expect(find('包括中国铁建、中国建筑集团和中国电信集团')).toEqual(['中国建筑集团=cscg']);
    expect(find('中國建築集團宣布')).toEqual(['中國建築集團=cscg']);
  });

  it('still reads the listed unit by its short name', () => {
    expect(find('中国建筑股价上涨3%')).toEqual(['中国建筑=cscec']);
  });
});
