import { describe, expect, it } from 'vitest';
import { badgeFor, worstSeverity } from '../../lib/findings/badge';
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

describe('toolbar badge', () => {
  it('shows how many companies were found, in the colour of the most serious one', () => {
    const badge = badgeFor({ findings: found('xiaomi-corporation', 'hesai-group', 'china-mobile-limited'), dataset: data, enabled: true, stale: false, colors });
    expect(badge).toMatchObject({ text: '3', color: colors.prohibited.background, textColor: '#ffffff' });
    expect(badge?.title).toContain('3 listed companies');
  });

  it('uses the historical colour when every listing found was vacated or removed', () => {
    expect(worstSeverity(found('xiaomi-corporation', 'luokung-technology'), data)).toBe('historical');
    expect(badgeFor({ findings: found('xiaomi-corporation'), dataset: data, enabled: true, stale: false, colors })?.color).toBe(colors.historical.background);
  });

  it('shows nothing when nothing was found or the site is switched off', () => {
    expect(badgeFor({ findings: [], dataset: data, enabled: true, stale: false, colors })).toBeUndefined();
    expect(badgeFor({ findings: found('hikvision'), dataset: data, enabled: false, stale: false, colors })).toBeUndefined();
  });

  it('marks the count and explains it when the list data may be out of date', () => {
    const badge = badgeFor({ findings: found('hikvision'), dataset: data, enabled: true, stale: true, colors });
    expect(badge?.text).toBe('1!');
    expect(badge?.title).toMatch(/out of date/);
  });

  it('treats a company the data no longer knows as caution rather than dropping it', () => {
    expect(worstSeverity(found('gone-from-data'), data)).toBe('caution');
  });
});
