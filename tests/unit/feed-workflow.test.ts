// The publishing workflow, the scripts it runs and the README's "Publish a feed" must say the same
// thing: a maintainer who follows the README gets a run that works, and an option renamed in a
// script cannot silently break the daily run (actionlint checks the YAML, not our scripts' options).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const workflow = readFileSync(join(ROOT, '.github/workflows/publish-feed.yml'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const publishSection = readme.slice(readme.indexOf('### Publish a feed'), readme.indexOf('### Use a self-hosted feed'));

async function help(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), '--help'], { cwd: ROOT });
  return stdout;
}

/** The options a command is given in the workflow, following `\` continuations and bash arrays `args=(…)`. */
function optionsOf(pattern: RegExp): string[] {
  const lines = workflow.split('\n');
  const found = new Set<string>();
  const take = (line: string) => {
    for (const m of line.matchAll(/(?:^|[\s("])(--[a-z][a-z0-9-]*)/g)) found.add(m[1]);
  };
  for (let i = 0; i < lines.length; i++) {
    const match = pattern.exec(lines[i]);
    if (!match) continue;
    let j = i;
    let text = lines[i].slice(match.index);
    take(text);
    // An array stays open until its parentheses balance; a command until a line ends without `\`.
    const depth = (t: string) => [...t].reduce((d, c) => d + (c === '(' ? 1 : c === ')' ? -1 : 0), 0);
    while (j + 1 < lines.length && (text.trimEnd().endsWith('\\') || depth(text) > 0)) {
      take(lines[++j]);
      text += `\n${lines[j]}`;
    }
  }
  return [...found].sort();
}

const stepNames = [...workflow.matchAll(/^ {6}- (?:name: (.+)|uses: (.+))$/gm)].map((m) => m[1] ?? m[2]);
const position = (name: string) => {
  const at = stepNames.findIndex((s) => s.startsWith(name));
  expect(at, `step "${name}"`).toBeGreaterThanOrEqual(0);
  return at;
};

describe('the publishing workflow', () => {
  it('runs daily and on demand, in the order the README gives: fetch, build, test, sign, publish', () => {
    expect(workflow).toMatch(/schedule:\n\s+- cron: "\d+ \d+ \* \* \*"/);
    expect(workflow).toContain('workflow_dispatch:');
    const order = ['Fetch the official sources', 'Check out the hand-kept inputs', 'Build the dataset', 'Test the data', 'Check gates and sign the feed', 'Publish, dataset first'].map(position);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The dataset file is pushed before the manifest that points at it.
    const publish = workflow.slice(workflow.indexOf('- name: Publish, dataset first'));
    expect(publish.indexOf('git add dataset-*.json')).toBeLessThan(publish.indexOf('git add manifest.json'));
    expect(publish.indexOf('git push')).toBeLessThan(publish.indexOf('git add manifest.json'));
  });

  it('gives each script only options its --help documents', async () => {
    const commands: [RegExp, string][] = [
      [/npm run data:fetch --/, 'data-fetch.ts'],
      [/\bargs\+?=\(--/, 'data-build.ts'],
      [/npm run feed:build --/, 'feed-build.ts'],
    ];
    const texts = await Promise.all(commands.map(([, script]) => help(script)));
    commands.forEach(([pattern, script], i) => {
      const given = optionsOf(pattern);
      expect(given.length, script).toBeGreaterThan(0);
      for (const option of given) expect(texts[i], `${script} ${option}`).toMatch(new RegExp(`${option}\\b`));
    });
    expect(optionsOf(/\bargs\+?=\(--/)).toEqual(['--dod-1260h', '--ndaa', '--ofac-csv', '--sdn-xml', '--sources']);
  }, 30_000);

  it('builds from the SDN list it fetched, and tests that very dataset with the checks every honest build passes', () => {
    const build = workflow.slice(workflow.indexOf('- name: Build the dataset'), workflow.indexOf('- name: Test the data'));
    expect(build).toMatch(/--sdn-xml data\/sources\/SDN_ENHANCED\.XML/);
    expect(build).not.toMatch(/--sdn-csv|--sdn-aux/);
    const fetched = workflow.slice(workflow.indexOf('- name: Fetch the official sources'));
    expect(fetched.indexOf('npm run data:fetch')).toBeLessThan(fetched.indexOf('- name: Build the dataset'));
    // data:build writes public/data/dataset.json (no --out given), the same file feed:build signs.
    expect(build).not.toMatch(/--out\b/);
    const test = workflow.slice(workflow.indexOf('- name: Test the data'), workflow.indexOf('- name: Check gates and sign the feed'));
    expect(test).toMatch(/SL_DATASET: public\/data\/dataset\.json/);
    expect(workflow).toMatch(/npm run feed:build -- [^\n]*\\\n\s+--dataset public\/data\/dataset\.json/);
    expect(test).toMatch(/SL_PREVIOUS_DATASET="\$previous" npx vitest run [^\n]*tests\/unit\/dataset-invariants\.test\.ts/);
    expect(test).toMatch(/previous=site/);
    // Exact counts of the committed file would fail on every real addition from OFAC.
    expect(test).not.toContain('dataset-committed.test.ts');
  });

  it('needs the hand-kept inputs the README lists, and no secret the README does not name', () => {
    const required = [...(workflow.match(/for need in (.+); do/)?.[1] ?? '').matchAll(/"\$in\/([^"]+)"/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const file of required) {
      const [folder, name] = file.includes('/') ? file.split('/') : ['', file];
      expect(publishSection, `README table names ${file}`).toContain(folder ? `\`${folder}/` : `\`${name}\``);
      expect(publishSection, `README table names ${file}`).toContain(name);
    }
    const secrets = [...new Set([...workflow.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]))].sort();
    expect(secrets).toEqual(['COURTLISTENER_TOKEN', 'DATA_INPUTS_TOKEN', 'FEED_SIGNING_KEY']);
    for (const secret of secrets) expect(publishSection, secret).toContain(`\`${secret}\``);
  });
});
