import { libraryBuild } from '../../.config/tsdown.base.ts';

export default libraryBuild({
  entry: ['src/index.ts'],
  // The native driver and the core are the host's installs: never bundle them.
  external: ['better-sqlite3', '@redress/core'],
});
