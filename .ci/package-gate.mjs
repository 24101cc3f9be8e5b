#!/usr/bin/env node
/**
 * The packaging gate: what a new adopter does with our packages, done to the tarballs
 * we would publish. Tests elsewhere run the TypeScript sources; only this exercises
 * `dist`, the package.json files and the tarballs' contents.
 *
 *   1. pack every public package (after a build, unless --skip-build);
 *   2. check each tarball's contents and manifest, then `publint --strict` and attw on it;
 *   3. install the tarballs in a fresh consumer outside the workspace (only the npm
 *      registry is needed, and its cache is used first);
 *   4. import every entry point from ESM and require it from CommonJS, calling one
 *      function of each; an ESM engine on the CommonJS SQLite store must see a lost race
 *      as a conflict; the store conformance suite runs on the packed store under vitest;
 *   5. typecheck a TypeScript consumer with node16 and with bundler resolution;
 *   6. run the `redress` binary as installed.
 *
 *   7. with --node 22,24: import and require every entry again on those Node versions
 *      (the CommonJS builds require() ESM-only dependencies: that must work on each), and
 *      see a better-sqlite3 binary built for another Node refused with NativeBindingError.
 *
 * Usage: node .ci/package-gate.mjs [--skip-build] [--keep] [--node 22,24]
 * Prints the time of each phase and ends with "package gate: passed in N s".
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTarball, entryPoints, exportKinds, readTarball } from './package-gate/tarball.mjs';
import { nodeOf } from './node-versions/node-of.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const otherNodes = (process.argv[process.argv.indexOf('--node') + 1] ?? '').split(',').filter((v) => process.argv.includes('--node') && /^\d+$/.test(v));
const started = performance.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command; its output is shown only when it fails (or always, with `show`). */
function run(command, commandArgs, { cwd = root, show = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (show || code !== 0) process.stdout.write(output);
      if (code === 0) resolve(output);
      else reject(new Error(`${[command, ...commandArgs].join(' ')} (in ${cwd}) exited with ${code}`));
    });
  });
}

/** Runs the tasks at most `limit` at a time (the machine has two cores). */
async function inParallel(tasks, limit = 2) {
  const queue = [...tasks];
  const results = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (queue.length) results.push(await queue.shift()());
    }),
  );
  return results;
}

/** The folder of the package `name` as `require` resolves it from `from`; its entry's folder and up when it exports no package.json (@opentelemetry/api). */
function packageDir(from, name) {
  const require = createRequire(from);
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    if (error?.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
  }
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === name) return dir;
    } catch {
      // no package.json here: go up
    }
  }
  throw new Error(`no package.json of ${name} above its entry`);
}

/** Where the workspace has `name` installed: the root, or the package that depends on it. */
function workspacePackage(name) {
  for (const from of ['package.json', 'packages/sqlite/package.json', 'packages/postgres/package.json', 'packages/core/package.json', 'packages/opentelemetry/package.json']) {
    try {
      return packageDir(join(root, from), name);
    } catch {
      // not installed for that package: try the next
    }
  }
  throw new Error(`${name} is not installed in the workspace`);
}
const workspaceVersion = (name) => JSON.parse(readFileSync(join(workspacePackage(name), 'package.json'), 'utf8')).version;

async function phase(name, work) {
  const t0 = performance.now();
  console.log(`-- ${name}`);
  const result = await work();
  console.log(`   ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

const work = mkdtempSync(join(tmpdir(), 'redress-package-gate-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');
mkdirSync(tarballs);

try {
  if (!args.has('--skip-build')) await phase('build', () => run(process.execPath, [join(root, '.ci/pnpm.mjs'), 'run', 'build']));

  const packed = await phase('pack', async () => {
    // The packages were just built: prepack would only build them again.
    await run(process.execPath, [join(root, '.ci/pnpm.mjs'), '-r', '--filter', './packages/**', '--config.ignore-scripts=true', 'pack', '--pack-destination', tarballs]);
    return readdirSync(tarballs).map((file) => readTarball(join(tarballs, file)));
  });
  console.log(`   ${packed.map((p) => `${p.manifest.name}@${p.manifest.version}`).join(', ')}`);

  await phase('tarball contents, publint --strict, attw', async () => {
    const problems = packed.flatMap(checkTarball);
    if (problems.length) throw new Error(`tarball problems:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}`);
    await inParallel(
      packed.flatMap((p) => {
        const { dual, esmOnly } = exportKinds(p);
        const attw = (entries, profile) => () => run(bin('attw'), [p.file, '--profile', profile, '--format', 'ascii', '--no-color', '--entrypoints', ...entries]);
        return [
          () => run(bin('publint'), ['run', p.file, '--strict']),
          // The strict profile: node10, node16 (from CJS and from ESM) and bundler resolution.
          attw(dual, 'strict'),
          ...(esmOnly.length ? [attw(esmOnly, 'esm-only')] : []),
        ];
      }),
    );
  });

  await phase('install the tarballs in a fresh consumer', async () => {
    cpSync(join(root, '.ci/package-gate/consumer'), consumer, { recursive: true });
    const sqliteDriver = workspaceVersion('better-sqlite3');
    const dependencies = {
      ...Object.fromEntries(packed.map((p) => [p.manifest.name, `file:${p.file}`])),
      'better-sqlite3': sqliteDriver,
      pg: `^${workspaceVersion('pg')}`,
      zod: `^${workspaceVersion('zod')}`,
      '@opentelemetry/api': `^${workspaceVersion('@opentelemetry/api')}`,
      'fast-check': `^${workspaceVersion('fast-check')}`,
      vitest: `^${workspaceVersion('vitest')}`,
      '@types/node': `^${workspaceVersion('@types/node')}`,
    };
    writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'redress-consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
    // No install scripts: better-sqlite3's would compile the same binary the workspace
    // already compiled (90 s). The binary is copied from there instead: same version, same Node.
    await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: consumer });
    const binding = join('build', 'Release', 'better_sqlite3.node');
    const consumerDriver = join(consumer, 'node_modules', 'better-sqlite3');
    mkdirSync(join(consumerDriver, 'build', 'Release'), { recursive: true });
    cpSync(join(workspacePackage('better-sqlite3'), binding), join(consumerDriver, binding));
    writeFileSync(join(consumer, 'entries.json'), JSON.stringify(packed.flatMap(entryPoints)));
  });

  await phase('import every entry from ESM and CommonJS, one call each', async () => {
    await run(process.execPath, ['smoke.mjs'], { cwd: consumer, show: true });
    await run(process.execPath, ['smoke.cjs'], { cwd: consumer, show: true });
  });

  await phase('ESM engine + CommonJS SQLite store: a lost race is a conflict', () => run(process.execPath, ['conflict.mjs'], { cwd: consumer, show: true }));

  await phase('store conformance suite from the tarballs (vitest)', () =>
    run(join(consumer, 'node_modules', '.bin', 'vitest'), ['run', 'conformance.test.mjs', '--reporter=dot'], { cwd: consumer }),
  );

  await phase('typecheck a TypeScript consumer: node16 and bundler resolution', async () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // skipLibCheck is off: errors inside our own .d.ts files count too.
    await inParallel(['tsconfig.node16.json', 'tsconfig.bundler.json'].map((config) => () => run(process.execPath, [tsc, '-p', config], { cwd: consumer })));
  });

  await phase('the redress binary, as installed', () => run(process.execPath, ['cli.mjs'], { cwd: consumer, show: true }));

  for (const major of otherNodes) {
    const node = nodeOf(major, (m) => console.log(`   ${m}`));
    await phase(`Node ${node.version}: import every entry from ESM and CommonJS, one call each`, async () => {
      const env = { REDRESS_GATE_NATIVE: 'foreign' };
      await run(node.nodeBinary, ['smoke.mjs'], { cwd: consumer, show: true, env });
      await run(node.nodeBinary, ['smoke.cjs'], { cwd: consumer, show: true, env });
      await run(node.nodeBinary, [join(consumer, 'node_modules', '@redress', 'cli', 'dist', 'bin.mjs'), '--help'], { cwd: consumer });
    });
  }

  console.log(`package gate: passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  if (args.has('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

