// @vitest-environment happy-dom
// "Check holdings on this page": the rows of the page's tables that hold its findings, checked as a portfolio.
import { describe, expect, it } from 'vitest';
import { tablesHolding } from '../../lib/page/holdings-rows';
import { checkPageTables } from '../../lib/portfolio/check';
import { PAGE_LAYOUT } from '../../lib/portfolio/layouts';
import { dataset, identifier, NOW } from './portfolio-helpers';

const PAGE = `
  <table id="nav"><tr><td>Markets</td><td>News</td></tr></table>
  <table id="positions">
    <thead><tr><th>Symbol</th><th>Name</th><th>Qty</th><th>Value</th></tr></thead>
    <tbody>
      <tr><td><a href="/quote/0941.HK">941</a> <span>HK</span></td><td>China Mobile Ltd</td><td>2000</td><td>$95,707.57</td></tr>
      <tr><td><a href="/quote/AAPL">AAPL</a></td><td>Apple Inc.</td><td>40</td><td>$4,814.29</td></tr>
      <tr><td><a href="/quote/1810.HK">1810.HK</a></td><td>Xiaomi Corp. Class B</td><td>3000</td><td>$72,232.08</td></tr>
    </tbody>
  </table>
  <div role="grid" id="watch">
    <div role="row"><span role="columnheader">Ticker</span><span role="columnheader">Company</span></div>
    <div role="row"><span role="gridcell">LUKOY</span><span role="gridcell">Lukoil PJSC ADR</span></div>
  </div>`;

describe('tables holding the findings', () => {
  it('reads only the tables (HTML and ARIA grids) that hold a finding\'s text, header first', () => {
    document.body.innerHTML = PAGE;
    const tables = tablesHolding(document, ['941 HK', 'Xiaomi', 'LUKOY']);
    expect(tables).toHaveLength(2);
    expect(tables[0][0]).toEqual(['Symbol', 'Name', 'Qty', 'Value']);
    expect(tables[0][1]).toEqual(['941 HK', 'China Mobile Ltd', '2000', '$95,707.57']);
    expect(tables[1]).toEqual([['Ticker', 'Company'], ['LUKOY', 'Lukoil PJSC ADR']]);
    expect(tablesHolding(document, [])).toEqual([]);
  });

  it('checks those rows like a positions file: one holding per row, matched companies as on the page', () => {
    document.body.innerHTML = PAGE;
    const result = checkPageTables(tablesHolding(document, ['941 HK', 'Xiaomi', 'LUKOY']), dataset, identifier, { source: 'the page', fallback: PAGE_LAYOUT, now: NOW });
    if (!result.ok) throw new Error(result.problem);
    expect(result.report.rows.map((row) => `${row.status} ${row.entityId ?? row.symbol}`)).toEqual([
      'prohibited china-mobile-limited',
      'prohibited lukoil',
      'formerly-listed xiaomi-corporation',
      'clear AAPL',
    ]);
  });

  it('says so when no table holds the findings', () => {
    expect(checkPageTables([], dataset, identifier, { source: 'the page', now: NOW })).toEqual({ ok: false, problem: 'No table with the page\'s findings was found on this page.' });
  });
});
