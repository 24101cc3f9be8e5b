/**
 * Moving a ticket to another policy version (`SlaPolicyMigrated`), from the
 * migration's instant on; what happened before stays as it was measured.
 *
 * - A clock both versions have carries on: its running or paused cycle ends
 *   (`superseded`) and the next cycle continues it under the new definition with
 *   the business time already used (a deadline target runs on to the same
 *   deadline), so a target the new version shortens below it breaches at the
 *   migration. Thresholds already behind it are not announced again; nor is a
 *   breach its predecessor already had (no second escalation).
 * - A clock only the old version has is retired: its running cycle is cancelled,
 *   its history kept.
 * - A clock only the new version has starts at the migration when the migration
 *   lists it (the ticket is past its start condition under the new version),
 *   otherwise it waits for its start condition. A clock a ticket had before a
 *   version without it continues its numbering and history.
 */
import type { EventLike, RecordedEvent } from '@redress/core';
import type { PolicyConfig } from '../policy/schema.js';
import type { SlaState } from './projection.js';
import { continuedRun, follow, followedBy, isUntouched, ownRun, recordCrossings } from './records.js';
import { currentCycle, type ClockRun, type Crossing, type Cycle } from './run.js';
import { field, refTo, runsOf, type TicketSla } from './ticket.js';
import { breached, settle, thresholdsOf } from './thresholds.js';
import { active, applyHold, end, note, startCycle, type ClockEvent } from './transitions.js';

/** A clock the new version adds, started by the migration: whether an earlier pause event holds it, and its deadline (deadline targets). */
export interface MigrationStart {
  /** The name of the clock the new version adds. */
  readonly clock: string;
  /**
   * Whether a pause event before the migration (with no resume since) holds it, so it starts paused instead of
   * counting at once.
   */
  readonly held: boolean;
  /**
   * For a deadline target: the deadline (ISO-8601) read from the ticket's events so far; null when none was recorded
   * or the target is a duration.
   */
  readonly deadline: string | null;
}

/** The next cycle, continuing `from`; it runs or not as the new definition's holds say (settled after, with the explain line). */
function continueCycle(run: ClockRun, ticket: TicketSla, from: Cycle, event: ClockEvent, reason: string): void {
  // A deadline is absolute: the next cycle runs to the same deadline and carries no time.
  const deadline = 'deadline' in run.config.target;
  const next = startCycle(run, ticket, event, reason, deadline ? 0 : from.elapsedMs);
  // It measures what the cycle it continues measured (the same promise), not the migration event.
  if (run.config.follows !== undefined) follow(next, followedBy(from));
  if (next.targetMs === undefined) return;
  // The new definition's thresholds already behind the cycle: reached at the migration, silently.
  const passed = thresholdsOf(run, next.targetMs).filter((t) => (deadline ? breached(from) : t.usedMs <= from.elapsedMs && (t.kind === 'warning' || breached(from))));
  const inherited: Crossing[] = passed.map((t) => ({ label: t.label, kind: t.kind, at: event.at, inherited: true }));
  recordCrossings(next, inherited, true);
  next.emitted = inherited.length;
}

function carry(old: ClockRun, fresh: ClockRun, ticket: TicketSla, event: ClockEvent, label: string): ClockRun {
  for (const c of old.cycles) c.measuredBy ??= { config: old.config, calendar: old.calendar };
  old.generation++;
  const run = continuedRun(old, fresh.config, fresh.calendar);
  run.deadline = old.deadline;
  run.armed = old.armed;
  run.heldBy = old.heldBy;
  run.generation = old.generation + 1;
  const cycle = currentCycle(old);
  if (active(cycle)) {
    settle(old, cycle, event.at);
    end(cycle, event.at, 'superseded');
    note(run, cycle.number, 'migrated', event, `moved to ${label}: continued by cycle ${cycle.number + 1}`);
    continueCycle(run, ticket, cycle, event, `${label}: continues cycle ${cycle.number} with ${cycle.elapsedMs} ms used`);
  }
  return run;
}

function retire(run: ClockRun, event: ClockEvent, label: string): void {
  const cycle = currentCycle(run);
  if (active(cycle)) {
    settle(run, cycle, event.at);
    end(cycle, event.at, 'cancelled');
  }
  if (cycle) note(run, cycle.number, 'migrated', event, `${label} has no clock ${run.config.name}: retired`);
  run.retired = true;
  run.armed = false;
  run.generation++;
}

export function migrateTicket(state: SlaState, ticket: TicketSla, to: PolicyConfig, recorded: RecordedEvent<EventLike>): void {
  // Never before the ticket's own latest event: the clocks were settled up to it.
  const at = Math.max(Date.parse(recorded.occurredAt), ticket.lastAt);
  const event: ClockEvent = { type: recorded.type, data: recorded.data, eventId: recorded.eventId, at };
  const label = `${to.name}@${to.version} (migration ${String(field(recorded.data, 'migrationId'))})`;
  const starts = (field(recorded.data, 'start') as readonly MigrationStart[] | undefined) ?? [];
  // Every run the migration may change is the ticket's own.
  ticket.clocks.forEach((run, i) => {
    if (isUntouched(run)) ticket.clocks[i] = ownRun(run);
  });
  const next: ClockRun[] = [];
  for (const fresh of runsOf(state.config, to)) {
    const old = ticket.clocks.find((r) => r.config.name === fresh.config.name);
    if (old && !old.retired) {
      next.push(carry(old, fresh, ticket, event, label));
      continue;
    }
    // A clock back in the policy after a version without it keeps its history: one run per clock name.
    const run = old ? continuedRun(old, fresh.config, fresh.calendar) : fresh;
    if (old) run.generation = old.generation + 1;
    if (old) old.generation++;
    const start = starts.find((s) => s.clock === run.config.name);
    if (start) {
      run.heldBy = start.held ? { type: recorded.type, eventId: recorded.eventId } : undefined;
      run.deadline = start.deadline === null ? undefined : Date.parse(start.deadline);
      startCycle(run, ticket, event, `${label} adds this clock, past its start condition`);
    }
    next.push(run);
  }
  for (const old of ticket.clocks) {
    if (next.some((r) => r.config.name === old.config.name)) continue;
    if (!old.retired) retire(old, event, label);
    // A clock that never ran leaves nothing to keep.
    if (old.cycles.length > 0) next.push(old);
  }
  for (const run of next) if (!run.retired) applyHold(run, ticket, event);
  for (const run of ticket.clocks) state.changed.delete(run);
  ticket.policy = refTo(to);
  ticket.lastAt = at;
  ticket.clocks.length = 0;
  ticket.clocks.push(...next);
  for (const run of next) state.changed.set(run, ticket);
}
