// The SDN list read from OFAC's ENHANCED XML export (SDN_ENHANCED.XML), the file `data:fetch`
// downloads every day: which entries become companies, the dates they carry, which SDN source wins
// when the legacy sdn.csv is given too, and what the dataset and the lock then say about it.
// Fixture: tests/fixtures/data/sdn-xml/ (real consolidated-list records in the shared schema; see its README).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/dataset/types';
import { checkDataset } from '../../lib/dataset/validate';
import { buildDataset } from '../../scripts/data/build';
import type { CuratedEntity } from '../../scripts/data/curated';
import { loadInputs, type InputKind, type SourcePaths } from '../../scripts/data/load';
import { parseOfacEnhancedXml } from '../../scripts/data/ofac-enhanced';
import { readSdnEnhancedXml } from '../../scripts/data/ofac-sdn';
import { serializeDataset } from '../../scripts/data/serialize';
import { streamElements, streamFileElements, type XmlElement } from '../../scripts/data/xml';
import { buildRecord } from '../../scripts/fetch/build-record';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (p: string) => join(ROOT, 'tests/fixtures', p);
const SDN_XML = fixture('data/sdn-xml/SDN_ENHANCED.XML');
const base: SourcePaths = {
  curated: join(ROOT, 'data/curated.json'),
  ofacXml: fixture('data/ofac-enhanced.xml'),
  sdnHistory: fixture('data/sdn-first-seen.csv'),
  dod1260h: fixture('data/dod-1260h.csv'),
  fcc: fixture('data/fcc-covered.csv'),
  ndaaDir: fixture('data/ndaa'),
};
const legacy: Partial<SourcePaths> = { sdnDir: fixture('data/sdn'), sdnAuxDir: fixture('data/sdn-aux'), sdnAsOf: '2024-05-03', sdnAuxAsOf: '2025-09-01' };

/** Two SDN entries of the fixture that no curated issuer names, tied to one the way the curated file ties Rosbank. */
const TIES: CuratedEntity[] = [
  { id: 'kinef', name: 'Kinef', sdn: ['23568'], source: 'https://ofac.treasury.gov/recent-actions/20250110' },
  { id: 'veb-asia', name: 'VEB Asia Limited', sdn: ['18295'], source: 'https://ofac.treasury.gov/recent-actions/20220222' },
];

function build(paths: SourcePaths, ties: CuratedEntity[] = TIES) {
  const read: { input: InputKind; path: string }[] = [];
  const inputs = loadInputs(paths, (input, path) => read.push({ input, path }));
  inputs.curated = { ...inputs.curated, entities: [...inputs.curated.entities, ...ties] };
  return { ...buildDataset(inputs), read };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdn-xml-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('reading SDN_ENHANCED.XML', () => {
  it('keeps the entities the file puts on the SDN List, each with the date it gives, and nothing else', () => {
    const file = readSdnEnhancedXml(SDN_XML);
    expect(file.asOf).toBe('2026-01-08');
    // China Telecom (NS-CMIC only) is not on the SDN List; Mahmoud Zahhar is an individual.
    expect(file.records.map((r) => [r.ofacId, r.kind, r.lists])).toEqual([
      ['23568', 'entity', [{ list: 'ofac-sdn', since: '2018-01-26' }]],
      ['18295', 'entity', [{ list: 'ofac-sdn', since: '2022-02-22' }]],
    ]);
    expect(file.records[0].names.map((n) => n.name)).toContain('KINEF OOO');
    expect(file.notes.join('\n')).toMatch(/1 entity is not on the SDN List/);
    expect(file.notes.join('\n')).toMatch(/2 SDN entities read; 1 individual, vessel or aircraft record left out/);
  });

  it('says when the file given as the SDN list is filtered to another list', () => {
    // The fixture's publicationInfo is the consolidated export's, as its README says.
    expect(readSdnEnhancedXml(SDN_XML).notes[0]).toMatch(/filtered to "Consolidated List", not "SDN List"/);
  });

  it('reads a file piece by piece exactly as it reads the whole text, even when a piece ends inside a Chinese or Cyrillic letter', () => {
    const collect = (run: (on: (element: XmlElement) => void) => void) => {
      const seen: XmlElement[] = [];
      run((element) => seen.push(element));
      return seen;
    };
    const names = new Set(['publicationInfo', 'entity']);
    // The consolidated excerpt: the same schema, with DJI's Chinese and Gazprombank's Cyrillic names.
    const file = fixture('data/ofac-enhanced.xml');
    const whole = collect((on) => streamElements(readFileSync(file, 'utf8'), names, on));
    for (const pieceBytes of [7, 1 << 20]) {
      expect(collect((on) => streamFileElements(file, names, on, pieceBytes))).toEqual(whole);
    }
    expect(JSON.stringify(whole)).toMatch(/[\u0400-\u04ff]/);
    expect(JSON.stringify(whole)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a cut-off or foreign file, naming it and the place, and reads nothing from it', () => {
    const dir = tempDir();
    const cut = join(dir, 'SDN_ENHANCED.XML');
    writeFileSync(cut, readFileSync(SDN_XML, 'utf8').slice(0, 20_000));
    expect(() => loadInputs({ ...base, sdnXml: cut })).toThrow(new RegExp(`--sdn-xml ${cut}: .*line \\d+`));
    writeFileSync(cut, '<?xml version="1.0"?><html><body>Service unavailable</body></html>');
    expect(() => loadInputs({ ...base, sdnXml: cut })).toThrow(/not an OFAC ENHANCED XML file/);
    expect(() => loadInputs({ ...base, sdnXml: join(dir, 'missing.xml') })).toThrow(/no such file/);
  });

  it('takes a MICEX Code feature as the Moscow Exchange ticker, as sdn.csv’s remarks give it', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><sanctionsData><publicationInfo><dataAsOf>2026-11-30T00:00:00</dataAsOf></publicationInfo><entities>
      <entity id="20029"><generalInfo><entityType>Entity</entityType></generalInfo>
      <sanctionsLists><sanctionsList datePublished="2014-09-12">SDN List</sanctionsList></sanctionsLists>
      <names><name><isPrimary>true</isPrimary><translations><translation><script>Latin</script><formattedFullName>PJSC MOSTOTREST</formattedFullName></translation></translations></name></names>
      <features><feature><type>MICEX Code</type><value>MSTT</value></feature></features></entity></entities></sanctionsData>`;
    expect(parseOfacEnhancedXml(xml).records[0].tickers).toEqual([{ code: 'MSTT RU', comment: '(MOEX)' }]);
  });
});

describe('a build whose SDN source is SDN_ENHANCED.XML', () => {
  const { dataset, warnings, nameProblems, read } = build({ ...base, sdnXml: SDN_XML });
  const entity = (id: string): Entity => {
    const found = dataset.entities.find((e) => e.id === id);
    if (!found) throw new Error(`no entity ${id}`);
    return found;
  };

  it('is a valid dataset in which every OFAC name resolves to its company', () => {
    expect(checkDataset(JSON.parse(serializeDataset(dataset))).errors).toEqual([]);
    expect(nameProblems).toEqual([]);
  });

  it('dates an SDN issuer by the file’s own SDN List date', () => {
    expect(entity('veb-asia').listings).toEqual([
      expect.objectContaining({ list: 'ofac-sdn', status: 'active', since: '2022-02-22', sourceId: 'ofac-sdn' }),
    ]);
    expect(entity('veb-asia').listings[0].note).toBeUndefined();
  });

  it('replaces a file date before every SDN program of the entry (its SSI date) with OFAC’s notice', () => {
    // The file dates Kinef's SDN membership 2018-01-26, before EO 14024; OFAC designated it on 2025-01-10.
    const sdn = entity('kinef').listings.find((l) => l.list === 'ofac-sdn')!;
    expect(sdn).toMatchObject({ since: '2025-01-10', programs: ['sdn-blocking', 'eo14071-new-investment'] });
    expect(sdn.note).toMatch(/OFAC/);
  });

  it('names the ENHANCED export as the SDN source, with the file’s own date, and drops the legacy companions', () => {
    const sdn = dataset.sources.find((s) => s.id === 'ofac-sdn')!;
    expect(sdn).toMatchObject({ title: expect.stringMatching(/ENHANCED XML/), asOf: '2026-01-08' });
    expect(sdn.note).not.toMatch(/legacy/i);
    expect(dataset.sources.map((s) => s.id)).not.toContain('ofac-sdn-aux');
  });

  it('records the export in the lock with its official address and the date the file states', () => {
    const record = buildRecord({ read, dataset, datasetText: serializeDataset(dataset), datasetFile: 'dataset.json', fetched: {}, root: ROOT });
    const file = record.files.find((f) => f.input === 'sdn-xml')!;
    expect(file).toMatchObject({
      file: 'tests/fixtures/data/sdn-xml/SDN_ENHANCED.XML',
      sourceIds: ['ofac-sdn'],
      asOf: '2026-01-08',
      asOfFrom: expect.stringMatching(/dataAsOf/),
    });
    expect(new URL(file.url!).pathname).toBe('/api/PublicationPreview/exports/SDN_ENHANCED.XML');
    expect(record.files.some((f) => f.input === 'sdn-csv' || f.input === 'sdn-aux')).toBe(false);
  });

  it('says which curated SDN issuers the export does not carry, and gives them no SDN listing from it', () => {
    // Rosbank (ent 36496) is in the legacy sdn.csv, not in this four-record file.
    expect(warnings.some((w) => /SDN ent_num 36496 .* not an entity on the SDN List of SDN_ENHANCED\.XML/.test(w))).toBe(true);
    expect(dataset.entities.find((e) => e.id === 'rosbank')?.listings.some((l) => l.list === 'ofac-sdn') ?? false).toBe(false);
  });

  it('takes an SDN entry that carries OFAC’s Equity Ticker and ISIN features, with them', () => {
    // A variant made here, not an OFAC record: China Telecom's real record with its NS-CMIC
    // membership turned into an SDN List one, so the reader sees an SDN issuer with these features.
    const text = readFileSync(SDN_XML, 'utf8');
    const cmic = '<sanctionsList refId="92052" id="32982" datePublished="2021-06-03">Non-SDN CMIC List</sanctionsList>';
    expect(text).toContain(cmic);
    const dir = tempDir();
    writeFileSync(join(dir, 'SDN_ENHANCED.XML'), text.replace(cmic, '<sanctionsList refId="1550" id="32982" datePublished="2021-06-03">SDN List</sanctionsList>'));
    const variant = build({ ...base, sdnXml: join(dir, 'SDN_ENHANCED.XML') }, []);
    const telecom = variant.dataset.entities.find((e) => e.isins.includes('CNE1000002V2'))!;
    expect(telecom.tickers).toContainEqual({ exchange: 'HKEX', symbol: '728' });
    expect(telecom.listings.find((l) => l.list === 'ofac-sdn')).toMatchObject({ status: 'active', since: '2021-06-03', sourceId: 'ofac-sdn' });
    // With no curated tie, the entries without a ticker or ISIN stay out.
    expect(variant.dataset.entities.some((e) => e.listings.some((l) => l.list === 'ofac-sdn' && /kinef|veb asia/i.test(e.name)))).toBe(false);
  });
});

describe('when both SDN sources are given', () => {
  it('reads the ENHANCED export only, and says why the legacy files were not read', () => {
    const both = build({ ...base, ...legacy, sdnXml: SDN_XML });
    const alone = build({ ...base, sdnXml: SDN_XML });
    expect(serializeDataset(both.dataset)).toBe(serializeDataset(alone.dataset));
    expect(both.read.map((r) => r.input)).not.toContain('sdn-csv');
    expect(both.read.map((r) => r.input)).not.toContain('sdn-aux');
    expect(both.warnings[0]).toMatch(/--sdn-xml .* is the SDN source; the legacy --sdn-csv .* and --sdn-aux .* are not read .*bring back entries OFAC has removed/);
    // The legacy files alone still give what they always gave (Rosbank from sdn.csv).
    const old = build({ ...base, ...legacy }, []);
    expect(old.dataset.entities.find((e) => e.id === 'rosbank')?.listings[0]).toMatchObject({ list: 'ofac-sdn', since: '2022-12-15' });
  });
});

describe('npm run data:build with a fetched folder', () => {
  it('reads SDN_ENHANCED.XML from --sources, records it in the lock and says so', async () => {
    const dir = tempDir();
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    copyFileSync(fixture('data/ofac-enhanced.xml'), join(sources, 'CONS_ENHANCED.XML'));
    copyFileSync(SDN_XML, join(sources, 'SDN_ENHANCED.XML'));
    copyFileSync(fixture('data/fcc-covered.csv'), join(sources, 'fcc-covered.csv'));
    const lock = join(dir, 'sources.lock.json');
    writeFileSync(lock, JSON.stringify({ sources: {} }));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts/data-build.ts'), '--sources', sources, '--dod-1260h', fixture('data/dod-1260h.csv'), '--ndaa', fixture('data/ndaa'), '--out', join(dir, 'dataset.json'), '--lock', lock],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/SDN list: OFAC's ENHANCED XML export, as of 2026-01-08/);
    const files = JSON.parse(readFileSync(lock, 'utf8')).build.files as { input: string; file: string }[];
    expect(files.filter((f) => f.input === 'sdn-xml').map((f) => f.file)).toEqual(['SDN_ENHANCED.XML']);
  }, 60_000);
});
