// The real corpus (tests/corpus/real/): passages copied from public pages, filings, exchange notices, court
// records, forums and code, each with its source address, labelled before the matcher was run on them. A
// third are traps. It holds the matcher to the product's bar on text nobody here wrote.
import { realCorpusSuite } from '../corpus/suite';

realCorpusSuite({
  title: 'matcher on the real-text corpus',
  dir: 'tests/corpus/real',
  minSnippets: 150,
});
