import { readFileSync } from 'node:fs';
import { buildMatchIndex } from '../lib/page-data/match-index';
import { visitTokens } from '../lib/page/tokens';
import { defaultSettings } from '../lib/settings/defaults';
import { article, AD } from '../scripts/bench/frames';
const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8'));
let t = performance.now();
const index = buildMatchIndex(dataset, defaultSettings());
console.log('index build', (performance.now() - t).toFixed(0), 'ms; entities', index.entities.length, 'tokens', Object.keys(index.tokens).length, 'json bytes', JSON.stringify(index).length, 'tokens json', JSON.stringify(Object.keys(index.tokens)).length);
console.log('ALWAYS', index.tokens['']?.length);
for (const [name, text] of [['ad', AD.replace(/<[^>]+>/g, ' ')], ['article', article(dataset, 0).replace(/<style.*?<\/style>/s, '').replace(/<[^>]+>/g, ' ')]]) {
  const hits = new Map<string, number>();
  visitTokens(text, (tok) => { const l = index.tokens[tok]; if (l && !hits.has(tok)) hits.set(tok, l.length); });
  const ents = new Set<number>(); for (const tok of hits.keys()) for (const e of index.tokens[tok]) ents.add(e);
  console.log(name, [...hits].map(([k, v]) => `${k}:${v}`).join(' '), '→ entities', ents.size);
}
