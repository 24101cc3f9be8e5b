/**
 * The ticket view as SQL: `redress_tickets` (one row per complaint, the filterable
 * fields as columns and the whole view as JSON), `redress_ticket_timeline` (one row
 * per event) and the `redress_queue` view over the open tickets.
 *
 * The rows are computed by @redress/core's `evolveTicket`, the same function the
 * in-memory ticket view uses, so the two read models cannot drift apart: this file
 * only decides where each field goes. Instants go into the columns in UTC
 * (instants.ts), so they compare and sort as text; the JSON keeps them as given.
 */
import { COMPLAINT_EVENT_TYPES, evolveTicket, isOpenStep, type ComplaintEvent, type TicketView } from '@redress/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { utcInstant } from './instants.js';
import type { SqlProjection } from './sql-projection.js';

/** The timeline lives in its own table; the JSON column holds the rest. */
type StoredView = Omit<TicketView, 'timeline'>;

/**
 * The ticket view as SQLite tables (tickets and their timelines), for queries the in-memory view cannot
 * serve.
 */
export function sqlTicketProjection(): SqlProjection<ComplaintEvent> {
  return {
    name: 'tickets',
    handles: COMPLAINT_EVENT_TYPES,
    bind(db: SqliteDatabase) {
      const find = db.prepare('SELECT view FROM redress_tickets WHERE complaint_id = ?').pluck();
      const save = db.prepare(`
        INSERT INTO redress_tickets (complaint_id, step, is_open, severity, cause, handler_id, customer, channel, branch,
          agreed_deadline, cycle, received_at, updated_at, closed_at, version, view)
        VALUES (@complaintId, @step, @isOpen, @severity, @cause, @handlerId, @customer, @channel, @branch,
          @agreedDeadline, @cycle, @receivedAt, @updatedAt, @closedAt, @version, @view)
        ON CONFLICT (complaint_id) DO UPDATE SET step = excluded.step, is_open = excluded.is_open, severity = excluded.severity,
          cause = excluded.cause, handler_id = excluded.handler_id, customer = excluded.customer,
          channel = excluded.channel, branch = excluded.branch, agreed_deadline = excluded.agreed_deadline, cycle = excluded.cycle,
          received_at = excluded.received_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
          version = excluded.version, view = excluded.view`);
      const addEntry = db.prepare(
        'INSERT INTO redress_ticket_timeline (complaint_id, version, at, type, actor_id, actor_role, step) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const clearTickets = db.prepare('DELETE FROM redress_tickets');
      const clearTimeline = db.prepare('DELETE FROM redress_ticket_timeline');

      /** The tickets this batch touched, written once at its end: a rebuild touches each many times. */
      const pending = new Map<string, StoredView>();
      const load = (complaintId: string): StoredView | undefined => {
        const cached = pending.get(complaintId);
        if (cached) return cached;
        const stored = find.get(complaintId) as string | undefined;
        return stored === undefined ? undefined : (JSON.parse(stored) as StoredView);
      };

      return {
        apply(event) {
          const before = load(event.streamId);
          // The stored timeline is not loaded: evolveTicket only appends to it, and the new entry is all we write.
          const after = evolveTicket(before === undefined ? undefined : { ...before, timeline: [] }, event);
          if (after === undefined) return;
          const { timeline, ...view } = after;
          pending.set(event.streamId, view);
          const entry = timeline.at(-1);
          if (entry) addEntry.run(event.streamId, entry.version, utcInstant(entry.at), entry.type, entry.actor.id, entry.actor.role, entry.step);
        },
        flush() {
          // Emptied first: after a failed batch nothing may be left for the next one, even if a write fails here.
          const touched = [...pending];
          pending.clear();
          for (const [complaintId, view] of touched) {
            save.run({
              complaintId,
              step: view.step,
              isOpen: view.step !== 'none' && isOpenStep(view.step) ? 1 : 0,
              severity: view.severity,
              cause: view.cause,
              handlerId: view.handlerId,
              customer: view.customer.reference,
              channel: view.channel,
              branch: view.branch,
              agreedDeadline: utcInstant(view.agreedDeadline),
              cycle: view.cycle,
              receivedAt: utcInstant(view.receivedAt),
              updatedAt: utcInstant(view.updatedAt),
              closedAt: utcInstant(view.closedAt),
              version: view.version,
              view: JSON.stringify(view),
            });
          }
        },
        reset() {
          pending.clear();
          clearTimeline.run();
          clearTickets.run();
        },
      };
    },
  };
}
