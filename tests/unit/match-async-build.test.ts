// The page builds its matcher in short stretches (createMatcherAsync) so no task of the page is
// long; what it finds must be exactly what the one-go build finds, on every corpus snippet.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher, createMatcherAsync } from '../../lib/match/index';
import { loadCorpus } from '../corpus/load';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLED = resolve(ROOT, 'public/data/dataset.json');
const dataset = JSON.parse(readFileSync(existsSync(BUNDLED) ? BUNDLED : resolve(ROOT, 'tests/fixtures/mini-dataset.json'), 'utf8')) as Dataset;
const snippets = [
  ...loadCorpus(resolve(ROOT, 'tests/corpus')),
  ...loadCorpus(resolve(ROOT, 'tests/corpus/fresh')),
  ...loadCorpus(resolve(ROOT, 'tests/corpus/holdout')),
];

describe('matcher built in stretches', () => {
  it('finds the same companies, spans and rules as the one-go build on every corpus snippet', async () => {
    const whole = createMatcher(dataset);
    let pauses = 0;
    // A zero budget pauses after every entity: the most finely split build there can be.
    const sliced = await createMatcherAsync(dataset, {
      sliceMs: 0,
      pause: async () => {
        pauses += 1;
      },
    });
    expect(pauses).toBeGreaterThan(dataset.entities.length / 2);
    expect(sliced.stats).toEqual(whole.stats);
    expect(sliced.warnings).toEqual(whole.warnings);
    let found = 0;
    for (const snippet of snippets) {
      const expected = whole.scan(snippet.text);
      found += expected.length;
      expect(sliced.scan(snippet.text), snippet.id).toEqual(expected);
    }
    expect(found).toBeGreaterThan(100);
    // Two builds and every corpus snippet scanned twice: on a busy shared machine this takes longer than the
    // default 5 s. It checks equality, not speed (speed is the matcher benchmark's).
  }, 60_000);

  it('hands control back between stretches by default', async () => {
    let otherWorkRan = false;
    setTimeout(() => {
      otherWorkRan = true;
    }, 0);
    await createMatcherAsync(dataset, { sliceMs: 1 });
    expect(otherWorkRan).toBe(true);
  });
});
