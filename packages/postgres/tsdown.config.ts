import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({
  entry: ['src/index.ts', 'src/testing/cluster.ts'],
  // The driver and the core are the host's: never bundle them.
  external: ['pg', '@redress/core', 'zod'],
});
