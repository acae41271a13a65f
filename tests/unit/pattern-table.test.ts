// The compiled pattern table the background sends frames: turned back, it is exactly what the
// compiler made, it survives the JSON messages travel as, and a matcher built from it (all of it or
// some companies' rows) finds what `createMatcher` finds on every corpus snippet and fixture page.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher, createMatcherFromPatterns, createMatcherFromPatternsAsync } from '../../lib/match';
import { PatternDecoder, patternTable, patternsFromTable } from '../../lib/match/pattern-table';
import { compilePatterns } from '../../lib/match/patterns';
import { buildMatchIndex, partialIndex } from '../../lib/page-data/match-index';
import { buildPageView } from '../../lib/page/entity-view';
import { SubsetMatcher, lookupOf } from '../../lib/page/subset-matcher';
import { defaultSettings } from '../../lib/settings/defaults';
import { loadCorpus } from '../corpus/load';

const ROOT = join(import.meta.dirname, '../..');
const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
const texts = [
  ...['tests/corpus', 'tests/corpus/fresh', 'tests/corpus/fresh2'].flatMap((dir) => loadCorpus(join(ROOT, dir)).map((snippet) => snippet.text)),
  ...readdirSync(join(ROOT, 'tests/fixtures/pages'))
    .filter((file) => file.endsWith('.html'))
    .map((file) => readFileSync(join(ROOT, 'tests/fixtures/pages', file), 'utf8').replace(/<[^>]+>/g, ' ')),
];

describe('compiled pattern table', () => {
  const settings = { ...defaultSettings(), showHistorical: true };
  const view = buildPageView(dataset, settings).dataset;
  const compiled = compilePatterns(view);
  const position = new Map(view.entities.map((entity, i) => [entity.id, i]));
  // As a frame receives it: through JSON, against the trimmed entities of the match index.
  const index = JSON.parse(JSON.stringify(buildMatchIndex(dataset, settings))) as ReturnType<typeof buildMatchIndex>;

  it('gives back every pattern the compiler made, field for field, after a trip through JSON', () => {
    const table = JSON.parse(JSON.stringify(patternTable(compiled.patterns, (id) => position.get(id))));
    const decoded = patternsFromTable(new PatternDecoder(table, index.entities));
    expect(decoded.length).toBe(compiled.patterns.length);
    expect(decoded).toStrictEqual(compiled.patterns);
  });

  it('refuses a pattern of a company the table does not list (a frame could not name it)', () => {
    expect(() => patternTable(compiled.patterns, () => undefined)).toThrow(/not among the table's entities/);
  });

  it('builds the matcher createMatcher builds: same matches on every corpus snippet and fixture page', () => {
    const full = createMatcher(view);
    const fromTable = createMatcherFromPatterns({ patterns: patternsFromTable(new PatternDecoder(index.patterns, index.entities)), warnings: [] });
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) {
      expect(fromTable.scan(text)).toEqual(full.scan(text));
      expect(fromTable.scan(text, { tickerContext: true })).toEqual(full.scan(text, { tickerContext: true }));
    }
  }, 120_000);

  it('builds the same matcher in short stretches, pausing between them', async () => {
    let pauses = 0;
    const patterns = patternsFromTable(new PatternDecoder(index.patterns, index.entities));
    const sliced = await createMatcherFromPatternsAsync({ patterns, warnings: [] }, { sliceMs: 0, pause: async () => void (pauses += 1) });
    expect(pauses).toBeGreaterThan(10);
    const full = createMatcher(view);
    for (const text of texts.slice(0, 80)) expect(sliced.scan(text)).toEqual(full.scan(text));
  });

  it('keeps what the compiler reads beyond the names: a Russian two-word name written as one word (Gazpromneft)', async () => {
    const text = 'Sanctions hit Gazpromneft and its refineries.';
    const expected = createMatcher(view).scan(text);
    expect(expected.map((match) => match.entityId)).toEqual(['gazprom-neft']);
    const subset = await SubsetMatcher.create(partialIndex(index, ['gazpromneft'])!, lookupOf(Object.keys(index.tokens)));
    expect(subset.size).toBeLessThan(10);
    expect(subset.scan(text)).toEqual(expected);
  });
});
