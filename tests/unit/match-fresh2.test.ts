// The fresh2 corpus (tests/corpus/fresh2/): a third audit, written without reading the matcher's rules or its
// other corpora — quote strips and broker screens, Russian wires with case endings, Traditional Chinese, filings
// and social posts, with the traps of each genre. It holds the matcher to the same bar as the main corpus.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';
import { describeScore, loadCorpus, scoreCorpus, unknownLabels } from '../corpus/load';

const ROOT = resolve(import.meta.dirname, '../..');
// Labels name companies by their tickers, ISINs and local-script names, which only the bundled dataset carries.
const dataset = JSON.parse(readFileSync(resolve(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
const snippets = loadCorpus(resolve(ROOT, 'tests/corpus/fresh2'));

describe('matcher on the fresh2 corpus', () => {
  const score = scoreCorpus(createMatcher(dataset), dataset, snippets);
  const report = () => describeScore(score);

  it('has at least 100 snippets in English, Chinese (both scripts) and Russian, at least a fifth of them traps', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(100);
    expect(new Set(snippets.map((s) => s.lang))).toEqual(new Set(['en', 'zh', 'zh-Hant', 'ru']));
    expect(snippets.filter((s) => s.labels.length === 0).length / snippets.length).toBeGreaterThanOrEqual(0.2);
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
