/**
 * Migration 5: the instants of the ticket read models in UTC. Until version 4 they
 * were stored as the command gave them (`2026-03-14T02:17:00+08:00`) and compared as
 * text, so "overdue" queries and ORDER BY were wrong across offsets. The rows are
 * rewritten with the very function the projection now writes them with (instants.ts),
 * so old and new rows cannot differ in form. The SLA rows were UTC already.
 */
import type { Database } from 'better-sqlite3';
import { utcInstant } from '../projections/instants.js';
import type { Migration } from './migration.js';

const TICKET_INSTANTS = ['agreed_deadline', 'received_at', 'updated_at', 'closed_at'] as const;

function rewrite(db: Database): void {
  const tickets = db.prepare(`SELECT complaint_id, ${TICKET_INSTANTS.join(', ')} FROM redress_tickets`).all() as Record<string, string | null>[];
  const setTicket = db.prepare(`UPDATE redress_tickets SET ${TICKET_INSTANTS.map((c) => `${c} = @${c}`).join(', ')} WHERE complaint_id = @complaint_id`);
  for (const row of tickets) setTicket.run({ ...Object.fromEntries(TICKET_INSTANTS.map((c) => [c, utcInstant(row[c])])), complaint_id: row['complaint_id'] });
  const entries = db.prepare('SELECT complaint_id, version, at FROM redress_ticket_timeline').all() as { complaint_id: string; version: number; at: string }[];
  const setEntry = db.prepare('UPDATE redress_ticket_timeline SET at = ? WHERE complaint_id = ? AND version = ?');
  for (const e of entries) setEntry.run(utcInstant(e.at), e.complaint_id, e.version);
}

export const utcInstants: Migration = {
  version: 5,
  name: 'ticket read-model instants in UTC',
  sql: '',
  run: rewrite,
};
