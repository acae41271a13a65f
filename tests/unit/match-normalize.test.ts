// Normalisation is shared by the data build and the scanner: these pin what a user would notice if it drifted.
import { describe, expect, it } from 'vitest';
import { coreName, foldWithOffsets, matchKey, normalize } from '../../lib/match/normalize';
import { isValidIsin } from '../../lib/match/isin';
import { isHanUnit, isLetterOrDigitAt, isLetterUnit, lowerSameUnit, upperSameUnit } from '../../lib/match/chars';

describe('normalize', () => {
  it('makes spellings of one company name equal', () => {
    expect(normalize('China Mobile Ltd')).toBe(normalize('CHINA MOBILE LIMITED'));
    expect(normalize('Huawei Investment & Holding Co., Ltd.')).toBe(normalize('HUAWEI INVESTMENT AND HOLDING CO LTD'));
    expect(normalize('ПАО СБЕРБАНК')).toBe(normalize('Публичное акционерное общество Сбербанк'));
    expect(normalize('Xiaomi Corporation')).toBe('xiaomi corp');
  });

  it('folds full-width letters, odd spaces, diacritics, quotes and possessives', () => {
    expect(normalize('Ｘｉａｏｍｉ\u3000Corp.')).toBe('xiaomi corp');
    expect(normalize('China\u00a0\u2009Mobile')).toBe('china mobile');
    expect(normalize('Hikvisio\u0301n’s')).toBe('hikvision');
    expect(normalize('Société Générale')).toBe('societe generale');
    expect(normalize('Сбербанк России ёлка')).toBe('сбербанк россии елка');
  });

  it('keeps different companies apart', () => {
    expect(normalize('Gazprom Neft')).not.toBe(normalize('Gazprom'));
    expect(normalize('Панда')).not.toBe(normalize('Панда Й'));
  });

  it('reduces a name to its core without legal forms or a bracketed short name', () => {
    expect(coreName('Public Joint Stock Company Gazprom')).toBe('gazprom');
    expect(coreName('Contemporary Amperex Technology Co., Limited (CATL)')).toBe('contemporary amperex technology');
    expect(coreName('曙光信息产业股份有限公司')).toBe('曙光信息产业');
    expect(coreName('Limited')).toBe('limited');
  });

  it('writes CJK runs without spaces and `&` as its own token', () => {
    expect(matchKey('曙光 信息')).toBe('曙光信息');
    expect(matchKey('AT&T')).toBe('at & t');
  });
});

describe('foldWithOffsets', () => {
  it('maps every folded unit back to the original text, across surrogate pairs and combining marks', () => {
    const input = '😀 Hikvisio\u0301n\n\n  ＣＯ';
    const folded = foldWithOffsets(input);
    expect(folded.text).toBe('hikvision co');
    const at = folded.text.indexOf('hikvision');
    const start = folded.starts[at];
    const end = folded.ends[at + 'hikvision'.length - 1];
    expect(input.slice(start, end)).toBe('Hikvisio\u0301n');
    expect(input.slice(folded.starts[folded.text.length - 2], folded.ends[folded.text.length - 1])).toBe('ＣＯ');
  });

  it('expands a ligature to all its letters, each mapped back to the ligature', () => {
    expect(matchKey('ﬁberhome')).toBe('fiberhome');
    const folded = foldWithOffsets('a ﬃx');
    expect(folded.text).toBe('a ffix');
    expect([...folded.starts.slice(2, 5)]).toEqual([2, 2, 2]);
    expect([...folded.ends.slice(2, 5)]).toEqual([3, 3, 3]);
  });

  it('folds Traditional Chinese characters to Simplified, one for one', () => {
    expect(matchKey('騰訊控股')).toBe('腾讯控股');
    expect(foldWithOffsets('中國移動').text).toBe('中国移动');
  });
});

describe('isValidIsin', () => {
  it('accepts real ISINs and rejects a wrong check digit or shape', () => {
    for (const isin of ['US16941M1099', 'HK0941009539', 'KYG8020E1199', 'RU0009029540', 'CNE100000PM8']) {
      expect(isValidIsin(isin)).toBe(true);
    }
    expect(isValidIsin('US16941M1098')).toBe(false);
    expect(isValidIsin('BRC1EODR004')).toBe(false);
    expect(isValidIsin('US16941M109X')).toBe(false);
  });
});

describe('character properties', () => {
  it('answers for every ASCII character as the Unicode RegExps and case mappings do', () => {
    for (let code = 0; code < 128; code++) {
      const ch = String.fromCharCode(code);
      const text = `${ch}`;
      expect([isLetterUnit(code), isLetterOrDigitAt(text, 0), upperSameUnit(code), lowerSameUnit(code), isHanUnit(code)]).toEqual([
        /\p{L}/u.test(ch),
        /[\p{L}\p{N}]/u.test(ch),
        ch.toUpperCase() === ch,
        ch.toLowerCase() === ch,
        false,
      ]);
    }
  });
});
