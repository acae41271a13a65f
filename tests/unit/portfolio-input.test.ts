// Bad input gets a clear message and no report; each encoding a spreadsheet writes is read right.
import { describe, expect, it } from 'vitest';
import { checkPositionsFile, checkPositionsText } from '../../lib/portfolio/check';
import { decodePositionsFile, MAX_FILE_BYTES } from '../../lib/portfolio/decode';
import { MAX_POSITIONS } from '../../lib/portfolio/positions';
import { dataset, identifier, NOW } from './portfolio-helpers';

const CSV = 'Symbol,Description,Quantity\nCHL,CHINA MOBILE LTD,100\nAAPL,APPLE INC,5\n';
const check = (bytes: Uint8Array) => checkPositionsFile(bytes, dataset, identifier, { source: 'test.csv', now: NOW });
const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const codes = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < codes.length; i++) {
    const code = codes.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

describe('bad input', () => {
  it('an empty file', () => {
    expect(check(new Uint8Array())).toEqual({ ok: false, problem: 'The file is empty: there are no positions to check.' });
    expect(check(utf8('\r\n \n\n'))).toMatchObject({ ok: false, problem: expect.stringMatching(/only blank lines/) });
  });

  it('a binary file, and an Excel workbook named as such', () => {
    const noise = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    expect(check(noise)).toMatchObject({ ok: false, problem: expect.stringMatching(/not text/) });
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(check(xlsx)).toMatchObject({ ok: false, problem: expect.stringMatching(/Excel workbook.*Save As.*CSV/s) });
  });

  it('a file with no symbol, ISIN or name column says what it found', () => {
    const result = check(utf8('Date,Amount,Balance\n2026-11-01,100.00,5000.00\n2026-11-02,-20.00,4980.00\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/No column of ticker symbols, ISINs, CUSIPs or company names.*“Date \| Amount \| Balance”/s);
  });

  it('a huge file is refused with its size and the limit', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    expect(check(big)).toMatchObject({ ok: false, problem: expect.stringMatching(/5\.0 MB.*up to 5\.0 MB/) });
  });

  it('more holdings than the cap: the first ones are checked and the report says so', () => {
    const rows = Array.from({ length: MAX_POSITIONS + 3 }, (_, i) => `SYM${i},Company ${i},1`);
    const result = checkPositionsText(`Symbol,Description,Quantity\n${rows.join('\n')}\n`, dataset, identifier, { source: 'big.csv', now: NOW });
    expect(result.ok && result.report.rows.length).toBe(MAX_POSITIONS);
    expect(result.ok && result.report.notes.join(' ')).toContain('3 more were not read');
  });
});

describe('encodings', () => {
  const expectRead = (bytes: Uint8Array, encoding: string) => {
    const decoded = decodePositionsFile(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding });
    const result = check(bytes);
    expect(result.ok && result.report.rows.map((row) => row.entityId ?? row.symbol)).toEqual(['china-mobile-limited', 'AAPL']);
  };

  it('UTF-8 with a byte-order mark (Excel "CSV UTF-8")', () => expectRead(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)]), 'utf-8-bom'));
  it('UTF-16 little-endian with BOM (Excel "Unicode text")', () => expectRead(utf16(CSV.replace(/,/g, '\t'), false), 'utf-16le'));
  it('UTF-16 big-endian with BOM', () => expectRead(utf16(CSV, true), 'utf-16be'));
  it('UTF-16 little-endian without BOM', () => expectRead(utf16(CSV, false, false), 'utf-16le'));

  it('Windows-1252: accented names survive', () => {
    // "Société Générale" with é as 0xE9, which is not valid UTF-8.
    const text = 'Symbol,Description,Quantity\nGLE.PA,Soci\u00e9t\u00e9 G\u00e9n\u00e9rale,10\nCHL,CHINA MOBILE LTD,1\n';
    const bytes = new Uint8Array([...text].map((ch) => ch.charCodeAt(0)));
    const decoded = decodePositionsFile(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    const result = check(bytes);
    expect(result.ok && result.report.rows.find((row) => row.symbol === 'GLE.PA')?.name).toBe('Société Générale');
    expect(result.ok && result.report.notes).toContain('Read as Windows-1252 text.');
  });
});
