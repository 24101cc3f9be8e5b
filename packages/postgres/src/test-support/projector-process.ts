/**
 * A projector in its own OS process, for the failover test: one app instance
 * running `createProjector` with the ticket tables projection on a tenant, which the
 * parent kills with SIGKILL. It tells the parent, over the IPC channel, when it turns
 * active or standby and each batch it starts to apply; told to `hold`, it stops in
 * the middle of its next batch (rows written, transaction open, checkpoint not yet
 * moved) and waits there to be killed.
 *
 * Every batch also records, in the same transaction, who applied it and whether that
 * session held the projection's advisory lock (table `failover_batches`, created by
 * the parent), so the parent can check afterwards which instance applied what.
 */
import type { ComplaintEvent } from '@redress/core';
import pg from 'pg';
import { createProjector } from '../projections/projector.js';
import type { SqlProjection } from '../projections/sql-projection.js';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { createPostgresEventStore } from '../store/postgres-event-store.js';

export interface ProjectorProcessConfig {
  readonly connectionString: string;
  readonly tenant: string;
  /** The instance's name, also its connections' application_name. */
  readonly name: string;
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  /** A pause inside every batch's transaction (pg_sleep), so a kill often lands mid-batch. */
  readonly applyDelayMs: number;
}

/** What the parent tells the process after the config. */
export type ProjectorProcessCommand = { readonly kind: 'hold' };

export type ProjectorProcessMessage =
  | { readonly kind: 'ready' }
  /** A change of `projector.active`. */
  | { readonly kind: 'active'; readonly active: boolean }
  /** Sent, and in the pipe, before the batch's rows are written. */
  | { readonly kind: 'applying'; readonly first: number; readonly last: number }
  /** The batch's rows are written, its transaction open: kill me now. */
  | { readonly kind: 'holding'; readonly first: number; readonly last: number }
  | { readonly kind: 'error'; readonly message: string };

const send = (message: ProjectorProcessMessage) =>
  new Promise<void>((resolve, reject) => {
    if (!process.send) return reject(new Error('the projector process runs as a forked child'));
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });

async function main(config: ProjectorProcessConfig): Promise<void> {
  const pool = new pg.Pool({ connectionString: config.connectionString, application_name: config.name, max: 4 });
  pool.on('error', () => undefined);
  const store = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: config.tenant, migrate: false, pollIntervalMs: 100 });
  const tickets = ticketTablesProjection();
  let hold = false;
  let reported = false;
  /** Tells the parent of a change of `active`; also called before each batch, so the parent hears of it first. */
  let report = async (): Promise<void> => undefined;
  process.on('message', (command: ProjectorProcessCommand) => {
    if (command.kind === 'hold') hold = true;
  });

  const projection: SqlProjection<ComplaintEvent> = {
    name: tickets.name,
    reset: tickets.reset,
    async apply(tx, events, scope) {
      const first = events[0]!.globalPosition;
      const last = events[events.length - 1]!.globalPosition;
      await report();
      await send({ kind: 'applying', first, last });
      await tickets.apply(tx, events, scope);
      await tx.query(
        `INSERT INTO failover_batches (tenant, first_position, last_position, by, holds_lock)
         SELECT $1, $2, $3, $4, EXISTS (
           SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND granted AND locktype = 'advisory' AND objsubid = 1
             AND classid = (SELECT oid FROM pg_namespace WHERE nspname = $5)
             AND objid = (SELECT lock_id FROM redress_projector_locks WHERE tenant = $1 AND projection = $6)::oid)`,
        [config.tenant, first, last, config.name, store.schema, tickets.name],
      );
      if (config.applyDelayMs > 0) await tx.query('SELECT pg_sleep($1)', [config.applyDelayMs / 1000]);
      if (hold) {
        await send({ kind: 'holding', first, last });
        // Never returns: the transaction stays open until the parent's SIGKILL.
        await new Promise<never>(() => undefined);
      }
    },
  };

  const projector = createProjector({
    store,
    projection,
    batchSize: config.batchSize,
    pollIntervalMs: config.pollIntervalMs,
    onError: (error) => void send({ kind: 'error', message: String(error) }).catch(() => undefined),
  });
  projector.start();
  report = async () => {
    if (projector.active === reported) return;
    reported = projector.active;
    await send({ kind: 'active', active: reported });
  };
  await send({ kind: 'ready' });
  // The Projector has no "became active" event; this test-only process polls its getter.
  // eslint-disable-next-line no-restricted-globals -- polling `active` in a test-support process
  setInterval(() => void report().catch(() => undefined), 5);
}

// An orphan never outlives its parent (a test run stopped half-way).
process.on('disconnect', () => process.exit(0));
process.once('message', (config: ProjectorProcessConfig) => {
  main(config).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
