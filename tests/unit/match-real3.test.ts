// The third real corpus (tests/corpus/real3/): passages copied from public pages nobody here had read —
// brokerage quote pages, ETF and index tables, market wires, exchange filings, investor forums — each with its
// source, labelled before the matcher was run on them (the labels' commit precedes every rule written for
// them, in two batches). A third are traps: the Bank of England's BoE, Taiwan's Novatek, CoStar Group, NYSE: TMK,
// megaphones, Zenit the football club, Nio temple guardians, Sistema lunchboxes.
import { realCorpusSuite } from '../corpus/suite';

realCorpusSuite({
  title: 'matcher on the third real-text corpus',
  dir: 'tests/corpus/real3',
  minSnippets: 220,
});
