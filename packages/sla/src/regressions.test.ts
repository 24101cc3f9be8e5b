/**
 * Regressions of issue 10 §3, through the public API only: the engine records the
 * complaint, a ticker hands out the SLA events, and the views, repair and
 * configuration are read as a host would. Each failed on the code before its fix.
 */
import { describe, expect, it } from 'vitest';
import { createSlaTicker, defaultPolicy, defaultSlaConfig, escalateOnBreach, parseSlaConfig, repairSla, serviceHoursCalendar, SlaConfigError, ticketClocks } from './index.js';
import { desk, openComplaint } from './test-support/desk.js';

const H = 3_600_000;
const D = 24 * H;
const MONDAY_9AM = '2026-11-23T01:00:00.000Z'; // 09:00 in Shanghai
const iso = (ms: number) => new Date(ms).toISOString();

const clocksOf = (ticker: ReturnType<typeof createSlaTicker>, id: string, now: Date) =>
  Object.fromEntries(ticketClocks(ticker.state, id, now).map((v) => [v.clock, v]));

describe('issue 10 §3, through the public API', () => {
  it('a follow-up clock started while the complaint waits on the customer starts paused and does not breach', async () => {
    const d = desk(MONDAY_9AM);
    const ticker = createSlaTicker({ store: d.store, config: defaultSlaConfig() });
    await openComplaint(d, 'c1');
    await d.run('c1', 'ProposeResolution', { remedy: { kind: 'freeRepair', description: 'Refit the shield' }, agreedDeadline: iso(d.clock.now().getTime() + 2 * D) });
    await d.run('c1', 'StartExecution', {});
    await d.run('c1', 'WaitOnCustomer', { reason: 'availability', note: 'Customer abroad for a week' });
    await d.run('c1', 'CompleteExecution', { outcome: 'Shield refitted' });
    d.later(5 * D);
    const result = await ticker.tick(d.clock.now());
    expect(result.appended.filter((e) => e.type === 'SlaBreached').map((e) => e.data.clock)).toEqual([]);
    expect(clocksOf(ticker, 'c1', d.clock.now()).followUp).toMatchObject({ state: 'paused', elapsedMs: 0 });
    await d.run('c1', 'StopWaitingOnCustomer', {});
    d.later(H);
    await ticker.tick(d.clock.now());
    expect(clocksOf(ticker, 'c1', d.clock.now()).followUp).toMatchObject({ state: 'running', elapsedMs: H });
  });

  it('a rejected remedy stops its agreed-deadline clock; a new proposal starts a new one', async () => {
    const d = desk(MONDAY_9AM);
    const escalated: string[] = [];
    const ticker = createSlaTicker({ store: d.store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine: d.engine }) });
    await openComplaint(d, 'c1', 'major');
    await d.run('c1', 'ProposeResolution', { remedy: { kind: 'discount', description: '10% off' }, agreedDeadline: iso(d.clock.now().getTime() + D) });
    await d.run('c1', 'RejectRemedy', { reason: 'Offer a courtesy car as well' });
    d.later(2 * D);
    const late = await ticker.tick(d.clock.now());
    for (const e of await d.store.readStream('c1')) if (e.type === 'ComplaintEscalated') escalated.push(e.data.reason);
    expect(late.appended.filter((e) => e.type === 'SlaBreached' && e.data.clock === 'remedy')).toEqual([]);
    expect(escalated.filter((r) => r.includes('remedy'))).toEqual([]);
    expect(clocksOf(ticker, 'c1', d.clock.now()).remedy).toMatchObject({ state: 'pending', dueAt: null });
    const deadline = d.clock.now().getTime() + 3 * D;
    await d.run('c1', 'ProposeResolution', { remedy: { kind: 'freeRepair', description: 'Repair and a courtesy car' }, agreedDeadline: iso(deadline) });
    await ticker.tick(d.clock.now());
    expect(clocksOf(ticker, 'c1', d.clock.now()).remedy).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(deadline) });
  });

  it('publishing version 2 without effectiveFrom (or back-dated) leaves running tickets on version 1', async () => {
    const d = desk(MONDAY_9AM);
    const v1 = { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ version: 1 })] };
    await openComplaint(d, 'c1');
    await createSlaTicker({ store: d.store, config: v1 }).tick(d.clock.now());
    d.later(H);
    const v2 = defaultPolicy({ version: 2, resolution: { general: 'P2D' } });
    for (const published of [v2, { ...v2, effectiveFrom: '2026-01-01T00:00:00Z' }]) {
      const restarted = createSlaTicker({ store: d.store, config: { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ version: 1 }), published] } });
      await restarted.tick(d.clock.now());
      expect(clocksOf(restarted, 'c1', d.clock.now()).resolution).toMatchObject({ policy: { name: 'default', version: 1 }, targetMs: 7 * D });
    }
  });

  it('a dry run reports running cycles that a new target breaches, and clocks only the proposed policy has', async () => {
    const d = desk(MONDAY_9AM);
    const config = defaultSlaConfig();
    await openComplaint(d, 'c1');
    d.later(3 * D);
    const tighter = defaultPolicy({ resolution: { general: 'P2D' } });
    const proposed = { calendars: [serviceHoursCalendar], policies: [{ ...tighter, clocks: [...tighter.clocks, { name: 'update', calendar: '24x7', start: [{ on: 'ComplaintReceived' as const }], target: { duration: 'P1D' } }] }] };
    const report = await repairSla({ store: d.store, current: config, proposed, now: d.clock.now(), repairId: 'tighter' });
    expect(report.flips).toEqual(
      expect.arrayContaining([
        { complaintId: 'c1', clock: 'resolution', cycle: 1, before: 'running', after: 'breached' },
        { complaintId: 'c1', clock: 'update', cycle: 1, before: 'none', after: 'breached' },
      ]),
    );
  });

  it('refuses a "before" warning longer than a matrix target it applies to, naming the target', () => {
    const config = defaultSlaConfig({ acknowledgement: { major: 'PT20M' } });
    expect(() => parseSlaConfig(config)).toThrow(SlaConfigError);
    expect(() => parseSlaConfig(config)).toThrow(/PT30M before a target of PT20M \(target\.matrix\.values\.major\) would fire at the start/);
  });

  it('keys targets on severity, priority and channel together, first match', () => {
    const config = parseSlaConfig({
      policies: [
        {
          name: 'p',
          version: 1,
          clocks: [
            {
              name: 'c',
              calendar: '24x7',
              start: [{ on: 'ComplaintReceived' }],
              target: {
                matrix: {
                  rules: [
                    { severity: 'major', priority: ['P1', 'P2'], duration: 'PT1H' },
                    { channel: 'hotline', priority: 'P1', duration: 'PT2H' },
                  ],
                  otherwise: 'PT8H',
                },
              },
            },
          ],
        },
      ],
    });
    expect(config.policies[0]?.clocks[0]?.target).toBeDefined();
  });
});
