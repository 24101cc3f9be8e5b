import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages (the
// "@redress/source" export condition), so no build is needed before `vitest`.
const conditions = ['@redress/source', 'node', 'import', 'module', 'default'];
// Node resolves the externalised packages itself: 'import'/'module' there make CommonJS
// packages such as pg require the ESM build of their dependencies (pg-pool), which breaks them.
const nodeConditions = ['@redress/source', 'node', 'default'];

export default defineConfig({
  // This file lives in .config/; the tests are found from the repository root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts', 'benchmarks/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
