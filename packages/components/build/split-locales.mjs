// A rollup plugin for the drop-in build: each catalogue's tables other than zh-CN (zh-TW, en, and any
// locale added later) become separate chunks, imported when a widget first needs that language
// (src/locales/catalog.ts loads them). A page then downloads the strings of the language it shows, not
// all of them; zh-CN, the default and the fallback, stays in the widget's chunk. Runs on JavaScript
// (after the TypeScript plugin).
//
// Only plain tables are split: an object whose values are strings (or plural objects of strings). A
// table built any other way is left in place, which is always correct, just larger.

const INLINE_LOCALE = 'zh-CN';
const SUFFIX = '.locale.js';

const keyName = (property) => (property.key.type === 'Identifier' ? property.key.name : property.key.value);

function isPlainText(node) {
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  return false;
}

function isPlainTable(node, depth = 0) {
  if (node.type !== 'ObjectExpression') return false;
  return node.properties.every(
    (property) =>
      property.type === 'Property' &&
      !property.computed &&
      property.kind === 'init' &&
      (isPlainText(property.value) || (depth === 0 && isPlainTable(property.value, 1))),
  );
}

export function splitLocales({ include = /\.messages\.ts$/ } = {}) {
  const tables = new Map(); // virtual id → the table's source text
  return {
    name: 'doorstep-split-locales',
    resolveId(id) {
      return tables.has(id) ? id : null;
    },
    load(id) {
      return tables.has(id) ? `export default ${tables.get(id)};` : null;
    },
    transform(code, id) {
      if (!include.test(id)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'defineCatalog') {
          const [catalog] = node.arguments;
          for (const property of catalog?.type === 'ObjectExpression' ? catalog.properties : []) {
            if (property.type !== 'Property' || property.computed) continue;
            const locale = keyName(property);
            if (locale === INLINE_LOCALE || !isPlainTable(property.value)) continue;
            const virtual = `${id.replace(/\.ts$/, '')}.${locale}${SUFFIX}`;
            tables.set(virtual, code.slice(property.value.start, property.value.end));
            edits.push({ start: property.value.start, end: property.value.end, text: `() => import(${JSON.stringify(virtual)})` });
          }
        }
        for (const [key, value] of Object.entries(node)) {
          if (key === 'start' || key === 'end' || key === 'type') continue;
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}
