import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { ticketClocks } from '../clock/queries.js';
import { D, H, T0, testLog } from '../test-support/log.js';
import { defaultSlaConfig } from './default-policy.js';

const iso = (ms: number) => new Date(ms).toISOString();
const sh = (local: string) => Date.parse(`${local}+08:00`);

async function clocks(build: (log: ReturnType<typeof testLog>) => Promise<void>, now: number, config = defaultSlaConfig()) {
  const log = testLog();
  await build(log);
  const { state } = await rebuildProjection(log.store, slaProjection(config));
  return Object.fromEntries(ticketClocks(state, 'c1', now).map((v) => [v.clock, v]));
}

describe('the default policy (complaint-handling §3)', () => {
  it('acknowledgement: 4 business hours, met by the first outbound contact', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'CustomerContactLogged', { channel: 'phone', direction: 'inbound', summary: 'called again' });
    }, T0 + 2 * H);
    expect(c.acknowledgement).toMatchObject({ state: 'running', dueAt: iso(sh('2026-11-23T14:30:00')) });
    const met = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'CustomerContactLogged', { channel: 'phone', direction: 'outbound', summary: 'we called' });
    }, T0 + 2 * H);
    expect(met.acknowledgement?.state).toBe('met');
  });

  it('acknowledgement on Saturday evening waits for Monday: business hours, not wall-clock', async () => {
    const c = await clocks((l) => l.add('c1', sh('2026-11-28T17:00:00'), 'ComplaintReceived'), sh('2026-11-28T18:00:00'));
    // 30 min on Saturday, then Monday 08:30 + 3.5 h = 12:00.
    expect(c.acknowledgement?.dueAt).toBe(iso(sh('2026-11-30T12:00:00')));
  });

  it('major complaints: 2 business hours to acknowledge, 3 days for a plan', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 30 * 60_000, 'ComplaintClassified', { severity: 'major', previousSeverity: null });
    }, T0 + H);
    expect(c.acknowledgement).toMatchObject({ targetMs: 2 * H, dueAt: iso(T0 + 2 * H) });
    expect(c.resolution).toMatchObject({ targetMs: 3 * D, dueAt: iso(T0 + 3 * D) });
  });

  it('resolution: a plan within 7 days, paused while waiting on the customer', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'WaitingOnCustomerStarted', { reason: 'vehicleAccess' });
      await l.add('c1', T0 + 3 * D, 'WaitingOnCustomerEnded');
    }, T0 + 4 * D);
    expect(c.resolution).toMatchObject({ state: 'running', elapsedMs: 2 * D, dueAt: iso(T0 + 9 * D) });
    const planned = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + 6 * D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 8 * D) });
    }, T0 + 6 * D);
    expect(planned.resolution?.state).toBe('met');
    expect(planned.remedy).toMatchObject({ state: 'running', dueAt: iso(T0 + 8 * D) });
  });

  it('remedy: executed by the agreed deadline, renegotiation moves it, a replacing proposal resets it', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 3 * D) });
      await l.add('c1', T0 + 2 * D, 'DeadlineRenegotiated', { agreedDeadline: iso(T0 + 5 * D), previousDeadline: iso(T0 + 3 * D), reason: 'parts' });
      await l.add('c1', T0 + 4 * D, 'RemedyExecuted', { outcome: 'done', agreedDeadline: iso(T0 + 5 * D), onTime: true });
    }, T0 + 4 * D);
    expect(c.remedy?.state).toBe('met');
    const reset = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 2 * D) });
      await l.add('c1', T0 + 3 * D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 6 * D) });
    }, T0 + 3 * D);
    expect(reset.remedy).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(T0 + 6 * D) });
    expect(reset.remedy?.cycles[0]).toMatchObject({ outcome: 'reset', breachedAt: iso(T0 + 2 * D) });
  });

  it('remedy: a rejected remedy ends its deadline (no breach after it), the next proposal starts a new cycle', async () => {
    const build = async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 2 * D) });
      await l.add('c1', T0 + D + H, 'RemedyRejected', { reason: 'too costly' });
    };
    const rejected = await clocks(build, T0 + 5 * D);
    expect(rejected.remedy).toMatchObject({ state: 'pending', cycle: 1, dueAt: null, breachedAt: null, targetMs: null });
    expect(rejected.remedy?.cycles[0]).toMatchObject({ outcome: 'cancelled', breachedAt: null, endedAt: iso(T0 + D + H) });
    const again = await clocks(async (l) => {
      await build(l);
      await l.add('c1', T0 + 3 * D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 6 * D) });
    }, T0 + 3 * D);
    expect(again.remedy).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(T0 + 6 * D) });
    // Rejected after its deadline passed: the breach stays a fact of that cycle.
    const late = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 2 * D) });
      await l.add('c1', T0 + 3 * D, 'RemedyRejected', { reason: 'too late anyway' });
    }, T0 + 4 * D);
    expect(late.remedy).toMatchObject({ state: 'pending', breachedAt: null });
    expect(late.remedy?.cycles[0]).toMatchObject({ outcome: 'cancelled', breachedAt: iso(T0 + 2 * D) });
  });

  it('follow-up: execution during a wait on the customer starts the clock paused; it runs once the wait ends', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 3 * D) });
      await l.add('c1', T0 + 2 * D, 'WaitingOnCustomerStarted', { reason: 'availability' });
      await l.add('c1', T0 + 2 * D + H, 'RemedyExecuted', { outcome: 'done', agreedDeadline: iso(T0 + 3 * D), onTime: true });
      await l.add('c1', T0 + 9 * D, 'WaitingOnCustomerEnded');
    }, T0 + 10 * D);
    expect(c.followUp).toMatchObject({ state: 'running', elapsedMs: D, dueAt: iso(T0 + 12 * D), breachedAt: null });
  });

  it('follow-up within 3 days of execution; reopening restarts the plan clock and rearms the follow-up', async () => {
    const build = async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + D, 'ResolutionProposed', { agreedDeadline: iso(T0 + 3 * D) });
      await l.add('c1', T0 + 2 * D, 'RemedyExecuted', { outcome: 'done', agreedDeadline: iso(T0 + 3 * D), onTime: true });
    };
    const c = await clocks(build, T0 + 2 * D);
    expect(c.followUp).toMatchObject({ state: 'running', dueAt: iso(T0 + 5 * D) });
    const reopened = await clocks(async (l) => {
      await build(l);
      await l.add('c1', T0 + 3 * D, 'FollowUpRecorded', { satisfied: false });
      await l.add('c1', T0 + 3 * D, 'ComplaintReopened', { cycle: 2, reason: 'customerNotSatisfied' });
    }, T0 + 3 * D);
    expect(reopened.resolution).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(T0 + 10 * D) });
    expect(reopened.followUp).toMatchObject({ state: 'pending', cycle: 1 });
    expect(reopened.remedy).toMatchObject({ state: 'pending' });
  });

  it('withdrawal cancels every running clock', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ComplaintWithdrawn', { reason: 'r', fromStep: 'received' });
    }, T0 + 30 * D);
    expect([c.acknowledgement?.state, c.resolution?.state, c.remedy?.state]).toEqual(['cancelled', 'cancelled', 'pending']);
  });

  it('a decline at intake cancels every running clock, as a withdrawal does', async () => {
    const c = await clocks(async (l) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ComplaintDeclined', { reason: 'Serviced at another dealer', criterion: 'ownBusiness', criterionDescription: 'Ours', criteria: 'default', declinedBy: 'fd-wang' });
    }, T0 + 30 * D);
    expect([c.acknowledgement?.state, c.resolution?.state, c.remedy?.state]).toEqual(['cancelled', 'cancelled', 'pending']);
  });

  it('targets can be overridden', async () => {
    const c = await clocks((l) => l.add('c1', T0, 'ComplaintReceived'), T0, defaultSlaConfig({ acknowledgement: { general: 'PT1H' }, resolution: { general: 'P5D' } }));
    expect([c.acknowledgement?.targetMs, c.resolution?.targetMs]).toEqual([H, 5 * D]);
  });
});
