/**
 * How every @redress package is built: ESM + CJS with .d.ts from `src/`, for the Node
 * versions the packages' `engines` name (see docs/packaging.md for why both formats and
 * why that range). A package names its entries and what it must never bundle (its peers
 * and the host's installs); everything else is decided here, once.
 */
import { defineConfig, type UserConfig } from 'tsdown';

export interface LibraryBuildOptions {
  readonly entry: readonly string[];
  /** What must never be bundled: peers and the host's installs. */
  readonly external?: readonly string[];
  /** ESM only, for an entry that cannot work from CommonJS (one that imports vitest, which refuses require()). */
  readonly esmOnly?: boolean;
  /** False for the second build of a package that has two, so it keeps the first one's output. */
  readonly clean?: boolean;
}

export function libraryBuild(options: LibraryBuildOptions): UserConfig {
  return defineConfig({
    entry: [...options.entry],
    format: options.esmOnly ? ['esm'] : ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node20.19',
    clean: options.clean ?? true,
    sourcemap: true,
    // Rolldown puts its interop helpers (`__toESM`) in the first entry and shares them
    // from there, which makes them a public export of that entry and has every shared
    // chunk require the entry back. A chunk of their own keeps the entries' exports ours.
    outputOptions: { codeSplitting: { groups: [{ name: 'runtime', test: /rolldown[\\/]runtime/ }] } },
    ...(options.external ? { external: [...options.external] } : {}),
  });
}
