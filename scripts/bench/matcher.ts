// Matcher benchmark: build time and memory for the bundled and a scaled dataset (20,000 entities, 40,000
// aliases, the size of the full SDN list), and scan throughput on 5 MB of seeded news-like text beside two
// baselines measured in the same run: the floor (one lowercase pass plus a charCodeAt loop) and the naive
// approach (one case-insensitive RegExp alternation of every name with \b). Also prints the corpus score
// with every miss and false hit, so they can be studied.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Dataset, Entity } from '../../lib/dataset/types';
import { createMatcher, type Matcher } from '../../lib/match/index';
import { loadCorpus, scoreCorpus } from '../../tests/corpus/load';
import { median, pick, random } from './_shared';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 5;
const TEXT_BYTES = 5 * 1024 * 1024;
const NAIVE_RUNS = 3;
const TARGET_FLOOR_RATIO = 4;
const TARGET_NAIVE_RATIO = 10;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SYLLABLES = 'an bao chang da feng guo hai heng hua jian jin kang li long ming nan peng qing rui sheng tai tong wei xin yang yi yuan zhong zhi kor vol mir gaz neft ros trans prom stroy tech avia'.split(' ');
const SECTORS = ['Technology', 'Electronics', 'Shipping', 'Energy', 'Heavy Industry', 'Trading', 'Aviation', 'Bank', 'Logistics', 'Materials'];
const FORMS = ['Co., Ltd.', 'Limited', 'Corporation', 'Group Co., Ltd.', 'PJSC', 'LLC', 'Holdings Limited', 'JSC'];
const WORDS = `the of and to in a is that for on with as was by at from it said its shares company market investors
  percent year new china chinese russia bank oil technology stock price quarter revenue profit government list
  sanctions trade exports chip maker phone network billion million analysts according reported week group
  industry rose fell index hong kong shanghai shenzhen moscow exchange traded funds fund holdings cost
  catalog avenue panda mobile telecom giant express conference results cameras equipment drones battery`.split(/\s+/);
const NEAR_MISSES = ['the catalog', 'Avicii', 'giant panda', "China's mobile market", '$700', 'NASDAQ: COST', 'the CEO',
  'Panda Express', 'cosmic', 'Room 941', 'in 1810', 'ON and ALL', 'US16941M1098', 'Tencent Music Entertainment'];
const CJK_SENTENCES = ['美国财政部周二公布了新的制裁名单。', '港股收盘，恒生指数上涨百分之一。', '公司表示将继续正常经营。'];
const RU_SENTENCES = ['Московская биржа возобновила торги акциями.', 'Компания опубликовала отчётность по МСФО.'];

/** Doubling a text of held mentions may at most triple its scan time (linear is 2; a square would be 4). */
const HELD_GROWTH_LIMIT = 3;

function syntheticName(rnd: () => number): string {
  const n = 2 + Math.floor(rnd() * 2);
  const core = Array.from({ length: n }, () => pick(rnd, SYLLABLES)).join('');
  return `${core[0].toUpperCase()}${core.slice(1)} ${pick(rnd, SECTORS)}`;
}

/** The bundled entities plus synthetic ones: 20,000 entities with 40,000 aliases in all. */
function scaledDataset(base: Dataset, entities = 20_000, aliases = 40_000): Dataset {
  const rnd = random(1260);
  const out: Entity[] = [...base.entities];
  let aliasCount = out.reduce((sum, e) => sum + e.aliases.length + e.weakAliases.length, 0);
  for (let i = out.length; i < entities; i++) {
    const name = `${syntheticName(rnd)} ${pick(rnd, FORMS)}`;
    const wanted = Math.max(1, Math.round((aliases - aliasCount) / (entities - i)));
    const list = Array.from({ length: wanted }, (_, k) =>
      k === 0 ? name.toUpperCase() : `${syntheticName(rnd)} ${pick(rnd, FORMS)}`,
    );
    aliasCount += list.length;
    out.push({
      id: `synthetic-${i}`, name, aliases: list, weakAliases: [], country: 'XX', listings: [], rulings: [], isins: [],
      tickers: rnd() < 0.2 ? [{ exchange: 'HKEX', symbol: String(1000 + Math.floor(rnd() * 8000)) }] : [],
    });
  }
  return { ...base, entities: out };
}

/** 5 MB of news-like paragraphs: ordinary words, real mentions (names, tickers), near-misses, some CJK and Russian. */
function newsText(dataset: Dataset, bytes: number): string {
  const rnd = random(2021);
  const mentions = dataset.entities.slice(0, 600).flatMap((e) => [
    e.name,
    ...e.aliases.slice(0, 2),
    ...e.tickers.slice(0, 1).map((t) => (t.exchange === 'HKEX' ? `${t.symbol}.HK` : `(${t.exchange}: ${t.symbol})`)),
  ]);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentence: string[] = [];
    const length = 12 + Math.floor(rnd() * 18);
    for (let w = 0; w < length; w++) {
      const roll = rnd();
      if (roll < 0.02) sentence.push(pick(rnd, mentions));
      else if (roll < 0.03) sentence.push(pick(rnd, NEAR_MISSES));
      else sentence.push(pick(rnd, WORDS));
    }
    let line = sentence.join(' ');
    line = line[0].toUpperCase() + line.slice(1) + '. ';
    if (rnd() < 0.05) line += pick(rnd, CJK_SENTENCES);
    if (rnd() < 0.03) line += pick(rnd, RU_SENTENCES);
    if (rnd() < 0.15) line += '\n\n';
    // Cut the last line rather than the joined text: join() gives one flat string, as a page's text is;
    // a slice of a longer string would be a view that makes every charCodeAt slower (measured separately).
    if (size + line.length >= bytes) line = line.slice(0, bytes - size);
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function measureBuild(dataset: Dataset): { buildMs: number; heapMB: number; matcher: Matcher } {
  // Memory: what one live matcher adds to the heap and typed-array buffers, after full collections. Measured
  // before the timed builds, whose matchers optimised code may keep alive for a while and free in between.
  const kept: Matcher[] = [];
  gc();
  const before = process.memoryUsage();
  kept.push(createMatcher(dataset));
  gc();
  const after = process.memoryUsage();
  const heapMB = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1024 / 1024;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(time(() => createMatcher(dataset)).ms);
  return { buildMs: median(times), heapMB, matcher: kept[0] };
}

function throughput(mb: number, fn: () => unknown, runs = RUNS): number {
  fn(); // warm up the JIT on the same work
  return mb / (median(Array.from({ length: runs }, () => time(fn).ms)) / 1000);
}

function floorScan(text: string): number {
  const lower = text.toLowerCase();
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum = (sum + lower.charCodeAt(i)) | 0;
  return sum;
}

function naiveRegExp(dataset: Dataset): RegExp {
  const names = dataset.entities.flatMap((e) => [e.name, ...e.aliases, ...e.weakAliases]);
  const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

export const internals = { scaledDataset, newsText };

export default {
  async run() {
    const bundledPath = resolve(ROOT, 'public/data/dataset.json');
    const datasetPath = existsSync(bundledPath) ? bundledPath : resolve(ROOT, 'tests/fixtures/mini-dataset.json');
    const bundled = JSON.parse(readFileSync(datasetPath, 'utf8')) as Dataset;
    const scaled = scaledDataset(bundled);
    const text = newsText(bundled, TEXT_BYTES);
    const mb = text.length / 1024 / 1024;

    const rows = [];
    for (const [label, dataset] of [['bundled', bundled], ['scaled', scaled]] as const) {
      const build = measureBuild(dataset);
      const matcherMBs = throughput(mb, () => build.matcher.scan(text));
      // The same characters as a view into a longer string (what slice() returns): slower to read in JS.
      const view = (text + ' ').slice(0, text.length);
      const matcherViewMBs = throughput(mb, () => build.matcher.scan(view));
      const matches = build.matcher.scan(text).length;
      const floorMBs = throughput(mb, () => floorScan(text));
      const regex = time(() => naiveRegExp(dataset));
      const naiveMBs = throughput(mb, () => text.match(regex.value)?.length ?? 0, NAIVE_RUNS);
      rows.push({
        dataset: label,
        entities: dataset.entities.length,
        aliases: dataset.entities.reduce((s, e) => s + e.aliases.length + e.weakAliases.length, 0),
        patterns: build.matcher.stats.patterns,
        nodes: build.matcher.stats.nodes,
        buildMs: build.buildMs,
        heapMB: build.heapMB,
        matches,
        matcherMBs,
        matcherViewMBs,
        floorMBs,
        naiveMBs,
        naiveBuildMs: regex.ms,
        floorRatio: floorMBs / matcherMBs,
        naiveRatio: matcherMBs / naiveMBs,
        scan1MBms: 1000 / matcherMBs,
      });
    }

    console.log(`text: ${fmt(mb, 2)} MB seeded news-like text, one flat string; median of ${RUNS} runs (naive RegExp: same text, median of ${NAIVE_RUNS})`);
    console.table(
      rows.map((r) => ({
        dataset: r.dataset,
        entities: r.entities,
        aliases: r.aliases,
        'build ms': fmt(r.buildMs),
        'memory MB': fmt(r.heapMB, 2),
        'matcher MB/s': fmt(r.matcherMBs),
        'on a view': fmt(r.matcherViewMBs),
        'floor MB/s': fmt(r.floorMBs),
        'naive MB/s': fmt(r.naiveMBs, 2),
        'floor ÷ matcher': fmt(r.floorRatio, 2),
        'matcher ÷ naive': fmt(r.naiveRatio, 0),
        matches: r.matches,
      })),
    );

    const scaledRow = rows[1];
    const bundledRow = rows[0];
    const targets = {
      withinFloor: { target: `floor ÷ matcher ≤ ${TARGET_FLOOR_RATIO} (scaled)`, value: scaledRow.floorRatio, met: scaledRow.floorRatio <= TARGET_FLOOR_RATIO },
      overNaive: { target: `matcher ÷ naive ≥ ${TARGET_NAIVE_RATIO} (scaled)`, value: scaledRow.naiveRatio, met: scaledRow.naiveRatio >= TARGET_NAIVE_RATIO },
      buildUnderScan: { target: 'bundled build < time to scan 1 MB', value: bundledRow.buildMs, limit: bundledRow.scan1MBms, met: bundledRow.buildMs < bundledRow.scan1MBms },
    };
    for (const t of Object.values(targets)) console.log(`${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${fmt(t.value, 2)}${'limit' in t ? ` ms (limit ${fmt(t.limit as number)} ms)` : ''}`);

    // Text a page can fill with mentions the matcher must hold until the whole text is read (bare codes and
    // symbols: a table of stock codes, or a hostile page): time per scan against news text of the same
    // length, and how the time grows from 18 kB to 36 kB (about 2 when it grows with the text).
    const held = createMatcher(bundled);
    const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const best = (input: string) => Math.min(...Array.from({ length: 3 }, () => time(() => held.scan(input)).ms));
    const prose = (length: number) => newsText(bundled, length);
    const heldRows = ['0981 ', '688981 ', 'BIDU ', 'BIDU NVTK SMIC ', 'SBER\n', '腾讯 00700 '].map((unit) => {
      const ratio = best(fill(unit, 36_000)) / Math.max(0.5, best(prose(36_000)));
      const growth = best(fill(unit, 36_000)) / Math.max(0.5, best(fill(unit, 18_000)));
      return { text: JSON.stringify(unit), '÷ news text': fmt(ratio, 1), '36 kB ÷ 18 kB': fmt(growth, 1), met: growth <= HELD_GROWTH_LIMIT };
    });
    console.log(`\nheld mentions: 36 kB of one repeated unit, best of 3 (target: 36 kB ÷ 18 kB at most ${HELD_GROWTH_LIMIT}, so the time grows with the text, not its square; "÷ news text" shows what a mention every few characters costs)`);
    console.table(heldRows);
    console.log(`${heldRows.every((r) => r.met) ? 'met    ' : 'NOT MET'}  held mentions cost in proportion to the text`);

    const corpusMatcher = createMatcher(bundled);
    const scores: Record<string, ReturnType<typeof scoreCorpus>> = {};
    for (const dir of ['tests/corpus', 'tests/corpus/holdout']) {
      if (!existsSync(resolve(ROOT, dir))) continue;
      const score = scoreCorpus(corpusMatcher, bundled, loadCorpus(resolve(ROOT, dir)));
      scores[dir] = score;
      console.log(`\n${dir} (${datasetPath.replace(ROOT + '/', '')}): ${score.snippets} snippets, ${score.labels} labels, ${score.found} found — precision ${fmt(score.precision, 3)}, recall ${fmt(score.recall, 3)}`);
      for (const m of score.misses) console.log(`  miss       ${m.snippet}: "${m.text}" (${m.company}) — ${m.why}`);
      for (const f of score.falseHits) console.log(`  false hit  ${f.snippet}: "${f.text}" → ${f.entityId} [${f.rule}] …${f.context}…`);
      if (score.misses.length + score.falseHits.length === 0) console.log('  no misses, no false hits');
    }

    return {
      generatedAt: new Date().toISOString(),
      node: process.version,
      dataset: datasetPath.replace(ROOT + '/', ''),
      textMB: mb,
      runs: RUNS,
      rows,
      targets,
      targetsMet: Object.values(targets).every((t) => t.met),
      corpus: scores['tests/corpus'],
      holdout: scores['tests/corpus/holdout'],
    };
  },
};
