// The second real corpus (tests/corpus/real2/): passages copied from public pages nobody here wrote, each with
// its source, labelled before the matcher was run on them (the labels' commit precedes every rule written for
// them). A third are traps: airport and index codes, stadiums, the North Pole, prices beside HK codes.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the second real-text corpus',
  dir: 'tests/corpus/real2',
  dataset: bundledDataset(),
  shape: 'has at least 170 sourced passages in English, Chinese (both scripts) and Russian, a third of them traps',
  minSnippets: 170,
  langs: ['en', 'zh', 'zh-Hant', 'ru'],
  minTraps: { share: 0.33 },
  checkLabels: true,
  minPrecision: 0.99,
  requireSources: true,
  recallOnHeldNames: true,
});
