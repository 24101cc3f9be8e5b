/**
 * Repair on random logs and random policy changes: what a dry run reports is
 * exactly what a real run writes (and writes once), and both are the difference
 * between the reference walk under the two configurations, running cycles and
 * clocks only one side has included.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseSlaConfig } from '../policy/config.js';
import { defaultPolicy, serviceHoursCalendar } from '../policy/default-policy.js';
import { referenceWalk, type RefCycle } from '../test-support/reference-walk.js';
import { logSteps, writeLog } from '../test-support/random-log.js';
import { slaStreamId } from '../tick/events.js';
import { repairSla } from './repair.js';

const D = 24 * 3_600_000;
const hours = fc.integer({ min: 1, max: 120 });
/** A change of every duration target of the default policy, and maybe a clock added. */
const change = fc.record({ ack: fc.integer({ min: 1, max: 8 }), resolution: hours, followUp: hours, extra: fc.boolean() });

const configOf = (c: { ack: number; resolution: number; followUp: number; extra: boolean }) => {
  const p = defaultPolicy({ acknowledgement: { general: `PT${c.ack}H`, major: `PT${c.ack}H` }, resolution: { general: `PT${c.resolution + 24}H`, major: `PT${c.resolution + 24}H` }, followUp: { general: `PT${c.followUp}H`, major: `PT${c.followUp}H` } });
  const clocks = p.clocks.map((clock) => ({ ...clock, warnings: [] }));
  const extra = { name: 'update', calendar: '24x7', start: [{ on: 'ComplaintReceived' as const }], stop: [{ on: 'ResolutionProposed' as const }], target: { duration: `PT${c.resolution}H` } };
  return parseSlaConfig({ calendars: [serviceHoursCalendar], policies: [{ ...p, clocks: c.extra ? [...clocks, extra] : clocks }] });
};

const statusOf = (c: RefCycle, now: number) => (c.startedAt > now ? 'none' : c.breachAt !== undefined && c.breachAt <= now ? 'breached' : c.endedAt === undefined ? 'running' : (c.outcome ?? 'met'));

describe('repair properties', () => {
  test.prop([logSteps(3, 30), change, change, fc.integer({ min: 0, max: 5 * D })], { numRuns: 60 })(
    "a dry run reports exactly what the real run writes, once, and both are the reference walk's differences",
    async (steps, a, b, later) => {
      const { store, last } = await writeLog(steps);
      const now = last + later;
      const [current, proposed] = [configOf(a), configOf(b)];
      const dry = await repairSla({ store, current, proposed, now, repairId: 'r' });

      // The reference: every cycle's status under each configuration, compared.
      const log = await store.readAll();
      const expected: string[] = [];
      for (const id of ['t0', 't1', 't2']) {
        const events = log.filter((e) => e.streamId === id);
        const before = referenceWalk(current, events, now);
        const after = referenceWalk(proposed, events, now);
        for (const clock of new Set([...after.keys(), ...before.keys()])) {
          const [x, y] = [before.get(clock) ?? [], after.get(clock) ?? []];
          for (let n = 1; n <= Math.max(x.length, y.length); n++) {
            const [was, is] = [x[n - 1] ? statusOf(x[n - 1] as RefCycle, now) : 'none', y[n - 1] ? statusOf(y[n - 1] as RefCycle, now) : 'none'];
            if (was !== is) expected.push(`${id} ${clock} ${n} ${was}→${is}`);
          }
        }
      }
      expect(dry.flips.map((f) => `${f.complaintId} ${f.clock} ${f.cycle} ${f.before}→${f.after}`).sort()).toEqual(expected.sort());

      const real = await repairSla({ store, current, proposed, now, repairId: 'r', dryRun: false });
      expect(real.flips).toEqual(dry.flips);
      expect(real.written).toBe(dry.flips.length);
      const recorded = [];
      for (const id of ['t0', 't1', 't2']) for (const e of await store.readStream(slaStreamId(id))) if (e.type === 'SlaRepaired') recorded.push(e.data);
      expect(recorded).toEqual(dry.flips.map((f) => ({ ...f, repairId: 'r' })));
      // Again: the same report, nothing written.
      expect(await repairSla({ store, current, proposed, now, repairId: 'r', dryRun: false })).toEqual({ ...real, written: 0 });
    },
  );
});
