import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/store-conformance.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  // The test runner and fast-check are the host's: never bundle them.
  external: ['vitest', 'fast-check', '@redress/core', 'zod', 'xstate', 'pure-rand'],
});
