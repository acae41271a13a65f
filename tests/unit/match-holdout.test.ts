// The held-out corpus (tests/corpus/holdout/), written apart from the matcher and its own corpus so it
// measures how the matcher does on pages nobody tuned it for. Same thresholds as the main corpus: a false
// "sanctioned" flag or a missed company on an investor's screen is the worst bug this product can have.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the held-out corpus',
  dir: 'tests/corpus/holdout',
  dataset: bundledDataset(),
  shape: 'has at least 150 snippets in English, Chinese and Russian, with traps',
  minSnippets: 150,
  langs: ['en', 'zh', 'ru'],
  minTraps: { count: 30 },
  checkLabels: true,
});
