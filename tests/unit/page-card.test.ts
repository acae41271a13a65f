import { describe, expect, it } from 'vitest';
import { cardModel, firstSentence } from '../../components/hover-card/card-model';
import { buildPageView } from '../../lib/page/entity-view';
import { defaultSettings } from '../../lib/settings/defaults';
import type { Dataset, Entity } from '../../lib/dataset/types';

const listing = (list: string, status: 'active' | 'removed' | 'vacated', since: string) => ({ list, status, since, source: 'https://example.gov/' });

const dataset: Dataset = {
  schemaVersion: 1,
  version: '2026.11.26.1',
  generatedAt: '2026-11-26T00:00:00Z',
  sources: [],
  lists: [
    { id: 'ofac-ns-cmic', name: 'NS-CMIC List', shortName: 'NS-CMIC', authority: 'OFAC', legalBasis: 'EO 14032', severity: 'prohibited', effect: 'US persons may not buy its securities. Sales to divest were allowed for 365 days.', url: 'https://ofac.example/' },
    { id: 'dod-1260h', name: '1260H List', shortName: '1260H', authority: 'DoD', legalBasis: 'NDAA 2021 §1260H', severity: 'caution', effect: 'Named a Chinese military company; no trading ban by itself.', url: 'https://dod.example/' },
    { id: 'dod-1237', name: '1237 List', shortName: 'DoD 1237', authority: 'DoD', legalBasis: 'NDAA 1999 §1237', severity: 'caution', effect: 'Basis of the former EO 13959 ban.', url: 'https://dod.example/' },
  ],
  entities: [
    { id: 'hikvision', name: 'Hikvision', aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [listing('ofac-ns-cmic', 'active', '2021-06-03'), listing('dod-1260h', 'active', '2021-06-03')], rulings: [] },
    { id: 'xiaomi', name: 'Xiaomi Corporation', aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [listing('dod-1237', 'vacated', '2021-01-14')], rulings: ['r1', 'r2'] },
    { id: 'dahua', name: 'Dahua', aliases: [], weakAliases: [], tickers: [], isins: [], country: 'CN', listings: [listing('dod-1260h', 'active', '2022-10-05')], rulings: [] },
  ] as Entity[],
  rulings: [
    { id: 'r1', caption: 'Xiaomi v. DoD', court: 'D.D.C.', docket: '21-cv-280', judge: 'Contreras', date: '2021-03-12', outcome: 'injunction-granted', summary: 'Preliminary injunction.', url: 'https://court.example/', entities: ['xiaomi'] },
    { id: 'r2', caption: 'Xiaomi v. DoD', court: 'D.D.C.', docket: '21-cv-280', judge: 'Contreras', date: '2021-05-25', outcome: 'vacated', summary: 'Designation vacated.', url: 'https://court.example/', entities: ['xiaomi'] },
  ],
};

describe('what the page shows', () => {
  it('colours each company by its strongest list in force, vacated listings as historical', () => {
    const view = buildPageView(dataset, defaultSettings());
    expect(Object.fromEntries(view.keys)).toEqual({ hikvision: 'prohibited', xiaomi: 'historical', dahua: 'caution' });
  });

  it('follows the user: lists off, a severity threshold, historical hidden, watchlist terms added', () => {
    const settings = { ...defaultSettings(), lists: { 'ofac-ns-cmic': false }, minSeverity: 'restricted' as const, showHistorical: false, watchlist: [{ term: 'Acme Robotics', addedAt: '2026-01-01T00:00:00Z' }] };
    const view = buildPageView(dataset, settings);
    // Hikvision's remaining list (1260H) is below the threshold; Dahua too; Xiaomi is historical.
    expect(Object.fromEntries(view.keys)).toEqual({ 'watchlist:acme-robotics': 'watchlist' });
    expect(view.dataset.entities.map((entity) => entity.name)).toEqual(['Acme Robotics']);
  });
});

describe('hover card content', () => {
  const view = buildPageView(dataset, defaultSettings());
  const rulings = new Map(dataset.rulings.map((ruling) => [ruling.id, ruling]));

  it('lists every listing in force with status and dates and states the effect in one sentence', () => {
    const model = cardModel(view.entities.get('hikvision')!, 'prohibited', view, rulings);
    expect(model.listings.map((l) => `${l.listName} ${l.status} ${l.since}`)).toEqual(['NS-CMIC active 2021-06-03', '1260H active 2021-06-03']);
    expect(model.effect).toBe('US persons may not buy its securities.');
    expect(model.chip).toBe('Buying banned');
    expect(model.ruling).toBeUndefined();
  });

  it('says a vacated listing leaves no current restriction, without a severity, and shows the latest ruling', () => {
    const model = cardModel({ ...view.entities.get('xiaomi')!, listings: [{ ...listing('dod-1237', 'vacated', '2021-01-14'), until: '2021-05-25' }] }, 'historical', view, rulings);
    expect(model.effect).toBe('No current restriction on the US lists we track. DoD 1237: vacated by a court on May 25, 2021.');
    expect(model.effect).not.toMatch(/re-listing/);
    expect(model.chip).toBeUndefined();
    expect(model.label).toBe('Formerly listed');
    expect(model.listings).toEqual([]);
    expect(model.former.map((l) => l.listName)).toEqual(['DoD 1237']);
    expect(model.ruling).toMatchObject({ date: '2021-05-25', outcome: 'vacated' });
  });

  it('gives a watchlist name its own words and no severity', () => {
    const settings = { ...defaultSettings(), watchlist: [{ term: 'Acme Robotics', addedAt: '2026-01-01T00:00:00Z' }] };
    const watched = buildPageView(dataset, settings);
    const model = cardModel(watched.entities.get('watchlist:acme-robotics')!, 'watchlist', watched, rulings);
    expect(model.effect).toBe('On your watchlist; not on any US list we track.');
    expect(model.chip).toBeUndefined();
    expect(model.label).toBe('Your watchlist');
  });

  it('keeps abbreviations inside the first sentence', () => {
    expect(firstSentence('U.S. persons may not buy or sell the shares of the company. Sales are allowed.')).toBe('U.S. persons may not buy or sell the shares of the company.');
  });
});
