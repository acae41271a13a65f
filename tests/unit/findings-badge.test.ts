import { describe, expect, it } from 'vitest';
import { badgeFor, inForceCount, worstSeverity } from '../../lib/findings/badge';
import { decidingAsOf } from '../../lib/findings/freshness';
import type { Dataset } from '../../lib/dataset/types';
import type { Finding } from '../../lib/messaging';
import dataset from '../fixtures/popup/dataset.json';

const data = dataset as Dataset;
const colors = {
  prohibited: { background: '#b00020', text: '#ffffff' },
  restricted: { background: '#c25e00', text: '#000000' },
  caution: { background: '#f0e442', text: '#000000' },
  historical: { background: '#d9d9d9', text: '#000000' },
};
const found = (...ids: string[]): Finding[] => ids.map((entityId) => ({ entityId, texts: [entityId], kinds: ['name'], count: 1 }));
/** A week after the fixture's OFAC data, and a year after. */
const FRESH = Date.parse('2026-01-15T12:00:00Z');
const OLD = Date.parse('2026-12-01T12:00:00Z');

describe('toolbar badge', () => {
  it('counts companies with a listing in force, in the colour of the most serious one', () => {
    const badge = badgeFor({ findings: found('xiaomi-corporation', 'hesai-group', 'china-mobile-limited'), dataset: data, enabled: true, stale: false, colors, now: FRESH });
    // Xiaomi's only listing was vacated: named on the page, but not counted.
    expect(badge).toMatchObject({ text: '2', color: colors.prohibited.background, textColor: '#ffffff' });
    expect(badge?.title).toContain('2 companies with a listing in force');
  });

  it('shows nothing for a page naming only formerly listed companies or watchlist names', () => {
    expect(worstSeverity(found('xiaomi-corporation', 'luokung-technology'), data)).toBe('historical');
    expect(badgeFor({ findings: found('xiaomi-corporation'), dataset: data, enabled: true, stale: false, colors, now: FRESH })).toBeUndefined();
    expect(badgeFor({ findings: found('watchlist:acme-robotics'), dataset: data, enabled: true, stale: false, colors, now: FRESH })).toBeUndefined();
    expect(worstSeverity(found('watchlist:acme-robotics', 'hesai-group'), data)).toBe('caution');
    expect(inForceCount(found('watchlist:acme-robotics', 'hesai-group', 'xiaomi-corporation'), data)).toBe(1);
  });

  it('shows nothing when nothing was found or the site is switched off', () => {
    expect(badgeFor({ findings: [], dataset: data, enabled: true, stale: false, colors })).toBeUndefined();
    expect(badgeFor({ findings: found('hikvision'), dataset: data, enabled: false, stale: false, colors })).toBeUndefined();
  });

  it('marks the count and explains it when the feed says the data may be out of date', () => {
    const badge = badgeFor({ findings: found('hikvision'), dataset: data, enabled: true, stale: true, colors, now: FRESH });
    expect(badge?.text).toBe('1!');
    expect(badge?.title).toMatch(/out of date/);
  });

  it('marks the count when the lists that decide the warnings are over 30 days old', () => {
    expect(badgeFor({ findings: found('hikvision'), dataset: data, enabled: true, stale: false, colors, now: FRESH })?.text).toBe('1');
    const old = badgeFor({ findings: found('hikvision'), dataset: data, enabled: true, stale: false, colors, now: OLD });
    expect(old?.text).toBe('1!');
    expect(old?.title).toContain('The OFAC list data is 327 days old.');
  });

  it('dates the data by the OFAC source behind "prohibited", not the newest source', () => {
    expect(decidingAsOf(data)).toEqual({ date: '2026-01-08', authority: 'OFAC', list: 'NS-CMIC' });
    expect(data.sources.map((source) => source.asOf).sort().at(-1)).toBe('2026-07-28');
  });

  it('treats a company the data no longer knows as caution rather than dropping it', () => {
    expect(worstSeverity(found('gone-from-data'), data)).toBe('caution');
  });
});
