// Which elements the page scanner reads, which it leaves alone, and which ones end a phrase.
// Decided from tag names and attributes only, so the walk never forces a style or layout pass.

/** Subtrees whose text is not prose a reader sees, or that the user is typing into. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'math',
  'head',
  // SVG is read for its <text> (chart labels, logos set as text); these parts of it are never drawn
  // as text on screen: tooltips, descriptions, and definitions used only by reference.
  'title',
  'desc',
  'metadata',
  'defs',
  'symbol',
  'clipPath',
  'mask',
  'pattern',
  'marker',
  'linearGradient',
  'radialGradient',
  'filter',
]);

/**
 * Elements that flow inside a line of text. Text on both sides of them reads as one phrase
 * (`<b>China</b> Mobile`). Everything else (including unknown and custom elements) ends a phrase:
 * joining text across a cell or block boundary would invent names that no reader sees.
 */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  // Inside an SVG <text>, these continue its line.
  'tspan',
  'textPath',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

// Node types as plain numbers: reading `Node.TEXT_NODE` in the walker's loop is a global look-up
// per node, which shows in profiles of long pages.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Tag name of the extension's own UI hosts; the scanner never reads them. */
export const OWN_UI_PREFIX = 'sanctions-lens-';

export const BLOCK = 0;
export const INLINE = 1;
export const SKIP = 2;
export type ElementClass = typeof BLOCK | typeof INLINE | typeof SKIP;

const TAG_CLASS = new Map<string, ElementClass>([
  ...[...SKIPPED_TAGS].map((tag) => [tag, SKIP] as const),
  ...[...INLINE_TAGS].map((tag) => [tag, INLINE] as const),
]);

/** How the walker treats an element: read as part of a phrase, as a phrase boundary, or not at all. */
export function classify(element: Element): ElementClass {
  const tag = element.localName;
  const byTag = TAG_CLASS.get(tag) ?? BLOCK;
  if (byTag === SKIP) return SKIP;
  if (byTag === BLOCK && tag.startsWith(OWN_UI_PREFIX)) return SKIP;
  // Most elements carry no attributes; skip the attribute look-ups for them (this runs per element).
  if (!element.hasAttributes()) return byTag;
  if (element.hasAttribute('hidden') && !shownDespiteHidden(element)) return SKIP;
  // Editable regions belong to the user: reading them is pointless and painting them distracts.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return SKIP;
  return byTag;
}

/**
 * `hidden` is only a default style: a page's CSS can show the element anyway (`display: block
 * !important`), and then its text is on screen like any other. Asked only of elements that carry
 * the attribute, so the style look-up is rare.
 */
function shownDespiteHidden(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view || !element.isConnected) return false;
  return view.getComputedStyle(element).display !== 'none';
}

export function isSkipped(element: Element): boolean {
  return classify(element) === SKIP;
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/** True when `node` sits inside something the scanner must not read (used for mutation targets). */
export function isInsideSkipped(node: Node): boolean {
  for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
    if (isSkipped(element)) return true;
  }
  return false;
}

type ShadowOpener = (element: HTMLElement) => ShadowRoot | null;
// Content scripts may open closed shadow roots too: widgets built as closed web components (quote
// boxes, tickers) are text the user reads like any other. Chrome offers `dom.openOrClosedShadowRoot`;
// Firefox has no `dom` namespace but gives content scripts an `openOrClosedShadowRoot` property on
// each element instead.
const openOrClosed = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowOpener } } }).chrome?.dom
  ?.openOrClosedShadowRoot;
type FirefoxElement = Element & { openOrClosedShadowRoot?: ShadowRoot | null };

/**
 * The element's shadow root, open or closed. Closed roots are looked up only on custom elements
 * (tag names with a hyphen), where web components live, so ordinary elements cost one property read.
 */
export function shadowRootOf(element: Element): ShadowRoot | null {
  const open = element.shadowRoot;
  if (open || !element.localName.includes('-')) return open;
  try {
    return (openOrClosed ? openOrClosed(element as HTMLElement) : (element as FirefoxElement).openOrClosedShadowRoot) ?? null;
  } catch {
    return null;
  }
}
