/**
 * A small XML writer for Open311's schemaless documents: the JSON shape (Spark convention) turned back
 * into elements. Objects become child elements in key order, arrays repeat an item element inside their
 * own (`attributes` → `<attributes><attribute>…`), `null` becomes an empty element, and text is escaped.
 */

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

// XML 1.0 allows tab, line feed, carriage return and everything from U+0020 except the surrogates'
// halves standing alone and U+FFFE/U+FFFF. Anything else would make the document ill-formed, so it is
// replaced rather than escaped (XML 1.0 has no escape for it).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content (and attribute values). */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function scalar(value: string | number | boolean): string {
  return escapeXml(typeof value === 'string' ? value : String(value));
}

function element(name: string, value: XmlValue, itemName: (list: string) => string, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name}/>\n`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<${name}/>\n`;
    const item = itemName(name);
    const inner = value.map((entry) => element(item, entry, itemName, `${indent}  `)).join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([key, entry]) => element(key, entry, itemName, `${indent}  `))
      .join('');
    return inner ? `${indent}<${name}>\n${inner}${indent}</${name}>\n` : `${indent}<${name}/>\n`;
  }
  return `${indent}<${name}>${scalar(value)}</${name}>\n`;
}

/**
 * The document `<?xml …?><root>…</root>` for `value`. `itemName` names the elements of a list element
 * (`services` → `service`); element names are the caller's constants, never user input.
 */
export function toXml(root: string, value: XmlValue, itemName: (list: string) => string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, itemName, '')}`;
}
