// The fresh corpus (tests/corpus/fresh/): a second audit, written without reading the matcher's rules or its
// other corpora, in genres the others barely touch — fund top-10 lines, ETF fact sheets, 13F rows, trade
// confirmations, wire headlines in capitals, HKEX headers, Xueqiu and Smart-Lab posts, call transcripts — and
// the everyday traps of those genres. It estimates how the matcher does on pages nobody tuned it for, so it
// holds it to the same bar as the main corpus.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the fresh corpus',
  dir: 'tests/corpus/fresh',
  dataset: bundledDataset(),
  shape: 'has at least 120 snippets in English, Chinese and Russian, about a quarter of them traps',
  minSnippets: 120,
  langs: ['en', 'zh', 'ru'],
  minTraps: { share: 0.2 },
  checkLabels: true,
});
