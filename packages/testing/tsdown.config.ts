import { libraryBuild } from '../../.config/tsdown.base.ts';

// The test runner and fast-check are the host's: never bundle them.
const external = ['vitest', 'fast-check', '@redress/core', 'zod', 'xstate', 'pure-rand'];

export default [
  libraryBuild({ entry: ['src/index.ts'], external }),
  // The conformance suite imports vitest, which refuses to be require()d: ESM only.
  libraryBuild({ entry: ['src/store-conformance.ts'], external, esmOnly: true, clean: false }),
];
