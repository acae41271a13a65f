// The rules found in the fifth real corpus (tests/corpus/real5/), each on examples written here: what a reader of
// an oil wire or a sanctions alert sees, and the trap beside it.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const dataset = {
  entities: [
    entity('cnooc', 'CNOOC Ltd', { aliases: ['CNOOC LIMITED', '中国海油'], tickers: [{ exchange: 'HKEX', symbol: '883' }] }),
    entity('cnooc-china', 'CNOOC China Limited', { aliases: ['CNOOC China Ltd.'] }),
    entity('csc', 'China Steel Trading Group Limited'),
    entity('cbr', 'Central Bank of the Russian Federation', { aliases: ['BANK ROSSI, FEDERAL STATE BUDGETARY INSTITUTION'], country: 'RU' }),
    entity('gazprom', 'Gazprom', { aliases: ['Газпром'], country: 'RU' }),
    entity('veb', 'State Corporation Bank for Development and Foreign Economic Affairs Vnesheconombank', {
      aliases: ['Bank for Development', 'Vnesheconombank'],
      country: 'RU',
    }),
  ],
} as unknown as Dataset;

const matcher = createMatcher(dataset);
const found = (text: string) => matcher.scan(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('a comma ends a name', () => {
  it('reads "CNOOC, China\'s dominant producer" as CNOOC, not as its subsidiary CNOOC China Limited', () => {
    expect(found("CNOOC, China's dominant offshore oil and gas producer, posted a rise in output")).toEqual([['CNOOC', 'cnooc']]);
  });

  it('still reads the subsidiary when its name is written whole', () => {
    expect(found('CNOOC China Limited operates the Bohai fields')).toEqual([['CNOOC China Limited', 'cnooc-china']]);
  });

  it('keeps a name whose own spelling holds the comma', () => {
    expect(found('OFAC lists BANK ROSSI, FEDERAL STATE BUDGETARY INSTITUTION under Directive 4')).toEqual([['BANK ROSSI, FEDERAL STATE BUDGETARY INSTITUTION', 'cbr']]);
  });

  it('does not join a list of words into a listed name across a comma', () => {
    expect(found('Exports from China, Steel Trading and shipping all fell')).toEqual([]);
  });
});

describe('one long proper name holding two of a company\'s names', () => {
  const text = 'Today\'s action adds the Corporation Bank for Development and Foreign Economic Affairs Vnesheconombank (VEB) to the SDN List.';

  it('is one mark over the whole name, not two', () => {
    expect(found(text)).toEqual([
      ['Bank for Development and Foreign Economic Affairs Vnesheconombank', 'veb'],
      ['VEB', 'veb'],
    ]);
  });

  it('stays two marks when a sentence ends between the names', () => {
    expect(found('Vnesheconombank declined to comment. Bank for Development officials were not reached.')).toEqual([
      ['Vnesheconombank', 'veb'],
      ['Bank for Development', 'veb'],
    ]);
  });
});

describe('a ground named after a company', () => {
  it('reads "Gazprom Arena Stadium" in a match report as the stadium', () => {
    expect(found('3 August 2019. Saint Petersburg. Gazprom Arena Stadium. 18 degrees. 54 078 spectators.')).toEqual([]);
  });

  it('reads "Gazprom Stadium" as the stadium', () => {
    expect(found('The final was played at Gazprom Stadium.')).toEqual([]);
  });

  it('still reads a bare arena as naming its sponsor', () => {
    expect(found('Fans walked through the Gazprom Arena on Sunday.')).toEqual([['Gazprom', 'gazprom']]);
  });
});
