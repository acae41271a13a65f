// The third real corpus (tests/corpus/real3/): passages copied from public pages nobody here had read —
// brokerage quote pages, ETF and index tables, market wires, exchange filings, investor forums — each with its
// source, labelled before the matcher was run on them (the labels' commit precedes every rule written for
// them, in two batches). A third are traps: the Bank of England's BoE, Taiwan's Novatek, CoStar Group, NYSE: TMK,
// megaphones, Zenit the football club, Nio temple guardians, Sistema lunchboxes.
import { bundledDataset, corpusSuite } from '../corpus/suite';

corpusSuite({
  title: 'matcher on the third real-text corpus',
  dir: 'tests/corpus/real3',
  dataset: bundledDataset(),
  shape: 'has at least 220 sourced passages in English, Chinese (both scripts) and Russian, a third of them traps',
  minSnippets: 220,
  langs: ['en', 'zh', 'zh-Hant', 'ru'],
  minTraps: { share: 0.33 },
  checkLabels: true,
  minPrecision: 0.99,
  requireSources: true,
  recallOnHeldNames: true,
});
