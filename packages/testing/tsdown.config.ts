import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({
  entry: ['src/index.ts', 'src/store-conformance.ts'],
  // The test runner and fast-check are the host's: never bundle them.
  external: ['vitest', 'fast-check', '@redress/core', 'zod', 'xstate', 'pure-rand'],
});
