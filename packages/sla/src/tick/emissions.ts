/**
 * Turning reached thresholds into SLA events: which crossings of a clock are due
 * by `now` and not yet handed out, and the event for each.
 */
import type { NewEvent } from '@redress/core';
import { crossingAt } from '../clock/thresholds.js';
import type { ClockRun, Crossing, Cycle } from '../clock/run.js';
import type { TicketSla } from '../clock/ticket.js';
import { crossingsBy } from '../clock/view.js';
import { crossingCount, recordedBreach, startEventId } from '../clock/records.js';
import { dueAtOf } from '../clock/thresholds.js';
import { slaEventId, type SlaEvent } from './events.js';
import { isoWriter } from './iso.js';

export const SLA_ACTOR = { id: 'sla', role: 'system' } as const;

/** The earliest instant at which this clock has something to hand out, if any. */
export function nextEmissionAt(run: ClockRun): number | undefined {
  let next: number | undefined;
  for (const c of run.cycles) {
    const at = crossingAt(run, c, c.emitted);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next;
}

export interface Emission {
  readonly cycle: Cycle;
  readonly crossing: Crossing;
  readonly event: NewEvent<SlaEvent>;
}

/** The crossings due by `now` that were not handed out yet, as events (does not mark them). */
export function dueEmissions(ticket: TicketSla, run: ClockRun, now: number): Emission[] {
  const out: Emission[] = [];
  for (const cycle of run.cycles) {
    // A cycle that no longer runs and handed out all it recorded has nothing more.
    if (cycle.status !== 'running' && cycle.emitted >= crossingCount(cycle)) continue;
    const reached = crossingsBy(run, cycle, now);
    for (let i = cycle.emitted; i < reached.length; i++) {
      const crossing = reached[i] as Crossing;
      out.push({ cycle, crossing, event: eventFor(ticket, run, cycle, crossing) });
    }
  }
  return out;
}

/** Instants as text: thresholds handed out together are minutes apart, and so are their due instants. */
const isoOfDue = isoWriter();
const isoOfCrossing = isoWriter();

const EVENT_TYPES = { started: 'SlaClockStarted', warning: 'SlaWarningRaised', breach: 'SlaBreached' } as const;

function eventFor(ticket: TicketSla, run: ClockRun, cycle: Cycle, crossing: Crossing): NewEvent<SlaEvent> {
  const clock = run.config.name;
  const due = dueAtOf(run, cycle) ?? recordedBreach(cycle)?.at;
  const { complaintId } = ticket;
  const dueAt = due === undefined ? null : isoOfDue(due);
  const { kind } = crossing;
  // Each payload built once, in its final shape, and the event field by field: no intermediate objects or spreads on
  // the hot path of tick.
  const data =
    kind === 'started'
      ? { complaintId, clock, cycle: cycle.number, dueAt, policy: ticket.policy ?? { name: 'none', version: 0 } }
      : kind === 'warning'
        ? { complaintId, clock, cycle: cycle.number, dueAt, threshold: crossing.label }
        : { complaintId, clock, cycle: cycle.number, dueAt };
  return {
    type: EVENT_TYPES[kind],
    data,
    eventId: slaEventId(complaintId, clock, cycle.number, crossing.label),
    // At the threshold's exact instant, not when the ticker happened to run.
    occurredAt: isoOfCrossing(crossing.at),
    actor: SLA_ACTOR,
    causationId: startEventId(cycle),
    correlationId: complaintId,
    schemaVersion: 1,
  } as NewEvent<SlaEvent>;
}
