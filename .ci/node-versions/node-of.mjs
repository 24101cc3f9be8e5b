import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const cacheRoot = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'redress');

/**
 * A major version of Node from the npm registry: the platform package `node-<os>-<arch>`
 * (what `npx node@22` runs) installed into our own cache, so its headers (include/node,
 * which node-gyp needs) stay put; npx's shared cache is rewritten by anyone's `npx node@…`.
 */
export function nodeOf(major, log = () => undefined) {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheRoot, 'node', major);
  const dir = join(prefix, 'node_modules', pkg);
  if (!existsSync(join(dir, 'bin', 'node'))) {
    log(`installing Node ${major} (${pkg}@^${major}) into ${prefix}…`);
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${pkg}@^${major}`], { stdio: 'inherit' });
  }
  const nodeBinary = join(dir, 'bin', 'node');
  const [abi, version] = JSON.parse(execFileSync(nodeBinary, ['-p', 'JSON.stringify([process.versions.modules, process.version])'], { encoding: 'utf8' }));
  return { nodeBinary, abi, version, nodeDir: dir };
}

