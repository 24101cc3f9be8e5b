/** The command line itself: --help everywhere, usage errors, naming a store, progress bars only on a terminal. */
import { PassThrough } from 'node:stream';
import { createSqliteEventStore } from '@redress/sqlite';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeLog } from './test-support/cli.js';

const COMMANDS = ['export', 'import', 'verify', 'migrate', 'rebuild', 'sla-tick'];
const file = tempDir();

describe('redress', () => {
  it('lists every command in --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(COMMANDS)('has --help for %s, naming the store options', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: redress ${command} `));
    expect(run.stdout).toContain('--sqlite <file>');
    expect(run.stdout).toContain('--postgres <url>');
  });

  it('exits with 2 on a wrong command line, saying what is wrong', async () => {
    expect(await cli(['exprot'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'exprot'") });
    expect(await cli(['verify', '--sqlite'])).toMatchObject({ code: 2, stderr: expect.stringContaining("option '--sqlite <file>' argument missing") });
    expect(await cli(['rebuild', '--sqlite', 'x.db', '--read-model', 'queues'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Allowed choices are tickets, sla-deadlines') });
  });

  it('needs exactly one store', async () => {
    expect(await cli(['verify'])).toMatchObject({ code: 1, stderr: 'redress: name a store: --sqlite <file> or --postgres <url> (or set REDRESS_POSTGRES_URL)\n' });
    const both = await cli(['verify', '--sqlite', 'x.db'], { env: { REDRESS_POSTGRES_URL: 'postgresql://localhost/x' } });
    expect(both).toMatchObject({ code: 1, stderr: expect.stringContaining('name one store') });
  });

  it('draws a progress bar on a terminal, and none when stderr is not one', async () => {
    const db = file('progress.db');
    const store = createSqliteEventStore({ file: db });
    await writeLog(store);
    store.close();
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let drawn = '';
    terminal.on('data', (c: Buffer) => (drawn += c.toString()));
    await cli(['export', '--sqlite', db], { stderr: terminal });
    expect(drawn).toMatch(/export \[[█░]+\] 100% 22\/22 events/);
    const piped = await cli(['export', '--sqlite', db]);
    expect(piped.stderr).toBe('exported 22 events of 5 streams from SQLite ' + db + '\n');
    drawn = '';
    await cli(['export', '--sqlite', db, '--no-progress'], { stderr: terminal });
    expect(drawn).not.toContain('[');
  });
});
