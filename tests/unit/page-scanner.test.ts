// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PaintedRange, Painter } from '../../lib/page/highlighter';
import { MAX_PAINTED_PER_RUN, PageScanner, type PageMatch, type ScanRules } from '../../lib/page/scanner';
import { SliceScheduler } from '../../lib/page/scheduler';

/** Finds fixed names; counts how often it is asked, so tests can see what was rescanned. */
function fakeMatcher(names: Record<string, string>) {
  const calls: string[] = [];
  return {
    calls,
    scan(text: string, context?: { tickerContext?: boolean; entitiesNearby?: ReadonlySet<string> }): PageMatch[] {
      calls.push(text);
      const out: PageMatch[] = [];
      for (const [name, entityId] of Object.entries(names)) {
        // Like the real matcher, an acronym (all capitals, marked `~` here) counts only once its company is on the page.
        if (name.startsWith('~')) {
          const acronym = name.slice(1);
          const at = text.indexOf(acronym);
          if (at >= 0 && context?.entitiesNearby?.has(entityId)) out.push({ start: at, end: at + acronym.length, entityId, kind: 'name' });
          continue;
        }
        // Like the real matcher, a bare number counts as a ticker only with context.
        if (/^\d+$/.test(name) && !context?.tickerContext) continue;
        let at = text.indexOf(name);
        while (at >= 0) {
          out.push({ start: at, end: at + name.length, entityId, kind: context?.tickerContext ? 'ticker' : 'name' });
          at = text.indexOf(name, at + name.length);
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

/** Records what is on screen: painted changes count only once flushed, as in the browser. */
class RecordingPainter implements Painter {
  owners = new Map<object, PaintedRange[]>();
  private pending = new Map<object, PaintedRange[]>();
  destroyed = false;
  paint(owner: object, ranges: PaintedRange[]) {
    this.pending.set(owner, ranges);
  }
  flush() {
    for (const [owner, ranges] of this.pending) {
      if (ranges.length) this.owners.set(owner, ranges);
      else this.owners.delete(owner);
    }
    this.pending.clear();
  }
  styleRoot() {}
  reassert() {}
  setLook() {}
  hitTest() {
    return null;
  }
  get size() {
    return [...this.owners.values()].reduce((sum, ranges) => sum + ranges.length, 0);
  }
  destroy() {
    this.destroyed = true;
    this.owners.clear();
  }
  /** The painted text, per colour key. */
  texts(): string[] {
    return [...this.owners.values()].flat().map(({ range, key }) => {
      const dom = document.createRange();
      dom.setStart(range.startNode, range.startOffset);
      dom.setEnd(range.endNode, range.endOffset);
      return `${key}:${dom.toString()}`;
    });
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

async function settle(scanner: PageScanner) {
  for (let i = 0; i < 50 && !scanner.idle; i++) await flush();
  await flush();
}

let scanner: PageScanner | undefined;
afterEach(() => {
  scanner?.stop();
  scanner = undefined;
  document.body.innerHTML = '';
});

function setup(html: string, rules: Partial<ScanRules> = {}) {
  document.body.innerHTML = html;
  const matcher = fakeMatcher({ 'China Mobile': 'china-mobile', Xiaomi: 'xiaomi', SMIC: 'smic', '1810': 'xiaomi' });
  const painter = new RecordingPainter();
  scanner = new PageScanner(document, painter, {
    matcher,
    keyOf: (id) => (id === 'smic' ? 'historical' : 'prohibited'),
    isIgnored: () => false,
    ...rules,
  }, { yieldToBrowser: (next) => setTimeout(next, 0) });
  scanner.start();
  return { matcher, painter, scanner };
}

describe('page scanner', () => {
  it('paints at most a few hundred ranges of a huge run, and still counts every find', async () => {
    const every = { scan: (text: string) => [...text.matchAll(/Xiaomi/g)].map((m) => ({ start: m.index!, end: m.index! + 6, entityId: 'xiaomi', kind: 'name' as const })) };
    const { painter, scanner } = setup(`<p>${'Xiaomi rose. '.repeat(500)}</p>`, { matcher: every });
    await settle(scanner);
    expect(painter.size).toBe(MAX_PAINTED_PER_RUN);
    expect(scanner.findings()[0].count).toBe(500);
  });

  it('paints each company in its colour and reports one finding per company', async () => {
    const { painter, scanner } = setup('<p>Shares of <b>China</b> Mobile and Xiaomi rose; Xiaomi led.</p><p>SMIC</p>');
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['historical:SMIC', 'prohibited:China Mobile', 'prohibited:Xiaomi', 'prohibited:Xiaomi']);
    const xiaomi = scanner.findings().find((finding) => finding.entityId === 'xiaomi');
    expect(xiaomi).toEqual({ entityId: 'xiaomi', texts: ['Xiaomi'], kinds: ['name'], count: 2 });
  });

  it('a colour the user keeps private (the watchlist) is found and reported but never painted', async () => {
    document.body.innerHTML = '<p>Xiaomi and China Mobile</p>';
    const painter = new RecordingPainter();
    scanner = new PageScanner(document, painter, {
      matcher: fakeMatcher({ 'China Mobile': 'china-mobile', Xiaomi: 'watchlist:xiaomi' }),
      keyOf: (id) => (id.startsWith('watchlist:') ? 'watchlist' : 'prohibited'),
      isIgnored: () => false,
    }, { yieldToBrowser: (next) => setTimeout(next, 0), paints: (key) => key !== 'watchlist' });
    scanner.start();
    await settle(scanner);
    expect(painter.texts()).toEqual(['prohibited:China Mobile']);
    expect(scanner.findings().map((finding) => finding.entityId).sort()).toEqual(['china-mobile', 'watchlist:xiaomi']);
  });

  it('leaves out companies the settings hide and matches the user ignored', async () => {
    const { painter, scanner } = setup('<p>Xiaomi and SMIC</p>', {
      keyOf: (id) => (id === 'smic' ? undefined : 'restricted'),
      isIgnored: (id, text) => id === 'xiaomi' && text === 'Xiaomi',
    });
    await settle(scanner);
    expect(painter.texts()).toEqual([]);
    expect(scanner.findings()).toEqual([]);
  });

  it('never rescans text that did not change, and skips the matcher for numbers', async () => {
    const { matcher, scanner } = setup('<table><tr><td>Xiaomi</td><td id="price">12.34</td></tr></table>');
    await settle(scanner);
    expect(matcher.calls).toEqual(['Xiaomi']);
    const runsRead = scanner.stats.runsRead;
    const price = document.getElementById('price')!;
    for (let i = 0; i < 20; i++) {
      price.firstChild!.textContent = (12 + i / 100).toFixed(2);
      await flush();
    }
    await settle(scanner);
    expect(matcher.calls).toEqual(['Xiaomi']);
    // A ticking number is not even re-read.
    expect(scanner.stats.runsRead).toBe(runsRead);
    // Letters appearing in it are read and matched at once.
    price.firstChild!.textContent = 'SMIC';
    await settle(scanner);
    expect(matcher.calls).toEqual(['Xiaomi', 'SMIC']);
  });

  it('follows a framework re-render: new nodes with the same text are painted without calling the matcher again', async () => {
    const { matcher, painter, scanner } = setup('<table id="t"><tr><td>Xiaomi</td></tr></table>');
    await settle(scanner);
    document.getElementById('t')!.innerHTML = '<tr><td>Xiaomi</td></tr><tr><td>SMIC</td></tr>';
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['historical:SMIC', 'prohibited:Xiaomi']);
    expect(matcher.calls.filter((text) => text === 'Xiaomi')).toHaveLength(1);
  });

  it('drops paint and findings for text that was removed or edited away', async () => {
    const { painter, scanner } = setup('<ul id="list"><li id="a">Xiaomi</li><li>SMIC</li></ul>');
    await settle(scanner);
    document.getElementById('a')!.remove();
    await settle(scanner);
    expect(painter.texts()).toEqual(['historical:SMIC']);
    expect(scanner.findings().map((finding) => finding.entityId)).toEqual(['smic']);
    document.querySelector('li')!.firstChild!.textContent = 'Apple';
    await settle(scanner);
    expect(painter.texts()).toEqual([]);
    expect(scanner.findings()).toEqual([]);
  });

  it('reads content added later, including new shadow roots', async () => {
    const { painter, scanner } = setup('<div id="feed"></div>');
    await settle(scanner);
    const item = document.createElement('article');
    item.innerHTML = '<p>More on <b>Xiaomi</b></p>';
    document.getElementById('feed')!.append(item);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>SMIC</span>';
    document.body.append(host);
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['historical:SMIC', 'prohibited:Xiaomi']);
  });

  it('reads everything again, shadow roots included, when the rules change', async () => {
    const { painter, scanner, matcher } = setup('<p>Xiaomi</p><div id="host"></div>');
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>SMIC</span>';
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['historical:SMIC', 'prohibited:Xiaomi']);
    scanner.setRules({ matcher, keyOf: () => 'caution', isIgnored: () => false });
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['caution:SMIC', 'caution:Xiaomi']);
  });

  it('after a first look, matches the runs it read without walking the page again, and reads what changed meanwhile', async () => {
    const looked: string[] = [];
    const look = { scan: (text: string) => (looked.push(text), []) };
    const { painter, scanner, matcher } = setup('<p>Xiaomi rose</p><div id="host"></div><p id="edit">Nothing yet</p><p>SMIC fell</p>', { matcher: look });
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<span>China Mobile</span>';
    scanner.keepRuns();
    await settle(scanner);
    expect(painter.texts()).toEqual([]);
    expect(looked.sort()).toEqual(['China Mobile', 'Nothing yet', 'SMIC fell', 'Xiaomi rose']);
    // The page changes after the look, before the matcher is ready.
    document.getElementById('edit')!.firstChild!.textContent = 'Now Xiaomi too';
    const walks = scanner.stats.walks;
    scanner.setRules({ matcher, keyOf: (id) => (id === 'smic' ? 'historical' : 'prohibited'), isIgnored: () => false }, true, true);
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['historical:SMIC', 'prohibited:China Mobile', 'prohibited:Xiaomi', 'prohibited:Xiaomi']);
    // Each text matched once: the changed paragraph as it reads now, never as the look read it.
    expect([...matcher.calls].sort()).toEqual(['China Mobile', 'Now Xiaomi too', 'SMIC fell', 'Xiaomi rose']);
    // Only the changed paragraph was walked again; the body and the shadow root were not.
    expect(scanner.stats.walks - walks).toBe(1);
  });

  it('walks the page again when no runs were kept (rules changed after the look found nothing)', async () => {
    const look = { scan: () => [] };
    const { painter, scanner, matcher } = setup('<p>Xiaomi rose</p>', { matcher: look });
    scanner.keepRuns();
    await settle(scanner);
    scanner.forgetRuns();
    const walks = scanner.stats.walks;
    scanner.setRules({ matcher, keyOf: () => 'prohibited', isIgnored: () => false }, true, true);
    await settle(scanner);
    expect(painter.texts()).toEqual(['prohibited:Xiaomi']);
    expect(scanner.stats.walks - walks).toBe(1);
  });

  it('paints an acronym read before its company turned up further down the page', async () => {
    const matcher = fakeMatcher({ '~HWT': 'huawei', 'Huawei Technologies': 'huawei', Xiaomi: 'xiaomi' });
    const { painter, scanner } = setup(
      '<table id="t"><tr><td>HWT</td><td>Xiaomi</td></tr></table><p>Later on, Huawei Technologies said</p>',
      { matcher },
    );
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['prohibited:HWT', 'prohibited:Huawei Technologies', 'prohibited:Xiaomi']);
    // The table is re-rendered: the acronym is painted again, from the cache, not from a stale "no match".
    const calls = matcher.calls;
    const before = calls.length;
    document.getElementById('t')!.innerHTML = '<tr><td>HWT</td><td>Xiaomi</td></tr>';
    await settle(scanner);
    expect(painter.texts().sort()).toEqual(['prohibited:HWT', 'prohibited:Huawei Technologies', 'prohibited:Xiaomi']);
    expect(calls.length).toBe(before);
    // Text that never waited on a company is matched once, however many companies turn up later.
    expect(calls.filter((text) => text === 'Xiaomi')).toHaveLength(1);
  });

  it('uses quote links as ticker context', async () => {
    const { painter, scanner } = setup('<p>Position: <a href="/quote/1810.HK">1810</a>, not 1810 alone</p>');
    await settle(scanner);
    expect(painter.texts()).toEqual(['prohibited:1810']);
    expect(scanner.findings()[0].kinds).toEqual(['ticker']);
  });

  it('stops cleanly: no more work, highlights removed', async () => {
    const { painter, scanner, matcher } = setup('<p>Xiaomi</p>');
    await settle(scanner);
    scanner.stop();
    expect(painter.destroyed).toBe(true);
    document.body.innerHTML += '<p>SMIC</p>';
    await flush();
    expect(matcher.calls).toEqual(['Xiaomi']);
  });
});

describe('slice scheduler', () => {
  it('splits long work into slices that each respect the budget', async () => {
    let clock = 0;
    let units = 100;
    const scheduler = new SliceScheduler(
      (outOfTime) => {
        while (units > 0) {
          units -= 1;
          clock += 1;
          if (outOfTime()) return false;
        }
        return true;
      },
      { budgetMs: 10, now: () => clock, yieldToBrowser: (next) => setTimeout(next, 0) },
    );
    scheduler.wake();
    while (units > 0) await flush();
    await flush();
    // Ten full slices, plus at most one that finds the work finished.
    expect(scheduler.slices).toBeGreaterThanOrEqual(10);
    expect(scheduler.slices).toBeLessThanOrEqual(11);
    expect(scheduler.longestSliceMs).toBeLessThanOrEqual(10);
  });

  it('lets a frame through after a streak of back-to-back slices', async () => {
    let clock = 0;
    let units = 40;
    const frames: number[] = [];
    const scheduler = new SliceScheduler(
      (outOfTime) => {
        while (units > 0) {
          units -= 1;
          clock += 5;
          if (outOfTime()) return false;
        }
        return true;
      },
      {
        budgetMs: 5,
        frameEveryMs: 20,
        now: () => clock,
        yieldToBrowser: (next) => setTimeout(next, 0),
        waitForFrame: (next) => {
          frames.push(clock);
          setTimeout(next, 0);
        },
      },
    );
    scheduler.wake();
    while (units > 0) await flush();
    // 200 ms of work in 5 ms slices, a frame after every 20 ms of it.
    expect(frames).toHaveLength(10);
    expect(frames.every((at, i) => i === 0 || at - frames[i - 1] === 20)).toBe(true);
  });
});
