/**
 * The SLA deadlines read model (`redress_sla_clocks`): every clock of every
 * ticket, as @redress/sla computes it, so a host can ask SQL for "the breached
 * clocks of handler X". The clock logic is @redress/sla's, reused whole: this
 * file feeds it events and decides where each field goes.
 *
 * The clocks' state is not stored: it is a fold of the ticket's own stream, which
 * the tracker asks for (read here, in the batch's transaction) whenever it does
 * not hold the state right before the event at hand — after a restart, a failover
 * or a rolled-back batch. The rows and the checkpoint commit together.
 */
import type { ComplaintEvent, EventLike, RecordedEvent } from '@redress/core';
import { createSlaDeadlineTracker, toSlaConfig, type SlaConfig, type SlaDeadlineTracker, type TicketHistory } from '@redress/sla';
import type { ClientBase } from 'pg';
import type { ProjectionScope, SqlProjection } from '../projections/sql-projection.js';
import { EVENT_COLUMNS, toRecorded, type EventRow } from '../store/rows.js';

export interface SqlSlaProjectionOptions {
  /** The SLA configuration: a validated `SlaConfig` or its JSON (e.g. `defaultSlaConfig()`). */
  readonly config: SlaConfig | unknown;
  /** The checkpoint's name (default `sla-deadlines`): give a new one to rebuild beside the old. */
  readonly name?: string;
  /** Tickets per tenant whose clocks stay in memory between batches (default 10 000); others are re-read from the log. */
  readonly cacheSize?: number;
}

/** Each ticket's earlier events (its complaint and SLA streams, before the position given), in one query. */
async function histories(tx: ClientBase, scope: ProjectionScope, wanted: readonly TicketHistory[]): Promise<Map<string, RecordedEvent<EventLike>[]>> {
  const out = new Map<string, RecordedEvent<EventLike>[]>(wanted.map((h) => [h.ticket, []]));
  if (wanted.length === 0) return out;
  const { rows } = await tx.query<EventRow & { readonly ticket: string }>(
    `SELECT f.ticket, ${EVENT_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}
     FROM ${scope.schema}.redress_events AS e
     JOIN unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS f (ticket, complaint, sla, before)
       ON e.stream_id IN (f.complaint, f.sla) AND e.global_position < f.before
     WHERE e.tenant = $1
     ORDER BY f.ticket, e.global_position`,
    [scope.tenant, wanted.map((h) => h.ticket), wanted.map((h) => h.streams[0]), wanted.map((h) => h.streams[1]), wanted.map((h) => h.beforePosition)],
  );
  for (const row of rows) out.get(row.ticket)?.push(toRecorded(row));
  return out;
}

async function writeRows(tx: ClientBase, scope: ProjectionScope, tracker: SlaDeadlineTracker): Promise<void> {
  const tickets = tracker.takeChanged();
  if (tickets.length === 0) return;
  await tx.query(`DELETE FROM ${scope.schema}.redress_sla_clocks WHERE tenant = $1 AND complaint_id = ANY($2::text[])`, [
    scope.tenant,
    tickets.map((t) => t.complaintId),
  ]);
  const rows = tickets.flatMap((t) => t.rows);
  if (rows.length === 0) return;
  const column = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await tx.query(
    `INSERT INTO ${scope.schema}.redress_sla_clocks (tenant, complaint_id, clock, policy_name, policy_version, handler_id, severity,
       channel, escalation_level, ticket_closed, cycle, state, running, target_ms, elapsed_ms, due_at, warned_at, next_warning_at,
       breached_at, as_of, version)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::boolean[], $11::int[], $12::text[], $13::boolean[], $14::bigint[], $15::bigint[], $16::timestamptz[], $17::timestamptz[],
       $18::timestamptz[], $19::timestamptz[], $20::timestamptz[], $21::int[])`,
    [
      scope.tenant,
      column((r) => r.complaintId),
      column((r) => r.clock),
      column((r) => r.policyName),
      column((r) => r.policyVersion),
      column((r) => r.handlerId),
      column((r) => r.severity),
      column((r) => r.channel),
      column((r) => r.escalationLevel),
      column((r) => r.ticketClosed),
      column((r) => r.cycle),
      column((r) => r.state),
      column((r) => r.running),
      column((r) => r.targetMs),
      column((r) => r.elapsedMs),
      column((r) => r.dueAt),
      column((r) => r.warnedAt),
      column((r) => r.nextWarningAt),
      column((r) => r.breachedAt),
      column((r) => r.asOf),
      column((r) => r.version),
    ],
  );
}

export function sqlSlaProjection<E extends EventLike = ComplaintEvent>(options: SqlSlaProjectionOptions): SqlProjection<E> {
  // Parsed now, so a bad configuration fails when the host wires it up, not in the first batch.
  const config = toSlaConfig(options.config);
  // One tracker per tenant: stream ids repeat across tenants.
  const trackers = new Map<string, SlaDeadlineTracker>();
  const trackerOf = (scope: ProjectionScope) => {
    const key = `${scope.schema}/${scope.tenant}`;
    let tracker = trackers.get(key);
    if (!tracker) trackers.set(key, (tracker = createSlaDeadlineTracker(config, { capacity: options.cacheSize ?? 10_000 })));
    return tracker;
  };
  return {
    name: options.name ?? 'sla-deadlines',
    async apply(tx, events, scope) {
      const tracker = trackerOf(scope);
      try {
        // Per ticket, the first event whose history the tracker lacks: read them all in one query.
        const first = new Map<string, TicketHistory>();
        for (const e of events) {
          if (!tracker.needsHistory(e)) continue;
          const wanted = tracker.historyOf(e);
          if (!first.has(wanted.ticket)) first.set(wanted.ticket, wanted);
        }
        const loaded = await histories(tx, scope, [...first.values()]);
        for (const event of events) {
          // The tracker ignores event types that do not move clocks, and never asks for their history.
          if (!tracker.needsHistory(event)) {
            tracker.apply(event);
            continue;
          }
          // Read with the others unless it was evicted later in this batch: then on its own.
          const wanted = tracker.historyOf(event);
          const preloaded = first.get(wanted.ticket)?.beforePosition === wanted.beforePosition ? loaded.get(wanted.ticket) : undefined;
          tracker.apply(event, preloaded ?? (await histories(tx, scope, [wanted])).get(wanted.ticket));
        }
        await writeRows(tx, scope, tracker);
      } catch (error) {
        // The transaction rolls back: nothing this batch touched may be written later.
        tracker.clear();
        throw error;
      }
    },
    async reset(tx, scope) {
      trackerOf(scope).clear();
      await tx.query(`DELETE FROM ${scope.schema}.redress_sla_clocks WHERE tenant = $1`, [scope.tenant]);
    },
  };
}
