/**
 * How every @redress package is built: ESM + CJS with .d.ts for Node >= 20, from
 * `src/`. A package names its entries and what it must never bundle (its peers and
 * the host's installs); everything else is decided here, once.
 */
import { defineConfig, type UserConfig } from 'tsdown';

export function libraryBuild(options: { readonly entry: readonly string[]; readonly external?: readonly string[] }): UserConfig {
  return defineConfig({
    entry: [...options.entry],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node20',
    clean: true,
    sourcemap: true,
    ...(options.external ? { external: [...options.external] } : {}),
  });
}
