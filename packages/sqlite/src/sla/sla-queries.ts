/**
 * Reading the SLA deadlines back. `now` is always a parameter (the host's clock,
 * injected), never the database's: tests and replays ask "as of" any instant at
 * or after the rows were written. The predicates are @redress/sla's
 * `isBreachedAt` / `isWarnedAt`, said in SQL; a test holds the two together.
 */
import type { ClockState, SlaDeadlineRow, SlaQueryFilter } from '@redress/sla';
import type { Database as SqliteDatabase } from 'better-sqlite3';

interface ClockRow {
  readonly complaint_id: string;
  readonly clock: string;
  readonly policy_name: string;
  readonly policy_version: number;
  readonly handler_id: string | null;
  readonly severity: string;
  readonly channel: string;
  readonly escalation_level: string | null;
  readonly ticket_closed: number;
  readonly cycle: number;
  readonly state: ClockState;
  readonly running: number;
  readonly target_ms: number | null;
  readonly elapsed_ms: number;
  readonly due_at: string | null;
  readonly warned_at: string | null;
  readonly next_warning_at: string | null;
  readonly breached_at: string | null;
  readonly as_of: string;
  readonly version: number;
}

const fromRow = (r: ClockRow): SlaDeadlineRow => ({
  complaintId: r.complaint_id,
  clock: r.clock,
  policyName: r.policy_name,
  policyVersion: r.policy_version,
  handlerId: r.handler_id,
  severity: r.severity,
  channel: r.channel,
  escalationLevel: r.escalation_level,
  ticketClosed: r.ticket_closed === 1,
  cycle: r.cycle,
  state: r.state,
  running: r.running === 1,
  targetMs: r.target_ms,
  elapsedMs: r.elapsed_ms,
  dueAt: r.due_at,
  warnedAt: r.warned_at,
  nextWarningAt: r.next_warning_at,
  breachedAt: r.breached_at,
  asOf: r.as_of,
  version: r.version,
});

// COALESCE: a clock without a due instant is not breached (false, not NULL, so NOT works).
const BREACHED = "(state = 'breached' OR (state = 'running' AND COALESCE(due_at <= @now, 0)))";
const WARNED = `(NOT ${BREACHED} AND state IN ('running', 'paused') AND (warned_at IS NOT NULL OR (state = 'running' AND COALESCE(next_warning_at <= @now, 0))))`;

const iso = (now: Date | number): string => new Date(now).toISOString();

function select(db: SqliteDatabase, predicate: string, now: Date | number, filter: SlaQueryFilter): SlaDeadlineRow[] {
  const where = [predicate];
  const params: Record<string, string> = { now: iso(now) };
  const match = (column: 'handlerId' | 'severity' | 'clock', sqlName: string) => {
    const value = filter[column];
    if (value === undefined) return;
    if (value === null) return void where.push(`${sqlName} IS NULL`);
    where.push(`${sqlName} = @${column}`);
    params[column] = value;
  };
  match('handlerId', 'handler_id');
  match('severity', 'severity');
  match('clock', 'clock');
  const sql = `SELECT * FROM redress_sla_clocks WHERE ${where.join(' AND ')} ORDER BY complaint_id, clock`;
  return (db.prepare(sql).all(params) as ClockRow[]).map(fromRow);
}

/** Clocks breached by `now` (late and still running, or ended late), optionally of one handler, severity or clock. */
export const breachedSlaClocks = (db: SqliteDatabase, now: Date | number, filter: SlaQueryFilter = {}): SlaDeadlineRow[] =>
  select(db, BREACHED, now, filter);

/** Active clocks not breached by `now` that reached a warning threshold of their policy. */
export const warnedSlaClocks = (db: SqliteDatabase, now: Date | number, filter: SlaQueryFilter = {}): SlaDeadlineRow[] =>
  select(db, WARNED, now, filter);

/** Every clock of one ticket, as last written. */
export function slaClocksOf(db: SqliteDatabase, complaintId: string): SlaDeadlineRow[] {
  return (db.prepare('SELECT * FROM redress_sla_clocks WHERE complaint_id = ? ORDER BY clock').all(complaintId) as ClockRow[]).map(fromRow);
}
