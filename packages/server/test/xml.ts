/**
 * A strict parser for the XML the Open311 facade writes (elements, text, the five named entities and
 * character references, an XML declaration; no attributes, comments or CDATA are expected). It throws
 * on anything ill-formed — a mismatched or unclosed tag, a bare `<` or `&`, a character XML 1.0 does
 * not allow — so a test that parses an answer also proves it well-formed.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseXml(source: string): XmlElement {
  if (BAD_CHAR.test(source)) throw new Error('a character XML 1.0 does not allow');
  let pos = 0;
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/.exec(source);
  if (!declaration) throw new Error('missing <?xml version="1.0" encoding="UTF-8"?>');
  pos = declaration[0].length;

  function text(): string {
    let out = '';
    while (pos < source.length && source[pos] !== '<') {
      const char = source[pos]!;
      if (char === '>') throw new Error(`bare > at ${pos}`);
      if (char === '&') {
        const end = source.indexOf(';', pos);
        const entity = end < 0 ? '' : source.slice(pos + 1, end);
        if (entity in ENTITIES) out += ENTITIES[entity];
        else if (/^#\d+$/.test(entity)) out += String.fromCodePoint(Number(entity.slice(1)));
        else if (/^#x[\da-f]+$/i.test(entity)) out += String.fromCodePoint(parseInt(entity.slice(2), 16));
        else throw new Error(`bad entity at ${pos}`);
        pos = end + 1;
      } else {
        out += char;
        pos++;
      }
    }
    return out;
  }

  function element(): XmlElement {
    if (source[pos] !== '<') throw new Error(`expected < at ${pos}`);
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0];
    if (!name) throw new Error(`bad element name at ${pos}`);
    pos += name.length;
    if (source.startsWith('/>', pos)) {
      pos += 2;
      return { name, children: [], text: '' };
    }
    if (source[pos] !== '>') throw new Error(`attributes or junk in <${name}> at ${pos}`);
    pos++;
    const node: XmlElement = { name, children: [], text: '' };
    for (;;) {
      const content = text();
      if (source.startsWith('</', pos)) {
        pos += 2;
        if (!source.startsWith(`${name}>`, pos)) throw new Error(`</${name}> expected at ${pos}`);
        pos += name.length + 1;
        if (node.children.length === 0) node.text = content;
        else if (content.trim()) throw new Error(`mixed content in <${name}>`);
        return node;
      }
      if (pos >= source.length) throw new Error(`<${name}> is not closed`);
      if (content.trim()) throw new Error(`mixed content in <${name}>`);
      node.children.push(element());
    }
  }

  const root = element();
  if (source.slice(pos).trim()) throw new Error('content after the root element');
  return root;
}

/**
 * The JSON an XML answer stands for under the Spark convention the spec uses: an element of `lists`
 * is an array of its children, any other element with children an object, a leaf its text ('' when
 * empty). Compare it with the JSON answer passed through {@link asXmlText}.
 */
export function sparkJson(node: XmlElement, lists: readonly string[]): unknown {
  if (lists.includes(node.name)) return node.children.map((child) => sparkJson(child, lists));
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((child) => [child.name, sparkJson(child, lists)]));
}

/** A JSON answer with every scalar as the text XML would carry: null → '', numbers and booleans as written. */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asXmlText(inner)]));
  return String(value);
}

export const OPEN311_LISTS = ['services', 'attributes', 'values', 'service_requests', 'errors', 'endpoints', 'formats'];
