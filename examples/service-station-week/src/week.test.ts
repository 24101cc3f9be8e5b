import {
  accountableAt,
  ForbiddenError,
  IllegalCommandError,
  openComplaints,
  rebuildProjection,
  STEPS,
  ticketViewProjection,
  type TicketView,
} from '@redress/core';
import { checkRatings, DEFAULT_CSI_CONFIG } from '@redress/csi';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBoard, renderRefusals, renderTimeline, WIDTH } from './board.js';
import { hoursBetween } from './calendar.js';
import { STAFF } from './cast.js';
import { displayWidth } from './text.js';
import { DEFAULT_COMPLAINTS, playWeek, type Week } from './week.js';

let week: Week;
let tickets: TicketView[];
beforeAll(async () => {
  week = await playWeek();
  tickets = [...week.tickets.values()];
});

describe('a week at the service station', () => {
  it('has one ticket per complaint received', () => {
    expect(week.received).toBe(DEFAULT_COMPLAINTS);
    expect(week.tickets.size).toBe(week.received);
  });

  it('counts every ticket in exactly one step', () => {
    const perStep = STEPS.map((step) => tickets.filter((t) => t.step === step).length);
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(week.tickets.size);
  });

  it('walks every path: reopened then archived, withdrawn, major approved, still in progress', () => {
    expect(tickets.some((t) => t.reopenCount > 0)).toBe(true);
    expect(tickets.some((t) => t.reopenCount > 0 && t.step === 'archived')).toBe(true);
    expect(tickets.some((t) => t.step === 'withdrawn')).toBe(true);
    expect(tickets.some((t) => t.severity === 'major' && t.timeline.some((e) => e.type === 'RemedyApproved'))).toBe(true);
    expect(tickets.some((t) => t.closedAt === null)).toBe(true);
  });

  it('archives nothing without a preventive action', () => {
    const archived = tickets.filter((t) => t.step === 'archived');
    expect(archived.length).toBeGreaterThan(0);
    for (const t of archived) expect(t.preventiveAction, t.complaintId).toEqual(expect.any(String));
  });

  it('escalates every major complaint to senior management', () => {
    for (const t of tickets.filter((t) => t.severity === 'major')) expect(t.escalations, t.complaintId).toContain('seniorManagement');
  });

  it('calls every customer back within 3 days of execution', () => {
    for (const t of tickets) {
      t.timeline.forEach((e, i) => {
        const call = e.type === 'RemedyExecuted' && t.timeline.slice(i + 1).find((f) => f.type === 'FollowUpRecorded');
        if (call) expect(hoursBetween(e.at, call.at), t.complaintId).toBeLessThanOrEqual(72);
      });
    }
  });

  it('leaves open exactly the complaints whose script was not finished by Sunday closing', () => {
    expect(tickets.filter((t) => t.closedAt === null)).toHaveLength(week.inProgress);
  });

  it('keeps the queues in step with the ticket view', () => {
    const open = tickets.filter((t) => t.closedAt === null);
    expect(openComplaints(week.queues)).toEqual(open.map((t) => t.complaintId).sort());
    for (const t of open) {
      expect(week.queues.open.get(t.complaintId)).toMatchObject({ step: t.step, handlerId: t.handlerId, severity: t.severity });
    }
  });

  it('rebuilds the same ticket view from the log', async () => {
    const rebuilt = await rebuildProjection(week.store, ticketViewProjection());
    expect(rebuilt.state).toEqual(week.tickets);
  });

  it('collects the refusals it expected, with their typed errors', () => {
    const kinds = week.refusals.map((r) => [r.command, r.error.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['StartExecution', 'IllegalCommand'],
        ['RecordFollowUp', 'Forbidden'],
        ['RecordFollowUp', 'IllegalCommand'],
        ['ArchiveComplaint', 'IllegalCommand'],
      ]),
    );
    const early = week.refusals.find((r) => r.command === 'StartExecution')?.error;
    expect(early).toBeInstanceOf(IllegalCommandError);
    expect(early).toMatchObject({ step: 'resolutionProposed', rule: { name: 'severityGeneral' } });
    expect(week.refusals.find((r) => r.error.kind === 'Forbidden')?.error).toBeInstanceOf(ForbiddenError);
  });
});

describe('first-contact responsibility, routing and promises', () => {
  const fateOf = (t: TicketView) => week.fates.find((f) => f.complaintId === t.complaintId);
  /** When the ticket's first event of that type happened (ISO-8601). */
  const when = (t: TicketView, type: TicketView['timeline'][number]['type']) => t.timeline.find((e) => e.type === type)?.at ?? '';

  it('keeps whoever took the complaint accountable until the handler accepts the hand-over (首问负责制)', () => {
    const handedOver = tickets.filter((t) => t.timeline.some((e) => e.type === 'HandOverAccepted'));
    expect(handedOver.length).toBeGreaterThan(week.received / 2);
    for (const t of handedOver) {
      const fate = fateOf(t);
      const [assigned, offered, accepted] = [when(t, 'HandlerAssigned'), when(t, 'HandOverOffered'), when(t, 'HandOverAccepted')];
      expect(t.accountability, t.complaintId).toEqual([
        { id: fate?.receivedBy.id, since: t.receivedAt, until: accepted, via: 'receipt' },
        { id: fate?.handler.id, since: accepted, until: null, via: 'handOver' },
      ]);
      // Neither assigning the handler nor offering the hand-over moves the accountability; accepting it does.
      expect([assigned, offered].map((at) => accountableAt(t, at)), t.complaintId).toEqual([fate?.receivedBy.id, fate?.receivedBy.id]);
      expect(offered < accepted, t.complaintId).toBe(true);
      expect(t.handOver, t.complaintId).toBeNull();
    }
    // The three changes give the complaint a new handler, not a new accountable person: no hand-over was made to him.
    const changed = tickets.find((t) => fateOf(t)?.story === 'threeChanges');
    expect(changed).toMatchObject({ handlerId: STAFF.zhouTao.id, accountableId: fateOf(changed as TicketView)?.handler.id });
  });

  it('routes the technical complaint to the engineers by its problem type, recorded apart from its escalation', () => {
    const technical = tickets.filter((t) => fateOf(t)?.grievance.checks && t.timeline.some((e) => e.type === 'InvestigationStarted'));
    expect(technical.length).toBeGreaterThan(0);
    for (const t of technical) {
      expect(t.routedTo, t.complaintId).toBe('rapidResponseEngineers');
      expect(t.routings, t.complaintId).toEqual([{ at: when(t, 'ComplaintRouted'), problemType: 'technical', group: 'rapidResponseEngineers', by: fateOf(t)?.handler.id }]);
      // The escalation ladder is climbed by its own events: routing is not a rung, and the rung is not a routing.
      expect(t.escalations, t.complaintId).toEqual(['seniorManagement', 'headOfficeEngineering']);
      const kinds = t.timeline.filter((e) => e.type === 'ComplaintRouted' || e.type === 'ComplaintEscalated').map((e) => e.type);
      expect(kinds, t.complaintId).toEqual(['ComplaintEscalated', 'ComplaintRouted', 'ComplaintEscalated']);
    }
    for (const t of tickets.filter((t) => !fateOf(t)?.grievance.checks)) expect(t.routings, t.complaintId).toEqual([]);
  });

  it('breaks the late-part promise only after telling the customer why, and refuses to break it before', async () => {
    const late = tickets.find((t) => fateOf(t)?.story === 'renegotiatedDeadline') as TicketView;
    const handler = fateOf(late)?.handler.id;
    expect(late.promises).toEqual([expect.objectContaining({ promiseId: 'part-1', kind: 'partArrival', madeBy: handler, state: 'broken' })]);
    const [promise] = late.promises;
    expect(late.timeline.filter((e) => e.type.startsWith('Promise')).map((e) => [e.type, e.at])).toEqual([
      ['PromiseMade', promise?.madeAt],
      ['PromiseBreakExplained', promise?.explainedAt],
      ['PromiseBroken', promise?.settledAt],
    ]);
    expect((promise?.explainedAt ?? '') < (promise?.settledAt ?? '')).toBe(true);

    // The attempt between the promise and the explanation: refused, naming the rule, and nothing written.
    const early = week.refusals.find((r) => r.command === 'BreakPromise');
    expect(early).toMatchObject({ complaintId: late.complaintId, actor: { id: handler } });
    expect(early?.error).toBeInstanceOf(IllegalCommandError);
    expect(early?.error).toMatchObject({ step: 'executing', rule: { name: 'breakExplained' } });
    expect((promise?.madeAt ?? '') < (early?.at ?? '') && (early?.at ?? '') < (promise?.explainedAt ?? '')).toBe(true);
    const stream = await week.store.readStream(late.complaintId);
    expect(stream.filter((e) => e.occurredAt === early?.at)).toEqual([]);
    expect(stream.filter((e) => e.type === 'PromiseBroken')).toHaveLength(1);
    expect(renderRefusals(week.refusals)).toContain('(rule breakExplained)');
  });
});

describe('the follow-up surveys', () => {
  const followUps = async () => (await week.store.readAll()).flatMap((e) => (e.type === 'FollowUpRecorded' ? [e.data] : []));
  const mean = (scores: number[]) => scores.reduce((a, b) => a + b, 0) / scores.length;

  it('come with every follow-up call, rating the CSI dimensions with their own reason codes', async () => {
    const recorded = await followUps();
    expect(recorded.length).toBeGreaterThan(0);
    for (const f of recorded) {
      expect(f.survey?.ratings.length).toBeGreaterThanOrEqual(4);
      expect(checkRatings(DEFAULT_CSI_CONFIG, f.survey?.ratings ?? [], 'ratings')).toEqual([]);
    }
  });

  it('score lower, with a reason, when the customer is not satisfied', async () => {
    const recorded = await followUps();
    const scores = (satisfied: boolean) => recorded.filter((f) => f.satisfied === satisfied).flatMap((f) => f.survey?.ratings.map((r) => r.score) ?? []);
    expect(mean(scores(false))).toBeLessThan(mean(scores(true)));
    for (const f of recorded.filter((f) => !f.satisfied)) expect(f.survey?.ratings.some((r) => (r.reasons ?? []).length > 0)).toBe(true);
  });
});

describe('the printout', () => {
  it('is the same for the same seed', async () => {
    const again = await playWeek({ seed: week.seed });
    expect(renderBoard(again)).toBe(renderBoard(week));
  });

  it('changes with the seed', async () => {
    const other = await playWeek({ seed: week.seed + 1 });
    expect(renderBoard(other)).not.toBe(renderBoard(week));
  });

  it('fits a 100-column terminal', () => {
    const text = [renderBoard(week), ...tickets.map(renderTimeline), renderRefusals(week.refusals)].join('\n');
    const widest = Math.max(...text.split('\n').map(displayWidth));
    expect(widest).toBeLessThanOrEqual(WIDTH);
  });
});

describe('other weeks', () => {
  it.each([
    [1, 12],
    [7, 25],
    [42, 80],
  ])('seed %i with %i complaints plays without an unexpected refusal', async (seed, complaints) => {
    const other = await playWeek({ seed, complaints });
    expect(other.tickets.size).toBe(complaints);
  });
});
