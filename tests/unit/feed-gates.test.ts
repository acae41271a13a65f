// Publish gates and the signed change list: what feed:build refuses (and says why) and what it
// records as changed between the last published list and the new one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDataset } from '../../lib/dataset/project';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { checkDataset } from '../../lib/dataset/validate';
import { checkChanges, diffDatasets } from '../../lib/dataset/changes';
import { checkGates, checkPublishedSize } from '../../scripts/feed/gates';

const bundled: Dataset = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/dataset.json'), 'utf8'));
const copy = (): Dataset => structuredClone(bundled);
const byId = (d: Dataset, id: string): Entity => d.entities.find((e) => e.id === id)!;
const newer = (d: Dataset): Dataset => ({ ...d, version: d.version.replace(/\.(\d+)$/, (_, n) => `.${Number(n) + 1}`) });

const XIAOMI = 'xiaomi-corporation';

/** The dataset without these companies, links to them dropped so it stays valid. */
function without(d: Dataset, drop: (e: Entity) => boolean): Dataset {
  const gone = new Set(d.entities.filter((e) => drop(e) && e.rulings.length === 0).map((e) => e.id));
  d.entities = d.entities.filter((e) => !gone.has(e.id));
  for (const e of d.entities) if (e.related) e.related = e.related.filter((r) => !gone.has(r.id));
  return d;
}
const cmic = bundled.entities.find((e) => e.listings.some((l) => l.list === 'ofac-ns-cmic' && l.status === 'active'))!;

describe('publish gates', () => {
  it('passes an ordinary update and the first publication', () => {
    const next = newer(copy());
    next.entities.push({ ...structuredClone(cmic), id: 'halvard-quantum-systems', name: 'Halvard Quantum Systems Co., Ltd.', aliases: ['Halvard Quantum Systems'], weakAliases: [], tickers: [], isins: [], rulings: [], related: undefined });
    expect(checkGates(next, bundled)).toEqual([]);
    expect(checkGates(next, undefined)).toEqual([]);
  });

  it('refuses a dataset that fails validation, naming the field', () => {
    const broken = newer(copy()) as unknown as Record<string, unknown>;
    (broken.entities as Entity[])[0].listings[0].status = 'sometimes' as never;
    const [failure] = checkGates(broken, bundled);
    expect(failure.gate).toBe('validation');
    expect(failure.message).toMatch(/entities\[0\].*status/);
  });

  it('refuses a dataset that would drop more than the allowed share of companies or listings in force', () => {
    const cut = Math.floor(bundled.entities.length * 0.8);
    const next = without(newer(copy()), (e) => bundled.entities.indexOf(byId(bundled, e.id)) >= cut);
    const failures = checkGates(next, bundled);
    expect(failures.map((f) => f.gate)).toEqual(['drop', 'drop']);
    expect(failures[0].message).toMatch(/companies \((19|20) %\) would disappear at once, more than the 10 % allowed/);
    // A looser limit lets a known large removal through.
    expect(checkGates(next, bundled, { maxEntityDrop: 0.25, maxListingDrop: 0.25 })).toEqual([]);
  });

  it('counts listings that stop being in force, not only companies that disappear', () => {
    const next = newer(copy());
    let ended = 0;
    for (const entity of next.entities) {
      for (const listing of entity.listings) {
        if (listing.status === 'active' && ended < 200) {
          listing.status = 'removed';
          listing.until = '2026-11-30';
          ended++;
        }
      }
    }
    const failures = checkGates(next, bundled);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ gate: 'drop' });
    expect(failures[0].message).toMatch(/listings in force .* would disappear or stop being in force/);
  });

  it('refuses sources whose as-of date goes back, or that are gone', () => {
    const next = newer(copy());
    next.sources[0] = { ...next.sources[0], asOf: '2020-01-01' };
    next.sources.pop();
    const failures = checkGates(next, bundled);
    expect(failures.map((f) => f.gate)).toEqual(['as-of', 'as-of']);
    expect(failures[0].message).toContain(`goes back from ${bundled.sources[0].asOf} to 2020-01-01`);
    expect(failures[1].message).toContain(`"${bundled.sources.at(-1)!.id}"`);
  });

  it('lets the SDN companions go when the SDN list itself is at least as new (a build from OFAC’s ENHANCED export), not otherwise', () => {
    const next = newer(copy());
    const aux = bundled.sources.find((s) => s.id === 'ofac-sdn-aux')!;
    next.sources = next.sources.filter((s) => s.id !== 'ofac-sdn-aux').map((s) => (s.id === 'ofac-sdn' ? { ...s, asOf: aux.asOf } : s));
    expect(checkGates(next, bundled)).toEqual([]);
    next.sources = next.sources.map((s) => (s.id === 'ofac-sdn' ? { ...s, asOf: '2025-08-31' } : s));
    expect(checkGates(next, bundled).map((f) => f.message)).toEqual([`source "ofac-sdn-aux" (as of ${aux.asOf}) is missing from the new dataset`]);
  });

  it('refuses poisoned data: a name made of ordinary words (blast radius)', () => {
    const next = newer(copy());
    byId(next, XIAOMI).aliases.push('the');
    const [failure] = checkGates(next, bundled);
    expect(failure.gate).toBe('blast-radius');
    expect(failure.message).toMatch(/"the" is one of the most frequent words/);
  });

  it('refuses changed data under a version that is not newer, but lets the same data be signed again', () => {
    const same = copy();
    expect(checkGates(same, bundled, undefined, true)).toEqual([]);
    const changed = copy();
    byId(changed, XIAOMI).aliases.push('Xiaomi Global Holdings');
    const [failure] = checkGates(changed, bundled, undefined, false);
    expect(failure).toMatchObject({ gate: 'version' });
    expect(failure.message).toMatch(/bump "revision"/);
  });
});

describe('published size', () => {
  it('refuses a dataset file larger than the extension downloads, and passes the bundled one', () => {
    expect(checkPublishedSize(JSON.stringify(bundled).length)).toEqual([]);
    expect(checkPublishedSize(3 * 1024 * 1024)).toEqual([expect.objectContaining({ gate: 'size' })]);
  });
});

describe('changes written into the signed feed', () => {
  it('names companies and listings added, removed, vacated and re-dated, rulings added and sources updated', () => {
    const next = newer(copy());
    next.entities.push({ ...structuredClone(cmic), id: 'halvard-quantum-systems', name: 'Halvard Quantum Systems Co., Ltd.', listings: [{ list: 'ofac-ns-cmic', status: 'active', since: '2026-11-20', source: cmic.listings[0].source }], rulings: [], related: undefined });
    const active = next.entities.find((e) => e.id !== 'halvard-quantum-systems' && e.listings.filter((l) => l.list === 'dod-1260h').length === 1 && e.listings.some((l) => l.list === 'dod-1260h' && l.status === 'active'))!;
    const listing = active.listings.find((l) => l.list === 'dod-1260h')!;
    listing.status = 'removed';
    listing.until = '2026-11-23';
    const redatedEntity = next.entities.find((e) => e !== active && e.id !== 'halvard-quantum-systems' && e.listings.filter((l) => l.list === 'ofac-ns-cmic').length === 1)!;
    const redated = redatedEntity.listings.find((l) => l.list === 'ofac-ns-cmic')!;
    const oldSince = redated.since;
    redated.since = '2021-01-01';
    next.sources[0] = { ...next.sources[0], asOf: '2026-11-24' };

    const changes = diffDatasets(bundled, next);
    expect(changes).toMatchObject({ from: bundled.version, to: next.version });
    expect(changes.items).toContainEqual({ kind: 'company-added', entity: 'halvard-quantum-systems', name: 'Halvard Quantum Systems Co., Ltd.' });
    expect(changes.items).toContainEqual(expect.objectContaining({ kind: 'listing-added', entity: 'halvard-quantum-systems', list: 'ofac-ns-cmic', date: '2026-11-20' }));
    expect(changes.items).toContainEqual(expect.objectContaining({ kind: 'listing-removed', entity: active.id, list: 'dod-1260h', date: '2026-11-23' }));
    expect(changes.items).toContainEqual(expect.objectContaining({ kind: 'listing-redated', entity: redatedEntity.id, date: '2021-01-01', previousDate: oldSince }));
    expect(changes.items).toContainEqual(expect.objectContaining({ kind: 'source-updated', ref: bundled.sources[0].id, date: '2026-11-24', previousDate: bundled.sources[0].asOf }));
    expect(changes.items).toHaveLength(5);
  });

  it('records a vacated listing and a ruling that came with it', () => {
    const before = copy();
    const ruling = before.rulings.find((r) => byId(before, r.entities[0]).listings.some((l) => l.status === 'active'))!;
    expect(ruling).toBeDefined();
    before.rulings = before.rulings.filter((r) => r.id !== ruling.id);
    for (const e of before.entities) e.rulings = e.rulings.filter((r) => r !== ruling.id);
    const next = newer(copy());
    const entity = byId(next, ruling.entities[0]);
    const listing = entity.listings.find((l) => l.status === 'active')!;
    listing.status = 'vacated';
    listing.until = ruling.date;
    const items = diffDatasets(before, next).items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'ruling-added', ref: ruling.id, date: ruling.date }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'listing-vacated', entity: entity.id, date: ruling.date }));
  });

  it('is a valid part of the dataset, kept when the extension keeps only known fields', () => {
    const dropped = bundled.entities.find((e) => e.rulings.length === 0 && !bundled.entities.some((o) => o.related?.some((r) => r.id === e.id)))!;
    const next = without(newer(copy()), (e) => e.id === dropped.id);
    const changes = diffDatasets(bundled, next);
    expect(changes.items).toEqual([{ kind: 'company-dropped', entity: dropped.id, name: dropped.name }]);
    const withChanges = { ...next, changes };
    const checked = checkDataset(withChanges);
    expect(checked.errors).toEqual([]);
    if (!checked.ok) throw new Error("invalid");
    expect(projectDataset(checked.dataset).changes).toEqual(changes);
  });

  it('refuses a change list with unknown kinds, bad dates or non-https sources', () => {
    const problems = checkChanges({ from: 'a', to: 'b', items: [{ kind: 'watchlist-added' }, { kind: 'listing-added', date: '26/11/2026', source: 'javascript:alert(1)' }] });
    expect(problems.map((p) => p.path)).toEqual(['changes.items[0].kind', 'changes.items[1].date', 'changes.items[1].source']);
  });
});
