/**
 * What holds a clock (pause events, `pauseWhile` on the ticket's state), the
 * ticket's state in conditions (`when`), and `rearm`: both sides of each rule.
 */
import { describe, expect, it } from 'vitest';
import { explain } from './queries.js';
import { H, oneClock, T0, type testLog } from '../test-support/log.js';
import { clockAt } from '../test-support/views.js';

const iso = (ms: number) => new Date(ms).toISOString();

const startsOnProposal = { start: [{ on: 'ResolutionProposed' }], stop: [{ on: 'RemedyExecuted' }] };

describe('holds: a clock runs exactly when nothing holds it', () => {
  const byEvents = oneClock({ ...startsOnProposal, pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerEnded' }] });
  const byState = oneClock({ ...startsOnProposal, pauseWhile: { field: 'waiting', equals: true } });

  for (const [name, config] of [['pause events', byEvents], ['pauseWhile', byState]] as const) {
    it(`${name}: a clock that starts during a wait starts paused, and runs from the end of the wait`, async () => {
      const build = async (l: ReturnType<typeof testLog>) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
        await l.add('c1', T0 + 2 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 48 * H) });
      };
      const waiting = await clockAt(config, build, T0 + 30 * H);
      expect(waiting.view).toMatchObject({ state: 'paused', elapsedMs: 0, breachedAt: null });
      const answered = await clockAt(
        config,
        async (l) => {
          await build(l);
          await l.add('c1', T0 + 5 * H, 'WaitingOnCustomerEnded');
        },
        T0 + 6 * H,
      );
      expect(answered.view).toMatchObject({ state: 'running', elapsedMs: H, dueAt: iso(T0 + 15 * H) });
      expect(explain(answered.state, 'c1', 'c', T0 + 6 * H).map((l) => l.action)).toEqual(['started', 'paused', 'resumed']);
    });

    it(`${name}: a wait that ended before the start does not hold it`, async () => {
      const { view } = await clockAt(
        config,
        async (l) => {
          await l.add('c1', T0, 'ComplaintReceived');
          await l.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
          await l.add('c1', T0 + 2 * H, 'WaitingOnCustomerEnded');
          await l.add('c1', T0 + 3 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 48 * H) });
        },
        T0 + 4 * H,
      );
      expect(view).toMatchObject({ state: 'running', elapsedMs: H });
    });
  }

  it('explains a start during a hold by the event that holds it', async () => {
    const { state } = await clockAt(
      byEvents,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
        await l.add('c1', T0 + 2 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 48 * H) });
      },
      T0 + 3 * H,
    );
    expect(explain(state, 'c1', 'c', T0 + 3 * H)[1]?.reason).toMatch(/^held since WaitingOnCustomerStarted \(e-\d+\)$/);
  });

  it('pauseWhile can read any state field: here, paused while escalated to head-office engineering', async () => {
    const config = oneClock({ pauseWhile: { field: 'escalationLevel', equals: 'headOfficeEngineering' } });
    const { view } = await clockAt(
      config,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'ComplaintEscalated', { level: 'headOfficeEngineering', reason: 'r', automatic: false });
      },
      T0 + 20 * H,
    );
    expect(view).toMatchObject({ state: 'paused', elapsedMs: H });
  });
});

describe('conditions read the ticket state (`when`)', () => {
  const config = oneClock({
    start: [{ on: 'CustomerContactLogged', when: { field: 'step', equals: 'followingUp' } }],
    cancel: [{ on: 'NoteAdded', when: { all: [{ field: 'severity', equals: 'major' }, { field: 'priority', in: ['P1'] }] } }],
  });

  it('starts only when the ticket is in the step named', async () => {
    const early = await clockAt(
      config,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'CustomerContactLogged', { direction: 'inbound', channel: 'phone', summary: 's' });
      },
      T0 + 2 * H,
    );
    expect(early.view.state).toBe('pending');
    const late = await clockAt(
      config,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'RemedyExecuted', { outcome: 'o', agreedDeadline: iso(T0), onTime: true });
        await l.add('c1', T0 + 2 * H, 'CustomerContactLogged', { direction: 'inbound', channel: 'phone', summary: 's' });
      },
      T0 + 3 * H,
    );
    expect(late.view).toMatchObject({ state: 'running', elapsedMs: H });
  });

  it('a priority predicate never holds for a classification that recorded none', async () => {
    const build = (priority?: string) => async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'RemedyExecuted', { outcome: 'o', agreedDeadline: iso(T0), onTime: true });
      await l.add('c1', T0 + 2 * H, 'CustomerContactLogged', { direction: 'inbound', channel: 'phone', summary: 's' });
      await l.add('c1', T0 + 3 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: 'general', ...(priority ? { priority } : {}) });
      await l.add('c1', T0 + 4 * H, 'NoteAdded', { text: 'n', visibility: 'internal' });
    };
    expect((await clockAt(config, build('P1'), T0 + 5 * H)).view.state).toBe('cancelled');
    expect((await clockAt(config, build(), T0 + 5 * H)).view.state).toBe('running');
    expect((await clockAt(config, build('P2'), T0 + 5 * H)).view.state).toBe('running');
  });
});

describe('rearm: the cycle ends and the clock waits for its start again', () => {
  const config = oneClock({ ...startsOnProposal, rearm: [{ on: 'RemedyRejected' }], target: { deadline: { field: 'agreedDeadline', from: [{ on: 'ResolutionProposed' }] } } });

  it('ends the running cycle as cancelled, shows no deadline while waiting, starts a new cycle on the next start', async () => {
    const rejected = async (l: ReturnType<typeof testLog>) => {
      await l.add('c1', T0, 'ComplaintReceived');
      await l.add('c1', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 10 * H) });
      await l.add('c1', T0 + 2 * H, 'RemedyRejected', { reason: 'r' });
    };
    const waiting = await clockAt(config, rejected, T0 + 20 * H);
    expect(waiting.view).toMatchObject({ state: 'pending', active: false, dueAt: null, targetMs: null, breachedAt: null, cycle: 1 });
    expect(waiting.view.cycles).toEqual([{ cycle: 1, startedAt: iso(T0 + H), endedAt: iso(T0 + 2 * H), outcome: 'cancelled', breachedAt: null }]);
    const again = await clockAt(
      config,
      async (l) => {
        await rejected(l);
        await l.add('c1', T0 + 3 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 30 * H) });
      },
      T0 + 20 * H,
    );
    expect(again.view).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(T0 + 30 * H) });
  });

  it('re-arms a clock that had ended, so its start starts it again', async () => {
    const { view } = await clockAt(
      config,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 10 * H) });
        await l.add('c1', T0 + 2 * H, 'RemedyExecuted', { outcome: 'o', agreedDeadline: iso(T0 + 10 * H), onTime: true });
        await l.add('c1', T0 + 3 * H, 'RemedyRejected', { reason: 'r' });
        await l.add('c1', T0 + 4 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 12 * H) });
      },
      T0 + 5 * H,
    );
    expect(view).toMatchObject({ state: 'running', cycle: 2 });
    expect(view.cycles[0]?.outcome).toBe('met');
  });

  it('without rearm, a start after the end does nothing (the clock measures one promise)', async () => {
    const once = oneClock({ ...startsOnProposal, cancel: [{ on: 'RemedyRejected' }] });
    const { view } = await clockAt(
      once,
      async (l) => {
        await l.add('c1', T0, 'ComplaintReceived');
        await l.add('c1', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 10 * H) });
        await l.add('c1', T0 + 2 * H, 'RemedyRejected', { reason: 'r' });
        await l.add('c1', T0 + 3 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 12 * H) });
      },
      T0 + 5 * H,
    );
    expect(view).toMatchObject({ state: 'cancelled', cycle: 1 });
  });
});
