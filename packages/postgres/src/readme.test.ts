/** The README's usage example, run as written against a throwaway cluster. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestCluster, type TestCluster } from './testing/cluster.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

it('runs the README example', async () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const code = /## Usage\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  const source = (code as string)
    .replace("from '@redress/postgres'", "from './src/index.js'")
    .replace('process.env.DATABASE_URL', JSON.stringify(cluster.connectionString));
  // Beside package.json, so 'pg' and '@redress/core' resolve as they would for a host.
  const file = fileURLToPath(new URL(`../readme-example-${process.pid}.tmp.ts`, import.meta.url));
  writeFileSync(file, source);
  const logged: unknown[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((value: unknown) => void logged.push(value));
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    spy.mockRestore();
    rmSync(file, { force: true });
  }
  expect(logged).toEqual([[{ complaint_id: expect.any(String), step: 'received' }]]);
});
