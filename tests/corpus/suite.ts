// One test suite per labelled corpus: size and language mix, labels that resolve, and the product's
// bar — precision ≥ 0.98, recall ≥ 0.95 — with every miss and false hit in the failure message.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match/index';
import { dataGapsTheDataFills, describeScore, loadCorpus, scoreCorpus, unknownLabels } from './load';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The bundled dataset: corpus labels name companies by tickers, ISINs and local-script names it carries. */
export function bundledDataset(): Dataset {
  return JSON.parse(readFileSync(resolve(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
}

export interface CorpusSuite {
  title: string;
  /** Folder of the corpus, relative to the repository root. */
  dir: string;
  dataset: Dataset;
  /** The size test's name, saying what the corpus must hold. */
  shape: string;
  minSnippets: number;
  langs: string[];
  /** Traps (snippets with no label): a count, or a share of all snippets. */
  minTraps: { count: number } | { share: number };
  /** Check that every label names a company of the dataset. */
  checkLabels: boolean;
  /** The precision bar; 0.98 unless given. */
  minPrecision?: number;
  /** Every snippet must say where its text was copied from (`@ <url>`). */
  requireSources?: boolean;
  /**
   * Hold recall to the labels whose names the dataset holds (not marked ` !data`): names only the data can add
   * are the data's work, scored and printed but not the matcher's bar.
   */
  recallOnHeldNames?: boolean;
}

/**
 * A corpus copied from public pages (tests/corpus/real*): sourced passages in every script the product
 * reads, a third of them traps, every label checked, held to the product's bar on names the data holds.
 */
export function realCorpusSuite(suite: Pick<CorpusSuite, 'title' | 'dir' | 'minSnippets'> & { minPrecision?: number }): void {
  corpusSuite({
    dataset: bundledDataset(),
    shape: `has at least ${suite.minSnippets} sourced passages in English, Chinese (both scripts) and Russian, a third of them traps`,
    langs: ['en', 'zh', 'zh-Hant', 'ru'],
    minTraps: { share: 0.33 },
    checkLabels: true,
    minPrecision: 0.99,
    requireSources: true,
    recallOnHeldNames: true,
    ...suite,
  });
}

export function corpusSuite(suite: CorpusSuite): void {
  const { dataset } = suite;
  const snippets = loadCorpus(resolve(ROOT, suite.dir));

  describe(suite.title, () => {
    const score = scoreCorpus(createMatcher(dataset), dataset, snippets);
    const report = () => describeScore(score);

    it(suite.shape, () => {
      expect(snippets.length).toBeGreaterThanOrEqual(suite.minSnippets);
      expect(new Set(snippets.map((s) => s.lang))).toEqual(new Set(suite.langs));
      const traps = snippets.filter((s) => s.labels.length === 0).length;
      if ('count' in suite.minTraps) expect(traps).toBeGreaterThanOrEqual(suite.minTraps.count);
      else expect(traps / snippets.length).toBeGreaterThanOrEqual(suite.minTraps.share);
    });

    if (suite.checkLabels) {
      it('labels only companies the dataset knows, so a miss is the matcher’s and not a typo', () => {
        expect(unknownLabels(dataset, snippets)).toEqual([]);
      });
    }

    if (suite.requireSources) {
      it('says for every passage where its text was copied from', () => {
        expect(snippets.filter((s) => !s.source || !/^https?:\/\//.test(s.source)).map((s) => s.id)).toEqual([]);
      });
    }

    const minPrecision = suite.minPrecision ?? 0.98;
    it(`flags almost nothing a reader would not (precision ≥ ${minPrecision})`, () => {
      expect(score.precision, report()).toBeGreaterThanOrEqual(minPrecision);
    });

    if (suite.recallOnHeldNames) {
      it('marks as missing from the data only names the data does not hold', () => {
        expect(dataGapsTheDataFills(dataset, snippets)).toEqual([]);
      });
      it('misses almost nothing a reader would flag among names the data holds (recall ≥ 0.95)', () => {
        expect(score.recallOnHeldNames, report()).toBeGreaterThanOrEqual(0.95);
      });
    } else {
      it('misses almost nothing a reader would flag (recall ≥ 0.95)', () => {
        expect(score.recall, report()).toBeGreaterThanOrEqual(0.95);
      });
    }
  });
}
