// @vitest-environment happy-dom
// Long text is matched a window at a time (lib/page/long-runs.ts): a 10 MB text node, or a phrase
// spread over many nodes, is found as a whole text would be, in many short slices, never one long task.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/types';
import { createMatcher } from '../../lib/match';
import type { PaintedRange, Painter } from '../../lib/page/highlighter';
import { WINDOW_CHARS, WINDOW_OVERLAP, WindowedScan } from '../../lib/page/long-runs';
import { PageScanner, type PageMatch } from '../../lib/page/scanner';

const dataset = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/dataset.json'), 'utf8')) as Dataset;

class CountingPainter implements Painter {
  painted = 0;
  paint(_owner: object, ranges: PaintedRange[]) {
    this.painted = ranges.length;
  }
  flush() {}
  styleRoot() {}
  reassert() {}
  setLook() {}
  hitTest() {
    return null;
  }
  get size() {
    return this.painted;
  }
  destroy() {}
}

/** Ordinary prose with listed names put at the given offsets (a name may straddle a window's edge). */
function proseWithNames(length: number, names: [number, string][]): string {
  const filler = 'Markets were quiet on Tuesday as traders waited for the central bank. ';
  let text = filler.repeat(Math.ceil(length / filler.length)).slice(0, length);
  for (const [at, name] of names) text = text.slice(0, at) + ` ${name} ` + text.slice(at + name.length + 2);
  return text;
}

let scanner: PageScanner | undefined;
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
  document.body.innerHTML = '';
});

describe('long text in windows', () => {
  it('finds exactly what the matcher finds in the whole text, names on window edges included', () => {
    const matcher = createMatcher(dataset);
    const edges = [1, 2, 3, 7].map((k) => k * WINDOW_CHARS);
    const names: [number, string][] = [
      [500, 'Huawei Technologies'],
      ...edges.map((edge, i): [number, string] => [edge - 5 - i, ['China Mobile', 'Hikvision', 'Semiconductor Manufacturing International Corporation', 'Xiaomi'][i]]),
      [WINDOW_CHARS * 7 + WINDOW_OVERLAP - 3, 'Inspur'],
    ];
    const text = proseWithNames(WINDOW_CHARS * 8 + 1234, names);
    const whole = matcher.scan(text);
    expect(whole.length).toBeGreaterThanOrEqual(6);
    const windowed = new WindowedScan(text, (slice) => matcher.scan(slice));
    expect(windowed.step(() => false)).toBe(true);
    expect(windowed.windows).toBe(9);
    expect(windowed.matches).toEqual(whole);
  });

  it('reads a 10 MB text node in many slices within the budget, each matcher call a window long, and finds every name', async () => {
    const size = 10 * 1024 * 1024;
    const spots = [0, size / 2, WINDOW_CHARS * 100 - 3, size - 40];
    document.body.innerHTML = '<p id="huge"></p>';
    document.getElementById('huge')!.textContent = proseWithNames(size, spots.map((at) => [at, 'China Mobile']));
    // A clock that moves 1 ms per matcher call: the slices' length is then exact, whatever the machine.
    let clock = 0;
    const calls: number[] = [];
    const matcher = {
      scan(text: string): PageMatch[] {
        calls.push(text.length);
        clock += 1;
        return [...text.matchAll(/China Mobile/g)].map((m) => ({ start: m.index!, end: m.index! + 12, entityId: 'china-mobile', kind: 'name' as const }));
      },
    };
    scanner = new PageScanner(document, new CountingPainter(), { matcher, keyOf: () => 'prohibited', isIgnored: () => false }, {
      budgetMs: 6,
      now: () => clock,
      yieldToBrowser: (next) => setTimeout(next, 0),
      waitForFrame: (next) => setTimeout(next, 0),
    });
    scanner.start();
    for (let i = 0; i < 2000 && !scanner.idle; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scanner.idle).toBe(true);
    expect(scanner.findings()).toEqual([expect.objectContaining({ entityId: 'china-mobile', count: spots.length })]);
    // Never the whole node at once: every call is one window with its overlap.
    expect(Math.max(...calls)).toBeLessThanOrEqual(WINDOW_CHARS + 2 * WINDOW_OVERLAP);
    expect(calls.length).toBe(Math.ceil(size / WINDOW_CHARS));
    // About six windows per slice: tens of slices, none over the budget by more than one window.
    expect(scanner.longestSliceMs).toBeLessThanOrEqual(7);
    expect(scanner.busyMs / scanner.longestSliceMs).toBeGreaterThan(40);
  });

  it('matches a phrase spread over thousands of nodes as one text, a window at a time', async () => {
    // 20,000 inline elements in one paragraph: one run of ~140,000 characters.
    const parts = Array.from({ length: 20_000 }, (_, i) => (i === 15_000 ? '<b>China</b> <i>Mobile</i> ' : '<span>word </span>'));
    document.body.innerHTML = `<p>${parts.join('')}</p>`;
    const calls: number[] = [];
    const matcher = {
      scan(text: string): PageMatch[] {
        calls.push(text.length);
        return [...text.matchAll(/China Mobile/g)].map((m) => ({ start: m.index!, end: m.index! + 12, entityId: 'china-mobile', kind: 'name' as const }));
      },
    };
    const painter = new CountingPainter();
    scanner = new PageScanner(document, painter, { matcher, keyOf: () => 'prohibited', isIgnored: () => false }, { yieldToBrowser: (next) => setTimeout(next, 0) });
    scanner.start();
    for (let i = 0; i < 2000 && !scanner.idle; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scanner.findings()).toEqual([expect.objectContaining({ entityId: 'china-mobile', count: 1 })]);
    expect(painter.painted).toBe(1);
    expect(calls.length).toBeGreaterThan(3);
    expect(Math.max(...calls)).toBeLessThanOrEqual(WINDOW_CHARS + 2 * WINDOW_OVERLAP);
  });
});
