// The compact match index and the frame's subset matcher: a matcher built from only the companies
// whose first words occur in a text finds exactly what `createMatcher` over the whole (filtered)
// dataset finds — on every labelled corpus snippet, in all three scripts, and on fixture pages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match';
import { buildMatchIndex, matchIndexId, partialIndex } from '../../lib/page-data/match-index';
import { buildPageView } from '../../lib/page/entity-view';
import { SubsetMatcher, lookupOf } from '../../lib/page/subset-matcher';
import { keyToken, pairStarts, tokenFilter, tokenFilterFromText, tokenFilterText, visitTokens, wordsOfLines } from '../../lib/page/tokens';
import { defaultSettings } from '../../lib/settings/defaults';
import { loadCorpus } from '../corpus/load';

const ROOT = join(import.meta.dirname, '../..');
const dataset = JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;

function tokensOf(text: string, pairsAfter?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  visitTokens(text, (token) => void out.push(token), pairsAfter);
  return out;
}

const texts = [
  ...['tests/corpus', 'tests/corpus/fresh', 'tests/corpus/fresh2'].flatMap((dir) => loadCorpus(join(ROOT, dir)).map((snippet) => snippet.text)),
  ...readdirSync(join(ROOT, 'tests/fixtures/pages'))
    .filter((file) => file.endsWith('.html'))
    .map((file) => readFileSync(join(ROOT, 'tests/fixtures/pages', file), 'utf8').replace(/<[^>]+>/g, ' ')),
];

describe('frame matcher from the compact index', () => {
  const settings = { ...defaultSettings(), showHistorical: true, watchlist: [{ term: 'Rheinmetall', addedAt: '2026-01-01T00:00:00Z' }] } as ReturnType<typeof defaultSettings>;
  const index = buildMatchIndex(dataset, settings);
  const full = createMatcher(buildPageView(dataset, settings).dataset);
  const pairsAfter = pairStarts(Object.keys(index.tokens));
  const lookup = lookupOf(Object.keys(index.tokens));
  /** What a frame receives for its text's first words: a part of the index, through JSON, or the whole. */
  const indexFor = (tokens: string[]) => JSON.parse(JSON.stringify(partialIndex(index, tokens) ?? index)) as typeof index;

  it('finds what createMatcher finds on every corpus snippet and fixture page, compiling only a few companies', async () => {
    expect(texts.length).toBeGreaterThan(300);
    let compiled = 0;
    for (const text of texts) {
      let lacked = false;
      const subset = await SubsetMatcher.create(indexFor(tokensOf(text, pairsAfter)), lookup, { onLacking: () => (lacked = true) });
      const context = { entitiesNearby: new Set<string>() };
      expect(subset.scan(text, context)).toEqual(full.scan(text, context));
      expect(subset.scan(text, { tickerContext: true })).toEqual(full.scan(text, { tickerContext: true }));
      // The part holds every company the text's first words could start: it never asks for more.
      expect(lacked).toBe(false);
      compiled += subset.size;
    }
    // The point of the subset: a snippet compiles a few companies, not the whole list.
    expect(compiled / texts.length).toBeLessThan(index.entities.length / 10);
  }, 120_000);

  it('finds the same known first words with the word filter as without it, on every snippet', () => {
    const filter = tokenFilter(Object.keys(index.tokens));
    let found = 0;
    for (const text of texts) {
      const known = (withFilter: boolean) => {
        const out: string[] = [];
        visitTokens(text, (token) => void (Object.hasOwn(index.tokens, token) && out.push(token)), pairsAfter, withFilter ? filter : undefined);
        return out;
      };
      const expected = known(false);
      expect(known(true)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(texts.length);
  });

  it('sends the first words as text a frame reads as it would the list: the same words, the same filter', () => {
    const words = Object.keys(index.tokens);
    expect(tokenFilterFromText(tokenFilterText(words))).toEqual(tokenFilter(words));
    const lines = wordsOfLines(words.join('\n'));
    expect(words.filter((word) => word !== '').every((word) => lines.has(word))).toBe(true);
    // Only whole lines count: a part of a word, two words across a line break, or nothing at all are not words.
    const some = wordsOfLines('xiaomi\nsavings bank');
    const probes = ['xiao', 'aomi', 'savings', 'xiaomi\nsavings', '', 'savings bank', 'xiaomi'];
    const answers = [false, false, false, false, false, true, true];
    expect(probes.map((word) => some.has(word))).toEqual(answers);
    // Past the first few dozen look-ups the answers come from a set, and stay the same.
    for (let i = 0; i < 100; i++) expect(probes.map((word) => some.has(word))).toEqual(answers);
  });

  it('says which first words new text names that its part lacks, and agrees once it grew by them', async () => {
    const first = tokensOf('Markets were quiet on Tuesday.', pairsAfter).filter((token) => lookup.tokens.has(token));
    const asked: string[][] = [];
    const subset = await SubsetMatcher.create(indexFor(first), lookup, { onLacking: (tokens) => void asked.push(tokens) });
    expect(subset.size).toBeLessThan(5);
    const later = 'Shares of Hangzhou Hikvision Digital Technology and 小米集团 fell; Сбербанка and 0700.HK rose.';
    let incomplete = 0;
    subset.scan(later, { onIncomplete: () => void (incomplete += 1) });
    expect(incomplete).toBe(1);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual(expect.arrayContaining(['hangzhou hikvision', '小']));
    // Read again, the same text asks for nothing new, but is still incomplete until the part grows.
    subset.scan(later, { onIncomplete: () => void (incomplete += 1) });
    expect(asked).toHaveLength(1);
    expect(incomplete).toBe(2);
    await subset.grow(indexFor([...subset.covers!, ...asked[0]]));
    let stillIncomplete = false;
    expect(subset.scan(later, { onIncomplete: () => (stillIncomplete = true) })).toEqual(full.scan(later));
    expect(stillIncomplete).toBe(false);
    expect(subset.scan(later).map((match) => match.entityId)).toEqual(expect.arrayContaining(['hangzhou-hikvision-digital-technology-co-ltd']));
    expect(subset.rebuilds).toBe(1);
  });

  it('gives the whole index when a text names most of it, and a whole-index matcher never asks for more', async () => {
    expect(partialIndex(index, Object.keys(index.tokens))).toBeNull();
    let lacked = false;
    const whole = await SubsetMatcher.create(indexFor(Object.keys(index.tokens)), lookup, { onLacking: () => (lacked = true) });
    expect(whole.covers).toBeNull();
    expect(whole.size).toBe(index.entities.length);
    const text = 'Shares of Hangzhou Hikvision Digital Technology and 小米集团 fell; Сбербанка and 0700.HK rose.';
    expect(whole.scan(text)).toEqual(full.scan(text));
    expect(lacked).toBe(false);
  });

  it('lets an ad frame with common words (open, savings, bank) load nothing, and still sees the pair a name starts with', () => {
    const known = (text: string) => tokensOf(text, pairsAfter).filter((token) => token in index.tokens);
    // Words that start listed names ("Open Joint Stock…", "Savings Bank of…") but no name: nothing to load.
    expect(known('Sponsored. Open an account today and trade with zero commission. Learn more about our savings offers.')).toEqual([]);
    expect(known('The bank said savings grew.')).toEqual([]);
    // The pair is read across any separators and markup, as the matcher reads it, but not across "&".
    expect(known('the Savings\n  Bank  of the Republic of Armenia')).toContain('savings bank');
    expect(known('Savings—Bank')).toContain('savings bank');
    expect(known('Savings & Bank')).not.toContain('savings bank');
    // Russian words stay single (case endings), so Cyrillic names are looked up by their first word.
    expect(known('Сбербанка России')).not.toEqual([]);
  });

  it('makes a string only for words that are a token, start a pair or end one, once the filter is given', () => {
    const filter = tokenFilter(Object.keys(index.tokens));
    const visited: string[] = [];
    visitTokens('The bank said the central bank of the Russian Federation held rates; savings grew.', (token) => void visited.push(token), undefined, filter);
    // "the", "bank" alone and "said" are read over without a string; the pairs a name starts with are still seen.
    expect(visited).not.toContain('the');
    expect(visited).not.toContain('said');
    expect(visited).toEqual(expect.arrayContaining(['central bank', 'bank of']));
    expect(visited.length).toBeLessThan(6);
  });

  it('lets the matcher skip text the first look found no first word in, and still finds what createMatcher finds', async () => {
    const holdsFirstWord = (text: string) => tokensOf(text, pairsAfter).some((token) => Object.hasOwn(index.tokens, token));
    const quiet = new Set(texts.filter((text) => !holdsFirstWord(text)));
    expect(quiet.size).toBeGreaterThan(10);
    const skipping = await SubsetMatcher.create(indexFor(Object.keys(index.tokens)), { ...lookup, quiet });
    // A page context where another block defined forms for a company and for something else.
    const introduced = new Map<string, string | null>([['ГПБ', 'gazprombank'], ['MGI', null]]);
    for (const text of texts) {
      const context = () => ({ entitiesNearby: new Set<string>(), introduced });
      expect(skipping.scan(text, context())).toEqual(full.scan(text, context()));
    }
    // The look's word is taken: a text it called quiet is not read by the automaton at all.
    const named = 'Shares of Rosbank fell.';
    expect(full.scan(named)).not.toEqual([]);
    expect((await SubsetMatcher.create(indexFor(Object.keys(index.tokens)), { ...lookup, quiet: new Set([named]) })).scan(named)).toEqual([]);
    // The forms another block introduced are still found in a text without first words.
    const later = 'Analysts raised ZQXB to buy.';
    expect(holdsFirstWord(later)).toBe(false);
    const quietLater = await SubsetMatcher.create(indexFor([]), { ...lookup, quiet: new Set([later]) });
    const context = { introduced: new Map<string, string | null>([['ZQXB', index.entities[0].id]]) };
    expect(quietLater.scan(later, context)).toEqual(full.scan(later, context));
    expect(quietLater.scan(later, context).map((match) => match.entityId)).toEqual([index.entities[0].id]);
  });

  it('sends a frame only the patterns that start with a word its text holds, not every pattern of those companies', () => {
    const part = partialIndex(index, ['rosbank'])!;
    const rows = part.patterns.rows.filter((row) => row[0] >= 0);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => keyToken(row[2]) === 'rosbank')).toBe(true);
    const rosbank = index.entities.findIndex((entity) => entity.name === 'Rosbank');
    expect(index.patterns.rows.filter((row) => row[0] === rosbank).length).toBeGreaterThan(rows.length);
    // The exclusion list goes to every part.
    expect(part.patterns.rows.filter((row) => row[0] < 0)).toEqual(index.patterns.rows.filter((row) => row[0] < 0));
  });

  it('lists every entity the settings show, with its colour, and changes id with the settings that shape it', () => {
    expect(index.entities.length).toBe(buildPageView(dataset, settings).dataset.entities.length);
    expect(index.keys[index.entities.findIndex((entity) => entity.name === 'Rheinmetall')]).toBe('watchlist');
    // Only name fields (and a parent group's id, which the matcher names in "…集团" text) travel to frames: no
    // listings, rulings or sources.
    const fields = ['id', 'name', 'aliases', 'weakAliases', 'tickers', 'isins', 'related'];
    expect(index.entities.every((entity) => Object.keys(entity).every((key) => fields.includes(key)))).toBe(true);
    expect(index.entities.flatMap((entity) => entity.related ?? []).every((rel) => rel.relation === 'parent')).toBe(true);
    expect(matchIndexId(dataset, { ...settings, minSeverity: 'prohibited' })).not.toBe(index.id);
    expect(matchIndexId(dataset, { ...settings })).toBe(index.id);
  });
});
