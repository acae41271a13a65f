// The address whose site settings apply to this frame. A frame the page wrote itself (about:blank,
// srcdoc, blob:) has no address of its own but belongs to the page's origin; a data: frame has an
// opaque origin, so the embedding page's origin decides. Without such an answer the frame is left
// alone, as any address the extension does not read.

function isWebAddress(href: string): boolean {
  return /^(https?|file):/i.test(href);
}

export function frameAddress(loc: Pick<Location, 'href' | 'origin'> & { ancestorOrigins?: DOMStringList } = location, referrer = document.referrer): string {
  if (isWebAddress(loc.href)) return loc.href;
  // about:blank, about:srcdoc and blob: documents inherit the origin of the page that made them.
  if (loc.origin && loc.origin !== 'null' && isWebAddress(loc.origin)) return `${loc.origin}/`;
  const ancestor = loc.ancestorOrigins && loc.ancestorOrigins.length > 0 ? loc.ancestorOrigins[0] : '';
  if (ancestor && isWebAddress(ancestor)) return `${ancestor}/`;
  if (referrer && isWebAddress(referrer)) return `${new URL(referrer).origin}/`;
  return loc.href;
}
