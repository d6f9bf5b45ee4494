import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const packagesDir = join(import.meta.dirname, '../packages');
const docsDir = join(import.meta.dirname, '../docs');
// MDX docs pages join the sidebar once there are any (an empty glob only prints a warning).
const hasMdxDocs = readdirSync(docsDir, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.mdx'));

/**
 * The repository root does not depend on the workspace packages (only the packages link each other),
 * so a bare `@doorstep/...` import in stories/ or .storybook/ is resolved as if it were made from inside
 * a workspace package that depends on it. Resolution then goes through that package's `exports` with
 * the `doorstep-source` condition, like everywhere else.
 */
function workspacePackages(): Plugin {
  const importers = readdirSync(packagesDir).map((dir) => join(packagesDir, dir, 'package.json'));
  return {
    name: 'doorstep:workspace-packages',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.startsWith('@doorstep/') || importer?.startsWith(packagesDir)) return null;
      for (const from of importers) {
        const resolved = await this.resolve(source, from, { ...options, skipSelf: true });
        if (resolved) return resolved;
      }
      return null;
    },
  };
}

// Configured by hand (no `storybook init`): the workspace packages are read from their TypeScript
// sources through the `doorstep-source` export condition, so stories never need a build first.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts', ...(hasMdxDocs ? ['../docs/**/*.mdx'] : [])],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [workspacePackages()],
      resolve: {
        // `doorstep-source` must win over `default` (→ dist/) in the packages' exports.
        conditions: ['doorstep-source', 'module', 'browser', 'development|production'],
      },
      // Vite 8 transforms TypeScript with Oxc, not esbuild. The components use TypeScript's
      // experimental decorators with `useDefineForClassFields: false` (Lit's reactive properties are
      // accessors on the prototype, which a class field would shadow); Oxc must compile them the same way.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
    });
  },
};

export default config;
