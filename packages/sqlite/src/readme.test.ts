/** The README's usage example, run as written (with a temp file for its database). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';

it('runs the README example', async () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const code = /## Usage\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const dir = mkdtempSync(join(tmpdir(), 'redress-readme-'));
  const source = (code as string)
    // The temp folder has no node_modules: point the imports at the workspace's sources.
    .replace("from '@redress/core'", `from ${JSON.stringify(fileURLToPath(new URL('../../core/src/index.ts', import.meta.url)))}`)
    .replace("from '@redress/sqlite'", `from ${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))}`)
    .replace("'complaints.db'", JSON.stringify(join(dir, 'complaints.db')));
  const file = join(dir, 'example.ts');
  writeFileSync(file, source);
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((value: unknown) => void logged.push(value));
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(logged).toHaveLength(3);
  const [queue, step, rows] = logged as [string[], string, { complaint_id: string; step: string }[]];
  expect(queue).toHaveLength(1);
  expect(step).toBe('received');
  expect(rows).toEqual([{ complaint_id: queue[0], step: 'received' }]);
});
