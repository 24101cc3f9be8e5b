/**
 * `redress rebuild`: empties SQL read models and replays the whole log into them, with
 * each store's own rebuild. SQLite takes the projection's lease first, so a running
 * projector is never raced (the rebuild is refused while another instance holds it);
 * PostgreSQL rebuilds in one transaction, readers keeping the old rows until it commits.
 */
import type { ComplaintEvent } from '@redress/core';
import type { PostgresEventStore } from '@redress/postgres';
import type { SqlSlaProjectionOptions } from '@redress/sqlite/sla';
import type { SqliteEventStore } from '@redress/sqlite';
import { CliError } from '../errors.js';
import type { OpenedStore } from '../store/open-store.js';
import { loadPeer } from '../store/load-peer.js';

/** The SQL read models `redress rebuild` can rebuild. */
export const READ_MODELS = ['tickets', 'sla-deadlines'] as const;
/** A read model's name on the command line. */
export type ReadModel = (typeof READ_MODELS)[number];

/** One read model rebuilt. */
export interface RebuildResult {
  /** Which one. */
  readonly readModel: ReadModel;
  /** The last global position the rebuilt tables reflect. */
  readonly checkpoint: number;
}

/** Which read models to rebuild, and what they need. */
export interface RebuildOptions {
  /** The read models to rebuild, in order. */
  readonly readModels: readonly ReadModel[];
  /** Needed for `sla-deadlines`. */
  readonly slaConfig?: SqlSlaProjectionOptions['config'];
  /** This process in SQLite's lease (default `redress-cli:<pid>`). */
  readonly owner?: string;
}

// The read models only look at the event types they handle; the log's other events pass them by.
type ComplaintStore<S> = S extends SqliteEventStore<infer _> ? SqliteEventStore<ComplaintEvent> : PostgresEventStore<ComplaintEvent>;
const asComplaintStore = <S>(store: S) => store as unknown as ComplaintStore<S>;

async function sqliteProjection(readModel: ReadModel, options: RebuildOptions) {
  if (readModel === 'tickets') return (await import('@redress/sqlite')).sqlTicketProjection();
  return (await loadPeer('@redress/sla', () => import('@redress/sqlite/sla'))).sqlSlaProjection({ config: options.slaConfig });
}

async function postgresProjection(readModel: ReadModel, options: RebuildOptions) {
  if (readModel === 'tickets') return (await import('@redress/postgres')).ticketTablesProjection();
  return (await loadPeer('@redress/sla', () => import('@redress/postgres/sla'))).sqlSlaProjection({ config: options.slaConfig });
}

async function rebuildOne(opened: OpenedStore, readModel: ReadModel, options: RebuildOptions): Promise<RebuildResult> {
  if (opened.kind === 'sqlite') {
    const { createProjector } = await import('@redress/sqlite');
    const { systemClock } = await import('@redress/core');
    const projector = createProjector({
      store: asComplaintStore(opened.store),
      projection: await sqliteProjection(readModel, options),
      owner: options.owner ?? `redress-cli:${process.pid}`,
      clock: systemClock,
    });
    try {
      const step = await projector.rebuild();
      if (!step.active) {
        const lease = projector.lease();
        const until = lease ? new Date(lease.expiresAt).toISOString() : 'unknown';
        throw new CliError(`${readModel}: another projector holds the lease (${lease?.owner ?? 'unknown'}, until ${until}): stop it, or wait for the lease to expire`);
      }
      return { readModel, checkpoint: step.checkpoint };
    } finally {
      projector.release();
    }
  }
  const { rebuildSqlProjection } = await import('@redress/postgres');
  const report = await rebuildSqlProjection(asComplaintStore(opened.store), await postgresProjection(readModel, options));
  return { readModel, checkpoint: report.checkpoint };
}

/**
 * Drops and refills the chosen SQL read models from the log, each by its store's own rebuild, and reports
 * the checkpoint each reached.
 */
export async function rebuildReadModels(opened: OpenedStore, options: RebuildOptions): Promise<readonly RebuildResult[]> {
  if (options.readModels.includes('sla-deadlines') && options.slaConfig === undefined) throw new CliError('sla-deadlines needs the SLA configuration (--sla-config)');
  const results: RebuildResult[] = [];
  for (const readModel of options.readModels) results.push(await rebuildOne(opened, readModel, options));
  return results;
}
