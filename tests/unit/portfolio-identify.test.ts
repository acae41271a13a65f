// Which listed company a holding is, and when the answer must be "check" rather than a flag.
import { describe, expect, it } from 'vitest';
import { isValidCusip } from '../../lib/portfolio/columns';
import type { Position } from '../../lib/portfolio/positions';
import { parseSymbol } from '../../lib/portfolio/symbol';
import { identifier } from './portfolio-helpers';

const columnOf = (field: string) => ({ symbol: 'Symbol', isin: 'ISIN', cusip: 'CUSIP', name: 'Description' })[field] ?? field;
const us = (position: Omit<Position, 'row'>) => identifier.identify({ row: 2, ...position }, { venue: 'US', columnOf });
const anywhere = (position: Omit<Position, 'row'>) => identifier.identify({ row: 2, ...position }, { columnOf });

describe('symbols in their written forms', () => {
  it('reads venue suffixes, prefixes and Bloomberg codes, and drops leading zeros', () => {
    expect(parseSymbol('0700.HK')).toEqual({ code: '700', venue: 'HK' });
    expect(parseSymbol('HKG:0941')).toEqual({ code: '941', venue: 'HK' });
    expect(parseSymbol('941 HK Equity')).toEqual({ code: '941', venue: 'HK' });
    expect(parseSymbol('SBER.ME')).toEqual({ code: 'SBER', venue: 'MOEX' });
    expect(parseSymbol('SPAXX**')).toEqual({ code: 'SPAXX' });
    // A US share class is not a venue.
    expect(parseSymbol('BRK.B')).toEqual({ code: 'BRK.B' });
  });

  it('matches a Hong Kong code only with a Hong Kong venue', () => {
    expect(anywhere({ symbol: '0941.HK' })).toMatchObject({ status: 'matched', entityId: 'china-mobile-limited', by: 'ticker' });
    expect(anywhere({ symbol: '941', exchange: 'SEHK' })).toMatchObject({ status: 'matched', entityId: 'china-mobile-limited' });
    // The same digits on a stated US venue are another security.
    expect(anywhere({ symbol: '941', exchange: 'NYSE' })).toMatchObject({ status: 'unmatched' });
  });
});

describe('doubtful symbols are "check", never a flag', () => {
  it('a bare symbol with no venue and no name', () => {
    const found = anywhere({ symbol: 'LUKOY' });
    expect(found.status).toBe('check');
    expect(found.status === 'check' && found.reason).toMatch(/does not say which exchange/);
  });

  it('a listed symbol next to another company\'s name (a symbol reused after delisting)', () => {
    const found = us({ symbol: 'CHU', name: 'CHU KONG SHIPPING ENTERPRISES' });
    expect(found).toMatchObject({ status: 'check', entityIds: ['china-unicom-hong-kong-limited'] });
  });

  it('a foreign code in a US export with no name', () => {
    const found = us({ symbol: 'NVTK' });
    expect(found.status).toBe('check');
    expect(found.status === 'check' && found.reason).toContain('Novatek on LSE');
  });

  it('a foreign code in a US export whose name is another company is clear, with a note', () => {
    const found = us({ symbol: 'CTM', name: 'CASTELLUM INC' });
    expect(found.status).toBe('unmatched');
    expect(found.notes.join(' ')).toContain('China Mobile Limited on DE');
  });

  it('a foreign code in a US export whose name confirms the company is a match', () => {
    expect(us({ symbol: 'NVTK', name: 'NOVATEK JSC GDR' })).toMatchObject({ status: 'matched', entityId: 'novatek' });
  });
});

describe('exact identifiers', () => {
  it('an ISIN with a valid check digit decides, a wrong one is not used', () => {
    expect(anywhere({ isin: 'US16945R1041', symbol: 'XYZ' })).toMatchObject({ status: 'matched', entityId: 'china-unicom-hong-kong-limited', by: 'isin', column: 'ISIN' });
    const typo = anywhere({ isin: 'US16945R1042' });
    expect(typo.status).toBe('unmatched');
    expect(typo.notes.join(' ')).toMatch(/check digit is wrong/);
  });

  it('a CUSIP is the middle of a US ISIN', () => {
    expect(isValidCusip('16945R104')).toBe(true);
    expect(isValidCusip('16945R105')).toBe(false);
    expect(anywhere({ cusip: '16945R104' })).toMatchObject({ status: 'matched', entityId: 'china-unicom-hong-kong-limited', by: 'cusip' });
    expect(anywhere({ cusip: '037833100' }).status).toBe('unmatched');
  });

  it('a name alone matches when the matcher reads it as the company\'s name', () => {
    expect(anywhere({ name: 'Gazprom PJSC' })).toMatchObject({ status: 'matched', entityId: 'gazprom', by: 'name', column: 'Description' });
    expect(anywhere({ name: 'Vanguard Total Stock Market ETF' }).status).toBe('unmatched');
  });
});
