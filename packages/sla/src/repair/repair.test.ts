import { describe, expect, it } from 'vitest';
import { SlaConfigError } from '../errors.js';
import { H, oneClock, T0, testLog } from '../test-support/log.js';
import { repairSla } from './repair.js';

const withTarget = (duration: string, calendar = '24x7', calendars: object[] = []) =>
  oneClock({ stop: [{ on: 'ResolutionProposed' }], target: { duration }, calendar }, calendars as never);

async function fixture() {
  const log = testLog();
  // a: stopped after 11 h; b: after 9 h; c: still running.
  for (const [id, stopAfter] of [['a', 11], ['b', 9], ['c', undefined]] as const) {
    await log.add(id, T0, 'ComplaintReceived');
    if (stopAfter !== undefined) await log.add(id, T0 + stopAfter * H, 'ResolutionProposed', { agreedDeadline: new Date(T0 + 48 * H).toISOString() });
  }
  return log;
}

describe('SLA repair', () => {
  it('a dry run reports the tickets that flip between met and breached, and writes nothing', async () => {
    const log = await fixture();
    const size = log.store.size;
    const looser = await repairSla({ store: log.store, current: withTarget('PT10H'), proposed: withTarget('PT12H'), now: T0 + 13 * H, repairId: 'r1' });
    expect(looser).toEqual({ tickets: 3, flips: [{ complaintId: 'a', clock: 'c', cycle: 1, before: 'breached', after: 'met' }], written: 0 });
    const tighter = await repairSla({ store: log.store, current: withTarget('PT10H'), proposed: withTarget('PT8H'), now: T0 + 13 * H, repairId: 'r2' });
    expect(tighter.flips).toEqual([{ complaintId: 'b', clock: 'c', cycle: 1, before: 'met', after: 'breached' }]);
    expect(log.store.size).toBe(size);
  });

  it('a calendar change is a repair too', async () => {
    const log = await fixture();
    // Under a Monday 09:00-17:00 calendar in Shanghai, 10 business hours from Monday 09:00 end on Tuesday.
    const office = { name: 'office', version: 1, timeZone: 'Asia/Shanghai', weekly: { monday: [{ from: '09:00', to: '17:00' }], tuesday: [{ from: '09:00', to: '17:00' }] } };
    const report = await repairSla({ store: log.store, current: withTarget('PT10H'), proposed: withTarget('PT10H', 'office', [office]), now: T0 + 30 * H, repairId: 'cal' });
    expect(report.flips.map((f) => [f.complaintId, f.after])).toEqual([['a', 'met']]);
  });

  it('a real run records each flip once, as SlaRepaired in the ticket SLA stream', async () => {
    const log = await fixture();
    const options = { store: log.store, current: withTarget('PT10H'), proposed: withTarget('PT12H'), now: T0 + 13 * H, repairId: 'r1', dryRun: false };
    expect((await repairSla(options)).written).toBe(1);
    expect((await repairSla(options)).written).toBe(0);
    const events = await log.store.readStream('sla:a');
    expect(events.map((e) => [e.type, e.data])).toEqual([['SlaRepaired', { complaintId: 'a', clock: 'c', cycle: 1, before: 'breached', after: 'met', repairId: 'r1' }]]);
  });

  it('refuses an invalid proposed configuration before reading or writing', async () => {
    const log = await fixture();
    await expect(repairSla({ store: log.store, current: withTarget('PT10H'), proposed: withTarget('-PT1H'), now: T0, repairId: 'r', dryRun: false })).rejects.toThrow(SlaConfigError);
    await expect(repairSla({ store: log.store, current: withTarget('PT10H'), proposed: withTarget('PT1H'), now: T0, repairId: 'bad id' })).rejects.toThrow(RangeError);
  });
});
