// The second real corpus (tests/corpus/real2/): passages copied from public pages nobody here wrote, each with
// its source, labelled before the matcher was run on them (the labels' commit precedes every rule written for
// them). A third are traps: airport and index codes, stadiums, the North Pole, prices beside HK codes.
import { realCorpusSuite } from '../corpus/suite';

realCorpusSuite({
  title: 'matcher on the second real-text corpus',
  dir: 'tests/corpus/real2',
  minSnippets: 170,
});
