// The real corpus (tests/corpus/real/): passages copied from public pages, filings, exchange notices, court
// records, forums and code, each with its source address, labelled before the matcher was run on them. A
// third are traps. It holds the matcher to the product's bar on text nobody here wrote.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the real-text corpus',
  dir: 'tests/corpus/real',
  dataset: bundledDataset(),
  shape: 'has at least 150 sourced passages in English, Chinese (both scripts) and Russian, a third of them traps',
  minSnippets: 150,
  langs: ['en', 'zh', 'zh-Hant', 'ru'],
  minTraps: { share: 0.33 },
  checkLabels: true,
  minPrecision: 0.99,
  requireSources: true,
  recallOnHeldNames: true,
});
