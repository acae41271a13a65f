// The fresh2 corpus (tests/corpus/fresh2/): a third audit, written without reading the matcher's rules or its
// other corpora — quote strips and broker screens, Russian wires with case endings, Traditional Chinese, filings
// and social posts, with the traps of each genre. It holds the matcher to the same bar as the main corpus.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the fresh2 corpus',
  dir: 'tests/corpus/fresh2',
  dataset: bundledDataset(),
  shape: 'has at least 100 snippets in English, Chinese (both scripts) and Russian, at least a fifth of them traps',
  minSnippets: 100,
  langs: ['en', 'zh', 'zh-Hant', 'ru'],
  minTraps: { share: 0.2 },
  checkLabels: true,
});
