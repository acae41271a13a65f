import { readFileSync } from 'node:fs';
import { createMatcher } from '../../lib/match/index';
const d = JSON.parse(readFileSync('/work/wt/detect/public/data/dataset.json', 'utf8'));
const m = createMatcher(d);
for (const t of process.argv.slice(2)) console.log(t, '=>', m.scan(t).map((x) => `${t.slice(x.start, x.end)}→${x.entityId} [${x.rule}]`));
