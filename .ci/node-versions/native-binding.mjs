/**
 * better-sqlite3's binary for another Node's ABI, compiled once and cached: the driver's
 * sources (shipped in its package) are copied to a temp folder and built with node-gyp
 * against the headers that Node's npm package ships (node-<os>-<arch>), run by that Node. Nothing outside the npm registry is needed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** npm's own node-gyp (every npm has one), else the registry's. */
function nodeGyp() {
  const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
  const bundled = join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(bundled) ? [bundled] : null;
}

/**
 * The path of better_sqlite3.node for the Node at `nodeBinary` (ABI `abi`, headers in
 * `nodeDir/include/node`), building it when the cache has none.
 */
export function bindingFor({ workspace, nodeBinary, abi, nodeDir, log }) {
  const driver = dirname(createRequire(join(workspace, 'packages/sqlite/package.json')).resolve('better-sqlite3/package.json'));
  const { version } = JSON.parse(readFileSync(join(driver, 'package.json'), 'utf8'));
  const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'redress', 'native');
  const cached = join(cacheDir, `better-sqlite3-${version}-abi${abi}-${process.platform}-${process.arch}.node`);
  if (existsSync(cached)) return cached;

  log(`building better-sqlite3 ${version} for ABI ${abi} (once; cached in ${cacheDir})…`);
  const work = mkdtempSync(join(tmpdir(), 'redress-bs3-'));
  try {
    for (const part of ['binding.gyp', 'src', 'deps', 'package.json']) cpSync(join(driver, part), join(work, part), { recursive: true });
    const gyp = nodeGyp();
    const command = gyp ? [nodeBinary, [...gyp, 'rebuild', '--release', `--nodedir=${nodeDir}`]] : ['npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--nodedir=${nodeDir}`]];
    try {
      execFileSync(command[0], command[1], { cwd: work, stdio: 'pipe', env: { ...process.env, JOBS: '2' }, maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      // The compiler's output only when it failed: a successful build prints pages of warnings.
      process.stderr.write(`${e.stdout ?? ''}${e.stderr ?? ''}`);
      throw new Error(`building better-sqlite3 for ABI ${abi} failed (python3, make and a C++ compiler are needed)`, { cause: e });
    }
    mkdirSync(cacheDir, { recursive: true });
    cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), cached);
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
