// A small, strict XML reader for the data build: OFAC's ENHANCED XML is plain elements,
// attributes and text, so a tree of {name, attrs, children, text} is all the parsers need.
// Namespace prefixes are dropped; comments, processing instructions and DOCTYPE are skipped.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element (entities decoded, not trimmed). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref] ?? whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

export class XmlSyntaxError extends Error {}

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  const where = () => {
    const line = source.slice(0, i).split('\n').length;
    return `line ${line}`;
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt === -1) {
      if (source.slice(i).trim()) top.text += decode(source.slice(i));
      break;
    }
    if (lt > i) top.text += decode(source.slice(i, lt));
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end === -1) throw new XmlSyntaxError(`unclosed comment at ${where()}`);
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end === -1) throw new XmlSyntaxError(`unclosed CDATA at ${where()}`);
      top.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', i) || source.startsWith('<!', i)) {
      const end = source.indexOf('>', i);
      if (end === -1) throw new XmlSyntaxError(`unclosed declaration at ${where()}`);
      i = end + 1;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      const name = localName(source.slice(i + 2, end).trim());
      if (stack.length === 1 || top.name !== name) {
        throw new XmlSyntaxError(`unexpected </${name}> at ${where()} (open element: <${top.name}>)`);
      }
      stack.pop();
      i = end + 1;
    } else {
      const tag = /^<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(source.slice(i, i + 4096));
      if (!tag) throw new XmlSyntaxError(`malformed tag at ${where()}`);
      const element: XmlElement = { name: localName(tag[1]), attrs: {}, children: [], text: '' };
      for (const attr of tag[2].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        element.attrs[localName(attr[1])] = decode(attr[2] ?? attr[3]);
      }
      top.children.push(element);
      if (!tag[3]) stack.push(element);
      i += tag[0].length;
    }
  }
  if (stack.length > 1) throw new XmlSyntaxError(`unclosed <${stack[stack.length - 1].name}> at end of file`);
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Follows a path of element names, collecting every match at the last step. */
export function all(element: XmlElement | undefined, ...path: string[]): XmlElement[] {
  let current = element ? [element] : [];
  for (const name of path) current = current.flatMap((e) => children(e, name));
  return current;
}

export function textOf(element: XmlElement | undefined, ...path: string[]): string | undefined {
  let current = element;
  for (const name of path) current = child(current, name);
  return current ? current.text.trim() : undefined;
}
