import { describe, expect, it } from 'vitest';
import { businessTime, checkWorkflow, invariantCatalogue, type InvariantContext } from '@redress/testing';
import { createBusinessCalendar } from '../calendar/calendar.js';
import { parseSlaConfig, type SlaConfig } from '../policy/config.js';
import { defaultSlaConfig, serviceHoursCalendar } from '../policy/default-policy.js';
import { oneClock, T0, H, testLog } from '../test-support/log.js';
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
});
