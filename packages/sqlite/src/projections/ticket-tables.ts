/**
 * The ticket view as SQL: `redress_tickets` (one row per complaint, the filterable
 * fields as columns and the whole view as JSON), `redress_ticket_timeline` (one row
 * per event) and the `redress_queue` view over the open tickets.
 *
 * The rows are computed by @redress/core's `evolveTicket`, the same function the
 * in-memory ticket view uses, so the two read models cannot drift apart: this file
 * only decides where each field goes. Instants go into the columns in UTC
 * (instants.ts), so they compare and sort as text; the JSON keeps them as given.
 *
 * Erasure: beside `view` each row keeps `erased_view`, the same reducer run over the
 * events as they will read once the customer is erased (core's `erasedCopy`: every
 * personal value `[erased]`). The erasure's audit event replaces the one with the other
 * for every ticket of that customer, in the projector's transaction: the row is then
 * what a rebuild over the erased log writes, and the personal values are gone from the
 * file (the store runs with secure_delete). `erased_view` itself holds none.
 */
import {
  COMPLAINT_EVENT_TYPES,
  CUSTOMER_DATA_ERASURES,
  DEFAULT_PERSONAL_DATA,
  erasedCopy,
  evolveTicket,
  isOpenStep,
  type ComplaintEvent,
  type ErasureEvents,
  type PersonalDataMap,
  type RecordedEvent,
  type TicketView,
} from '@redress/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { utcInstant } from './instants.js';
import type { SqlProjection } from './sql-projection.js';

/** The timeline lives in its own table; the JSON column holds the rest. */
type StoredView = Omit<TicketView, 'timeline'>;

/**
 * How the ticket tables find personal data and erasures: the same map the writer's shredder uses, and which
 * event erases.
 */
export interface SqlTicketProjectionOptions {
  /** The personal fields, as the writer's shredder protects them (default `DEFAULT_PERSONAL_DATA`). */
  readonly personalData?: PersonalDataMap;
  /** Which event erases a customer's tickets (default core's `CustomerDataErased`, which `EraseCustomerData` records). */
  readonly erasures?: ErasureEvents;
}

interface Row {
  readonly view: StoredView;
  /** The ticket as it reads once its customer is erased. */
  readonly erased: StoredView;
}

/**
 * The ticket view as SQLite tables (tickets and their timelines), for queries the in-memory view cannot
 * serve; a customer's erasure event swaps each of their rows for its erased copy.
 */
export function sqlTicketProjection(options: SqlTicketProjectionOptions = {}): SqlProjection<ComplaintEvent> {
  const personalData = options.personalData ?? DEFAULT_PERSONAL_DATA;
  const erasures = options.erasures ?? CUSTOMER_DATA_ERASURES;
  return {
    name: 'tickets',
    handles: [...COMPLAINT_EVENT_TYPES, erasures.type] as ComplaintEvent['type'][],
    bind(db: SqliteDatabase) {
      const find = db.prepare('SELECT view, erased_view AS erased FROM redress_tickets WHERE complaint_id = ?');
      const scrub = db.prepare('UPDATE redress_tickets SET view = erased_view WHERE customer = ? AND view <> erased_view');
      const save = db.prepare(`
        INSERT INTO redress_tickets (complaint_id, step, is_open, severity, cause, handler_id, customer, channel, branch,
          agreed_deadline, cycle, received_at, updated_at, closed_at, version, view, erased_view)
        VALUES (@complaintId, @step, @isOpen, @severity, @cause, @handlerId, @customer, @channel, @branch,
          @agreedDeadline, @cycle, @receivedAt, @updatedAt, @closedAt, @version, @view, @erasedView)
        ON CONFLICT (complaint_id) DO UPDATE SET step = excluded.step, is_open = excluded.is_open, severity = excluded.severity,
          cause = excluded.cause, handler_id = excluded.handler_id, customer = excluded.customer,
          channel = excluded.channel, branch = excluded.branch, agreed_deadline = excluded.agreed_deadline, cycle = excluded.cycle,
          received_at = excluded.received_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
          version = excluded.version, view = excluded.view, erased_view = excluded.erased_view`);
      const addEntry = db.prepare(
        'INSERT INTO redress_ticket_timeline (complaint_id, version, at, type, actor_id, actor_role, step) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const clearTickets = db.prepare('DELETE FROM redress_tickets');
      const clearTimeline = db.prepare('DELETE FROM redress_ticket_timeline');

      /** The tickets this batch touched, written once at its end: a rebuild touches each many times. */
      const pending = new Map<string, Row>();
      const load = (complaintId: string): Row | undefined => {
        const cached = pending.get(complaintId);
        if (cached) return cached;
        const stored = find.get(complaintId) as { view: string; erased: string } | undefined;
        return stored === undefined ? undefined : { view: JSON.parse(stored.view) as StoredView, erased: JSON.parse(stored.erased) as StoredView };
      };
      // The stored timeline is not loaded: evolveTicket only appends to it, and the new entry is all we write.
      const evolve = (before: StoredView | undefined, event: RecordedEvent<ComplaintEvent>) =>
        evolveTicket(before === undefined ? undefined : { ...before, timeline: [] }, event);

      function erase(subject: string): void {
        for (const [id, row] of pending) if (row.view.customer.reference === subject) pending.set(id, { view: row.erased, erased: row.erased });
        scrub.run(subject);
      }

      return {
        apply(event) {
          if (event.type === erasures.type) {
            const subject = erasures.subjectOf(event);
            if (subject !== undefined) erase(subject);
            return;
          }
          const before = load(event.streamId);
          const after = evolve(before?.view, event);
          const erasedAfter = evolve(before?.erased, erasedCopy(event, personalData));
          if (after === undefined || erasedAfter === undefined) return;
          const { timeline, ...view } = after;
          const { timeline: _, ...erased } = erasedAfter;
          pending.set(event.streamId, { view, erased });
          const entry = timeline.at(-1);
          if (entry) addEntry.run(event.streamId, entry.version, utcInstant(entry.at), entry.type, entry.actor.id, entry.actor.role, entry.step);
        },
        flush() {
          // Emptied first: after a failed batch nothing may be left for the next one, even if a write fails here.
          const touched = [...pending];
          pending.clear();
          for (const [complaintId, { view, erased }] of touched) {
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
              erasedView: JSON.stringify(erased),
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
