// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextWalk, collectRuns, locate } from '../../lib/page/walker';
import { isQuoteLink } from '../../lib/page/quote-links';

function runsOf(html: string) {
  document.body.innerHTML = html;
  return collectRuns(document.body);
}

describe('text runs', () => {
  it('joins inline elements into one phrase and splits at blocks and cells', () => {
    const runs = runsOf('<p><b>China</b> Mobile rose</p><table><tr><td>Xiaomi</td><td>Corp</td></tr></table>');
    expect(runs.map((run) => run.text)).toEqual(['China Mobile rose', 'Xiaomi', 'Corp']);
  });

  it('reads inline elements laid out as separate boxes (flex items, spans styled as blocks) as separate cells', () => {
    const runs = runsOf(
      '<div style="display:flex"><span style="display:block">Qty 10</span><span style="display:block">Sberbank of Russia</span></div>' +
        '<p>Xiao<b>mi</b> and <span style="display:inline-block">SMIC</span>rose</p>',
    );
    expect(runs.map((run) => run.text)).toEqual(['Qty 10', 'Sberbank of Russia', 'Xiaomi and SMIC', 'rose']);
  });

  it('splits text on both sides of a nested block', () => {
    const runs = runsOf('<div>Huawei <p>Technologies</p> Inspur</div>');
    expect(runs.map((run) => run.text.trim())).toEqual(['Huawei', 'Technologies', 'Inspur']);
  });

  it('leaves scripts, styles, form fields, editable regions and hidden elements out', () => {
    const runs = runsOf(
      '<style>[hidden] { display: none }</style><p>SMIC</p><script>var x = "Huawei"</script><style>.a{}</style><textarea>Hikvision</textarea>' +
        '<select><option>Inspur</option></select><div contenteditable="true">Xiaomi <b>Corp</b></div>' +
        '<div contenteditable="false">Panda</div><div hidden>ZTE</div><sanctions-lens-card>Huawei</sanctions-lens-card>',
    );
    expect(runs.map((run) => run.text)).toEqual(['SMIC', 'Panda']);
  });

  it('reads the text an SVG draws (a chart label), not its tooltips or definitions', () => {
    const runs = runsOf(
      '<svg width="300" height="80"><title>Huawei Technologies</title><desc>ZTE</desc>' +
        '<defs><text id="ref">Hikvision</text></defs><g><text x="4" y="20">Inspur <tspan>Group</tspan></text>' +
        '<text x="4" y="40">+2.1%</text></g></svg>',
    );
    expect(runs.map((run) => run.text)).toEqual(['Inspur Group', '+2.1%']);
  });

  it('reads an element marked hidden that the page’s CSS shows anyway, and skips one it does not', () => {
    // The browser's own rule for [hidden] (happy-dom has no user-agent stylesheet).
    const runs = runsOf(
      '<style>[hidden] { display: none }</style><div hidden>ZTE</div>' +
        '<div hidden style="display: block !important">Huawei Technologies</div>',
    );
    expect(runs.map((run) => run.text)).toEqual(['Huawei Technologies']);
  });

  it('maps a span of joined text back to the text nodes it came from', () => {
    const [run] = runsOf('<p>Shares of <b>China</b> <i>Mobile</i> fell</p>');
    const start = run.text.indexOf('China');
    const range = locate(run, start, start + 'China Mobile'.length);
    expect(range.startNode.data).toBe('China');
    expect(range.startOffset).toBe(0);
    expect(range.endNode.data).toBe('Mobile');
    expect(range.endOffset).toBe(6);
    const dom = document.createRange();
    dom.setStart(range.startNode, range.startOffset);
    dom.setEnd(range.endNode, range.endOffset);
    expect(dom.toString()).toBe('China Mobile');
  });

  it('puts a match that ends where a node ends into that node, not the next one', () => {
    const [run] = runsOf('<p><b>SMIC</b> results</p>');
    const range = locate(run, 0, 4);
    expect(range.endNode.data).toBe('SMIC');
    expect(range.endOffset).toBe(4);
  });

  it('marks link text pointing at quote pages as ticker context', () => {
    const [run] = runsOf('<p>See <a href="/quote/1810.HK">1810</a> and <a href="/about">about</a></p>');
    expect(run.quoteLinks).toEqual([{ start: 4, end: 8 }]);
  });

  it('reports open shadow roots so they are walked too', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Hikvision</p>';
    const seen: ShadowRoot[] = [];
    const runs: string[] = [];
    new TextWalk(document.body, { onRun: (run) => runs.push(run.text), onShadowRoot: (root) => seen.push(root) }).step();
    expect(seen).toEqual([host.shadowRoot]);
    expect(collectRuns(host.shadowRoot!).map((run) => run.text)).toEqual(['Hikvision']);
  });

  it('resumes a walk that ran out of time without losing or repeating text', () => {
    document.body.innerHTML = Array.from({ length: 500 }, (_, i) => `<p>row ${i}</p>`).join('');
    const texts: string[] = [];
    const walk = new TextWalk(document.body, { onRun: (run) => texts.push(run.text), onShadowRoot: () => {} });
    let slices = 0;
    while (!walk.step(() => true)) slices += 1;
    expect(slices).toBeGreaterThan(5);
    expect(texts).toEqual(Array.from({ length: 500 }, (_, i) => `row ${i}`));
  });
});

describe('quote links', () => {
  it.each([
    ['/quote/1810.HK', true],
    ['https://example.com/stocks/XIACY', true],
    ['/markets?symbol=0941.HK', true],
    ['/news/xiaomi-wins-ruling', false],
    ['javascript:void(0)', false],
    [null, false],
  ])('%s → %s', (href, expected) => {
    expect(isQuoteLink(href)).toBe(expected);
  });
});
