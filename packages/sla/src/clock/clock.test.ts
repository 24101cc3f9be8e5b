import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { slaProjection } from './projection.js';
import { breachedClocks, atRisk, explain } from './queries.js';
import { D, H, oneClock, T0, testLog } from '../test-support/log.js';
import { clockAt } from '../test-support/views.js';
import { logSteps, writeLog } from '../test-support/random-log.js';
import { parseSlaConfig } from '../policy/config.js';
import { defaultSlaConfig } from '../policy/default-policy.js';
import { currentCycle } from './run.js';
import { viewClock } from './view.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('a clock: start, stop, pause, resume, reset, cancel', () => {
  it('starts on its start condition and counts down', async () => {
    const { view } = await clockAt(oneClock({}), (l) => l.add('c1', T0, 'ComplaintReceived'), T0 + 4 * H);
    expect(view).toMatchObject({ state: 'running', elapsedMs: 4 * H, remainingMs: 6 * H, dueAt: iso(T0 + 10 * H), cycle: 1 });
  });

  it('stays pending until its start condition', async () => {
    const config = oneClock({ start: [{ on: 'InvestigationStarted' }] });
    const { view } = await clockAt(config, (l) => l.add('c1', T0, 'ComplaintReceived'), T0 + 4 * H);
    expect(view).toMatchObject({ state: 'pending', cycle: 0, elapsedMs: 0 });
  });

  it('is met when stopped before its due instant, breached when after', async () => {
    const config = oneClock({ stop: [{ on: 'ResolutionProposed' }] });
    const met = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 9 * H, 'ResolutionProposed');
    }, T0 + 20 * H);
    expect(met.view).toMatchObject({ state: 'met', elapsedMs: 9 * H, breachedAt: null });
    const late = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 11 * H, 'ResolutionProposed');
    }, T0 + 20 * H);
    expect(late.view).toMatchObject({ state: 'breached', active: false, breachedAt: iso(T0 + 10 * H) });
  });

  it('keeps the due instant of a breached clock when later events settle it (an escalation, a note)', async () => {
    const { view } = await clockAt(oneClock({}), async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 12 * H, 'ComplaintEscalated', { level: 'departmentHead', reason: 'breached', automatic: true });
      await l.add('c1', T0 + 13 * H, 'NoteAdded', { text: 'called the customer', visibility: 'internal' });
    }, T0 + 14 * H);
    expect(view).toMatchObject({ state: 'breached', breachedAt: iso(T0 + 10 * H), dueAt: iso(T0 + 10 * H) });
  });

  it('stops only on events whose payload meets the predicate', async () => {
    const config = oneClock({ stop: [{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' } }] });
    const { view } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'CustomerContactLogged', { direction: 'inbound', channel: 'phone', summary: 's' });
    }, T0 + 2 * H);
    expect(view.state).toBe('running');
    const stopped = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'CustomerContactLogged', { direction: 'outbound', channel: 'phone', summary: 's' });
    }, T0 + 2 * H);
    expect(stopped.view.state).toBe('met');
  });

  it('pauses and resumes, moving the due instant by the pause', async () => {
    const config = oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerEnded' }] });
    const pause = async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 2 * H, 'WaitingOnCustomerStarted', { reason: 'information' });
    };
    const build = async (l: ReturnType<typeof testLog>) => {
      await pause(l);
      await l.add('c1', T0 + 5 * H, 'WaitingOnCustomerEnded');
    };
    // Views are of the log as read: `now` is at or after its last event.
    const paused = await clockAt(config, pause, T0 + 4 * H);
    expect(paused.view).toMatchObject({ state: 'paused', elapsedMs: 2 * H, dueAt: null });
    const resumed = await clockAt(config, build, T0 + 6 * H);
    expect(resumed.view).toMatchObject({ state: 'running', elapsedMs: 3 * H, dueAt: iso(T0 + 13 * H) });
  });

  it('resets: the cycle is kept and a new one starts', async () => {
    const config = oneClock({ reset: [{ on: 'ComplaintEscalated' }] });
    const { view } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 12 * H, 'ComplaintEscalated', { level: 'departmentHead', reason: 'r', automatic: false });
    }, T0 + 13 * H);
    expect(view).toMatchObject({ state: 'running', cycle: 2, elapsedMs: H });
    expect(view.cycles.map((c) => [c.cycle, c.outcome, c.breachedAt])).toEqual([
      [1, 'reset', iso(T0 + 10 * H)],
      [2, null, null],
    ]);
  });

  it('is cancelled on its cancel condition and never breaches after', async () => {
    const config = oneClock({ cancel: [{ on: 'ComplaintWithdrawn' }] });
    const { view } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ComplaintWithdrawn', { reason: 'r', fromStep: 'received' });
    }, T0 + 30 * H);
    expect(view).toMatchObject({ state: 'cancelled', breachedAt: null });
  });

  it('re-reads a matrix target when the complaint is reclassified', async () => {
    const config = oneClock({ target: { matrix: { by: 'severity', values: { major: 'PT2H' }, otherwise: 'PT10H' } } });
    const { view } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
    }, T0 + 90 * 60_000);
    expect(view).toMatchObject({ targetMs: 2 * H, dueAt: iso(T0 + 2 * H), state: 'running' });
    // Reclassified past the new target: breached at the reclassification, not in the past.
    const late = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 3 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
    }, T0 + 4 * H);
    expect(late.view).toMatchObject({ state: 'breached', breachedAt: iso(T0 + 3 * H) });
  });

  it('reads a per-ticket deadline from an event and follows renegotiation', async () => {
    const config = oneClock({
      start: [{ on: 'ResolutionProposed' }],
      stop: [{ on: 'RemedyExecuted' }],
      target: { deadline: { field: 'agreedDeadline', from: [{ on: ['ResolutionProposed', 'DeadlineRenegotiated'] }] } },
    });
    const { view } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 2 * D) });
      await l.add('c1', T0 + D, 'DeadlineRenegotiated', { agreedDeadline: iso(T0 + 3 * D), previousDeadline: iso(T0 + 2 * D), reason: 'parts' });
    }, T0 + 2 * D + H);
    expect(view).toMatchObject({ state: 'running', dueAt: iso(T0 + 3 * D) });
  });
});

describe('a deadline already due when its clock starts', () => {
  it('is breached at the start, with its warnings, none after the breach', async () => {
    const config = oneClock({
      start: [{ on: 'ResolutionProposed' }],
      warnings: [{ percent: 75 }, { before: 'PT1H' }],
      target: { deadline: { field: 'agreedDeadline', from: [{ on: 'ResolutionProposed' }] } },
    });
    for (const deadline of [T0 + H, T0 + H - 60_000]) {
      const { view, state } = await clockAt(config, async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(deadline) });
      }, T0 + H);
      expect(view).toMatchObject({ state: 'breached', breachedAt: iso(T0 + H) });
      expect(explain(state, 'c1', 'c', T0 + H).map((l) => `${l.at} ${l.action}`)).toEqual([
        `${iso(T0 + H)} started`,
        `${iso(T0 + H)} warning`,
        `${iso(T0 + H)} warning`,
        `${iso(T0 + H)} breached`,
      ]);
    }
  });
});

describe('reopening, per clock', () => {
  const build = async (l: ReturnType<typeof testLog>) => {
    await l.add('c1', T0, 'ComplaintReceived');
    await l.add('c1', T0 + 4 * H, 'FollowUpRecorded', { satisfied: false });
    await l.add('c1', T0 + 6 * H, 'ComplaintReopened', { cycle: 2, reason: 'customerNotSatisfied' });
  };
  const reopen = (onReopen: string) => oneClock({ stop: [{ on: 'FollowUpRecorded' }], onReopen });

  it('restart: the met cycle is kept and a new one runs from the reopening', async () => {
    const { view } = await clockAt(reopen('restart'), build, T0 + 7 * H);
    expect(view).toMatchObject({ state: 'running', cycle: 2, elapsedMs: H, dueAt: iso(T0 + 16 * H) });
    expect(view.cycles[0]).toMatchObject({ outcome: 'met' });
  });

  it('rearm: the met cycle is kept and a new one waits for the start condition', async () => {
    const { view } = await clockAt(reopen('rearm'), build, T0 + 7 * H);
    expect(view).toMatchObject({ state: 'pending', cycle: 1 });
    expect(view.cycles).toHaveLength(1);
  });

  it('resume: the same cycle runs again with the time it had used', async () => {
    const { view } = await clockAt(reopen('resume'), build, T0 + 7 * H);
    expect(view).toMatchObject({ state: 'running', cycle: 1, elapsedMs: 5 * H, dueAt: iso(T0 + 12 * H) });
  });

  it('keep: nothing changes', async () => {
    const { view } = await clockAt(reopen('keep'), build, T0 + 7 * H);
    expect(view).toMatchObject({ state: 'met', cycle: 1, elapsedMs: 4 * H });
  });
});

describe('explain and queries', () => {
  it('explains which event moved the clock and why, with the thresholds reached', async () => {
    const config = oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerEnded' }], stop: [{ on: 'ResolutionProposed' }] });
    const { state } = await clockAt(config, async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 6 * H, 'WaitingOnCustomerStarted', { reason: 'information' });
      await l.add('c1', T0 + 8 * H, 'WaitingOnCustomerEnded');
      await l.add('c1', T0 + 14 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + D) });
    }, T0 + D);
    expect(explain(state, 'c1', 'c', T0 + D).map((l) => `${l.at} ${l.action} ${l.event?.type ?? '-'}`)).toEqual([
      `${iso(T0)} started ComplaintReceived`,
      `${iso(T0 + 5 * H)} warning -`,
      `${iso(T0 + 6 * H)} paused WaitingOnCustomerStarted`,
      `${iso(T0 + 8 * H)} resumed WaitingOnCustomerEnded`,
      `${iso(T0 + 9.5 * H)} warning -`,
      `${iso(T0 + 12 * H)} breached -`,
      `${iso(T0 + 14 * H)} stopped ResolutionProposed`,
    ]);
    expect(explain(state, 'c1', 'c', T0 + D)[0]?.reason).toBe('ComplaintReceived meets condition #0');
  });

  it('lists breached and at-risk clocks by handler and severity', async () => {
    const log = testLog();
    for (const id of ['a', 'b', 'c']) await log.add(id, T0, 'ComplaintReceived');
    await log.add('a', T0, 'HandlerAssigned', { handlerId: 'h-li', previousHandlerId: null, reason: 'initial' });
    await log.add('b', T0, 'HandlerAssigned', { handlerId: 'h-li', previousHandlerId: null, reason: 'initial' });
    await log.add('b', T0 + H, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
    await log.add('c', T0 + 5 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
    const config = oneClock({ target: { matrix: { by: 'severity', values: { major: 'PT4H' }, otherwise: 'PT10H' } } });
    const { state } = await rebuildProjection(log.store, slaProjection(config));
    const now = T0 + 8 * H + 30 * 60_000;
    expect(breachedClocks(state, now).map((v) => v.complaintId)).toEqual(['b', 'c']);
    expect(breachedClocks(state, now, { handlerId: 'h-li' }).map((v) => v.complaintId)).toEqual(['b']);
    expect(atRisk(state, now).map((v) => v.complaintId)).toEqual(['a']);
    expect(atRisk(state, now, { severity: 'major' })).toEqual([]);
    expect(breachedClocks(state, now, { priority: null }).map((v) => v.complaintId)).toEqual(['b', 'c']);
    expect(breachedClocks(state, now, { priority: 'P1' })).toEqual([]);
  });
});

describe('the due instant of a breached clock', () => {
  // A clock on the agreed deadline is due at the deadline as renegotiated, breached or not.
  test.prop([logSteps(), fc.integer({ min: 0, max: 10 * D })], { numRuns: 60 })('is its breach instant, whatever came after (targets of business time)', async (steps, later) => {
    const { store, last } = await writeLog(steps);
    const { state } = await rebuildProjection(store, slaProjection(parseSlaConfig(defaultSlaConfig())));
    for (const ticket of state.tickets.values()) {
      for (const run of ticket.clocks) {
        const view = viewClock(run, last + later);
        if (currentCycle(run)?.deadline !== undefined) continue;
        if (view.state === 'breached' && view.breachedAt !== null) expect({ clock: run.config.name, dueAt: view.dueAt }).toEqual({ clock: run.config.name, dueAt: view.breachedAt });
      }
    }
  });
});
