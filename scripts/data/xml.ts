// XML reading for the data build, on saxes (a streaming, well-formedness-checking parser). OFAC's
// ENHANCED XML is plain elements, attributes and text, so the parsers work on small trees of
// {name, attrs, children, text}: `parseXml` builds the whole document, `streamElements` builds one
// subtree at a time (each <entity> of OFAC's file) and lets it go once handed over, so memory stays
// flat however long the list grows. Namespace prefixes are dropped.
import { closeSync, openSync, readSync } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element (entities decoded, not trimmed). */
  text: string;
}

export class XmlSyntaxError extends Error {}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/**
 * Reads `source` and calls `onElement` with every complete element whose local name is in `names`
 * (with its subtree), outermost first; elements outside those are not kept. Throws XmlSyntaxError
 * with the line of the first well-formedness error.
 */
export function streamElements(source: string, names: ReadonlySet<string> | 'all', onElement: (element: XmlElement, path: string[]) => void): void {
  streamChunks([source], names, onElement);
}

/**
 * The same, reading the file at `path` in 1 MB pieces: OFAC's SDN export is well over 100 MB, and
 * neither its text nor its tree is ever held whole.
 */
export function streamFileElements(
  path: string,
  names: ReadonlySet<string>,
  onElement: (element: XmlElement, path: string[]) => void,
  pieceBytes = 1 << 20,
): void {
  streamChunks(fileChunks(path, pieceBytes), names, onElement);
}

function* fileChunks(path: string, pieceBytes: number): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(pieceBytes);
    // A UTF-8 sequence cut by a piece boundary is completed with the next piece.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let read: number;
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) yield decoder.decode(buffer.subarray(0, read), { stream: true });
    yield decoder.decode();
  } finally {
    closeSync(fd);
  }
}

function streamChunks(chunks: Iterable<string>, names: ReadonlySet<string> | 'all', onElement: (element: XmlElement, path: string[]) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const path: string[] = [];
  // Open elements being kept (inside a wanted element, or the whole document for 'all').
  const stack: (XmlElement | undefined)[] = [];
  let error: XmlSyntaxError | undefined;
  parser.on('error', (e) => {
    error ??= new XmlSyntaxError(e.message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, 'line $1, column $2: '));
    throw error;
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const parent = stack[stack.length - 1];
    let element: XmlElement | undefined;
    if (parent || names === 'all' || names.has(name)) {
      element = { name, attrs: {}, children: [], text: '' };
      for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) element.attrs[localName(key)] = value;
      parent?.children.push(element);
    }
    stack.push(element);
    path.push(name);
  });
  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = stack.pop();
    path.pop();
    const parent = stack[stack.length - 1];
    if (element && (!parent || names === 'all')) {
      if (!parent) onElement(element, [...path]);
    }
  });
  try {
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw e;
    throw error ?? new XmlSyntaxError((e as Error).message);
  }
}

/** The whole document as a tree under a `#document` root. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  streamElements(source, 'all', (element) => root.children.push(element));
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
