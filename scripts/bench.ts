// `npm run bench [-- <section>…]`: performance figures that unit tests must not time. Each section lives in
// scripts/bench/<name>.ts, writes bench-output/<name>.json and prints a table. With no argument, all run.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export interface BenchSection {
  /** Runs the section, prints its table, and returns the figures to save. */
  run(): Promise<unknown>;
}

const ROOT = resolve(import.meta.dirname, '..');
// Sections are discovered, so a new benchmark only has to add its file.
const SECTIONS: Record<string, () => Promise<BenchSection>> = Object.fromEntries(
  readdirSync(resolve(ROOT, 'scripts/bench'))
    .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
    .map((file) => basename(file, '.ts'))
    .map((name) => [name, async () => (await import(`./bench/${name}.ts`)).default as BenchSection]),
);

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !SECTIONS[name]);
if (unknown.length > 0) {
  console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const name of wanted.length > 0 ? wanted : Object.keys(SECTIONS)) {
  console.log(`\n== bench: ${name} ==`);
  const section = await SECTIONS[name]();
  const figures = await section.run();
  mkdirSync(resolve(ROOT, 'bench-output'), { recursive: true });
  const file = resolve(ROOT, 'bench-output', `${name}.json`);
  writeFileSync(file, JSON.stringify(figures, null, 2) + '\n');
  console.log(`figures written to ${file.replace(ROOT + '/', '')}`);
  if ((figures as { targetsMet?: boolean }).targetsMet === false) failed = true;
}
if (failed) process.exitCode = 1;
