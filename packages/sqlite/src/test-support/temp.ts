/** Fresh database files for tests, in one temp folder per test process, removed at exit. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string | undefined;
let count = 0;

export function tempFile(name = 'redress'): string {
  if (dir === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'redress-sqlite-test-'));
    dir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return join(dir, `${name}-${++count}.db`);
}
