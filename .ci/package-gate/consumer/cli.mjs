/**
 * The `redress` binary as npm installed it (node_modules/.bin): help, then a log written
 * by the packed engine on SQLite exported, imported into a new file and verified there,
 * and an SLA tick, each through a child process as an operator would run it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createManualClock, sequentialIds } from '@redress/core';
import { createSqliteEventStore } from '@redress/sqlite';
import { NOW, receive } from './fixtures.mjs';

const redress = (...args) => execFileSync(join('node_modules', '.bin', 'redress'), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const dir = mkdtempSync(join(tmpdir(), 'redress-consumer-cli-'));
try {
  assert.match(redress('--help'), /Usage: redress \[options\] \[command\]/);
  assert.match(redress('--version'), /^\d+\.\d+\.\d+\n$/);

  const source = join(dir, 'source.db');
  const store = createSqliteEventStore({ file: source });
  const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('ev') });
  await engine.executeOrThrow(receive);
  store.close();

  const log = join(dir, 'log.ndjson');
  redress('export', '--sqlite', source, '--out', log);
  const target = join(dir, 'target.db');
  assert.match(redress('import', log, '--sqlite', target), /^imported 2 events of 1 stream into SQLite /);
  assert.match(redress('verify', '--sqlite', target), /✔ positions increase/);
  assert.equal(redress('export', '--sqlite', target), readFileSync(log, 'utf8'));
  assert.match(redress('rebuild', '--sqlite', target), /rebuilt tickets up to position 2/);
  assert.match(redress('sla-tick', '--sqlite', target, '--sla-config', 'default', '--now', '2026-12-01T09:00:00Z'), /appended .*SlaBreached/);
  console.log('redress (installed binary): --help, export, import, verify, rebuild, sla-tick on SQLite');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
