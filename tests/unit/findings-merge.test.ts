import { describe, expect, it } from 'vitest';
import { MAX_TEXTS, mergeFindings, sanitizeFindings } from '../../lib/findings/merge';

describe('mergeFindings', () => {
  it('counts a company named in two frames once, adding up how often it appears', () => {
    const merged = mergeFindings([
      [{ entityId: 'xiaomi-corporation', texts: ['Xiaomi'], kinds: ['name'], count: 3 }],
      [
        { entityId: 'xiaomi-corporation', texts: ['1810.HK', 'Xiaomi'], kinds: ['ticker', 'name'], count: 2 },
        { entityId: 'hikvision', texts: ['Hikvision'], kinds: ['name'], count: 1 },
      ],
    ]);
    expect(merged).toEqual([
      { entityId: 'xiaomi-corporation', texts: ['Xiaomi', '1810.HK'], kinds: ['name', 'ticker'], count: 5 },
      { entityId: 'hikvision', texts: ['Hikvision'], kinds: ['name'], count: 1 },
    ]);
  });

  it('keeps only a few distinct matched strings per company', () => {
    const texts = Array.from({ length: 9 }, (_, i) => `name ${i}`);
    const [finding] = mergeFindings([[{ entityId: 'a', texts, kinds: ['name'], count: 9 }]]);
    expect(finding.texts).toHaveLength(MAX_TEXTS);
    expect(finding.count).toBe(9);
  });
});

describe('sanitizeFindings', () => {
  it('drops malformed entries from a report and repairs the rest', () => {
    const cleaned = sanitizeFindings([
      null,
      { texts: ['no id'] },
      { entityId: 'ok', texts: ['A'.repeat(200), 7], kinds: ['name', 'guess'], count: -4 },
    ]);
    expect(cleaned).toEqual([{ entityId: 'ok', texts: ['A'.repeat(80)], kinds: ['name'], count: 1 }]);
    expect(sanitizeFindings('not a list')).toEqual([]);
  });
});
