import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({
  entry: ['src/index.ts', 'src/sla/index.ts'],
  // The native driver, the core and the SLA engine are the host's installs: never bundle them.
  external: ['better-sqlite3', '@redress/core', '@redress/sla'],
});
