/**
 * The SLA deadlines read model (`redress_sla_clocks`): every clock of every
 * ticket, as @redress/sla computes it, so a host can ask SQL for "the breached
 * clocks of handler X". The clock logic is @redress/sla's, reused whole: this
 * file only feeds it events and decides where each field goes.
 *
 * The clocks' state is not stored: it is a fold of the ticket's own stream, which
 * the tracker asks for (read here, inside the projector's transaction) whenever it
 * does not hold the state right before the event at hand — after a restart, a
 * takeover or a rolled-back batch. The rows and the checkpoint commit together.
 */
import type { ComplaintEvent, EventLike } from '@redress/core';
import { createSlaDeadlineTracker, SLA_TRACKED_EVENT_TYPES, toSlaConfig, type SlaConfig, type SlaDeadlineRow } from '@redress/sla';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { SqlProjection } from '../projections/sql-projection.js';
import { EVENT_COLUMNS, fromRow, type EventRow } from '../store/rows.js';

export interface SqlSlaProjectionOptions {
  /** The SLA configuration: a validated `SlaConfig` or its JSON (e.g. `defaultSlaConfig()`). */
  readonly config: SlaConfig | unknown;
  /** The checkpoint's and lease's name (default `sla-deadlines`): give a new one to rebuild beside the old. */
  readonly name?: string;
  /** Tickets whose clocks stay in memory between batches (default 10 000); others are re-read from the log. */
  readonly cacheSize?: number;
}

const toParams = (row: SlaDeadlineRow) => ({ ...row, ticketClosed: row.ticketClosed ? 1 : 0, running: row.running ? 1 : 0 });

export function sqlSlaProjection<E extends EventLike = ComplaintEvent>(options: SqlSlaProjectionOptions): SqlProjection<E> {
  // Parsed now, so a bad configuration fails when the host wires it up, not in the first batch.
  const config = toSlaConfig(options.config);
  return {
    name: options.name ?? 'sla-deadlines',
    // Complaint events and the SLA streams' pin events (which policy version measures a ticket).
    handles: SLA_TRACKED_EVENT_TYPES as readonly E['type'][],
    bind(db: SqliteDatabase) {
      // One tracker per projector: its cache belongs to the connection's transactions.
      const tracker = createSlaDeadlineTracker(config, { capacity: options.cacheSize ?? 10_000 });
      // A ticket's history: its complaint stream and its SLA stream, before the event at hand.
      const history = db.prepare(`SELECT ${EVENT_COLUMNS} FROM redress_events WHERE stream_id IN (?, ?) AND global_position < ? ORDER BY global_position`);
      const remove = db.prepare('DELETE FROM redress_sla_clocks WHERE complaint_id = ?');
      const insert = db.prepare(`
        INSERT INTO redress_sla_clocks (complaint_id, clock, policy_name, policy_version, handler_id, severity, channel,
          escalation_level, ticket_closed, cycle, state, running, target_ms, elapsed_ms, due_at, warned_at, next_warning_at,
          breached_at, as_of, version)
        VALUES (@complaintId, @clock, @policyName, @policyVersion, @handlerId, @severity, @channel,
          @escalationLevel, @ticketClosed, @cycle, @state, @running, @targetMs, @elapsedMs, @dueAt, @warnedAt, @nextWarningAt,
          @breachedAt, @asOf, @version)`);
      const clear = db.prepare('DELETE FROM redress_sla_clocks');
      return {
        apply(event) {
          const wanted = tracker.needsHistory(event) ? tracker.historyOf(event) : undefined;
          const earlier = wanted && (history.all(...wanted.streams, wanted.beforePosition) as EventRow[]).map((row) => fromRow<EventLike>(row));
          tracker.apply(event, earlier);
        },
        flush() {
          for (const ticket of tracker.takeChanged()) {
            remove.run(ticket.complaintId);
            for (const row of ticket.rows) insert.run(toParams(row));
          }
        },
        reset() {
          tracker.clear();
          clear.run();
        },
      };
    },
  };
}
