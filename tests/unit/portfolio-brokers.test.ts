// Each broker's documented export layout, as a realistic fixture, read into the right holdings.
import { describe, expect, it } from 'vitest';
import { readPositions } from '../../lib/portfolio/positions';
import { summaryLine } from '../../lib/portfolio/report';
import { checkFixture, outline } from './portfolio-helpers';

describe('broker exports', () => {
  it('Charles Schwab: skips the title, cash and total lines; every severity, a formerly listed company, a doubtful symbol', () => {
    const report = checkFixture('schwab-positions.csv');
    expect(report.source).toContain('Charles Schwab positions export');
    expect(outline(report)).toEqual([
      'prohibited CHU china-unicom-hong-kong-limited',
      'prohibited LUKOY lukoil',
      'restricted OGZPY gazprom',
      'caution HSAI hesai-group',
      'check CHU -',
      'formerly-listed XIACY xiaomi-corporation',
      'clear AAPL -',
      'clear CTM -',
      'clear SCHB -',
      'clear MSFT -',
    ]);
    expect(summaryLine(report.summary)).toBe('2 prohibited · 1 restricted · 1 caution · 1 to check · 5 clear (1 formerly listed)');
    expect(report.columns).toBe('symbol: Symbol · name: Description · quantity: Qty (Quantity) · value: Mkt Val (Market Value)');
    const unicom = report.rows[0];
    expect(unicom.quantity).toBe('300');
    expect(unicom.matched).toBe('ticker “CHU” in column Symbol');
  });

  it('Fidelity: core money market and pending activity kept apart, the disclaimer footer ignored', () => {
    const report = checkFixture('fidelity-positions.csv');
    expect(report.source).toContain('Fidelity positions export');
    expect(outline(report)).toEqual(['prohibited CHL china-mobile-limited', 'caution BIDU baidu-inc', 'clear SPAXX -', 'clear VTI -']);
    expect(report.notes).toContain('3 rows were left out as totals, cash lines or notes.');
  });

  it('Interactive Brokers: open positions joined with instrument information (ISIN, listing exchange); lot rows skipped', () => {
    const report = checkFixture('ibkr-activity-statement.csv');
    expect(report.source).toContain('Interactive Brokers activity statement');
    expect(outline(report)).toEqual(['prohibited 941 china-mobile-limited', 'caution NIO nio-inc', 'formerly-listed 1810 xiaomi-corporation', 'clear IBM -']);
    const mobile = report.rows[0];
    expect(mobile.matched).toBe('ISIN “HK0941009539” in column Security ID (Financial Instrument Information)');
    // Xiaomi is matched by its Hong Kong code because the statement says the listing is SEHK.
    expect(report.rows[2].explanation).toContain('1810 is Xiaomi Corporation\'s ticker on HKEX');
  });

  it('Vanguard: the holdings section only, not the transactions after it', () => {
    const report = checkFixture('vanguard-download.csv');
    expect(report.source).toContain('Vanguard holdings download');
    expect(outline(report)).toEqual(['caution BABA alibaba-group-holding-limited', 'clear VTI -', 'clear VMFXX -']);
  });

  it('E*TRADE: the positions block after the account summary; cash, total and the generated-at footer left out', () => {
    const report = checkFixture('etrade-portfolio.csv');
    expect(report.source).toContain('E*TRADE portfolio download');
    expect(outline(report)).toEqual(['prohibited CHU china-unicom-hong-kong-limited', 'caution HSAI hesai-group', 'clear KO -']);
    // No name column: the US symbol alone decides, and the report says why.
    expect(report.rows[0].explanation).toContain('this export quotes US symbols');
  });

  it('Robinhood: holdings are what the activity leaves — a sold-out position is not held', () => {
    const report = checkFixture('robinhood-activity.csv');
    expect(report.source).toContain('Robinhood account activity report');
    expect(outline(report)).toEqual(['caution BIDU baidu-inc', 'caution NIO nio-inc']);
    expect(report.rows.find((row) => row.symbol === 'NIO')?.quantity).toBe('30');
    expect(report.notes[0]).toMatch(/activity, not a list of positions/);
  });
});

describe('any other table', () => {
  it('reads a semicolon spreadsheet with ISINs and headers in German by its ISIN column', () => {
    const report = checkFixture('generic-isin.csv');
    expect(outline(report)).toEqual(['prohibited CNE1000002V2 china-telecom-corporation-limited', 'prohibited RU0009029540 sberbank', 'clear DE0007236101 -']);
    expect(report.rows[0].matched).toBe('ISIN “CNE1000002V2” in column ISIN');
  });

  it('reads rows pasted from a screen (tabs, no header, thousands separators) by what the cells hold', () => {
    const report = checkFixture('pasted-rows.tsv');
    expect(outline(report)).toEqual(['caution 0700.HK tencent-holdings-limited', 'formerly-listed 1810.HK xiaomi-corporation', 'clear AAPL -']);
    expect(report.rows[0].quantity).toBe('200');
  });

  it('finds the columns of an unfamiliar header by their words', () => {
    const read = readPositions('Ticker Symbol,Company Name,Shares Held,Market Value ($)\nCHL,China Mobile,10,0\n');
    expect(read.ok && read.columns).toEqual({
      symbol: { index: 0, header: 'Ticker Symbol' },
      name: { index: 1, header: 'Company Name' },
      quantity: { index: 2, header: 'Shares Held' },
      value: { index: 3, header: 'Market Value ($)' },
    });
  });
});
