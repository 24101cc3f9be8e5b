import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { inCi } from './test-support/ci.js';
import { POSTGRES_TESTS, missingPostgres } from './test-support/postgres-tier.js';

// Tests run against the TypeScript sources of the workspace packages (the
// "@redress/source" export condition), so no build is needed before `vitest`.
const conditions = ['@redress/source', 'node', 'import', 'module', 'default'];
// Node resolves the externalised packages itself: 'import'/'module' there make CommonJS
// packages such as pg require the ESM build of their dependencies (pg-pool), which breaks them.
const nodeConditions = ['@redress/source', 'node', 'default'];

/** Every test file of the repository, whatever its tier. */
const ALL_TESTS = ['.config/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'docs/**/*.test.ts', 'benchmarks/src/**/*.test.ts'];

/**
 * The tiers, by path (see "Tests" in the README). A new file lands in the right one
 * without a rename in most folders: everything under packages/postgres needs a server,
 * so it is integration wherever it sits; elsewhere the suffix says it. The unit tier's
 * setup file makes a test that starts a process or a server fail with the rename to make.
 */
const BROWSER_TESTS = ['**/*.browser.test.ts'];
const INTEGRATION_TESTS = [
  '**/*.int.test.ts',
  // A PostgreSQL cluster per file (initdb, pg_ctl).
  POSTGRES_TESTS,
  // Forks writer and projector processes and SIGKILLs them (named before the suffix existed).
  'packages/sqlite/src/stress.test.ts',
];

export default defineConfig({
  // This file lives in .config/; the tests are found from the repository root.
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ALL_TESTS,
          exclude: ['**/node_modules/**', ...INTEGRATION_TESTS, ...BROWSER_TESTS],
          setupFiles: [fileURLToPath(new URL('./test-support/unit-tier.ts', import.meta.url))],
          isolate: false,
          // Pure CPU work: every core (vitest's default leaves one free, a single worker on two
          // cores). A project with its own worker count runs in a group of its own: first.
          maxWorkers: Math.max(availableParallelism(), 2),
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION_TESTS,
          // No PostgreSQL for this platform: outside CI its tests are left out, and the global setup says so.
          exclude: ['**/node_modules/**', ...BROWSER_TESTS, ...(missingPostgres !== undefined && !inCi() ? [POSTGRES_TESTS] : [])],
          globalSetup: [fileURLToPath(new URL('./test-support/postgres-tier.ts', import.meta.url))],
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS, exclude: ['**/node_modules/**'], sequence: { groupOrder: 1 } } },
    ],
  },
});
