// Reads the labelled corpus (format in README.md beside this file) and scores a matcher against it.
// Shared by the corpus test and the matcher benchmark, so both report the same misses and false hits.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../lib/dataset/types';
import { coreName, type Matcher, type TextMatch } from '../../lib/match/index';

export interface Label {
  text: string;
  company: string;
  start: number;
  end: number;
  /** The dataset does not hold this spelling yet (a name the data lacks): a miss here is the data's, not the matcher's. */
  dataGap?: boolean;
}

export interface Snippet {
  id: string;
  lang: string;
  kind: string;
  text: string;
  labels: Label[];
  file: string;
  /** Where the text was copied from (real corpora). */
  source?: string;
}

const HEADER = /^=== (\S+) \| (\S+) \| (\S+)$/;
const LABEL = /^> (.+?) = (.+?)( !data)?$/;
const SOURCE = /^@ (\S+)$/;

export function loadCorpus(dir: string): Snippet[] {
  const snippets: Snippet[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let current:
      | { id: string; lang: string; kind: string; body: string[]; labels: [string, string, boolean][]; source?: string }
      | undefined;
    const finish = () => {
      if (!current) return;
      const text = current.body.join('\n').trim();
      // Each label takes the first occurrence of its text not already inside an earlier label, so
      // "Hikvision" after "Hangzhou Hikvision Digital…" means the later, separate mention.
      const placed: { start: number; end: number }[] = [];
      const labels = current.labels.map(([labelText, company, dataGap]) => {
        let at = text.indexOf(labelText);
        while (at >= 0 && placed.some((p) => at < p.end && p.start < at + labelText.length)) {
          at = text.indexOf(labelText, at + 1);
        }
        if (at < 0) throw new Error(`${file} ${current!.id}: label "${labelText}" has no free occurrence in the text`);
        placed.push({ start: at, end: at + labelText.length });
        return { text: labelText, company, start: at, end: at + labelText.length, ...(dataGap ? { dataGap } : {}) };
      });
      snippets.push({ id: current.id, lang: current.lang, kind: current.kind, text, labels, file, source: current.source });
    };
    lines.forEach((line, index) => {
      const header = HEADER.exec(line);
      if (header) {
        finish();
        current = { id: header[1], lang: header[2], kind: header[3], body: [], labels: [] };
        return;
      }
      if (!current) {
        if (line.trim()) throw new Error(`${file}:${index + 1}: text before the first "=== id | lang | kind" header`);
        return;
      }
      const source = SOURCE.exec(line);
      if (source) {
        current.source = source[1];
        return;
      }
      const label = LABEL.exec(line);
      if (label) current.labels.push([label[1], label[2], label[3] !== undefined]);
      else if (line.startsWith('>')) throw new Error(`${file}:${index + 1}: a label must read "> text = company"`);
      else if (line !== '(no labels)') current.body.push(line);
    });
    finish();
  }
  const ids = new Set<string>();
  for (const s of snippets) {
    if (ids.has(s.id)) throw new Error(`corpus: snippet id ${s.id} is used twice`);
    ids.add(s.id);
  }
  return snippets;
}

/** Entity ids by the core of each of their names, built once per dataset (labels are resolved by the hundred). */
const byCoreName = new WeakMap<object, Map<string, Set<string>>>();

function coreNameIndex(dataset: Pick<Dataset, 'entities'>): Map<string, Set<string>> {
  let index = byCoreName.get(dataset.entities);
  if (!index) {
    index = new Map();
    for (const entity of dataset.entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        const key = coreName(name);
        let ids = index.get(key);
        if (!ids) index.set(key, (ids = new Set()));
        ids.add(entity.id);
      }
    }
    byCoreName.set(dataset.entities, index);
  }
  return index;
}

/** Entity ids a label's company name may stand for: every entity with that core name among its names. */
export function resolveCompany(dataset: Pick<Dataset, 'entities'>, company: string): Set<string> {
  // "A | B": names the company goes by in different datasets (a former name may be the display name);
  // "#id" names an entity by its id (the real corpus, labelled before the matcher was run).
  const index = coreNameIndex(dataset);
  const ids = new Set<string>();
  for (const part of company.split(' | ')) {
    if (part.startsWith('#')) {
      const id = part.slice(1);
      if (dataset.entities.some((e) => e.id === id)) ids.add(id);
    } else {
      for (const id of index.get(coreName(part)) ?? []) ids.add(id);
    }
  }
  return ids;
}

export interface Miss {
  snippet: string;
  text: string;
  company: string;
  why: string;
  /** The label says the dataset lacks this spelling. */
  dataGap?: boolean;
}

export interface FalseHit {
  snippet: string;
  text: string;
  entityId: string;
  rule?: string;
  context: string;
}

export interface CorpusScore {
  snippets: number;
  labels: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Recall over the labels whose names the dataset holds (labels not marked ` !data`). */
  recallOnHeldNames: number;
  misses: Miss[];
  falseHits: FalseHit[];
}

/** Precision and recall over the corpus. A found match counts when it overlaps a label of the same company. */
export function scoreCorpus(matcher: Matcher, dataset: Pick<Dataset, 'entities'>, snippets: Snippet[]): CorpusScore {
  const misses: Miss[] = [];
  const falseHits: FalseHit[] = [];
  let labels = 0;
  let found = 0;
  let truePositives = 0;
  let heldLabels = 0;
  let heldFound = 0;
  const cache = new Map<string, Set<string>>();
  const resolve = (company: string) => {
    let ids = cache.get(company);
    if (!ids) cache.set(company, (ids = resolveCompany(dataset, company)));
    return ids;
  };
  for (const snippet of snippets) {
    const matches: TextMatch[] = matcher.scan(snippet.text);
    const used = new Set<TextMatch>();
    labels += snippet.labels.length;
    found += matches.length;
    for (const label of snippet.labels) {
      const ids = resolve(label.company);
      const hit = matches.find(
        (m) => !used.has(m) && m.start < label.end && label.start < m.end && ids.has(m.entityId),
      );
      if (!label.dataGap) heldLabels++;
      if (hit) {
        used.add(hit);
        truePositives++;
        if (!label.dataGap) heldFound++;
        continue;
      }
      const other = matches.find((m) => m.start < label.end && label.start < m.end);
      const why =
        ids.size === 0
          ? 'company not in the dataset'
          : other
            ? `matched ${other.entityId} instead`
            : 'not found';
      misses.push({ snippet: snippet.id, text: label.text, company: label.company, why, ...(label.dataGap ? { dataGap: true } : {}) });
    }
    for (const m of matches) {
      if (used.has(m)) continue;
      const context = snippet.text.slice(Math.max(0, m.start - 30), m.end + 30).replace(/\s+/g, ' ');
      falseHits.push({ snippet: snippet.id, text: snippet.text.slice(m.start, m.end), entityId: m.entityId, rule: m.rule, context });
    }
  }
  return {
    snippets: snippets.length,
    labels,
    found,
    truePositives,
    precision: found === 0 ? 1 : truePositives / found,
    recall: labels === 0 ? 1 : truePositives / labels,
    recallOnHeldNames: heldLabels === 0 ? 1 : heldFound / heldLabels,
    misses,
    falseHits,
  };
}

/** The score in words, with every miss and false hit: the message of a failing corpus test. */
export function describeScore(score: CorpusScore): string {
  return [
    `precision ${score.precision.toFixed(3)} (${score.truePositives}/${score.found}), ` +
      `recall ${score.recall.toFixed(3)} (${score.truePositives}/${score.labels}), ` +
      `on names the data holds ${score.recallOnHeldNames.toFixed(3)}`,
    ...score.misses.map((m) => `miss ${m.snippet}: "${m.text}" (${m.company}) — ${m.why}${m.dataGap ? ' [data lacks the name]' : ''}`),
    ...score.falseHits.map((f) => `false hit ${f.snippet}: "${f.text}" → ${f.entityId} [${f.rule}] …${f.context}…`),
  ].join('\n');
}

/** Labels naming no company of the dataset (a typo in the corpus, not a miss of the matcher). */
export function unknownLabels(dataset: Pick<Dataset, 'entities'>, snippets: Snippet[]): string[] {
  return snippets.flatMap((s) =>
    s.labels.filter((l) => resolveCompany(dataset, l.company).size === 0).map((l) => `${s.id}: ${l.company}`),
  );
}

/**
 * Labels marked ` !data` whose text the dataset does hold as a name of that company: the mark would hide a
 * miss of the matcher as one of the data.
 */
export function dataGapsTheDataFills(dataset: Pick<Dataset, 'entities'>, snippets: Snippet[]): string[] {
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  return snippets.flatMap((s) =>
    s.labels
      .filter((l) => l.dataGap)
      .filter((l) => [...resolveCompany(dataset, l.company)].some((id) => {
        const e = byId.get(id)!;
        const key = coreName(l.text);
        return [e.name, ...e.aliases, ...(e.weakAliases ?? []), ...(e.tickers ?? []).map((t) => t.symbol)].some((n) => coreName(n) === key);
      }))
      .map((l) => `${s.id}: ${l.text}`),
  );
}
