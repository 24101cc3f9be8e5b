/**
 * Test harness: one in-memory log for complaints and surveys, an engine over it with
 * a manual clock and sequential ids, a survey desk, and a builder for a complaint's
 * life as commands, so tests read as the service station's story.
 */
import {
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  permissionsFromMatrix,
  defaultPermissionMatrix,
  sequentialIds,
  ticketViewProjection,
  type Cause,
  type CommandInput,
  type ServqualFactor,
  type Engine,
  type InMemoryEventStore,
  type ManualClock,
  type SurveyRating,
} from '@redress/core';
import { complaintStore } from '../surveys/complaint-store.js';
import { createSurveyDesk, type SurveyDesk } from '../surveys/desk.js';
import { followUpSurveyRule } from '../surveys/follow-up-rule.js';
import type { CsiLogEvent } from '../surveys/schema.js';

export const START = '2026-10-01T01:00:00.000Z';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Harness {
  readonly store: InMemoryEventStore<CsiLogEvent>;
  readonly clock: ManualClock;
  readonly engine: Engine;
  readonly desk: SurveyDesk;
  readonly tickets: ReturnType<typeof ticketViewProjection>;
}

export function harness(options: { readonly systemMayClassify?: boolean } = { systemMayClassify: true }): Harness {
  const store = createInMemoryEventStore<CsiLogEvent>();
  const clock = createManualClock(START);
  const tickets = ticketViewProjection();
  const engine = createEngine({
    store: complaintStore(store),
    clock,
    ids: sequentialIds('e'),
    projections: [tickets],
    rules: [followUpSurveyRule()],
    // The default matrix lets `system` classify; a host may take that away.
    ...(options.systemMayClassify === false
      ? { permissions: permissionsFromMatrix({ ClassifyComplaint: defaultPermissionMatrix.ClassifyComplaint.filter((role) => role !== 'system') }) }
      : {}),
  });
  const desk = createSurveyDesk({ store, clock, ids: sequentialIds('s') });
  return {
    store,
    clock,
    engine,
    desk,
    tickets,
  };
}

/** What csi's automation and repeat detector need from the harness: the engine, the shared log, the clock. */
export const wired = (h: Harness) => ({ engine: h.engine, store: h.store, clock: h.clock });

export interface TimedCommand {
  readonly afterMs: number;
  readonly command: CommandInput;
}

export interface LifeOptions {
  readonly customer?: string;
  readonly segment?: string;
  readonly product?: { readonly kind?: string; readonly identifier?: string; readonly model?: string };
  readonly branch?: string;
  readonly region?: string;
  readonly handler?: string;
  readonly severity?: 'general' | 'major';
  readonly cause?: Cause;
  /** Several causes identified one after the other in the first cycle (instead of `cause`). */
  readonly causes?: readonly Cause[];
  /** The SERVQUAL factor the handler names with the cause; the cause's default when left out. */
  readonly servqualFactor?: ServqualFactor;
  /** Where the life stops: after receipt, once investigating (no cause yet), after the plan, after execution, or archived (default). */
  readonly until?: 'received' | 'investigating' | 'planned' | 'executed' | 'archived' | 'withdrawn';
  /** The first follow-up finds the customer unsatisfied, so the complaint goes round again. */
  readonly reopen?: boolean;
  /** Hours from execution to the follow-up (default 24). */
  readonly followUpAfterHours?: number;
  /** Hours from receipt to the plan (default 24). */
  readonly planAfterHours?: number;
  /** The agreed deadline is this many hours after the plan; the execution comes 24 h after the plan (default 48: on time). */
  readonly deadlineHours?: number;
  /** The survey of the satisfied follow-up. */
  readonly ratings?: readonly SurveyRating[];
  /** The survey of the unsatisfied follow-up (with `reopen`). */
  readonly unsatisfiedRatings?: readonly SurveyRating[];
}

const ACK = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
const desk = { id: 'fd-wang', role: 'frontDesk' } as const;
const head = { id: 'dh-sun', role: 'departmentHead' } as const;
const followUp = { id: 'fu-wu', role: 'followUpStaff' } as const;
const senior = { id: 'sm-zhou', role: 'seniorManagement' } as const;

/** The commands of one complaint's life, with the time before each. */
export function life(complaintId: string, o: LifeOptions = {}): TimedCommand[] {
  const handler = { id: o.handler ?? 'h-li', role: 'handler' } as const;
  const until = o.until ?? 'archived';
  const steps: TimedCommand[] = [];
  const at = (afterMs: number, command: CommandInput) => steps.push({ afterMs, command });
  at(0, {
    type: 'ReceiveComplaint',
    complaintId,
    actor: desk,
    data: {
      customer: { reference: o.customer ?? `cust-${complaintId}`, ...(o.segment ? { segment: o.segment } : {}) },
      channel: 'phone',
      description: 'Noise from the engine bay after the service',
      demand: 'Fix it for free',
      ...(o.product ? { product: o.product } : {}),
      ...(o.branch ? { branch: o.branch } : {}),
      ...(o.region ? { region: o.region } : {}),
      acknowledgement: ACK,
    },
  });
  if (until === 'received') return steps;
  if (until === 'withdrawn') {
    at(HOUR, { type: 'WithdrawComplaint', complaintId, actor: desk, data: { reason: 'Sorted out with the dealer' } });
    return steps;
  }
  at(HOUR, { type: 'AssignHandler', complaintId, actor: head, data: { handlerId: handler.id, reason: 'initial' } });
  const severity = o.severity ?? 'general';
  const planAfter = (o.planAfterHours ?? 24) * HOUR;
  const cycle = (first: boolean) => {
    if (first) {
      at(HOUR, { type: 'ConfirmComplaint', complaintId, actor: handler, data: { summary: 'Confirmed with the customer' } });
      at(0, { type: 'ClassifyComplaint', complaintId, actor: handler, data: { severity } });
      at(0, { type: 'StartInvestigation', complaintId, actor: handler, data: {} });
      if (until === 'investigating') return;
    }
    const factor = o.servqualFactor ? { servqualFactor: o.servqualFactor } : {};
    for (const cause of first && o.causes ? o.causes : [o.cause ?? 'repairQuality']) {
      at(HOUR, { type: 'IdentifyCause', complaintId, actor: handler, data: { cause, findings: 'A loose heat shield', ...factor } });
    }
    // 分清责任: the responsible party before the first proposal (required by default; it holds across cycles), at the same instant.
    if (first) at(0, { type: 'AttributeResponsibility', complaintId, actor: handler, data: { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The heat shield was not refitted' } });
    at(first ? Math.max(0, planAfter - 3 * HOUR) : HOUR, {
      type: 'ProposeResolution',
      complaintId,
      actor: handler,
      data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: 'DEADLINE' },
    });
  };
  const execute = () => {
    if (severity === 'major') at(HOUR, { type: 'ApproveRemedy', complaintId, actor: senior, data: {} });
    at(HOUR, { type: 'StartExecution', complaintId, actor: handler, data: {} });
    at(22 * HOUR, { type: 'CompleteExecution', complaintId, actor: handler, data: { outcome: 'Refitted; quiet on the test drive' } });
  };
  const followUpStep = (satisfied: boolean) => {
    const survey = satisfied ? o.ratings : o.unsatisfiedRatings;
    at((o.followUpAfterHours ?? 24) * HOUR, {
      type: 'RecordFollowUp',
      complaintId,
      actor: followUp,
      data: { satisfied, channel: 'phone', ...(survey ? { survey: { ratings: [...survey] } } : {}) },
    });
  };
  cycle(true);
  if (until === 'investigating' || until === 'planned') return steps;
  execute();
  if (until === 'executed') return steps;
  if (o.reopen) {
    followUpStep(false);
    cycle(false);
    execute();
  }
  followUpStep(true);
  at(HOUR, { type: 'ArchiveComplaint', complaintId, actor: handler, data: { preventiveAction: 'Torque check on the checklist' } });
  return steps;
}

/** Plays a life, filling in agreed deadlines relative to the clock (`deadlineHours` after the plan). */
export async function live(h: Harness, complaintId: string, o: LifeOptions = {}): Promise<void> {
  for (const step of life(complaintId, o)) {
    if (step.afterMs > 0) h.clock.advance(step.afterMs);
    const c = step.command;
    const command: CommandInput =
      c.type === 'ProposeResolution'
        ? { ...c, data: { ...c.data, agreedDeadline: new Date(h.clock.now().getTime() + (o.deadlineHours ?? 48) * HOUR).toISOString() } }
        : c;
    await h.engine.executeOrThrow(command);
  }
}
