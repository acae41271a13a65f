// Which browser binary each end-to-end tier drives, and what happens on a machine without one.
// The choice is a pure function of what the machine has (`decideBrowser`), so unit tests cover
// every branch without a download; `ensureBrowser` carries it out: use what is there, fetch the
// browser with progress shown, or stop with the one command that fixes it.
//
// Run as a script (`npm run browsers`, also the first step of each e2e tier) it makes sure the
// named browsers are present: `tsx scripts/find-browser.ts chromium firefox`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { Browser, canDownload, computeExecutablePath, install, makeProgressCallback } from '@puppeteer/browsers';
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';

export type BrowserKind = 'chromium' | 'firefox';

/** The extension's `strict_min_version` for Firefox (wxt.config.ts): older ones refuse the add-on. */
export const FIREFOX_MIN_MAJOR = 142;

/** The command a developer runs, once online, when a tier finds no browser it can use. */
export const FIX_COMMAND = 'npm run browsers';

const ENV_VAR: Record<BrowserKind, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/**
 * Browsers installed the ordinary way, per platform. Branded Google Chrome is left out on purpose:
 * since version 137 it ignores `--load-extension`, so it cannot run an unpacked build.
 */
export const SYSTEM_PATHS: Record<BrowserKind, Partial<Record<NodeJS.Platform, string[]>>> = {
  chromium: {
    linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
    darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
    win32: ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
  },
  firefox: {
    linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox'],
    win32: ['C:\\Program Files\\Mozilla Firefox\\firefox.exe'],
  },
};

/** What the decision looks at; the real machine is `thisMachine()`, tests pass their own. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  /** Major version of a Firefox binary, or null when it does not say (then it is given a try). */
  firefoxMajor(path: string): number | null;
  /**
   * Whether the path only starts a snap package (Ubuntu's `/usr/bin/firefox` and
   * `/usr/bin/chromium-browser`). A snap browser has its own private /tmp and may not read
   * folders outside the home directory, so it can open neither the test profile nor the build.
   */
  isSnap(path: string): boolean;
  /** Where the tier's own downloaded copy lives (Playwright's Chromium, the pinned Firefox). */
  downloadedPath(kind: BrowserKind): string;
}

export type Decision =
  /** Drive the binary at `path`; `skipped` says which candidates were passed over, and why. */
  | { action: 'use'; path: string; source: 'env' | 'system' | 'downloaded'; skipped: string[] }
  /** Nothing usable on the machine: fetch the tier's own copy. */
  | { action: 'download'; skipped: string[] }
  /** A setting the developer made is wrong; downloading would hide it. */
  | { action: 'stop'; message: string };

const NAME: Record<BrowserKind, string> = { chromium: 'Chromium', firefox: 'Firefox' };

export function decideBrowser(kind: BrowserKind, machine: Machine): Decision {
  const variable = ENV_VAR[kind];
  const named = machine.env[variable];
  const tooOld = (path: string): number | null => {
    if (kind !== 'firefox') return null;
    const major = machine.firefoxMajor(path);
    return major !== null && major < FIREFOX_MIN_MAJOR ? major : null;
  };
  if (named) {
    if (!machine.exists(named)) return { action: 'stop', message: `${variable} is set to ${named}, but there is no file there.` };
    const old = tooOld(named);
    if (old !== null) {
      return {
        action: 'stop',
        message: `${variable} names Firefox ${old}; the extension needs Firefox ${FIREFOX_MIN_MAJOR} or newer.`,
      };
    }
    return { action: 'use', path: named, source: 'env', skipped: [] };
  }
  const skipped: string[] = [];
  for (const path of SYSTEM_PATHS[kind][machine.platform] ?? []) {
    if (!machine.exists(path)) continue;
    if (machine.isSnap(path)) {
      skipped.push(`${path} starts a snap package, which cannot open the tests' profile and build`);
      continue;
    }
    const old = tooOld(path);
    if (old !== null) {
      skipped.push(`${path} is Firefox ${old}, older than the ${FIREFOX_MIN_MAJOR} the extension needs`);
      continue;
    }
    return { action: 'use', path, source: 'system', skipped };
  }
  const own = machine.downloadedPath(kind);
  if (machine.exists(own)) return { action: 'use', path: own, source: 'downloaded', skipped };
  return { action: 'download', skipped };
}

/** What a tier prints when it needs a browser it cannot get: the cause, then the one fix. */
export function noBrowserMessage(kind: BrowserKind, cause: string): string {
  const name = NAME[kind];
  const needs = kind === 'firefox' ? `${name} ${FIREFOX_MIN_MAJOR} or newer` : name;
  return [
    `No ${needs} was found on this machine, and fetching one failed: ${cause}`,
    `Once this machine can download, run:  ${FIX_COMMAND}`,
    `(or install ${needs} yourself and point ${ENV_VAR[kind]} at it).`,
  ].join('\n');
}

// ---- the real machine -------------------------------------------------------------------------

/** The Firefox build puppeteer-core is released against; fetched when the machine has no Firefox. */
export const PINNED_FIREFOX_BUILD: string = PUPPETEER_REVISIONS.firefox;

/** Where downloaded Firefox builds go: puppeteer's own cache, so other projects can share them. */
export function firefoxCacheDir(env = process.env): string {
  return env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
}

export function readFirefoxMajor(path: string): number | null {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /Firefox\s+(\d+)\./.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** A snap's binaries live under /snap; Ubuntu's /usr/bin entries are small scripts that run them. */
export function isSnapLauncher(path: string): boolean {
  try {
    if (realpathSync(path).startsWith('/snap/')) return true;
    if (statSync(path).size > 64 * 1024) return false;
    return /\/snap\/bin\/|\bsnap run\b/.test(readFileSync(path, 'latin1'));
  } catch {
    return false;
  }
}

export function thisMachine(): Machine {
  return {
    platform: process.platform,
    env: process.env,
    exists: existsSync,
    firefoxMajor: readFirefoxMajor,
    isSnap: (path) => process.platform === 'linux' && isSnapLauncher(path),
    downloadedPath: (kind) =>
      kind === 'chromium'
        ? chromium.executablePath()
        : computeExecutablePath({ browser: Browser.FIREFOX, buildId: PINNED_FIREFOX_BUILD, cacheDir: firefoxCacheDir() }),
  };
}

/** The binary a tier should drive, without fetching anything (the launchers call this). */
export function findBrowser(kind: BrowserKind): string {
  const decision = decideBrowser(kind, thisMachine());
  if (decision.action === 'use') return decision.path;
  if (decision.action === 'stop') throw new Error(decision.message);
  throw new Error(noBrowserMessage(kind, 'it was not fetched yet.'));
}

async function download(kind: BrowserKind): Promise<void> {
  if (kind === 'chromium') {
    // The full Chromium: Playwright's headless shell cannot load extensions.
    const result = spawnSync('npx', ['playwright', 'install', '--no-shell', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error(result.error?.message ?? `playwright install exited with ${result.status}.`);
    return;
  }
  const buildId = PINNED_FIREFOX_BUILD;
  const options = { browser: Browser.FIREFOX, buildId, cacheDir: firefoxCacheDir() };
  if (!(await canDownload(options).catch(() => false))) throw new Error(`Firefox ${buildId} cannot be reached from here.`);
  console.log(`Fetching Firefox ${buildId} into ${options.cacheDir}…`);
  await install({ ...options, downloadProgressCallback: makeProgressCallback(Browser.FIREFOX, buildId) });
}

/** Makes sure the tier has its browser: returns its path, or throws a message fit to print. */
export async function ensureBrowser(kind: BrowserKind): Promise<string> {
  const decision = decideBrowser(kind, thisMachine());
  if (decision.action === 'stop') throw new Error(decision.message);
  for (const reason of decision.skipped) console.log(`${NAME[kind]}: skipped ${reason}.`);
  if (decision.action === 'use') return decision.path;
  console.log(`${NAME[kind]}: none found on this machine; fetching the tests' own copy.`);
  try {
    await download(kind);
  } catch (error) {
    throw new Error(noBrowserMessage(kind, error instanceof Error ? error.message : String(error)));
  }
  return findBrowser(kind);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const kinds = process.argv.slice(2);
  const unknown = kinds.filter((kind) => kind !== 'chromium' && kind !== 'firefox');
  if (kinds.length === 0 || unknown.length > 0) {
    console.error('usage: tsx scripts/find-browser.ts chromium|firefox …');
    process.exit(2);
  }
  for (const kind of kinds as BrowserKind[]) {
    try {
      const path = await ensureBrowser(kind);
      console.log(`${NAME[kind]}: ${path}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
  }
}
