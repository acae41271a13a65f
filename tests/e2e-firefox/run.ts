// Runs the Firefox tier: builds the Firefox MV3 extension into the tier's own folder, then runs the
// test files (all, or those named on the command line) one at a time in Node's test runner, whose
// closing summary lines CI reads.
//   npm run test:firefox                                   all files
//   npm run test:firefox -- tests/e2e-firefox/reload.test.ts   one file
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIREFOX_OUT_DIR, ROOT } from '../../scripts/firefox';

const here = join(ROOT, 'tests/e2e-firefox');
const named = process.argv.slice(2);
const files = named.length > 0 ? named : readdirSync(here).filter((name) => name.endsWith('.test.ts')).sort().map((name) => relative(ROOT, join(here, name)));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`Building the Firefox extension into ${FIREFOX_OUT_DIR}/…`);
run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { ...process.env, SL_OUT_DIR: FIREFOX_OUT_DIR });
// One Firefox at a time: each file starts its own, and the machine may have two cores. The timeout
// (per file and per test) only stops a hung browser from holding CI: a loaded machine is slow.
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=900000', ...files]);
