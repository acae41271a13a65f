// A short Chinese name right before a move to the daily price limit (跌停 / 涨停 / 漲停) is a stock in a
// market report; the same name elsewhere still needs its second signal.
import { describe, expect, it } from 'vitest';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, name, aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [], rulings: [], ...extra };
}

const matcher = createMatcher({
  entities: [entity('hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', { aliases: ['海康威视', '海康'] })],
} as unknown as Dataset);
const found = (text: string) => matcher.scan(text).map((match) => `${text.slice(match.start, match.end)}=${match.entityId}`);

describe('price-limit move after a short Chinese name', () => {
  it('counts the name before 跌停, 涨停 and 漲停, as before a move with a figure', () => {
    expect(found('5月5日开盘,海康跌停。')).toEqual(['海康=hikvision']);
    expect(found('海康早盘涨停')).toEqual(['海康=hikvision']);
    expect(found('海康漲停。')).toEqual(['海康=hikvision']);
    expect(found('海康跌5%')).toEqual(['海康=hikvision']);
  });

  it('a limit word far after the name, or another sentence, is no signal', () => {
    expect(found('海康的老员工说,那天很多股票跌停')).toEqual([]);
  });
});
