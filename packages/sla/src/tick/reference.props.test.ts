/**
 * The clocks against an independent reference walk (`test-support/reference-walk.ts`)
 * on random logs: waits started before a clock, rejected remedies, reclassifications
 * with and without priorities, reopenings, and, with versions, tickets pinned at any
 * point of their history and migrated back and forth; and promises of two kinds among
 * four ids, made, kept and broken in any order, for clocks that follow one promise. Both the projection's cycles
 * and the breaches a ticker announces must be the reference's.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { rebuildProjection, type EventLike, type RecordedEvent } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { crossingsBy } from '../clock/view.js';
import { parseSlaConfig, type SlaConfig } from '../policy/config.js';
import { defaultSlaConfig } from '../policy/default-policy.js';
import { referenceWalk } from '../test-support/reference-walk.js';
import { logSteps, promiseConfig, versionedConfig, writeLog } from '../test-support/random-log.js';
import { slaStreamId } from './events.js';
import { createSlaTicker } from './ticker.js';

const D = 24 * 3_600_000;
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

const cases: readonly [string, ReturnType<typeof logSteps>, SlaConfig][] = [
  ['the default policy', logSteps(3, 40), parseSlaConfig(defaultSlaConfig())],
  ['two versions, pins and migrations', logSteps(3, 40, { versions: true }), parseSlaConfig(versionedConfig())],
  ['clocks that follow one promise', logSteps(3, 40, { promises: true }), parseSlaConfig(promiseConfig())],
];

const ticketEvents = (log: readonly RecordedEvent<EventLike>[], id: string) => log.filter((e) => e.streamId === id || e.streamId === slaStreamId(id));

describe('clocks against the reference walk', () => {
  test.each(cases)('%s: every cycle starts, pauses, ends and breaches as the reference says', async (_, steps, config) => {
    await fc.assert(
      fc.asyncProperty(steps, fc.integer({ min: 0, max: 10 * D }), async (list, later) => {
        const { store, last } = await writeLog(list);
        const now = last + later;
        const log = await store.readAll();
        const { state } = await rebuildProjection(store, slaProjection(config));
        for (const [id, ticket] of state.tickets) {
          const reference = referenceWalk(config, ticketEvents(log, id), now);
          const actual = Object.fromEntries(
            ticket.clocks.map((run) => [
              run.config.name,
              run.cycles.map((c) => ({
                cycle: c.number,
                startedAt: iso(c.startedAt),
                endedAt: iso(c.endedAt),
                outcome: c.outcome ?? null,
                running: c.status === 'running',
                breachedAt: iso(crossingsBy(run, c, now).find((x) => x.kind === 'breach')?.at),
              })),
            ]),
          );
          const expected = Object.fromEntries(
            [...reference].map(([clock, cycles]) => [
              clock,
              cycles.map((c) => ({ cycle: c.number, startedAt: iso(c.startedAt), endedAt: iso(c.endedAt), outcome: c.outcome ?? null, running: c.running, breachedAt: iso(c.breachAt) })),
            ]),
          );
          expect({ id, policy: ticket.policy, clocks: actual }).toEqual({ id, policy: ticket.policy, clocks: expected });
        }
      }),
      { numRuns: 100 },
    );
  });

  test.each(cases)('%s: a ticker announces each breach the reference finds, once, and none it carried over a migration', async (_, steps, config) => {
    await fc.assert(
      fc.asyncProperty(steps, fc.integer({ min: 0, max: 10 * D }), async (list, later) => {
        const { store, last } = await writeLog(list);
        const now = last + later;
        const log = await store.readAll();
        const expected: string[] = [];
        for (const id of new Set(log.filter((e) => e.type === 'ComplaintReceived').map((e) => e.streamId))) {
          for (const [clock, cycles] of referenceWalk(config, ticketEvents(log, id), now)) {
            for (const c of cycles) if (c.breachAt !== undefined && !c.inheritedBreach) expected.push(`${id} ${clock} ${c.number} ${iso(c.breachAt)}`);
          }
        }
        await createSlaTicker({ store, config }).tick(now);
        const announced = (await store.readAll(1, 1_000_000))
          .filter((e) => e.type === 'SlaBreached')
          .map((e) => {
            const d = e.data as { complaintId: string; clock: string; cycle: number };
            return `${d.complaintId} ${d.clock} ${d.cycle} ${e.occurredAt}`;
          });
        expect(announced.sort()).toEqual(expected.sort());
      }),
      { numRuns: 80 },
    );
  });
});
