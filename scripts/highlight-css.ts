// `npx tsx scripts/highlight-css.ts`: writes lib/page/highlights.css, the content script's stylesheet
// in the manifest, from lib/page/highlight-styles.ts (every look's `::highlight()` rules). Run it after
// changing a palette or a line style; tests/unit/page-highlight-css.test.ts fails until it is run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { highlightStylesheet } from '../lib/page/highlight-styles';

const file = join(import.meta.dirname, '../lib/page/highlights.css');
writeFileSync(file, highlightStylesheet());
console.log(`wrote ${file}`);
