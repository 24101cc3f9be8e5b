import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { fc } from '@fast-check/vitest';
import { businessTime, checkWorkflow, invariantCatalogue, type InvariantContext } from '@redress/testing';
import { createBusinessCalendar } from '../calendar/calendar.js';
import { parseSlaConfig, type SlaConfig } from '../policy/config.js';
import { defaultSlaConfig, serviceHoursCalendar } from '../policy/default-policy.js';
import { oneClock, T0, H, testLog } from '../test-support/log.js';
import { logSteps, versionedConfig, writeLog, type LogStep } from '../test-support/random-log.js';
import { slaPinEventId, slaStreamId } from '../tick/events.js';
import { slaProjection } from '../clock/projection.js';
import { crossingsBy } from '../clock/view.js';
import { slaBreachInvariant } from './breach-invariant.js';

const config = parseSlaConfig(defaultSlaConfig());

describe('the SLA breach invariant', () => {
  it('holds over model-based runs of the workflow on the default policy, on calendar and on business time', async () => {
    const invariants = [...invariantCatalogue, slaBreachInvariant(config)];
    await checkWorkflow({ invariants, maxCommands: 40 }, { numRuns: 25 });
    await checkWorkflow({ invariants, maxCommands: 40, advance: businessTime(createBusinessCalendar(serviceHoursCalendar)) }, { numRuns: 15 });
  });

  /** The invariant's verdict on a log, checked at `now` (only the store, log and now are read). */
  async function verdict(slaConfig: SlaConfig, build: (log: ReturnType<typeof testLog>) => Promise<void>, now: number) {
    const log = testLog();
    await build(log);
    const events = await log.store.readAll();
    return slaBreachInvariant(slaConfig).check({ store: log.store, log: events, now: new Date(now) } as unknown as InvariantContext);
  }

  it('agrees with the projection across a pause and a reclassification to major', async () => {
    const paused = parseSlaConfig(oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerEnded' }], target: { matrix: { by: 'severity', values: { major: 'PT2H' }, otherwise: 'PT10H' } } }));
    await expect(
      verdict(paused, async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
        await l.add('c1', T0 + 5 * H, 'WaitingOnCustomerEnded');
        await l.add('c1', T0 + 6 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
      }, T0 + 30 * H),
    ).resolves.toBeNull();
  });

  it('agrees with the projection on a migration during a wait: the continuing cycle starts paused, past its new target, not breached', async () => {
    const policy = (version: number, hours: number) => ({
      name: 'p',
      version,
      clocks: [{ name: 'c', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], pauseWhile: { field: 'waiting', equals: true }, target: { duration: `PT${hours}H` } }],
    });
    const versions = parseSlaConfig({ policies: [policy(1, 10), { ...policy(2, 4), effectiveFrom: new Date(T0 + 1000 * H).toISOString() }] });
    const migrate = (l: ReturnType<typeof testLog>, at: number) =>
      l.store.append(slaStreamId('c1'), 'any', [
        {
          type: 'SlaPolicyMigrated',
          data: { complaintId: 'c1', seq: 0, migrationId: 'm', from: { name: 'p', version: 1 }, to: { name: 'p', version: 2 }, start: [] },
          eventId: slaPinEventId('c1', 0),
          occurredAt: new Date(at).toISOString(),
          actor: { id: 'sla', role: 'system' as const },
          causationId: 'm',
          correlationId: 'c1',
          schemaVersion: 1,
        },
      ]);
    const build = async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 6 * H, 'WaitingOnCustomerStarted', { reason: 'information' });
      await migrate(l, T0 + 6 * H);
    };
    await expect(verdict(versions, build, T0 + 6 * H)).resolves.toBeNull();
    await expect(verdict(versions, build, T0 + 30 * H)).resolves.toBeNull();
    // Breached under version 1 first (at 10 h), then moved while waiting: the breach carries over.
    await expect(
      verdict(versions, async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + 12 * H, 'WaitingOnCustomerStarted', { reason: 'information' });
        await migrate(l, T0 + 12 * H);
      }, T0 + 30 * H),
    ).resolves.toBeNull();
  });

  /**
   * A random log's steps (as the property below writes them) against versions 1 and 2: the invariant's verdict
   * at the last instant, and for one ticket's remedy clock, whether each cycle is breached by then.
   */
  async function onVersionedLog(steps: readonly LogStep[], ticket: string) {
    const versioned = parseSlaConfig(versionedConfig());
    const { store, last } = await writeLog(steps);
    const log = await store.readAll();
    const verdict = await slaBreachInvariant(versioned).check({ store, log, now: new Date(last) } as unknown as InvariantContext);
    const { state } = await rebuildProjection(store, slaProjection(versioned));
    const remedy = state.tickets.get(ticket)?.clocks.find((r) => r.config.name === 'remedy');
    return { verdict, breached: remedy?.cycles.map((c) => crossingsBy(remedy, c, last).some((x) => x.kind === 'breach')) };
  }

  it('sees a cycle that began and ended at one instant under the facts it ran under (found by the property below)', async () => {
    // Two proposals at one instant: the first starts the remedy clock (deadline in an hour),
    // the second resets it and starts cycle 2 with a deadline at that very instant. Cycle 1
    // never ran, under the first deadline: it is not breached; cycle 2 is, at once.
    const steps: LogStep[] = [
      { ticket: 2, gap: 0, kind: 'pin', hours: 0 },
      { ticket: 2, gap: 0, kind: 'propose', hours: 1 },
      { ticket: 2, gap: 0, kind: 'propose', hours: 0 },
    ];
    await expect(onVersionedLog(steps, 't2')).resolves.toEqual({ verdict: null, breached: [false, true] });
  });

  it('does not judge a cycle by the deadline of the event that ended it (found by the property below)', async () => {
    // A proposal starts the remedy clock with a deadline in an hour; a second one, 1 ms later,
    // resets it with a deadline at that very instant. Cycle 1 ran for 1 ms under the first
    // deadline and is not breached; the second deadline is cycle 2's, breached at once.
    const steps: LogStep[] = [
      { ticket: 0, gap: 0, kind: 'propose', hours: 1 },
      { ticket: 0, gap: 1, kind: 'propose', hours: 0 },
      { ticket: 0, gap: 0, kind: 'pin', hours: 0 },
    ];
    await expect(onVersionedLog(steps, 't0')).resolves.toEqual({ verdict: null, breached: [false, true] });
  });

  it('holds on random logs with waits, rejections, pins at any point and migrations between versions', async () => {
    const versioned = parseSlaConfig(versionedConfig());
    await fc.assert(
      fc.asyncProperty(logSteps(3, 40, { versions: true }), fc.integer({ min: 0, max: 10 * 24 * H }), async (steps, later) => {
        const { store, last } = await writeLog(steps);
        const log = await store.readAll();
        const verdict = await slaBreachInvariant(versioned).check({ store, log, now: new Date(last + later) } as unknown as InvariantContext);
        expect(verdict).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

