/**
 * The unit tier refuses processes and servers, however a test reaches for them: a named
 * import, the default export, a server through node:http. Runs in the unit tier (this
 * file's name has no tier suffix), so it fails if the guard is not installed there.
 */
import childProcess, { execFile, execFileSync, fork, spawn, spawnSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const refusal = /unit-tier\.test\.ts started a child process .* Name the file \*\.int\.test\.ts/;

describe('the unit tier', () => {
  it.each([
    ['spawn', () => spawn('true')],
    ['spawnSync', () => spawnSync('true')],
    ['execFile', () => execFile('true')],
    ['execFileSync', () => execFileSync('true')],
    ['fork', () => fork('noop.js')],
    ['exec (default export)', () => childProcess.exec('true')],
    ['execSync (default export)', () => childProcess.execSync('true')],
  ])('refuses to start a child process with %s', (_name, start) => {
    expect(start).toThrow(refusal);
  });

  it('refuses to open a server, plain or HTTP', () => {
    expect(() => createServer().listen(0)).toThrow(/opened a server/);
    expect(() => createHttpServer().listen(0)).toThrow(/opened a server .* \*\.int\.test\.ts/);
  });
});
