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
  'svg',
  'math',
  'head',
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
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** Tag name of the extension's own UI hosts; the scanner never reads them. */
export const OWN_UI_PREFIX = 'sanctions-lens-';

export function isSkipped(element: Element): boolean {
  const tag = element.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith(OWN_UI_PREFIX)) return true;
  // Editable regions belong to the user: reading them is pointless and painting them distracts.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.hasAttribute('hidden');
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
