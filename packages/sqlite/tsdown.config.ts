import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  // The native driver and the core are the host's installs: never bundle them.
  external: ['better-sqlite3', '@redress/core'],
});
