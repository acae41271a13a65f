// The popup's first view comes from page cards: the background's verified list cut to one tab's
// findings. What the reader sees from the cut must be what the whole list would show, and an answer
// the popup cannot read must be refused (the popup then loads the whole list itself).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, coverage, pageCompanies } from '../../components/popup/model';
import { entityMeaning } from '../../components/meaning';
import type { Dataset } from '../../lib/dataset/types';
import type { Finding, TabFindings } from '../../lib/messaging';
import { buildPageCards, datasetCoverage, isRenderableDataset, readPageCards } from '../../lib/popup-data/page-cards';
import { defaultSettings } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/types';
import fixture from '../fixtures/popup/dataset.json';
import programsFixture from '../fixtures/popup/programs-dataset.json';

const dataset = fixture as Dataset;
const withPrograms = programsFixture as Dataset;
const bundled = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/dataset.json'), 'utf8')) as Dataset;
const NOW = new Date('2026-12-08T12:00:00Z');

const found = (entityId: string, texts: string[] = [entityId], count = 1): Finding => ({ entityId, texts, kinds: ['name'], count });
const tab = (findings: Finding[], url = 'https://news.example/markets'): TabFindings => ({ tabId: 7, url, enabled: true, findings });
/** As the answer reaches the popup: through a message, so as plain JSON. */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('page cards: what the background sends for a tab', () => {
  it('holds exactly the companies found (not watchlist or unknown names) and the rulings about them', () => {
    const cards = buildPageCards(
      tab([found('xiaomi-corporation'), found('hesai-group'), found('watchlist:acme'), found('no-such-company')]),
      dataset,
      defaultSettings(),
    );
    expect(cards.dataset.entities.map((entity) => entity.id)).toEqual(['xiaomi-corporation', 'hesai-group']);
    expect(cards.dataset.rulings.map((ruling) => ruling.id).sort()).toEqual(['hesai-v-dod-2025', 'xiaomi-v-dod-final', 'xiaomi-v-dod-pi']);
    // Every list, program and source stays: the header's as-of date and each row's list names read them.
    expect(cards.dataset.lists).toEqual(dataset.lists);
    expect(cards.dataset.sources).toEqual(dataset.sources);
    expect(cards.dataset.version).toBe(dataset.version);
    // "Nothing found" speaks of the whole list, not of the cut.
    expect(cards.coverage).toEqual(datasetCoverage(dataset));
    expect(cards.coverage.companies).toBe(6);
    expect(cards.tab.findings).toHaveLength(4);
  });

  it('adds the companies this site’s ignore rules name, so “1 match ignored” can say which', () => {
    const settings: Settings = {
      ...defaultSettings(),
      ignored: [
        { entityId: 'hikvision', text: 'hikvision', site: 'news.example', addedAt: '2026-11-30T10:00:00Z' },
        { entityId: 'sberbank', text: 'sber', site: 'other.example', addedAt: '2026-11-30T10:00:00Z' },
        { entityId: 'luokung-technology', text: 'luokung', site: '*', addedAt: '2026-11-30T10:00:00Z' },
      ],
    };
    const cards = buildPageCards(tab([found('xiaomi-corporation')], 'https://www.news.example/a'), dataset, settings);
    expect(cards.dataset.entities.map((entity) => entity.id).sort()).toEqual(['hikvision', 'luokung-technology', 'xiaomi-corporation']);
    expect(cards.settings).toBe(settings);
  });

  it('leaves out what only the Updates view reads (the signed list changes)', () => {
    const changed: Dataset = { ...dataset, changes: { from: 'a', to: 'b', items: [{ kind: 'listing-added', entity: 'hesai-group', name: 'Hesai', list: 'dod-1260h', date: '2026-06-08' }] } };
    expect(buildPageCards(tab([found('hesai-group')]), changed, defaultSettings()).dataset.changes).toBeUndefined();
  });

  it('on the bundled list, every company renders from the cut as from the whole list (rows, order, details)', () => {
    // A page naming companies of every kind: in force on each list, formerly listed, with programs.
    const picked = bundled.entities.filter((_, i) => i % 23 === 0).slice(0, 25);
    const findings = picked.map((entity, i) => found(entity.id, [entity.name], (i % 4) + 1));
    const cards = buildPageCards(tab(findings), bundled, defaultSettings());
    const answer = readPageCards(overTheWire(cards));
    expect(answer).toBeDefined();
    const cut = catalog(answer!.dataset, defaultSettings(), { coverage: answer!.coverage });
    const whole = catalog(bundled, defaultSettings());
    expect(cut.complete).toBe(false);
    expect(cut.asOf).toEqual(whole.asOf);
    const fromCut = pageCompanies(answer!.tab.findings, cut, NOW);
    expect(fromCut.map((company) => company.entity.id)).toEqual(pageCompanies(findings, whole, NOW).map((company) => company.entity.id));
    expect(fromCut).toEqual(pageCompanies(findings, whole, NOW));
    for (const entity of picked) expect(entityMeaning(cut.entities.get(entity.id)!, cut, NOW)).toEqual(entityMeaning(entity, whole, NOW));
    // Details list every ruling about a company: the cut carries them all.
    for (const entity of picked) {
      const about = (data: Dataset) => data.rulings.filter((ruling) => entity.rulings.includes(ruling.id) || ruling.entities.includes(entity.id)).map((r) => r.id);
      expect(about(answer!.dataset)).toEqual(about(bundled));
    }
    expect(coverage(cut)).toEqual(coverage(whole));
    // The point of it: a small fraction of the list crosses to the popup.
    expect(JSON.stringify(cards).length).toBeLessThan(JSON.stringify(bundled).length / 5);
  });

  it('programs’ buy / hold / sell come through the cut unchanged', () => {
    const findings = [found('future-divest-co'), found('sberbank')];
    const cards = buildPageCards(tab(findings), withPrograms, defaultSettings());
    const answer = readPageCards(overTheWire(cards))!;
    const cut = catalog(answer.dataset, undefined, { coverage: answer.coverage });
    expect(pageCompanies(findings, cut, NOW)).toEqual(pageCompanies(findings, catalog(withPrograms), NOW));
    expect(pageCompanies(findings, cut, NOW).some((company) => company.meaning.permissions !== undefined)).toBe(true);
  });
});

describe('page cards: what the popup accepts', () => {
  const good = () => overTheWire(buildPageCards(tab([found('xiaomi-corporation')]), dataset, defaultSettings())) as Record<string, any>;

  it('accepts the background’s answer, settings checked like a stored copy', () => {
    const answer = readPageCards(good());
    expect(answer?.tab.findings[0].entityId).toBe('xiaomi-corporation');
    expect(answer?.settings.minSeverity).toBe('caution');
    expect(isRenderableDataset(bundled)).toBe(true);
  });

  it('refuses a missing, failed or malformed answer, so the popup loads the list itself', () => {
    const broken: [string, (value: Record<string, any>) => unknown][] = [
      ['no answer', () => undefined],
      ['the background’s error', () => ({ __error: 'Could not establish connection' })],
      ['no findings', (v) => ({ ...v, tab: { ...v.tab, findings: undefined } })],
      ['a finding without a company id', (v) => ({ ...v, tab: { ...v.tab, findings: [{ texts: [], kinds: [], count: 1 }] } })],
      ['a company without listings', (v) => ({ ...v, dataset: { ...v.dataset, entities: [{ ...v.dataset.entities[0], listings: undefined }] } })],
      ['a listing without its date', (v) => ({ ...v, dataset: { ...v.dataset, entities: [{ ...v.dataset.entities[0], listings: [{ list: 'dod-1237', status: 'vacated', source: 'x' }] }] } })],
      ['no lists', (v) => ({ ...v, dataset: { ...v.dataset, lists: null } })],
      ['no coverage', (v) => ({ ...v, coverage: undefined })],
      ['no settings', (v) => ({ ...v, settings: undefined })],
      ['a setting out of range', (v) => ({ ...v, settings: { ...v.settings, minSeverity: 'severe' } })],
    ];
    for (const [what, breakIt] of broken) expect(readPageCards(breakIt(good())), what).toBeUndefined();
  });
});
