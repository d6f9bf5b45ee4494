// Marks the SDK's schema definitions as pure for bundlers. A zod/mini schema is built by calls
// (`z.object(…)`, `z.string().check(z.regex(new RegExp(…)))`). zod marks its factories
// `@__NO_SIDE_EFFECTS__`, but a bundler must assume that a method call such as `.check(…)` or a `new`
// may have side effects, and then keeps that schema — and every schema it refers to — in every bundle
// that imports anything at all from the SDK. With `/* @__PURE__ */` before each call and `new` in the
// value of a top-level `const` of a schema module, a widget's bundle keeps only the schemas it uses.
// Building a schema has no side effect (zod's `.check` returns a copy), so this is safe there.
//
// Applied to JavaScript (after TypeScript is stripped) of `packages/sdk/src/schemas/**`: by the SDK's own
// build (dist/, for npm users' bundlers) and by the components' drop-in build (which bundles the SDK from
// its sources).
import { parseAst } from 'rollup/parseAst';

export const isSchemaModule = (id) => /\/packages\/sdk\/src\/schemas\/[^?]*\.[jt]s$/.test(id);

const PURE = '/* @__PURE__ */ ';
const isCall = (node) => node?.type === 'CallExpression' || node?.type === 'NewExpression';

/**
 * The insertions that annotate every call and `new` in `node`, not descending into functions (they run
 * later). In a chain `z.string().check(…)` both calls start at the same offset, and a bundler ties an
 * annotation to one of them only, so the inner call is parenthesized: `/*P*\/ (/*P*\/ z.string()).check(…)`.
 */
function collect(node, edits, wrap = false) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return;
  if (isCall(node)) {
    if (wrap) edits.push({ pos: node.start, text: '(' });
    edits.push({ pos: node.start, text: PURE });
    if (wrap) edits.push({ pos: node.end, text: ')' });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    // The object of a called member (`X.check` in `X.check(…)`) is wrapped when it is itself a call.
    const wrapChild = (child) => isCall(node) && key === 'callee' && child === node.callee.object && isCall(child);
    if (Array.isArray(value)) value.forEach((child) => collect(child, edits));
    else if (value && typeof value === 'object') {
      if (value.type === 'MemberExpression' && key === 'callee' && isCall(node)) {
        collect(value.object, edits, isCall(value.object));
        collect(value.property, edits);
        if (value.computed) continue;
      } else collect(value, edits, wrapChild(value));
    }
  }
}

/** The JavaScript module with `/* @__PURE__ *\/` before every call in its top-level `const` values. */
export function annotatePureSchemas(code) {
  const edits = [];
  for (let statement of parseAst(code).body) {
    if (statement.type === 'ExportNamedDeclaration') statement = statement.declaration;
    if (statement?.type !== 'VariableDeclaration' || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) collect(declarator.init, edits);
  }
  // Stable sort by offset: at one offset, outer insertions (found first) come first.
  edits.forEach((edit, index) => (edit.index = index));
  edits.sort((a, b) => a.pos - b.pos || a.index - b.index);
  let out = '';
  let last = 0;
  for (const { pos, text } of edits) {
    out += code.slice(last, pos) + text;
    last = pos;
  }
  return out + code.slice(last);
}

/** The transform as a rollup plugin; put it after the TypeScript plugin (it parses JavaScript). */
export function pureSchemasPlugin() {
  return {
    name: 'doorstep-pure-schemas',
    transform(code, id) {
      return isSchemaModule(id) ? { code: annotatePureSchemas(code), map: null } : null;
    },
  };
}
