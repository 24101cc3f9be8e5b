/**
 * The examples of docs/sla.md and the package README, run as tests so the docs
 * cannot drift from the code. Keep them in sync when editing either.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createInMemoryEventStore, createManualClock } from '@redress/core';
import {
  createBusinessCalendar,
  createSlaTicker,
  defaultPolicy,
  escalateOnBreach,
  explain,
  breachedClocks,
  migrateSlaPolicy,
  parseSlaConfig,
  repairSla,
  serviceHoursCalendar,
  SlaConfigError,
  ticketClocks,
} from './index.js';

describe('docs/sla.md examples', () => {
  it('a calendar', () => {
    // --- example: calendar
    const calendar = createBusinessCalendar({
      name: 'service-hours',
      version: 3,
      timeZone: 'Asia/Shanghai',
      weekly: {
        monday: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
        tuesday: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
        wednesday: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
        thursday: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
        friday: [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }],
        saturday: [{ from: '22:00', to: '02:00' }], // an overnight span
      },
      holidays: [{ date: '2026-10-01', name: 'National Day' }],
      makeUpWorkdays: [{ date: '2026-10-10', hoursOf: 'monday', name: '调休' }],
      exceptions: [{ date: '2026-12-31', hours: [{ from: '08:30', to: '12:00' }] }],
    });
    const friday5pm = Date.parse('2026-11-27T17:00:00+08:00');
    const due = calendar.add(friday5pm, 4 * 3_600_000); // 4 business hours
    new Date(due).toISOString(); // '2026-11-28T17:30:00.000Z': 30 min on Friday, 3.5 h of the Saturday night shift
    calendar.isOpen(due - 1); // true
    calendar.diff(friday5pm, due); // 14_400_000
    // --- end
    expect(new Date(due).toISOString()).toBe('2026-11-28T17:30:00.000Z');
    expect(calendar.diff(friday5pm, due)).toBe(4 * 3_600_000);
    expect(calendar.isOpen(Date.parse('2026-11-29T01:00:00+08:00'))).toBe(true);
  });

  it('a policy, and its errors', () => {
    // --- example: policy
    const config = parseSlaConfig({
      calendars: [serviceHoursCalendar],
      policies: [
        {
          name: 'hotline',
          version: 2,
          match: { field: 'channel', in: ['hotline', 'phone'] },
          clocks: [
            {
              name: 'firstResponse',
              calendar: 'service-hours',
              start: [{ on: 'ComplaintReceived' }],
              stop: [{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' } }],
              pause: [{ on: 'WaitingOnCustomerStarted' }],
              resume: [{ on: 'WaitingOnCustomerEnded' }],
              cancel: [{ on: 'ComplaintWithdrawn' }],
              target: { matrix: { by: 'severity', values: { major: 'PT1H' }, otherwise: 'PT2H' } },
              warnings: [{ percent: 50 }, { before: 'PT15M' }],
              onReopen: 'restart',
              escalateOnBreach: true,
            },
          ],
        },
        defaultPolicy(), // everything else
      ],
    });
    // --- end
    expect(config.policies.map((p) => p.name)).toEqual(['hotline', 'default']);
    // --- example: policy errors
    try {
      parseSlaConfig({
        policies: [{ name: 'bad', version: 1, clocks: [{ name: 'c', calendar: 'office', start: [{ on: 'ComplaintReceived' }], stop: [{ on: 'ComplaintReceived' }], target: { duration: '-PT4H' } }] }],
      });
    } catch (e) {
      if (e instanceof SlaConfigError) console.error(e.message);
      // invalid SLA config:
      //   ✖ policies.0.clocks.0.calendar: clock c: unknown calendar "office"; known: 24x7
      //   ✖ policies.0.clocks.0.stop.0: clock c: ComplaintReceived is both a start (#0) and a stop condition: it would stop as it starts
      //   ✖ policies.0.clocks.0.target.duration: clock c: "-PT4H" is negative (calendar office measures business time)
    }
    // --- end
    expect(() =>
      parseSlaConfig({
        policies: [{ name: 'bad', version: 1, clocks: [{ name: 'c', calendar: 'office', start: [{ on: 'ComplaintReceived' }], stop: [{ on: 'ComplaintReceived' }], target: { duration: '-PT4H' } }] }],
      }),
    ).toThrow(/unknown calendar "office"[\s\S]*would stop as it starts[\s\S]*"-PT4H" is negative/);
  });

  it('ticking, escalation, views, explain and repair', async () => {
    // --- example: ticker
    const store = createInMemoryEventStore(); // complaint events; SLA events go to its sla:<id> streams
    const clock = createManualClock('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
    const engine = createEngine({ store, clock });
    const config = { calendars: [serviceHoursCalendar], policies: [defaultPolicy()] };
    const ticker = createSlaTicker({ store, config, onBreach: escalateOnBreach({ engine }) });

    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'c-1',
      actor: { id: 'fd-wang', role: 'frontDesk' },
      data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Brakes squeal after service', demand: 'Fix it' },
    });

    // Hosts call tick with their clock (a timer at nextDueAt, a cron, a queue…).
    const first = await ticker.tick(clock.now());
    const wakeUpAt = first.nextDueAt; // '2026-11-23T03:00:00.000Z': 50% of the 4 business hours

    clock.set('2026-11-23T07:00:00Z'); // 15:00 in Shanghai: the acknowledgement is late
    const late = await ticker.tick(clock.now());
    const written = late.appended.map((e) => `${e.type} ${e.occurredAt}`);
    // SlaWarningRaised 03:00, SlaWarningRaised 04:00, SlaWarningRaised 06:00, SlaBreached 06:30 (UTC)
    // and the complaint was escalated to the department head by the `system` actor.

    ticketClocks(ticker.state, 'c-1', clock.now()); // state, elapsed, remaining, due, cycles per clock
    breachedClocks(ticker.state, clock.now(), { severity: 'general' });
    explain(ticker.state, 'c-1', 'acknowledgement', clock.now());

    // Would a 6-hour acknowledgement target have been met? Ask without writing.
    const report = await repairSla({
      store,
      current: config,
      proposed: { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ acknowledgement: { general: 'PT6H' } })] },
      now: clock.now(),
      repairId: 'ack-6h',
    });
    const flips = report.flips; // [{ complaintId: 'c-1', clock: 'acknowledgement', cycle: 1, before: 'breached', after: 'running' }]
    // --- end
    expect(wakeUpAt).toBe('2026-11-23T03:00:00.000Z');
    expect(written).toEqual([
      'SlaWarningRaised 2026-11-23T03:00:00.000Z',
      'SlaWarningRaised 2026-11-23T04:00:00.000Z',
      'SlaWarningRaised 2026-11-23T06:00:00.000Z',
      'SlaBreached 2026-11-23T06:30:00.000Z',
    ]);
    expect((await store.readStream('c-1')).map((e) => e.type)).toContain('ComplaintEscalated');
    expect(breachedClocks(ticker.state, clock.now()).map((v) => v.clock)).toEqual(['acknowledgement']);
    expect(flips).toEqual([{ complaintId: 'c-1', clock: 'acknowledgement', cycle: 1, before: 'breached', after: 'running' }]);
  });

  it('policy versions and migration', async () => {
    const store = createInMemoryEventStore();
    const clock = createManualClock('2026-11-23T01:00:00Z');
    const engine = createEngine({ store, clock });
    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'c-1',
      actor: { id: 'fd-wang', role: 'frontDesk' },
      data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Brakes squeal after service', demand: 'Fix it' },
    });
    await createSlaTicker({ store, config: { calendars: [serviceHoursCalendar], policies: [defaultPolicy()] } }).tick(clock.now());
    clock.set('2026-11-23T02:00:00Z');
    // --- example: migration
    // Version 2 shortens the acknowledgement; tickets recorded on version 1 keep it.
    const versions = {
      calendars: [serviceHoursCalendar],
      policies: [defaultPolicy({ version: 1 }), defaultPolicy({ version: 2, acknowledgement: { general: 'PT2H' } })],
    };
    const options = { store, config: versions, from: { name: 'default', version: 1 }, to: { name: 'default', version: 2 }, now: clock.now(), migrationId: 'ack-2h' };
    const plan = await migrateSlaPolicy(options); // a dry run: what would change, per ticket
    const moves = plan.migrated; // [{ complaintId: 'c-1', from: default@1, to: default@2, start: [], changes: [{ clock: 'acknowledgement', cycle: 2, before: 'none', after: 'running' }, …] }]
    const done = await migrateSlaPolicy({ ...options, dryRun: false }); // one SlaPolicyMigrated per ticket
    const again = await migrateSlaPolicy({ ...options, dryRun: false }); // written: 0, skipped: alreadyMigrated
    // --- end
    expect(moves).toEqual([
      {
        complaintId: 'c-1',
        from: { name: 'default', version: 1 },
        to: { name: 'default', version: 2 },
        start: [],
        changes: [
          { complaintId: 'c-1', clock: 'acknowledgement', cycle: 1, before: 'running', after: 'superseded' },
          { complaintId: 'c-1', clock: 'acknowledgement', cycle: 2, before: 'none', after: 'running' },
          { complaintId: 'c-1', clock: 'resolution', cycle: 1, before: 'running', after: 'superseded' },
          { complaintId: 'c-1', clock: 'resolution', cycle: 2, before: 'none', after: 'running' },
        ],
      },
    ]);
    expect([done.written, again.written, again.skipped]).toEqual([1, 0, [{ complaintId: 'c-1', reason: 'alreadyMigrated' }]]);
    const ticker = createSlaTicker({ store, config: versions });
    await ticker.tick(clock.now());
    // One business hour used at the migration, two allowed now: due at 11:00 in Shanghai.
    expect(ticketClocks(ticker.state, 'c-1', clock.now()).find((v) => v.clock === 'acknowledgement')).toMatchObject({
      policy: { name: 'default', version: 2 },
      cycle: 2,
      dueAt: '2026-11-23T03:00:00.000Z',
    });
  });
});

