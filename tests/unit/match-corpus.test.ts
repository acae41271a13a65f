// The labelled corpus, scored: a false "sanctioned" flag or a missed one is the worst bug this product can
// have, so the build fails when precision drops below 0.98 or recall below 0.95. Runs against the bundled
// dataset once the data build has produced it, else against the mini fixture built from the reference facts.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';
import { describeScore, loadCorpus, scoreCorpus } from '../corpus/load';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLED = resolve(ROOT, 'public/data/dataset.json');
const datasetPath = existsSync(BUNDLED) ? BUNDLED : resolve(ROOT, 'tests/fixtures/mini-dataset.json');
const dataset = JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset;
const snippets = loadCorpus(resolve(ROOT, 'tests/corpus'));

describe(`matcher corpus (${datasetPath.replace(ROOT + '/', '')})`, () => {
  const score = scoreCorpus(createMatcher(dataset), dataset, snippets);
  const report = () => describeScore(score);

  it('has at least 150 snippets in English, Chinese and Russian, with traps', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(snippets.map((s) => s.lang))).toEqual(new Set(['en', 'zh', 'ru']));
    expect(snippets.filter((s) => s.labels.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('flags almost nothing a reader would not (precision ≥ 0.98)', () => {
    expect(score.precision, report()).toBeGreaterThanOrEqual(0.98);
  });

  it('misses almost nothing a reader would flag (recall ≥ 0.95)', () => {
    expect(score.recall, report()).toBeGreaterThanOrEqual(0.95);
  });
});
