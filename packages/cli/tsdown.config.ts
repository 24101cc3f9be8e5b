import { libraryBuild } from '../../.config/tsdown.base.ts';

// The stores, their drivers and the SLA engine are the host's installs: the CLI uses the host's copies.
const external = ['@redress/core', '@redress/sla', '@redress/sqlite', '@redress/postgres', 'better-sqlite3', 'pg', 'zod'];

export default [
  libraryBuild({ entry: ['src/index.ts'], external }),
  // The binary is an ES module (top-level await, import.meta): `bin` runs it with node directly.
  libraryBuild({ entry: ['src/bin.ts'], external: [...external, '@redress/cli'], esmOnly: true, clean: false }),
];
