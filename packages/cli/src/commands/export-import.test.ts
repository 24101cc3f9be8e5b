/**
 * export and import on SQLite, run as `redress` would be: a log goes out and comes back
 * the same; a file that is not a log, or a target that already holds another log, writes
 * nothing; an import that stopped half-way finishes without writing anything twice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { createSqliteEventStore } from '@redress/sqlite';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeLog } from '../test-support/cli.js';

const file = tempDir();
let n = 0;
const fresh = () => file(`db-${++n}.db`);

async function sourceLog(): Promise<{ db: string; ndjson: string; lines: string[] }> {
  const db = fresh();
  const store = createSqliteEventStore({ file: db });
  await writeLog(store);
  store.close();
  const out = file(`log-${n}.ndjson`);
  const run = await cli(['export', '--sqlite', db, '--out', out]);
  expect(run).toMatchObject({ code: 0, stdout: '' });
  const ndjson = readFileSync(out, 'utf8');
  return { db, ndjson, lines: ndjson.trimEnd().split('\n') };
}

const logOf = async (db: string) => {
  const store = createSqliteEventStore({ file: db });
  try {
    return await store.readAll(1, 10_000);
  } finally {
    store.close();
  }
};

describe('redress export', () => {
  it('writes every event of the log, in order, with its whole envelope', async () => {
    const { db, lines } = await sourceLog();
    const events = await logOf(db);
    expect(lines.map((l) => JSON.parse(l))).toEqual(JSON.parse(JSON.stringify(events)));
    expect(events.length).toBeGreaterThan(15);
  });

  it('writes to stdout, with the summary on stderr', async () => {
    const { db, ndjson } = await sourceLog();
    const run = await cli(['export', '--sqlite', db]);
    expect(run.stdout).toBe(ndjson);
    expect(run.stderr).toMatch(/^exported \d+ events of 5 streams from SQLite /);
  });

  it('refuses a SQLite file that does not exist, instead of creating an empty one', async () => {
    const missing = file('missing.db');
    expect(await cli(['export', '--sqlite', missing])).toMatchObject({ code: 1, stderr: `redress: no SQLite file at ${missing}\n` });
    expect(() => readFileSync(missing)).toThrow();
  });
});

describe('redress import', () => {
  it('gives back the same log: events, versions and positions', async () => {
    const { db, ndjson } = await sourceLog();
    const target = fresh();
    const run = await cli(['import', '-', '--sqlite', target, '--json'], { stdin: ndjson });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ streams: 5, skipped: 0 });
    expect(await logOf(target)).toEqual(await logOf(db));
    expect((await cli(['verify', '--sqlite', target])).code).toBe(0);
  });

  it('does nothing the second time (every event is already there)', async () => {
    const { ndjson, lines } = await sourceLog();
    const target = fresh();
    await cli(['import', '-', '--sqlite', target], { stdin: ndjson });
    const again = await cli(['import', '-', '--sqlite', target, '--json'], { stdin: ndjson });
    expect(JSON.parse(again.stdout)).toEqual({ events: lines.length, streams: 5, skipped: lines.length, appended: 0 });
    expect(await logOf(target)).toHaveLength(lines.length);
  });

  it('finishes an import that stopped half-way, writing nothing twice', async () => {
    const { db, lines } = await sourceLog();
    const target = fresh();
    const half = file('half.ndjson');
    writeFileSync(half, `${lines.slice(0, 7).join('\n')}\n`);
    const whole = file('whole.ndjson');
    writeFileSync(whole, `${lines.join('\n')}\n`);
    await cli(['import', half, '--sqlite', target]);
    const rest = await cli(['import', whole, '--sqlite', target]);
    expect(rest.stdout).toMatch(new RegExp(`imported ${lines.length - 7} events of 5 streams .* \\(7 were already there\\)`));
    expect(await logOf(target)).toEqual(await logOf(db));
  });

  it('refuses a target holding another log, writing nothing', async () => {
    const { ndjson } = await sourceLog();
    const other = fresh();
    const store = createSqliteEventStore({ file: other });
    await writeLog(store, 2);
    const before = await store.readAll();
    store.close();
    const run = await cli(['import', '-', '--sqlite', other], { stdin: ndjson.replace(/"ev-/g, '"src-') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not hold the beginning of this log/);
    expect(await logOf(other)).toEqual(before);
  });

  it('names the bad lines of a file that is not a log, and writes nothing', async () => {
    const { lines } = await sourceLog();
    const bad = [lines[0], '{not json', lines[2], lines[1], JSON.stringify({ ...JSON.parse(lines[3]!), eventId: '' }), '[]'].join('\n');
    const target = fresh();
    const run = await cli(['import', '-', '--sqlite', target], { stdin: bad });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the file is not an exported log; nothing was imported');
    expect(run.stderr).toMatch(/line 2: not JSON/);
    expect(run.stderr).toMatch(/line 4: globalPosition 2 after 3/);
    expect(run.stderr).toMatch(/line 5: eventId/);
    expect(run.stderr).toMatch(/line 6: not an event object/);
    expect(await logOf(target)).toEqual([]);
  });

  // Adversarial: any reordering of a valid export is refused whole, unless it leaves the order as it was.
  test.prop([fc.integer({ min: 0, max: 1000 })], { numRuns: 15 })('refuses every reordered log, writing nothing', async (seed) => {
    const { lines } = await shared;
    const shuffled = fc.sample(fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }), { numRuns: 1, seed })[0]!;
    const target = fresh();
    const run = await cli(['import', '-', '--sqlite', target], { stdin: shuffled.join('\n') });
    const same = shuffled.join('\n') === lines.join('\n');
    expect(run.code).toBe(same ? 0 : 1);
    expect((await logOf(target)).length).toBe(same ? lines.length : 0);
  });
});

const shared = sourceLog();
