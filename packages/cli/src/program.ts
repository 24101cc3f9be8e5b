/**
 * The `redress` command line: one commander program, a subcommand per task, each with
 * its own --help. Every subcommand names its store the same way (--sqlite or --postgres)
 * and leaves the work to the command modules; this file only turns options into calls
 * and reports into lines.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { exportLog } from './commands/export-log.js';
import { importLog } from './commands/import-log.js';
import { migrateStore } from './commands/migrate-store.js';
import { READ_MODELS, rebuildReadModels, type ReadModel } from './commands/rebuild-read-models.js';
import { loadSlaConfig } from './commands/sla-config.js';
import { tickSla } from './commands/tick-sla.js';
import { verifyStore, type EventSchema } from './commands/verify-store.js';
import { CliError } from './errors.js';
import { processIo, type CliIo } from './io/cli-io.js';
import { rereadable } from './io/ndjson.js';
import { progressBar } from './io/progress.js';
import { withStore, type StoreOptions } from './store/open-store.js';

export interface ProgramOptions {
  /** Shown by `redress --version`. */
  readonly version?: string;
  /** What `redress verify` and `redress sla-tick` take as now (default: the system clock). */
  readonly now?: () => Date;
}

type Common = StoreOptions & { readonly progress: boolean; readonly json?: boolean };

function storeCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .option('--sqlite <file>', 'the SQLite file of the store')
    .option('--postgres <url>', 'the PostgreSQL connection string (default: $REDRESS_POSTGRES_URL)')
    .option('--schema <name>', 'PostgreSQL schema', 'public')
    .option('--tenant <id>', 'PostgreSQL tenant', 'default')
    .option('--json', 'print the report as JSON');
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function createProgram(io: CliIo = processIo(), options: ProgramOptions = {}): Command {
  const now = options.now ?? (() => new Date());
  const print = (text: string) => void io.stdout.write(`${text}\n`);
  const report = (common: Common, value: object, text: string) => print(common.json ? JSON.stringify(value) : text);

  const program = new Command('redress')
    .description('Operate a Redress event store: export and import the log, verify it, migrate, rebuild read models, tick SLA clocks.')
    .version(options.version ?? '0.0.0')
    .showHelpAfterError('(add --help for the options)')
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();

  storeCommand(program, 'export', 'write the whole log as NDJSON, one event per line in global order')
    .option('--out <file>', 'write to this file (written beside it, then renamed: never half a file) instead of stdout')
    .option('--no-progress', 'no progress bar (there is none anyway when stderr is not a terminal)')
    .action((opts: Common & { out?: string }) =>
      withStore(opts, io, { mustExist: true }, async (opened) => {
        const progress = progressBar(io, 'export', opts.progress);
        progress.total(await opened.head());
        const partial = opts.out ? `${opts.out}.partial` : undefined;
        const out = partial ? createWriteStream(partial) : io.stdout;
        try {
          const result = await exportLog(opened.store, out, { progress });
          if (partial && opts.out) {
            out.end();
            await finished(out);
            renameSync(partial, opts.out);
          }
          // The log may be on stdout: the summary goes to stderr.
          io.stderr.write(opts.json ? `${JSON.stringify(result)}\n` : `exported ${count(result.events, 'event')} of ${count(result.streams, 'stream')} from ${opened.label}\n`);
        } catch (e) {
          if (partial) rmSync(partial, { force: true });
          throw e;
        } finally {
          progress.stop();
        }
      }),
    );

  storeCommand(program, 'import', 'append an exported log (NDJSON) to an empty store, or finish an import that stopped')
    .argument('<file>', 'the NDJSON file, or - for stdin')
    .option('--no-progress', 'no progress bar')
    .action((file: string, opts: Common) =>
      withStore(opts, io, {}, async (opened) => {
        const progress = progressBar(io, 'import', opts.progress);
        try {
          const result = await importLog(opened.store, rereadable(file, io.stdin), { progress });
          progress.stop();
          const skipped = result.skipped ? ` (${result.skipped} were already there)` : '';
          report(opts, result, `imported ${count(result.appended, 'event')} of ${count(result.streams, 'stream')} into ${opened.label}${skipped}`);
        } finally {
          progress.stop();
        }
      }),
    );

  storeCommand(program, 'verify', 'check the log: contiguous versions, ordered positions, every event readable')
    .option('--no-progress', 'no progress bar')
    .action((opts: Common) =>
      withStore(opts, io, { mustExist: true }, async (opened) => {
        const progress = progressBar(io, 'verify', opts.progress);
        const sla = await import('@redress/sla').catch(() => undefined);
        const schemas = new Map<string, EventSchema>(sla ? sla.SLA_EVENT_TYPES.map((t) => [t, sla.slaEventSchema]) : []);
        const result = await verifyStore(opened.store, await opened.head(), { progress, schemas }).finally(() => progress.stop());
        const others = Object.entries(result.otherTypes).map(([t, n]) => `${t} ×${n}`);
        const lines = [
          `${opened.label}: ${count(result.events, 'event')} in ${count(result.streams, 'stream')}`,
          ...(others.length ? [`checked for their envelope only: ${others.join(', ')}`] : []),
          ...(result.problems.length ? result.problems.map((p) => `✖ ${p}`) : ['✔ positions increase, versions are contiguous, every event is readable']),
        ];
        report(opts, result, lines.join('\n'));
        if (result.problems.length) program.setOptionValue('failed', true);
      }),
    );

  storeCommand(program, 'migrate', "bring the store's schema to this version of Redress").action((opts: Common) =>
    withStore(opts, io, { migrate: true }, async (opened) => {
      const result = await migrateStore(opened);
      const text = result.applied.length ? `${opened.label}: migrated from version ${result.from} to ${result.to} (applied ${result.applied.join(', ')})` : `${opened.label}: schema is current (version ${result.to})`;
      report(opts, result, text);
    }),
  );

  storeCommand(program, 'rebuild', 'empty SQL read models and replay the whole log into them')
    .addOption(new Option('--read-model <names...>', 'the read models to rebuild').choices(READ_MODELS).default(['tickets']))
    .option('--sla-config <file>', "the SLA configuration JSON for sla-deadlines, or 'default' for the default policy")
    .action((opts: Common & { readModel: ReadModel[]; slaConfig?: string }) =>
      withStore(opts, io, {}, async (opened) => {
        const slaConfig = opts.readModel.includes('sla-deadlines') ? await loadSlaConfig(opts.slaConfig, 'rebuild --read-model sla-deadlines') : undefined;
        const results = await rebuildReadModels(opened, { readModels: opts.readModel, ...(slaConfig ? { slaConfig } : {}) });
        report(opts, results, results.map((r) => `${opened.label}: rebuilt ${r.readModel} up to position ${r.checkpoint}`).join('\n'));
      }),
    );

  storeCommand(program, 'sla-tick', 'tick the SLA clocks once: append the warnings and breaches due by now')
    .option('--sla-config <file>', "the SLA configuration JSON, or 'default' for the default policy")
    .option('--now <instant>', 'tick as of this ISO-8601 instant (default: the system clock)')
    .action((opts: Common & { slaConfig?: string; now?: string }) =>
      withStore(opts, io, {}, async (opened) => {
        const config = await loadSlaConfig(opts.slaConfig, 'sla-tick');
        const at = opts.now === undefined ? now() : new Date(opts.now);
        if (Number.isNaN(at.getTime())) throw new CliError(`--now ${opts.now}: not an ISO-8601 instant`);
        const result = await tickSla(opened.store, config, at);
        const appended = Object.entries(result.appended).map(([t, n]) => `${t} ×${n}`);
        const text = [
          `${opened.label} at ${result.now}: ${appended.length ? `appended ${appended.join(', ')}` : 'nothing was due'}${result.alreadyStored ? ` (${result.alreadyStored} already stored)` : ''}`,
          `next due: ${result.nextDueAt ?? 'nothing scheduled'}`,
        ].join('\n');
        report(opts, result, text);
      }),
    );

  return program;
}
