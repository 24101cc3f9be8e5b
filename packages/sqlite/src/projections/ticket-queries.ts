/**
 * Reading the SQL ticket read models back as @redress/core's types. Hosts are free
 * to query the tables directly (that is what they are for); these cover the
 * common cases and pin down what the columns mean.
 */
import type { ComplaintEventType, ComplaintStep, QueueFilter, Role, TicketView, TimelineEntry } from '@redress/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';

interface TimelineRow {
  readonly version: number;
  readonly at: string;
  readonly type: ComplaintEventType;
  readonly actor_id: string;
  readonly actor_role: Role;
  readonly step: ComplaintStep;
}

/** One complaint's ticket with its timeline, as the in-memory ticket view holds it. */
export function readTicket(db: SqliteDatabase, complaintId: string): TicketView | undefined {
  const view = db.prepare('SELECT view FROM redress_tickets WHERE complaint_id = ?').pluck().get(complaintId) as string | undefined;
  if (view === undefined) return undefined;
  const rows = db
    .prepare('SELECT version, at, type, actor_id, actor_role, step FROM redress_ticket_timeline WHERE complaint_id = ? ORDER BY version')
    .all(complaintId) as TimelineRow[];
  const timeline = rows.map((r): TimelineEntry => ({ at: r.at, version: r.version, type: r.type, actor: { id: r.actor_id, role: r.actor_role }, step: r.step }));
  return { ...(JSON.parse(view) as Omit<TicketView, 'timeline'>), timeline };
}

/** The ids of every ticket in the read model, sorted. */
export function ticketIds(db: SqliteDatabase): string[] {
  return db.prepare('SELECT complaint_id FROM redress_tickets ORDER BY complaint_id').pluck().all() as string[];
}

/**
 * The open complaints matching every given criterion, sorted by id: the SQL twin
 * of core's `openComplaints` (`handlerId: null` finds the unassigned).
 */
export function queuedComplaints(db: SqliteDatabase, filter: QueueFilter = {}): string[] {
  const where: string[] = [];
  const params: (string | null)[] = [];
  const match = (column: string, value: string | null | undefined) => {
    if (value === undefined) return;
    where.push(value === null ? `${column} IS NULL` : `${column} = ?`);
    if (value !== null) params.push(value);
  };
  match('step', filter.step);
  match('handler_id', filter.handlerId);
  match('severity', filter.severity);
  match('customer', filter.customer);
  const sql = `SELECT complaint_id FROM redress_queue ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY complaint_id`;
  return db.prepare(sql).pluck().all(...params) as string[];
}
