/**
 * SLA repair: recompute every ticket's clocks from the log under a changed
 * calendar or policy and compare, cycle by cycle, with the configuration in
 * force: a cycle running now that the change breaches, a met one it breaches (or
 * the reverse), a clock only one of them has. A dry run only reports; a real run
 * records each change as an `SlaRepaired` event in the ticket's SLA stream (the log
 * is append-only: the old breach stays, the correction is a new fact), exactly
 * the changes a dry run at the same `now` reports. Ids derive from the repair id,
 * so running the same repair twice writes nothing new.
 *
 * Tickets keep their pinned policy versions under both configurations: a repair
 * corrects what a version measures (edit it in place), a migration
 * (`migrateSlaPolicy`) moves tickets to another version.
 */
import { rebuildProjection, type EventLike, type EventStore } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import type { SlaConfig } from '../policy/config.js';
import { slaEventId, slaStreamId, type SlaEvent } from '../tick/events.js';
import { SLA_ACTOR } from '../tick/emissions.js';
import { changesBetween, ticketStatuses, type CycleChange } from './status.js';

/**
 * What `repairSla` needs: the store, the configuration in force, the changed one, and whether to only report.
 */
export interface RepairOptions {
  /**
   * The log, read twice in full (once per configuration) and appended to only in a real run, one `SlaRepaired` event
   * per change in the ticket's `sla:<complaintId>` stream.
   */
  readonly store: Pick<EventStore<EventLike>, 'readAll' | 'append'>;
  /** The configuration the clocks ran under. */
  readonly current: SlaConfig | unknown;
  /** The changed configuration. */
  readonly proposed: SlaConfig | unknown;
  /**
   * The instant the two configurations are compared at (a `Date` or epoch ms, from the host's clock); the events
   * written are dated then. Use the same `now` for the dry run and the real one to get the same changes.
   */
  readonly now: Date | number;
  /** Report only; write nothing (the default). */
  readonly dryRun?: boolean;
  /** Names this repair in the events it writes (letters, digits, _ - .). */
  readonly repairId: string;
}

/** A cycle whose status at `now` the proposed configuration changes (`none`: no such cycle on that side). */
export type TicketFlip = CycleChange;

/** What a repair found and, unless a dry run, recorded. */
export interface RepairReport {
  /** How many tickets the log holds (under the proposed configuration): the number examined, changed or not. */
  readonly tickets: number;
  /**
   * Every cycle whose status at `now` differs between the configurations, dry run or not (a real run writes an event
   * for each).
   */
  readonly flips: readonly TicketFlip[];
  /** SLA events written (0 in a dry run, and for changes an earlier run of this repair recorded). */
  readonly written: number;
}

export const idPattern = /^[A-Za-z0-9_\-.]{1,40}$/;

/**
 * Recomputes every ticket's clocks under a changed calendar or policy, reports each cycle whose outcome
 * changes, and (unless a dry run) records each as an `SlaRepaired` event.
 */
export async function repairSla(options: RepairOptions): Promise<RepairReport> {
  if (!idPattern.test(options.repairId)) throw new RangeError(`repairId must be 1-40 letters, digits, _ - . (got "${options.repairId}")`);
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  // Both configurations are validated before anything is read or written.
  const currentProjection = slaProjection(options.current);
  const proposedProjection = slaProjection(options.proposed);
  const [before, after] = await Promise.all([rebuildProjection(options.store, currentProjection), rebuildProjection(options.store, proposedProjection)]);
  const flips: TicketFlip[] = [];
  const ids = [...new Set([...after.state.tickets.keys(), ...before.state.tickets.keys()])];
  for (const id of ids) {
    const old = before.state.tickets.get(id);
    const next = after.state.tickets.get(id);
    const complaintId = (next ?? old)?.complaintId ?? id;
    flips.push(...changesBetween(complaintId, ticketStatuses(old, now), ticketStatuses(next, now)));
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
