// Content script of the page benchmark's baseline extension (scripts/bench/page.ts copies it, with
// the names the mark.js-style baseline looks for in NAMES). It runs where and when the real content
// script runs — document_idle, isolated world — and does one baseline, chosen by the page's query.
/* global NAMES */
performance.mark('baseline:start');
const kind = new URLSearchParams(location.search).get('baseline');
let marks = 0;
if (kind === 'floor') {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let length = 0;
  while (walker.nextNode()) length += walker.currentNode.data.length;
  // One highlight, so that a paint of the same kind as the extension's follows.
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('h1'));
  CSS.highlights.set('bench-floor', new Highlight(range));
  marks = length > 0 ? 1 : 0;
} else if (kind === 'markjs') {
  const escaped = [...NAMES].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (/^(SCRIPT|STYLE)$/.test(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    pattern.lastIndex = 0;
    const found = [];
    for (let match = pattern.exec(node.data); match; match = pattern.exec(node.data)) {
      if (match[0].length === 0) pattern.lastIndex += 1;
      else found.push([match.index, match[0].length]);
    }
    // Wrap from the end so earlier offsets stay valid, as mark.js does per node.
    for (let i = found.length - 1; i >= 0; i--) {
      const [at, length] = found[i];
      const target = node.splitText(at);
      target.splitText(length);
      const mark = document.createElement('mark');
      target.parentNode.replaceChild(mark, target);
      mark.appendChild(target);
      marks += 1;
    }
  }
}
performance.mark('baseline:done', { detail: { marks } });
