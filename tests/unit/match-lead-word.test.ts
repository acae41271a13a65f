// `lead-common-word`: a company name that opens with an everyday word counts only written
// capitalised, so "the largest bank in Moscow" is not BM Bank ("Банк Москвы"), a blocked company.
import { describe, expect, it } from 'vitest';
import { entity, finderOf } from './match-helpers';

const found = finderOf([
  entity('bm-bank', 'BM Bank JSC', { aliases: ['Bank of Moscow', 'Банк Москвы'], country: 'RU' }),
  entity('lukoil', 'Lukoil', { aliases: ['Лукойл'], country: 'RU' }),
  entity('jsc-veb-dv', 'JSC VEB DV', { aliases: ['Фонд развития Дальнего Востока'], country: 'RU' }),
  entity('north-caucasus', 'Development Corporation of North Caucasus', { aliases: ['Корпорация развития Северного Кавказа'], country: 'RU' }),
]);

describe('lead-common-word', () => {
  it('a capitalised name that opens with "bank" / «банк» is the company, in any case form', () => {
    expect(found('Банк Москвы вошёл в группу ВТБ.')).toEqual(['Банк Москвы=bm-bank']);
    expect(found('акции Банка Москвы подешевели')).toEqual(['Банка Москвы=bm-bank']);
    expect(found('Bank of Moscow shares fell.')).toEqual(['Bank of Moscow=bm-bank']);
  });

  it('the same words in lower case are a bank in Moscow, not the company', () => {
    expect(found('Крупнейший банк Москвы снизил ставки.')).toEqual([]);
    expect(found('the biggest bank of Moscow cut its rates')).toEqual([]);
  });

  it('a one-word Russian brand still counts in lower case', () => {
    expect(found('акции лукойла подорожали')).toEqual(['лукойла=lukoil']);
  });

  it('a Russian name written in sentence case counts as Russian writes it: first word capitalised, the rest as they come', () => {
    expect(found('Фонд развития Дальнего Востока выделил 2 млрд рублей.')).toEqual(['Фонд развития Дальнего Востока=jsc-veb-dv']);
    expect(found('Об этом сообщила Корпорация развития Северного Кавказа.')).toEqual(['Корпорация развития Северного Кавказа=north-caucasus']);
    // Its first word in lower case is an ordinary phrase inside a sentence.
    expect(found('крупнейший фонд развития дальнего востока')).toEqual([]);
  });
});
