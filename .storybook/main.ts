import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';

const docsDir = join(import.meta.dirname, '../docs');
// MDX docs pages join the sidebar once there are any (an empty glob only prints a warning).
const hasMdxDocs = readdirSync(docsDir, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.mdx'));

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
