// Which browser an end-to-end tier drives: a path the developer named, the system's, the tier's
// own downloaded copy, or a download; and the message that stops a machine which has none.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIX_COMMAND, decideBrowser, isSnapLauncher, noBrowserMessage, type Machine } from '../../scripts/find-browser';

const CHROMIUM_CACHE = '/home/dev/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
const FIREFOX_CACHE = '/home/dev/.cache/puppeteer/firefox/linux-stable_150.0.2/firefox/firefox';

function machine(files: Record<string, number | null>, env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux', snaps: string[] = []): Machine {
  return {
    platform,
    env,
    exists: (path) => path in files,
    firefoxMajor: (path) => files[path] ?? null,
    isSnap: (path) => snaps.includes(path),
    downloadedPath: (kind) => (kind === 'chromium' ? CHROMIUM_CACHE : FIREFOX_CACHE),
  };
}

describe('decideBrowser: Chromium', () => {
  it('drives Debian’s chromium when it is installed', () => {
    expect(decideBrowser('chromium', machine({ '/usr/bin/chromium': null, [CHROMIUM_CACHE]: null }))).toMatchObject({
      action: 'use',
      path: '/usr/bin/chromium',
      source: 'system',
    });
  });

  it('CHROMIUM_PATH wins over the system browser', () => {
    const decision = decideBrowser('chromium', machine({ '/usr/bin/chromium': null, '/opt/cr/chrome': null }, { CHROMIUM_PATH: '/opt/cr/chrome' }));
    expect(decision).toMatchObject({ action: 'use', path: '/opt/cr/chrome', source: 'env' });
  });

  it('a CHROMIUM_PATH that names no file stops, rather than quietly testing another browser', () => {
    const decision = decideBrowser('chromium', machine({ '/usr/bin/chromium': null }, { CHROMIUM_PATH: '/opt/missing' }));
    expect(decision).toEqual({ action: 'stop', message: 'CHROMIUM_PATH is set to /opt/missing, but there is no file there.' });
  });

  it('falls back to Playwright’s own Chromium once fetched, and asks for a download before that', () => {
    expect(decideBrowser('chromium', machine({ [CHROMIUM_CACHE]: null }))).toMatchObject({ action: 'use', path: CHROMIUM_CACHE, source: 'downloaded' });
    expect(decideBrowser('chromium', machine({}))).toEqual({ action: 'download', skipped: [] });
  });

  it('looks where each platform installs it', () => {
    const mac = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(decideBrowser('chromium', machine({ [mac]: null }, {}, 'darwin'))).toMatchObject({ action: 'use', path: mac });
    // A Linux path means nothing on a Mac.
    expect(decideBrowser('chromium', machine({ '/usr/bin/chromium': null }, {}, 'darwin'))).toMatchObject({ action: 'download' });
  });
});

describe('decideBrowser: snap packages (Ubuntu)', () => {
  it('passes over Ubuntu’s snap Firefox and Chromium launchers, says why, and fetches the tier’s own copy', () => {
    const firefox = decideBrowser('firefox', machine({ '/usr/bin/firefox': 150 }, {}, 'linux', ['/usr/bin/firefox']));
    expect(firefox).toEqual({ action: 'download', skipped: ["/usr/bin/firefox starts a snap package, which cannot open the tests' profile and build"] });
    const chromium = decideBrowser('chromium', machine({ '/usr/bin/chromium-browser': null, [CHROMIUM_CACHE]: null }, {}, 'linux', ['/usr/bin/chromium-browser']));
    expect(chromium).toMatchObject({ action: 'use', path: CHROMIUM_CACHE, source: 'downloaded' });
  });

  it('a snap named in FIREFOX_PATH is the developer’s choice and is used', () => {
    expect(decideBrowser('firefox', machine({ '/snap/bin/firefox': 150 }, { FIREFOX_PATH: '/snap/bin/firefox' }, 'linux', ['/snap/bin/firefox']))).toMatchObject({ action: 'use', source: 'env' });
  });
});

describe('isSnapLauncher', () => {
  it('reads Ubuntu’s launcher script as a snap and a real binary as not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-snap-'));
    const script = join(dir, 'firefox');
    writeFileSync(script, '#!/bin/sh\nexec /snap/bin/firefox "$@"\n');
    const binary = join(dir, 'firefox-esr');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    expect(isSnapLauncher(script)).toBe(true);
    expect(isSnapLauncher(binary)).toBe(false);
    expect(isSnapLauncher(join(dir, 'missing'))).toBe(false);
  });
});

describe('decideBrowser: Firefox', () => {
  it('prefers firefox-esr, then firefox', () => {
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 153, '/usr/bin/firefox': 150 }))).toMatchObject({
      action: 'use',
      path: '/usr/bin/firefox-esr',
    });
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox': 150 }))).toMatchObject({ action: 'use', path: '/usr/bin/firefox' });
  });

  it('passes over a system Firefox older than 142 (Debian bookworm’s 140 ESR) and says why', () => {
    const decision = decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 140, [FIREFOX_CACHE]: 150 }));
    expect(decision).toEqual({
      action: 'use',
      path: FIREFOX_CACHE,
      source: 'downloaded',
      skipped: ['/usr/bin/firefox-esr is Firefox 140, older than the 142 the extension needs'],
    });
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 140 }))).toMatchObject({ action: 'download' });
  });

  it('gives a Firefox that does not tell its version a try', () => {
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox': null }))).toMatchObject({ action: 'use', path: '/usr/bin/firefox' });
  });

  it('FIREFOX_PATH wins, but must exist and be new enough', () => {
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 153, '/opt/ff/firefox': 151 }, { FIREFOX_PATH: '/opt/ff/firefox' }))).toMatchObject({
      action: 'use',
      path: '/opt/ff/firefox',
      source: 'env',
    });
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 153 }, { FIREFOX_PATH: '/opt/ff/firefox' }))).toEqual({
      action: 'stop',
      message: 'FIREFOX_PATH is set to /opt/ff/firefox, but there is no file there.',
    });
    expect(decideBrowser('firefox', machine({ '/opt/ff/firefox': 128 }, { FIREFOX_PATH: '/opt/ff/firefox' }))).toEqual({
      action: 'stop',
      message: 'FIREFOX_PATH names Firefox 128; the extension needs Firefox 142 or newer.',
    });
  });

  it('CHROMIUM_PATH does not steer the Firefox tier', () => {
    expect(decideBrowser('firefox', machine({ '/usr/bin/firefox-esr': 153 }, { CHROMIUM_PATH: '/nowhere' }))).toMatchObject({
      action: 'use',
      path: '/usr/bin/firefox-esr',
    });
  });
});

describe('noBrowserMessage', () => {
  it('names the cause and ends with the one command that fixes it', () => {
    const message = noBrowserMessage('firefox', 'getaddrinfo EAI_AGAIN');
    expect(message).toContain('No Firefox 142 or newer was found on this machine');
    expect(message).toContain('getaddrinfo EAI_AGAIN');
    expect(message).toContain(`run:  ${FIX_COMMAND}`);
    expect(message).toContain('FIREFOX_PATH');
    expect(noBrowserMessage('chromium', 'offline')).toContain('CHROMIUM_PATH');
  });
});
