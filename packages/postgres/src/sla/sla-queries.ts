/**
 * Reading the SLA deadlines back. `now` is always a parameter (the host's clock,
 * injected), never the database's: tests and replays ask "as of" any instant at
 * or after the rows were written. The predicates are @redress/sla's
 * `isBreachedAt` / `isWarnedAt`, said in SQL; a test holds the two together.
 */
import type { ClockState, SlaDeadlineRow, SlaQueryFilter } from '@redress/sla';
import type { Pool } from 'pg';
import { quoteIdentifier } from '../store/sql.js';

/** Where the rows are: the store's pool, schema and tenant (a `PostgresEventStore` is one). */
export interface SlaReadScope {
  /** The pool to query with. */
  readonly pool: Pool;
  /** The quoted schema holding the tables. */
  readonly schema: string;
  /** The tenant whose rows are read. */
  readonly tenant: string;
}

interface ClockRow {
  readonly complaint_id: string;
  readonly clock: string;
  readonly policy_name: string;
  readonly policy_version: number;
  readonly handler_id: string | null;
  readonly severity: string;
  readonly channel: string;
  readonly escalation_level: string | null;
  readonly ticket_closed: boolean;
  readonly cycle: number;
  readonly state: ClockState;
  readonly running: boolean;
  /** bigint: the driver returns a string. */
  readonly target_ms: string | null;
  readonly elapsed_ms: string;
  readonly due_at: Date | null;
  readonly warned_at: Date | null;
  readonly next_warning_at: Date | null;
  readonly breached_at: Date | null;
  readonly as_of: Date;
  readonly version: number;
}

const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

const fromRow = (r: ClockRow): SlaDeadlineRow => ({
  complaintId: r.complaint_id,
  clock: r.clock,
  policyName: r.policy_name,
  policyVersion: r.policy_version,
  handlerId: r.handler_id,
  severity: r.severity,
  channel: r.channel,
  escalationLevel: r.escalation_level,
  ticketClosed: r.ticket_closed,
  cycle: r.cycle,
  state: r.state,
  running: r.running,
  targetMs: r.target_ms === null ? null : Number(r.target_ms),
  elapsedMs: Number(r.elapsed_ms),
  dueAt: iso(r.due_at),
  warnedAt: iso(r.warned_at),
  nextWarningAt: iso(r.next_warning_at),
  breachedAt: iso(r.breached_at),
  asOf: r.as_of.toISOString(),
  version: r.version,
});

// $2 is now. COALESCE: a clock without a due instant is not breached (false, not NULL, so NOT works).
const BREACHED = "(state = 'breached' OR (state = 'running' AND COALESCE(due_at <= $2, false)))";
const WARNED = `(NOT ${BREACHED} AND state IN ('running', 'paused') AND (warned_at IS NOT NULL OR (state = 'running' AND COALESCE(next_warning_at <= $2, false))))`;

async function select(scope: SlaReadScope, predicate: string, now: Date | number, filter: SlaQueryFilter): Promise<SlaDeadlineRow[]> {
  const where = ['tenant = $1', predicate];
  const params: unknown[] = [scope.tenant, new Date(now).toISOString()];
  const match = (value: string | null | undefined, column: string) => {
    if (value === undefined) return;
    if (value === null) return void where.push(`${column} IS NULL`);
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  match(filter.handlerId, 'handler_id');
  match(filter.severity, 'severity');
  match(filter.clock, 'clock');
  const { rows } = await scope.pool.query<ClockRow>(
    `SELECT * FROM ${quoteIdentifier(scope.schema)}.redress_sla_clocks WHERE ${where.join(' AND ')} ORDER BY complaint_id, clock`,
    params,
  );
  return rows.map(fromRow);
}

/** Clocks breached by `now` (late and still running, or ended late), optionally of one handler, severity or clock. */
export const breachedSlaClocks = (scope: SlaReadScope, now: Date | number, filter: SlaQueryFilter = {}): Promise<SlaDeadlineRow[]> =>
  select(scope, BREACHED, now, filter);

/** Active clocks not breached by `now` that reached a warning threshold of their policy. */
export const warnedSlaClocks = (scope: SlaReadScope, now: Date | number, filter: SlaQueryFilter = {}): Promise<SlaDeadlineRow[]> =>
  select(scope, WARNED, now, filter);

/** Every clock of one ticket, as last written. */
export async function slaClocksOf(scope: SlaReadScope, complaintId: string): Promise<SlaDeadlineRow[]> {
  const { rows } = await scope.pool.query<ClockRow>(
    `SELECT * FROM ${quoteIdentifier(scope.schema)}.redress_sla_clocks WHERE tenant = $1 AND complaint_id = $2 ORDER BY clock`,
    [scope.tenant, complaintId],
  );
  return rows.map(fromRow);
}
