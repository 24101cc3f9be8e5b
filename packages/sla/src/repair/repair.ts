/**
 * SLA repair: recompute every ticket's clocks from the log under a changed
 * calendar or policy and compare with the configuration in force. A dry run only
 * reports the cycles that would flip between met and breached; a real run records
 * each flip as an `SlaRepaired` event in the ticket's SLA stream (the log is
 * append-only: the old breach stays, the correction is a new fact). Ids derive
 * from the repair id, so running the same repair twice writes nothing new.
 */
import { rebuildProjection, type EventLike, type EventStore } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import type { ClockRun } from '../clock/run.js';
import { crossingsBy } from '../clock/view.js';
import type { SlaConfig } from '../policy/config.js';
import { slaEventId, slaStreamId, type SlaEvent } from '../tick/events.js';
import { SLA_ACTOR } from '../tick/emissions.js';

export interface RepairOptions {
  readonly store: Pick<EventStore<EventLike>, 'readAll' | 'append'>;
  /** The configuration the clocks ran under. */
  readonly current: SlaConfig | unknown;
  /** The changed configuration. */
  readonly proposed: SlaConfig | unknown;
  readonly now: Date | number;
  /** Report only; write nothing (the default). */
  readonly dryRun?: boolean;
  /** Names this repair in the events it writes (letters, digits, _ - .). */
  readonly repairId: string;
}

export interface TicketFlip {
  readonly complaintId: string;
  readonly clock: string;
  readonly cycle: number;
  readonly before: 'met' | 'breached';
  readonly after: 'met' | 'breached';
}

export interface RepairReport {
  readonly tickets: number;
  readonly flips: readonly TicketFlip[];
  /** SLA events written (0 in a dry run). */
  readonly written: number;
}

/** Per cycle of a clock: breached by `now`, or met (ended without breach); cycles still running unbreached are left out. */
function outcomes(run: ClockRun, now: number): Map<number, 'met' | 'breached'> {
  const out = new Map<number, 'met' | 'breached'>();
  for (const c of run.cycles) {
    if (c.outcome === 'cancelled' || c.startedAt > now) continue;
    if (crossingsBy(run, c, now).some((x) => x.kind === 'breach')) out.set(c.number, 'breached');
    else if (c.status === 'ended' && (c.endedAt ?? 0) <= now) out.set(c.number, 'met');
  }
  return out;
}

export async function repairSla(options: RepairOptions): Promise<RepairReport> {
  if (!/^[A-Za-z0-9_\-.]{1,40}$/.test(options.repairId)) throw new RangeError(`repairId must be 1-40 letters, digits, _ - . (got "${options.repairId}")`);
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  // Both configurations are validated before anything is read or written.
  const currentProjection = slaProjection(options.current);
  const proposedProjection = slaProjection(options.proposed);
  const [before, after] = await Promise.all([rebuildProjection(options.store, currentProjection), rebuildProjection(options.store, proposedProjection)]);
  const flips: TicketFlip[] = [];
  for (const [id, ticket] of after.state.tickets) {
    const old = before.state.tickets.get(id);
    if (!old) continue;
    for (const run of ticket.clocks) {
      const oldRun = old.clocks.find((c) => c.config.name === run.config.name);
      if (!oldRun) continue;
      const was = outcomes(oldRun, now);
      for (const [cycle, outcome] of outcomes(run, now)) {
        const prior = was.get(cycle);
        if (prior !== undefined && prior !== outcome) flips.push({ complaintId: ticket.complaintId, clock: run.config.name, cycle, before: prior, after: outcome });
      }
    }
  }
  let written = 0;
  if (options.dryRun !== false) return { tickets: after.state.tickets.size, flips, written };
  for (const f of flips) {
    const event = {
      type: 'SlaRepaired',
      data: { ...f, repairId: options.repairId },
      eventId: slaEventId(f.complaintId, f.clock, f.cycle, `repair-${options.repairId}`),
      occurredAt: new Date(now).toISOString(),
      actor: SLA_ACTOR,
      causationId: options.repairId,
      correlationId: f.complaintId,
      schemaVersion: 1,
    } satisfies SlaEvent & Record<string, unknown>;
    const result = await options.store.append(slaStreamId(f.complaintId), 'any', [event]);
    if (!result.duplicate) written++;
  }
  return { tickets: after.state.tickets.size, flips, written };
}
