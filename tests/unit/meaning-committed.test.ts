// What the shipped data tells a US person about two kinds of ban, in the words every view uses:
// blocking (SDN, Sberbank) and the NS-CMIC securities ban (China Mobile).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityMeaning, permissionLine, listingMeaning } from '../../components/meaning';
import { listingPermissions, programIndex } from '../../lib/dataset/effect';
import type { Dataset } from '../../lib/dataset/types';
import { checkPositionsFile } from '../../lib/portfolio/check';
import { createHoldingIdentifier } from '../../lib/portfolio/identify';

const dataset = JSON.parse(readFileSync(join(process.cwd(), 'public/data/dataset.json'), 'utf8')) as Dataset;
const data = { lists: new Map(dataset.lists.map((list) => [list.id, list])), programs: programIndex(dataset) };
const entity = (id: string) => dataset.entities.find((candidate) => candidate.id === id)!;
const NOW = new Date('2026-12-01T12:00:00Z');

describe('what a listing means, from the shipped data', () => {
  it('a blocked company: holdings only frozen and reported, never "holding allowed", and no EO 14071 sale line beside it', () => {
    const sberbank = entityMeaning(entity('sberbank'), data, NOW);
    expect(permissionLine(sberbank.permissions!)).toBe('Buy: not allowed · Hold: only frozen, reported to OFAC · Sell: needs an OFAC licence');
    expect(sberbank.chip).toBe('Blocked');
    const sdn = listingMeaning(entity('sberbank').listings.find((listing) => listing.list === 'ofac-sdn')!, data, NOW);
    expect(sdn.short).toMatch(/frozen and reported to OFAC/);
    expect(sdn.short).not.toMatch(/allowed/);
  });

  it('an NS-CMIC company: buying banned, holding not, a sale after the window needs a licence', () => {
    const chinaMobile = entityMeaning(entity('china-mobile-limited'), data, NOW);
    expect(chinaMobile.chip).toBe('Buying banned');
    expect(permissionLine(chinaMobile.permissions!)).toBe('Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence');
  });

  it('the portfolio report says the same of a blocked holding', () => {
    const csv = new TextEncoder().encode('Symbol,Description,Quantity\nSBRCY,SBERBANK RUSSIA ADR,100\n');
    const result = checkPositionsFile(csv, dataset, createHoldingIdentifier(dataset), { source: 'positions.csv', now: NOW });
    if (!result.ok) throw new Error(result.problem);
    const row = result.report.rows.find((candidate) => candidate.entityId === 'sberbank')!;
    expect(row.verdict).toBe('US persons may not buy, must freeze and report to OFAC what they hold, need an OFAC licence to sell.');
    const sdn = row.listings.find((listing) => listing.listId === 'ofac-sdn')!;
    expect(sdn.meaning).not.toMatch(/non-US person are allowed/);
  });
});

describe('an NS-CMIC listing over time', () => {
  const chinaMobile = entity('china-mobile-limited');
  const listing = { ...chinaMobile.listings.find((candidate) => candidate.list === 'ofac-ns-cmic')!, since: '2026-11-01', effective: '2026-12-31', divestBy: '2027-11-01' };
  const programs = [data.programs.get('ns-cmic-eo14032')!];
  const line = (day: string) => permissionLine(listingPermissions(listing, programs, new Date(`${day}T12:00:00Z`))!);

  it('before its effective date nothing is banned yet; then buying is, and selling only to divest until the divest-by date; after it a sale needs a licence', () => {
    expect(line('2026-12-01')).toBe('Buy: allowed · Hold: allowed · Sell: allowed');
    expect(line('2026-12-31')).toBe('Buy: not allowed · Hold: allowed · Sell: allowed');
    expect(line('2027-11-01')).toBe('Buy: not allowed · Hold: allowed · Sell: allowed');
    expect(line('2027-11-02')).toBe('Buy: not allowed · Hold: allowed · Sell: needs an OFAC licence');
  });
});
