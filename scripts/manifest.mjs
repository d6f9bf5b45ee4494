#!/usr/bin/env node
// `pnpm manifest`: the custom-elements manifest of @doorstep/components and what is generated from it.
//
//   node scripts/manifest.mjs           (re)writes the generated files that changed
//   node scripts/manifest.mjs --check   writes nothing; exits 1 when a generated file is stale, or when a
//                                       tag or an event of the manifest is missing from the global type
//                                       maps (HTMLElementTagNameMap, GlobalEventHandlersEventMap)
//
// Generated (and committed, so that a review shows API changes):
//   packages/components/custom-elements.json   @custom-elements-manifest/analyzer + its Lit plugin, from the
//                                              JSDoc on the classes (@summary, @slot, @event, @csspart,
//                                              @cssprop) and their properties; tags come from src/define/*.ts;
//                                              aliases of literal unions written out by the type checker,
//                                              events typed from GlobalEventHandlersEventMap; an event a
//                                              widget sends (`this.emit('ds-…')`) without `@event` fails
//   docs/api-reference.md                      every element's attributes, properties, events, slots, parts
//                                              and CSS properties
//   packages/react/src/components.ts           the React wrappers (packages/react/scripts/generate.mjs)
//   packages/react/src/jsx-react.ts, jsx-preact.ts   JSX types for using the tags directly
//   docs/theming.md (the part between its tokens markers)   every token's value in every theme
//   stories/docs/**/*.mdx                      Storybook pages that render the docs/ guides
//
// The components build runs this before rollup, so `pnpm build` keeps the files current; CI runs --check
// before building, so a stale committed file fails the run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { create, ts as analyzerTs } from '@custom-elements-manifest/analyzer/index.js';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import ts from 'typescript';
import { build } from 'esbuild';
import { apiReference } from './lib/api-reference.mjs';
import { storybookDocs } from './lib/storybook-docs.mjs';
import { generatedReactFiles } from '../packages/react/scripts/generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const componentsDir = join(root, 'packages/components');

function sourceFiles() {
  return readdirSync(join(componentsDir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => !file.startsWith('test-support'))
    .map((file) => join('src', file))
    .sort();
}

/**
 * Reads our `define('ds-…', Class)` calls (src/define/*.ts): the analyzer knows only
 * `customElements.define`. Sets each class's `tagName` and records the definition as the define
 * module's export, as the analyzer does for `customElements.define`.
 */
function doorstepDefinePlugin() {
  const definitions = [];
  return {
    name: 'doorstep-define',
    analyzePhase({ ts: tsApi, node, moduleDoc }) {
      if (!tsApi.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !tsApi.isStringLiteral(tagArg) || !tsApi.isIdentifier(classArg)) return;
      const source = node.getSourceFile();
      let from;
      for (const statement of source.statements) {
        if (!tsApi.isImportDeclaration(statement)) continue;
        const names = statement.importClause?.namedBindings;
        if (names && tsApi.isNamedImports(names) && names.elements.some((element) => element.name.text === classArg.text)) {
          from = statement.moduleSpecifier.text;
        }
      }
      if (!from) return;
      const module = join(moduleDoc.path, '..', from).replace(/\.js$/, '.ts');
      definitions.push({ tag: tagArg.text, name: classArg.text, module, definedIn: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { tag, name, module, definedIn } of definitions) {
        const classModule = customElementsManifest.modules.find((candidate) => candidate.path === module);
        const declaration = classModule?.declarations.find((candidate) => candidate.name === name);
        if (!declaration) throw new Error(`${definedIn} defines <${tag}> with ${name}, which ${module} does not declare`);
        declaration.tagName = tag;
        declaration.customElement = true;
        const defineModule = customElementsManifest.modules.find((candidate) => candidate.path === definedIn);
        defineModule.exports = [
          ...(defineModule.exports ?? []).filter((entry) => entry.name !== tag),
          { kind: 'custom-element-definition', name: tag, declaration: { name, module } },
        ];
      }
    },
  };
}

/**
 * Leaves out what is not API: private and protected members (Lit's `static styles` too), and "events"
 * the analyzer guessed from a variable (`new CustomEvent(type, …)` in a helper reads as an event named
 * `type`): an event stays when its JSDoc `@event` describes it or its name is a `ds-` literal.
 */
function publicApiPlugin() {
  const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');
  return {
    name: 'doorstep-public-api',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) {
            // One entry per name, the documented one first (the analyzer also lists each dispatch it finds).
            const byName = new Map();
            for (const event of declaration.events) {
              if (!/^[a-z][a-z0-9-]*$/.test(event.name ?? '') || !(event.description || event.name.startsWith('ds-'))) continue;
              const known = byName.get(event.name);
              byName.set(event.name, known ? { ...event, ...known, description: known.description || event.description } : event);
            }
            declaration.events = [...byName.values()];
          }
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => isPublic(member) && !(member.static && member.name === 'styles'),
            );
          }
        }
      }
    },
  };
}

/** The event names every `this.emit(…)` in a class sends (`this.emit(a ? 'ds-x' : 'ds-y', …)` sends both). */
export function emittedEvents(classNode) {
  const names = new Set();
  const literals = (node) => {
    if (ts.isStringLiteral(node)) names.add(node.text);
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach(literals);
    else if (ts.isParenthesizedExpression(node)) literals(node.expression);
    else throw new Error(`cannot tell which event \`this.emit(${node.getText()}, …)\` sends: name it with a string literal`);
  };
  const visit = (node) => {
    const callee = ts.isCallExpression(node) ? node.expression : undefined;
    if (callee && ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text === 'emit' && node.arguments[0]) {
      literals(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(classNode);
  return names;
}

/**
 * Writes out the literal union behind a type alias (`HoursLogView` → `'log' | 'history' | 'certificate'`),
 * as the type checker resolves it — also `keyof typeof`, `(typeof LIST)[number]` and template literals —
 * so that the API reference lists the values and Storybook offers them in a select. Other types (objects,
 * booleans, strings) keep the text the analyzer read; where it read none (a field initialised from a
 * constant), the checker's name for the type is written. Events get theirs from GlobalEventHandlersEventMap.
 */
function expandedTypesPlugin(program) {
  const checker = program.getTypeChecker();
  const literalUnion = (type) => {
    const parts = type.isUnion() ? type.types : [type];
    const literals = parts.filter((part) => part.isStringLiteral()).map((part) => `'${part.value}'`);
    const optional = parts.some((part) => part.flags & ts.TypeFlags.Undefined);
    if (!literals.length || literals.length + (optional ? 1 : 0) !== parts.length) return undefined;
    return [...literals, ...(optional ? ['undefined'] : [])].join(' | ');
  };
  const eventMapSymbol = checker.resolveName('GlobalEventHandlersEventMap', undefined, ts.SymbolFlags.Interface, false);
  const eventMap = eventMapSymbol && checker.getDeclaredTypeOfSymbol(eventMapSymbol);
  return {
    name: 'doorstep-expanded-types',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const source = program.getSourceFile(join(componentsDir, module.path));
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const classNode = source?.statements.find((statement) => ts.isClassDeclaration(statement) && statement.name?.text === declaration.name);
          if (!classNode) throw new Error(`expanded types: ${module.path} has no class ${declaration.name}`);
          const instance = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(classNode.name));
          const resolved = new Map();
          for (const member of declaration.members ?? []) {
            const symbol = member.kind === 'field' && !member.static ? instance.getProperty(member.name) : undefined;
            if (!symbol) continue;
            const type = checker.getTypeOfSymbol(symbol);
            const text = literalUnion(type) ?? (member.type ? undefined : checker.typeToString(type));
            if (!text) continue;
            member.type = { ...member.type, text };
            resolved.set(member.name, text);
          }
          for (const attribute of declaration.attributes ?? []) {
            const text = resolved.get(attribute.fieldName) ?? (attribute.type ? undefined : declaration.members?.find((member) => member.name === attribute.fieldName)?.type?.text);
            if (text) attribute.type = { ...attribute.type, text };
          }
          // Widgets send their events through DoorstepElement's `emit`, which the analyzer does not follow:
          // each one sent must be documented with `@event`, or the manifest (and React's props) would lack it.
          for (const name of emittedEvents(classNode)) {
            if (!declaration.events?.some((event) => event.name === name)) {
              throw new Error(`${module.path}: ${declaration.name} sends ${name} but its JSDoc has no \`@event ${name} - …\``);
            }
          }
          // A `ds-*` event's type is its entry in GlobalEventHandlersEventMap (`CustomEvent<DsErrorDetail>`).
          for (const event of declaration.events ?? []) {
            const entry = event.name.startsWith('ds-') ? eventMap && checker.getPropertyOfType(eventMap, event.name) : undefined;
            const typeNode = entry?.declarations?.[0]?.type;
            if (typeNode) event.type = { text: typeNode.getText() };
          }
        }
      }
    },
  };
}

/** A type-checked program of the components' sources; `extra` adds files (path → source) to it. */
function componentsProgram(extra = {}) {
  const config = ts.getParsedCommandLineOfConfigFile(join(componentsDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => extra[file] ?? readFile(file);
  host.fileExists = ((exists) => (file) => file in extra || exists(file))(host.fileExists.bind(host));
  host.getSourceFile = (file, language, ...rest) =>
    file in extra ? ts.createSourceFile(file, extra[file], language) : getSourceFile(file, language, ...rest);
  const files = sourceFiles().map((file) => join(componentsDir, file));
  return ts.createProgram([...files, ...Object.keys(extra)], { ...config.options, noEmit: true }, host);
}

export function generateManifest() {
  const modules = sourceFiles().map((file) =>
    analyzerTs.createSourceFile(file, readFileSync(join(componentsDir, file), 'utf8'), analyzerTs.ScriptTarget.ES2022, true),
  );
  const plugins = [...litPlugin(), doorstepDefinePlugin(), publicApiPlugin(), expandedTypesPlugin(componentsProgram())];
  return create({ modules, plugins, context: { dev: false } });
}

/** Custom elements (classes with a tag), with the module each lives in. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, modulePath: module.path })))
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/**
 * Type-checks, against the components' sources, that every tag and event of the manifest is in the
 * global maps: `document.createElement('ds-…')` and `addEventListener('ds-…')` are typed for users.
 */
function checkTypeMaps(manifest) {
  const elements = elementsOf(manifest);
  const tags = elements.map((element) => element.tagName);
  const events = [...new Set(elements.flatMap((element) => (element.events ?? []).map((event) => event.name)))].filter(Boolean);
  const checkFile = join(componentsDir, 'src/__type-maps-check__.ts');
  const checkSource = [
    `export const tags: Array<keyof HTMLElementTagNameMap> = ${JSON.stringify(tags)};`,
    `export const events: Array<keyof GlobalEventHandlersEventMap> = ${JSON.stringify(events)};`,
  ].join('\n');
  const program = componentsProgram({ [checkFile]: checkSource });
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(checkFile));
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

function stringify(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** src/themes/tokens.ts, loaded through esbuild (it is TypeScript). */
async function loadTokens() {
  const { outputFiles } = await build({
    entryPoints: [join(componentsDir, 'src/themes/tokens.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** docs/theming.md with its tokens table regenerated between the markers. */
async function themingDoc() {
  const path = join(root, 'docs/theming.md');
  const doc = readOrEmpty(path);
  const start = doc.indexOf('<!-- tokens:start');
  const end = doc.indexOf('<!-- tokens:end -->');
  if (start < 0 || end < 0) throw new Error('docs/theming.md lost its <!-- tokens:start … --> / <!-- tokens:end --> markers');
  const { THEMES, defaultTokens } = await loadTokens();
  const names = Object.keys(THEMES);
  const cellOf = (value) => `\`${String(value).replace(/\|/g, '\\|')}\``;
  const rows = Object.keys(defaultTokens).map((token) => {
    const cells = names.map((name) => (name !== 'default' && THEMES[name][token] === defaultTokens[token] ? 'same' : cellOf(THEMES[name][token])));
    return `| \`--ds-${token}\` | ${cells.join(' | ')} |`;
  });
  const table = [`| token | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`, ...rows].join('\n');
  const startLineEnd = doc.indexOf('\n', start) + 1;
  return `${doc.slice(0, startLineEnd)}\n${table}\n\n${doc.slice(end)}`;
}

/** Every generated file: path → content. */
export async function generatedFiles(manifest = generateManifest()) {
  return {
    'packages/components/custom-elements.json': stringify(manifest),
    'docs/api-reference.md': apiReference(manifest, elementsOf(manifest)),
    'docs/theming.md': await themingDoc(),
    ...generatedReactFiles(manifest, elementsOf(manifest)),
    ...storybookDocs(root),
  };
}

function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const manifest = generateManifest();
  const files = await generatedFiles(manifest);
  const stale = Object.entries(files).filter(([file, content]) => readOrEmpty(join(root, file)) !== content);
  if (check) {
    const typeProblems = checkTypeMaps(manifest);
    for (const [file] of stale) console.error(`manifest: ${file} is not current — run \`pnpm manifest\` and commit it.`);
    for (const problem of typeProblems) console.error(`manifest: type maps — ${problem}`);
    const elements = elementsOf(manifest);
    if (stale.length || typeProblems.length) process.exit(1);
    console.info(
      `manifest: current (${elements.length} elements, ${Object.keys(files).length} generated files); every tag is in HTMLElementTagNameMap and every event in GlobalEventHandlersEventMap.`,
    );
  } else {
    for (const [file, content] of stale) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
      console.info(`manifest: wrote ${relative(process.cwd(), join(root, file))}`);
    }
    if (!stale.length) console.info('manifest: every generated file is current.');
  }
}
