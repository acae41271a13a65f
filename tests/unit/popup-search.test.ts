import { describe, expect, it } from 'vitest';
import { createSearchIndex, normalizeName, parseTicker, typingSlipOf } from '../../components/popup/search';
import type { Dataset } from '../../lib/dataset/types';
import dataset from '../fixtures/popup/dataset.json';
import bundledDataset from '../../public/data/dataset.json';

const index = createSearchIndex(dataset as Dataset);
const ids = (query: string) => index.search(query).map((result) => result.entity.id);

describe('popup search', () => {
  it('finds a company by name whatever legal form the user types', () => {
    expect(ids('Xiaomi')[0]).toBe('xiaomi-corporation');
    expect(ids('xiaomi corp')[0]).toBe('xiaomi-corporation');
    expect(ids('Hangzhou Hikvision Digital Technology Company Limited')[0]).toBe('hikvision');
  });

  it('tolerates typos', () => {
    expect(ids('Xiaomy')[0]).toBe('xiaomi-corporation');
    expect(ids('Hikvison')[0]).toBe('hikvision');
    expect(ids('Sberbnak')[0]).toBe('sberbank');
  });

  it('finds aliases written in Chinese and Cyrillic script', () => {
    expect(index.search('小米')[0]).toMatchObject({ entity: { id: 'xiaomi-corporation' }, by: 'alias', matched: '小米集团' });
    expect(ids('Сбербанк')[0]).toBe('sberbank');
  });

  it('finds a ticker in every form investors write it', () => {
    for (const query of ['HKEX 1810', 'HKEX:1810', '1810.HK', '1810 HK', '1810', '01810', '$XIACY']) {
      expect(index.search(query)[0], query).toMatchObject({ entity: { id: 'xiaomi-corporation' }, by: 'ticker' });
    }
    expect(ids('SBER.ME')).toEqual(['sberbank']);
  });

  it('does not return a ticker listed on a different market than the one typed', () => {
    expect(ids('1810.SS')).not.toContain('xiaomi-corporation');
  });

  it('finds a company by ISIN, with or without spaces', () => {
    expect(index.search('US16941M1099')[0]).toMatchObject({ entity: { id: 'china-mobile-limited' }, by: 'isin' });
    expect(ids('cne 100000pm8')[0]).toBe('hikvision');
  });

  it('returns nothing for an empty query or a name no list contains', () => {
    expect(index.search('   ')).toEqual([]);
    expect(ids('Volkswagen')).toEqual([]);
  });
});

describe('search helpers', () => {
  it('drops legal forms and punctuation from names', () => {
    expect(normalizeName('Hesai Technology Co., Ltd.')).toBe('hesai technology');
    expect(normalizeName('小米集团')).toBe('小米');
  });

  it('reads ticker notations', () => {
    expect(parseTicker('NASDAQ: HSAI')).toEqual({ market: 'NASDAQ', symbol: 'HSAI' });
    expect(parseTicker('941.HK')).toEqual({ symbol: '941', market: 'HK' });
    expect(parseTicker('China Mobile Limited')).toBeUndefined();
  });
});

describe('popup search over the bundled list', () => {
  const bundled = createSearchIndex(bundledDataset as Dataset);

  it('labels spelling-tolerant hits as similar names, so an unlisted company is not mistaken for a listed one', () => {
    const results = bundled.search('apple');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.similar)).toBe(true);
  });

  it('reads a slip in typing a listed name as that company, offered first with its standing', () => {
    const first = (query: string) => bundled.search(query)[0];
    expect(first('Hikvison')).toMatchObject({ entity: { id: 'hangzhou-hikvision-digital-technology-co-ltd' }, spelling: true });
    expect(first('Huawey')).toMatchObject({ entity: { id: expect.stringMatching(/^huawei-/) }, spelling: true });
    expect(first('Sberbnak')).toMatchObject({ spelling: true, entity: { name: expect.stringMatching(/Sberbank/i) } });
    expect(first('Xiaomy')).toMatchObject({ entity: { id: 'xiaomi-corporation' }, spelling: true });
    expect(first('Semiconductor Manufacturing Internatinal')).toMatchObject({ entity: { id: 'semiconductor-manufacturing-international-corporation' }, spelling: true });
    expect(first('Xiaomy').similar).toBeUndefined();
    // Looking alike is not a slip: "apple" is not Guizhou Space Appliance, nor four letters off "DJI".
    expect(bundled.search('apple').some((result) => result.spelling)).toBe(false);
    expect(bundled.search('Volkswagen')).toEqual([]);
  });

  it('counts a typing slip as a wrong, missing, extra or swapped letter, more of them only in longer words', () => {
    expect(typingSlipOf('hangzhou hikvision digital technology', 'hikvison')).toBe(true); // missing
    expect(typingSlipOf('sberbank', 'sberbnak')).toBe(true); // swapped neighbours
    expect(typingSlipOf('huawei technologies', 'huawey')).toBe(true); // wrong
    expect(typingSlipOf('rosneft', 'rosnefft')).toBe(true); // extra
    expect(typingSlipOf('hesai', 'hesia')).toBe(true);
    expect(typingSlipOf('guizhou space appliance', 'apple')).toBe(false);
    expect(typingSlipOf('tencent', 'tncnt')).toBe(false); // two slips in a 5-letter word
    expect(typingSlipOf('semiconductor manufacturing international', 'semicondutor manufactring')).toBe(true); // two slips in a long query
    expect(typingSlipOf('dji', 'djj')).toBe(false); // under 5 letters a slip is another name
  });

  it('answers a short name or acronym exactly, without a list of look-alikes', () => {
    expect(bundled.search('DJI').map((result) => result.entity.id)).toEqual(['sz-dji-technology-co-ltd']);
    expect(bundled.search('HSAI').map((result) => result.entity.id)).toEqual(['hesai-group']);
    expect(bundled.search('小米')[0]).toMatchObject({ entity: { id: 'xiaomi-corporation' } });
    expect(bundled.search('小米')[0].similar).toBeUndefined();
  });
});
