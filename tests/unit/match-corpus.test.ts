// The labelled corpus, scored: a false "sanctioned" flag or a missed one is the worst bug this product can
// have, so the build fails when precision drops below 0.98 or recall below 0.95. Runs against the bundled
// dataset once the data build has produced it, else against the mini fixture built from the reference facts.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import { ROOT, corpusSuite } from '../corpus/suite';

const BUNDLED = resolve(ROOT, 'public/data/dataset.json');
const datasetPath = existsSync(BUNDLED) ? BUNDLED : resolve(ROOT, 'tests/fixtures/mini-dataset.json');

corpusSuite({
  title: `matcher corpus (${datasetPath.replace(ROOT + '/', '')})`,
  dir: 'tests/corpus',
  dataset: JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset,
  shape: 'has at least 150 snippets in English, Chinese and Russian, with traps',
  minSnippets: 150,
  langs: ['en', 'zh', 'ru'],
  minTraps: { count: 30 },
  checkLabels: false,
});
