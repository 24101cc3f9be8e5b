import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({
  entry: ['src/index.ts', 'src/testing/cluster.ts', 'src/sla/index.ts'],
  // The driver, the core and the SLA engine are the host's: never bundle them.
  external: ['pg', '@redress/core', '@redress/sla', 'zod'],
});
