#!/usr/bin/env node
/**
 * Runs the test suite (or the files given) on other Node versions: `npx -y node@22` and
 * `node@24` from the npm registry, better-sqlite3 loaded from a binary built for each one's
 * ABI (see node-versions/). docs/node-versions.md says what CI runs and what is on demand.
 *
 *   node .ci/node-versions.mjs 22 24                 # the whole suite on both
 *   node .ci/node-versions.mjs 24 -- packages/sqlite # some files on one
 *
 * Ends with one "N passed, N failed" line over all the versions run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindingFor } from './node-versions/native-binding.mjs';
import { nodeOf } from './node-versions/node-of.mjs';

const workspace = fileURLToPath(new URL('..', import.meta.url));
const split = process.argv.indexOf('--');
const versions = (split === -1 ? process.argv.slice(2) : process.argv.slice(2, split)).filter((v) => /^\d+$/.test(v));
const vitestArgs = split === -1 ? [] : process.argv.slice(split + 1);
if (versions.length === 0) {
  console.error('usage: node .ci/node-versions.mjs <major>... [-- <vitest args>]');
  process.exit(2);
}
const log = (m) => process.stderr.write(`· ${m}\n`);

let passed = 0;
let failed = 0;
for (const major of versions) {
  const node = nodeOf(major, log);
  log(`Node ${node.version} (ABI ${node.abi})`);
  const binding = bindingFor({ workspace, ...node, log });
  const results = join(workspace, `.vitest-results-node${major}.json`);
  rmSync(results, { force: true });
  const preload = join(workspace, '.ci', 'node-versions', 'preload.cjs');
  const run = spawnSync(
    node.nodeBinary,
    [join(workspace, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(workspace, '.config/vitest.config.ts'), '--reporter=dot', '--reporter=json', `--outputFile.json=${results}`, ...vitestArgs],
    {
      cwd: workspace,
      stdio: 'inherit',
      env: { ...process.env, REDRESS_BETTER_SQLITE3_BINDING: binding, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim() },
    },
  );
  const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined;
  const p = report?.numPassedTests ?? 0;
  const f = (report?.numFailedTests ?? 1) + (report?.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length ?? 0);
  const bad = run.status !== 0 && f === 0 ? 1 : f;
  console.log(`Node ${node.version}: ${p} passed, ${bad} failed`);
  passed += p;
  failed += bad;
  rmSync(results, { force: true });
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
