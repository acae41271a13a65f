// What the report says a holding means: from the programs when the data has them, else from the
// list's effect; divest-by dates, rulings, sources and the summary line.
import { describe, expect, it } from 'vitest';
import type { Dataset, Program } from '../../lib/dataset/types';
import { summaryLine } from '../../lib/portfolio/report';
import { checkFixture, dataset } from './portfolio-helpers';

const cmic: Program = {
  id: 'ns-cmic-eo13959', list: 'ofac-ns-cmic', name: 'EO 13959 as amended by EO 14032', legalBasis: 'EO 14032', severity: 'prohibited',
  buy: 'prohibited', hold: 'allowed', sell: 'licence-required',
  summary: 'US persons may not buy its publicly traded securities; holding is allowed.', details: '…',
  citations: [{ title: 'OFAC FAQ 899', url: 'https://ofac.treasury.gov/faqs/899' }],
};
const sdn: Program = {
  id: 'sdn-russia-eo14024', list: 'ofac-sdn', name: 'EO 14024', legalBasis: 'EO 14024', severity: 'prohibited',
  buy: 'prohibited', hold: 'prohibited', sell: 'licence-required',
  summary: 'Blocked: US persons may not deal in its securities; holdings are frozen.', details: '…',
  citations: [{ title: 'EO 14024', url: 'https://ofac.treasury.gov/eo14024' }],
};

/** The fixture data with programs filled in, and China Mobile's divestment window still open. */
function withPrograms(): Dataset {
  const copy = structuredClone(dataset);
  copy.programs = [cmic, sdn];
  for (const entity of copy.entities) {
    for (const listing of entity.listings) {
      if (listing.list === 'ofac-ns-cmic') listing.programs = ['ns-cmic-eo13959'];
      if (listing.list === 'ofac-sdn') listing.programs = ['sdn-russia-eo14024'];
    }
  }
  copy.entities.find((entity) => entity.id === 'china-unicom-hong-kong-limited')!.listings[0].divestBy = '2027-01-10';
  return copy;
}

describe('meaning for a US person', () => {
  it('without programs, the list\'s own effect and a verdict in its terms', () => {
    const report = checkFixture('schwab-positions.csv');
    const unicom = report.rows.find((row) => row.entityId === 'china-unicom-hong-kong-limited')!;
    expect(unicom.verdict).toMatch(/^US persons may not buy its securities/);
    expect(unicom.listings[0]).toMatchObject({ listId: 'ofac-ns-cmic', inForce: true, since: '2021-06-03', divestBy: '2022-06-03' });
    expect(unicom.listings[0].meaning).toBe(dataset.lists.find((list) => list.id === 'ofac-ns-cmic')!.effect);
    expect(unicom.divest).toBe('Divest by Jun 3, 2022: passed');
    expect(report.rows.find((row) => row.entityId === 'lukoil')!.verdict).toMatch(/^Blocked/);
    expect(report.rows.find((row) => row.entityId === 'hesai-group')!.verdict).toBe('Caution only: no ban on buying or holding its securities.');
  });

  it('with programs, their buy / hold / sell and summaries, and days left to divest', () => {
    const report = checkFixture('schwab-positions.csv', withPrograms());
    const unicom = report.rows.find((row) => row.entityId === 'china-unicom-hong-kong-limited')!;
    // The divestment window is still open on the report's date: selling to divest is allowed.
    expect(unicom.verdict).toBe('US persons may not buy, may hold, may sell.');
    expect(unicom.listings[0].meaning).toBe(cmic.summary);
    expect(unicom.divest).toBe('Divest by Jan 10, 2027: 40 days left');
    expect(unicom.sources).toContain('https://ofac.treasury.gov/faqs/899');
    const lukoil = report.rows.find((row) => row.entityId === 'lukoil')!;
    expect(lukoil.verdict).toBe('US persons may not buy, may not hold, need an OFAC licence to sell.');
    // The SSI listing has no program in this data: its list's effect still explains it.
    expect(lukoil.listings.find((listing) => listing.listId === 'ofac-ssi')!.meaning).toMatch(/^Not blocked/);
  });
});

describe('formerly listed companies and rulings', () => {
  it('are labelled, carry their court rulings, and count with the clear ones', () => {
    const report = checkFixture('schwab-positions.csv');
    const xiaomi = report.rows.find((row) => row.entityId === 'xiaomi-corporation')!;
    expect(xiaomi.status).toBe('formerly-listed');
    expect(xiaomi.listings[0]).toMatchObject({ listId: 'dod-1237', status: 'vacated', inForce: false, until: '2021-05-25' });
    expect(xiaomi.rulings.map((ruling) => ruling.date)).toEqual(['2021-05-25', '2021-03-12']);
    expect(xiaomi.divest).toBeUndefined();
    expect(report.summary).toMatchObject({ prohibited: 2, restricted: 1, caution: 1, check: 1, clear: 5, formerlyListed: 1 });
  });

  it('the summary line leaves out "to check" when nothing needs checking', () => {
    expect(summaryLine({ prohibited: 0, restricted: 0, caution: 1, check: 0, clear: 3, formerlyListed: 0 })).toBe('0 prohibited · 0 restricted · 1 caution · 3 clear');
  });

  it('a clear holding says what was checked and the date of the trading lists behind it', () => {
    const report = checkFixture('schwab-positions.csv');
    const apple = report.rows.find((row) => row.symbol === 'AAPL')!;
    // The OFAC file (2026-01-08) decides "may not buy"; the FCC table (2026-07-28) is newer but
    // would make the clear verdict look seven months fresher than it is.
    // Of the fixture's 12 lists, 5 hold none of its 13 companies: 7 lists checked something.
    expect(apple.explanation).toBe(`Checked symbol AAPL, name “APPLE INC” against 13 companies on 7 lists (data ${dataset.version}, OFAC lists as of Jan 8, 2026): no match.`);
    expect(report.dataAsOf).toBe('2026-01-08');
  });

  it('words each listed holding’s chip as the popup and hover card do: blocked (SDN) apart from buying banned', () => {
    const chips = checkFixture('schwab-positions.csv').rows.map((row) => `${row.symbol} ${row.chip ?? '-'}`);
    expect(chips.slice(0, 6)).toEqual(['CHU Buying banned', 'LUKOY Blocked', 'OGZPY Restricted', 'HSAI Caution', 'CHU -', 'XIACY -']);
  });

  it('counts only the lists that hold a company: a list with no entries yet checked nothing', () => {
    const withEmptyList: Dataset = { ...dataset, lists: [...dataset.lists, { ...dataset.lists[0], id: 'uflpa', name: 'UFLPA Entity List', shortName: 'UFLPA' }] };
    const apple = checkFixture('schwab-positions.csv', withEmptyList).rows.find((row) => row.symbol === 'AAPL')!;
    expect(apple.explanation).toContain('against 13 companies on 7 lists');
  });
});
