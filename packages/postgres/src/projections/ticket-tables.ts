/**
 * The ticket view and the work queues as SQL tables (redress_tickets,
 * redress_ticket_timeline, redress_queue), so a host can ask in SQL for, say, every
 * open ticket of a handler. The rows are computed by core's own reducer
 * (`evolveTicket`), never re-derived in SQL, so they cannot drift from the in-memory
 * projections; a test checks both agree.
 *
 * Erasure: beside `view` each row keeps `erased_view`, the same reducer run over the
 * events as they will read once the customer is erased (core's `erasedCopy`: every
 * personal value `[erased]`). The erasure's audit event replaces the one with the other
 * for every ticket of that customer, in the projector's transaction: the row is then
 * what a rebuild over the erased log writes, and a dump holds no personal value of it.
 */
import {
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
import type { ClientBase } from 'pg';
import type { ProjectionScope, SqlProjection } from './sql-projection.js';

/** A queue row from a ticket, or undefined once the complaint left every queue. */
function queueRow(view: TicketView) {
  if (view.step === 'none' || !isOpenStep(view.step)) return undefined;
  return { step: view.step, handlerId: view.handlerId, severity: view.severity, customer: view.customer.reference };
}

/** A ticket and the ticket as it reads once its customer is erased. */
interface Row {
  readonly view: TicketView;
  readonly erased: TicketView;
}

async function loadTickets(tx: ClientBase, scope: ProjectionScope, ids: readonly string[]): Promise<Map<string, Row>> {
  const { rows } = await tx.query<{ complaint_id: string; view: TicketView; erased_view: TicketView }>(
    `SELECT complaint_id, view, erased_view FROM ${scope.schema}.redress_tickets WHERE tenant = $1 AND complaint_id = ANY($2::text[])`,
    [scope.tenant, ids],
  );
  return new Map(rows.map((r) => [r.complaint_id, { view: r.view, erased: r.erased_view }]));
}

async function saveTicket(tx: ClientBase, scope: ProjectionScope, { view, erased }: Row): Promise<void> {
  const s = scope.schema;
  await tx.query(
    `INSERT INTO ${s}.redress_tickets
       (tenant, complaint_id, step, severity, handler_id, customer, channel, branch, cycle, agreed_deadline, received_at, updated_at, closed_at, version, view, erased_view)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (tenant, complaint_id) DO UPDATE SET
       step = EXCLUDED.step, severity = EXCLUDED.severity, handler_id = EXCLUDED.handler_id, customer = EXCLUDED.customer,
       channel = EXCLUDED.channel, branch = EXCLUDED.branch, cycle = EXCLUDED.cycle, agreed_deadline = EXCLUDED.agreed_deadline,
       received_at = EXCLUDED.received_at, updated_at = EXCLUDED.updated_at, closed_at = EXCLUDED.closed_at,
       version = EXCLUDED.version, view = EXCLUDED.view, erased_view = EXCLUDED.erased_view`,
    [
      scope.tenant,
      view.complaintId,
      view.step,
      view.severity,
      view.handlerId,
      view.customer.reference,
      view.channel,
      view.branch,
      view.cycle,
      view.agreedDeadline,
      view.receivedAt,
      view.updatedAt,
      view.closedAt,
      view.version,
      JSON.stringify(view),
      JSON.stringify(erased),
    ],
  );
  const queued = queueRow(view);
  if (queued) {
    await tx.query(
      `INSERT INTO ${s}.redress_queue (tenant, complaint_id, step, handler_id, severity, customer) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant, complaint_id) DO UPDATE SET step = EXCLUDED.step, handler_id = EXCLUDED.handler_id, severity = EXCLUDED.severity, customer = EXCLUDED.customer`,
      [scope.tenant, view.complaintId, queued.step, queued.handlerId, queued.severity, queued.customer],
    );
  } else {
    await tx.query(`DELETE FROM ${s}.redress_queue WHERE tenant = $1 AND complaint_id = $2`, [scope.tenant, view.complaintId]);
  }
}

/**
 * How the ticket tables find personal data and erasures: the same map the writer's shredder uses, and which
 * event erases.
 */
export interface TicketTablesOptions {
  /** The personal fields, as the writer's shredder protects them (default `DEFAULT_PERSONAL_DATA`). */
  readonly personalData?: PersonalDataMap;
  /** Which event erases a customer's tickets (default core's `CustomerDataErased`, which `EraseCustomerData` records). */
  readonly erasures?: ErasureEvents;
}

/**
 * The ticket view as PostgreSQL tables (tickets and their timelines), for queries the in-memory view cannot
 * serve; a customer's erasure event swaps each of their rows for its erased copy.
 */
export function ticketTablesProjection(options: TicketTablesOptions = {}): SqlProjection<ComplaintEvent> {
  const personalData = options.personalData ?? DEFAULT_PERSONAL_DATA;
  const erasures = options.erasures ?? CUSTOMER_DATA_ERASURES;
  return {
    name: 'tickets',
    async apply(tx, events, scope) {
      const tickets = await loadTickets(tx, scope, [...new Set(events.map((e) => e.streamId))]);
      const changed = new Set<string>();
      const timeline: RecordedEvent<ComplaintEvent>[] = [];
      const steps: string[] = [];
      for (const event of events) {
        if (event.type === erasures.type) {
          const subject = erasures.subjectOf(event);
          if (subject === undefined) continue;
          for (const [id, row] of tickets) {
            if (row.view.customer.reference !== subject) continue;
            tickets.set(id, { view: row.erased, erased: row.erased });
            changed.add(id);
          }
          await tx.query(`UPDATE ${scope.schema}.redress_tickets SET view = erased_view WHERE tenant = $1 AND customer = $2`, [scope.tenant, subject]);
          continue;
        }
        const before = tickets.get(event.streamId);
        const view = evolveTicket(before?.view, event);
        const erased = evolveTicket(before?.erased, erasedCopy(event, personalData));
        if (!view || !erased) continue;
        tickets.set(event.streamId, { view, erased });
        changed.add(event.streamId);
        timeline.push(event);
        steps.push(view.step);
      }
      // One write per changed ticket per batch, however many events it had.
      for (const id of changed) {
        const row = tickets.get(id);
        if (row) await saveTicket(tx, scope, row);
      }
      if (timeline.length > 0) {
        await tx.query(
          `INSERT INTO ${scope.schema}.redress_ticket_timeline (tenant, complaint_id, version, at, type, actor_id, actor_role, step)
           SELECT $1, * FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[])`,
          [
            scope.tenant,
            timeline.map((e) => e.streamId),
            timeline.map((e) => e.streamVersion),
            timeline.map((e) => e.occurredAt),
            timeline.map((e) => e.type),
            timeline.map((e) => e.actor.id),
            timeline.map((e) => e.actor.role),
            steps,
          ],
        );
      }
    },
    async reset(tx, scope) {
      for (const table of ['redress_tickets', 'redress_ticket_timeline', 'redress_queue']) {
        await tx.query(`DELETE FROM ${scope.schema}.${table} WHERE tenant = $1`, [scope.tenant]);
      }
    },
  };
}
