/**
 * "A breach is recorded if and only if its due instant passed while its clock
 * ran", as an invariant for @redress/testing's model-based runs: after every
 * command, every cycle of every clock of the SLA projection (rebuilt from the
 * store) must be breached by `now` exactly when, and at exactly the instant,
 * the independent running-time account says (see `running-time.ts`).
 */
import { rebuildProjection, type EventLike, type RecordedEvent } from '@redress/core';
import type { Invariant, InvariantContext } from '@redress/testing';
import { slaProjection } from '../clock/projection.js';
import { crossingsBy } from '../clock/view.js';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import { expectedBreach } from './running-time.js';

const iso = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString());

export function slaBreachInvariant(config: SlaConfig | unknown): Invariant {
  const parsed = toSlaConfig(config);
  return {
    name: 'slaBreachIffDuePassedWhileRunning',
    description: 'an SLA clock is breached if and only if, while it ran, it used up its target (or passed its deadline), at that very instant',
    async check(context: InvariantContext): Promise<string | null> {
      const { state } = await rebuildProjection(context.store, slaProjection(parsed));
      const now = context.now.getTime();
      for (const [id, ticket] of state.tickets) {
        const events = context.log.filter((e) => e.streamId === id) as readonly RecordedEvent<EventLike>[];
        for (const run of ticket.clocks) {
          for (const cycle of run.cycles) {
            const recorded = crossingsBy(run, cycle, now).find((c) => c.kind === 'breach')?.at;
            const expected = expectedBreach(run, cycle, events, now);
            if (recorded !== expected) {
              return `${id} ${run.config.name} cycle ${cycle.number}: breached ${iso(recorded)} by the projection, ${iso(expected)} by its running time (now ${context.now.toISOString()})`;
            }
          }
        }
      }
      return null;
    },
  };
}
