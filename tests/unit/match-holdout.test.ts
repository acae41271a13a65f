// The held-out corpus (tests/corpus/holdout/), written apart from the matcher and its own corpus so it
// measures how the matcher does on pages nobody tuned it for. Same thresholds as the main corpus: a false
// "sanctioned" flag or a missed company on an investor's screen is the worst bug this product can have.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';
import { describeScore, loadCorpus, scoreCorpus, unknownLabels } from '../corpus/load';

const ROOT = resolve(import.meta.dirname, '../..');
// The labels name companies of the bundled dataset (tickers, ISINs, local-script names), so only it will do.
const dataset = JSON.parse(readFileSync(resolve(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
const snippets = loadCorpus(resolve(ROOT, 'tests/corpus/holdout'));

describe('matcher on the held-out corpus', () => {
  const score = scoreCorpus(createMatcher(dataset), dataset, snippets);
  const report = () => describeScore(score);

  it('has at least 150 snippets in English, Chinese and Russian, with traps', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(snippets.map((s) => s.lang))).toEqual(new Set(['en', 'zh', 'ru']));
    expect(snippets.filter((s) => s.labels.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('labels only companies the dataset knows, so a miss is the matcher’s and not a typo', () => {
    expect(unknownLabels(dataset, snippets)).toEqual([]);
  });

  it('flags almost nothing a reader would not (precision ≥ 0.98)', () => {
    expect(score.precision, report()).toBeGreaterThanOrEqual(0.98);
  });

  it('misses almost nothing a reader would flag (recall ≥ 0.95)', () => {
    expect(score.recall, report()).toBeGreaterThanOrEqual(0.95);
  });
});
