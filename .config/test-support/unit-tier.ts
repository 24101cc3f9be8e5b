/**
 * The unit tier's promise, enforced: a test in it starts no child process, opens no
 * server and launches no browser (a browser is a child process too). This setup file
 * runs before every file of the `unit` vitest project and replaces those entry points
 * of node:child_process and node:net with ones that throw, so a file that does either
 * fails at once with the rename that fixes it, instead of quietly making
 * `npm run test:unit` slow or dependent on the machine.
 *
 * The tiers themselves are chosen by path in .config/vitest.config.ts.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { expect } from 'vitest';

/** Thrown by a unit-tier test that starts a process or a server. */
export class UnitTierViolation extends Error {
  override readonly name = 'UnitTierViolation';
}

function refuse(what: string): never {
  const file = expect.getState().testPath ?? 'this test file';
  throw new UnitTierViolation(
    `${file} ${what}, but it runs in the unit tier, which starts no process, server or browser. ` +
      'Name the file *.int.test.ts (processes, servers, databases) or *.browser.test.ts (Chromium) ' +
      'so it runs in that tier (see "Tests" in the README).',
  );
}

const PROCESS_STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
const mutableChildProcess = childProcess as unknown as Record<(typeof PROCESS_STARTERS)[number], unknown>;
for (const name of PROCESS_STARTERS) {
  mutableChildProcess[name] = (command?: unknown) => refuse(`started a child process (child_process.${name} ${String(command)})`);
}
net.Server.prototype.listen = function listen() {
  return refuse('opened a server (net.Server.listen)');
};
// ES-module importers of node:child_process see the replacements too.
syncBuiltinESMExports();
