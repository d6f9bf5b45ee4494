// Browser tests for @doorstep/components, in the system Chromium (no test tool downloads a browser).
// Run from the repository root: pnpm exec wtr --config web-test-runner.config.mjs
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

export default {
  files: ['packages/components/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['doorstep-source', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // The plugin does not follow `extends`: this file itself holds experimentalDecorators.
      tsconfig: fileURLToPath(new URL('./packages/components/tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions,
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
};
