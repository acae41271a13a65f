// `lead-common-word`: a company name that opens with an everyday word counts only written
// capitalised, so "the largest bank in Moscow" is not BM Bank ("Банк Москвы"), a blocked company.
import { describe, expect, it } from 'vitest';
import { entity, finderOf } from './match-helpers';

const found = finderOf([
  entity('bm-bank', 'BM Bank JSC', { aliases: ['Bank of Moscow', 'Банк Москвы'], country: 'RU' }),
  entity('lukoil', 'Lukoil', { aliases: ['Лукойл'], country: 'RU' }),
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
});
