// Chinese-text rules: a short name right before a move to the daily price limit (跌停 / 涨停 / 漲停) is a
// stock in a market report; a listed name inside a longer everyday phrase (a folk tale) or a regional namesake
// ("湖北航宇科技有限公司") is not the company.
import { describe, expect, it } from 'vitest';
import { entity, finderOf } from './match-helpers';

const found = finderOf([entity('hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', { aliases: ['海康威视', '海康'] })]);

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

describe('a listed name inside a longer everyday phrase', () => {
  const hits = finderOf([entity('alibaba', 'Alibaba Group Holding Limited', { aliases: ['阿里巴巴'] })]);

  it('the folk tale is not the company, in either script; the company still is', () => {
    expect(hits('小时候听过阿里巴巴与四十大盗的故事')).toEqual([]);
    expect(hits('《阿里巴巴與四十大盜》')).toEqual([]);
    expect(hits('阿里巴巴股价上涨')).toEqual(['阿里巴巴=alibaba']);
  });
});

describe('regional-namesake', () => {
  const hits = finderOf([
    entity('gzhy', 'Guizhou Aviation Technical Development Co., Ltd.', { aliases: ['贵州航宇科技发展股份有限公司'], weakAliases: ['航宇科技'], tickers: [{ exchange: 'SSE', symbol: '688239' }] }),
  ]);

  it('a province before the short name and a legal form after it name a regional company of that name', () => {
    expect(hits('湖北航宇科技有限公司发布公告')).toEqual([]);
    expect(hits('江蘇航宇科技有限公司')).toEqual([]);
  });

  it('the listed company by its full name, or its short name with its code, is still found', () => {
    expect(hits('贵州航宇科技发展股份有限公司公告')).toEqual(['贵州航宇科技发展股份有限公司=gzhy']);
    expect(hits('航宇科技(688239)涨停')).toEqual(['航宇科技=gzhy', '688239=gzhy']);
  });
});
