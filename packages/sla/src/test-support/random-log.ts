/**
 * Random SLA histories for property tests: several tickets whose events (any
 * order of the facts the default policy reacts to, with plausible payloads)
 * interleave on one timeline. The workflow's order is not enforced on purpose:
 * clocks must be right for any log, and odd orders reach odd clock states.
 */
import { fc } from '@fast-check/vitest';
import { H, T0, testLog, type TestStore } from './log.js';

const kinds = [
  'classifyMajor',
  'classifyGeneral',
  'assign',
  'acknowledge',
  'contactOut',
  'contactIn',
  'wait',
  'answer',
  'propose',
  'renegotiate',
  'execute',
  'followUp',
  'reopen',
  'note',
  'archive',
] as const;
type Kind = (typeof kinds)[number];

export interface LogStep {
  readonly ticket: number;
  readonly gap: number;
  readonly kind: Kind;
  /** Hours to a deadline, for proposals and renegotiations. */
  readonly hours: number;
}

export const logSteps = (tickets = 3, maxLength = 40) =>
  fc.array(
    fc.record({
      ticket: fc.integer({ min: 0, max: tickets - 1 }),
      gap: fc.oneof(fc.integer({ min: 0, max: H }), fc.integer({ min: 0, max: 3 * 24 * H })),
      kind: fc.constantFrom<Kind>(...kinds),
      hours: fc.integer({ min: -12, max: 96 }),
    }),
    { maxLength },
  );

function eventOf(step: LogStep, at: number): [string, Record<string, unknown>] {
  const deadline = () => new Date(at + step.hours * H).toISOString();
  switch (step.kind) {
    case 'classifyMajor':
      return ['ComplaintClassified', { severity: 'major' }];
    case 'classifyGeneral':
      return ['ComplaintClassified', { severity: 'general' }];
    case 'assign':
      return ['HandlerAssigned', { handlerId: `h-${Math.abs(step.hours) % 3}` }];
    case 'acknowledge':
      return ['AcknowledgementRecorded', {}];
    case 'contactOut':
      return ['CustomerContactLogged', { direction: 'outbound', channel: 'phone', summary: 's' }];
    case 'contactIn':
      return ['CustomerContactLogged', { direction: 'inbound', channel: 'phone', summary: 's' }];
    case 'wait':
      return ['WaitingOnCustomerStarted', { reason: 'information' }];
    case 'answer':
      return ['WaitingOnCustomerEnded', {}];
    case 'propose':
      return ['ResolutionProposed', { agreedDeadline: deadline() }];
    case 'renegotiate':
      return ['DeadlineRenegotiated', { agreedDeadline: deadline() }];
    case 'execute':
      return ['RemedyExecuted', {}];
    case 'followUp':
      return ['FollowUpRecorded', { satisfied: step.hours % 2 === 0 }];
    case 'reopen':
      return ['ComplaintReopened', {}];
    case 'note':
      return ['NoteAdded', { text: 'n', visibility: 'internal' }];
    case 'archive':
      return ['ComplaintArchived', {}];
  }
}

/** Writes the tickets `t0`, `t1`… (each received at the start) and their steps; returns the last instant. */
export async function writeLog(steps: readonly LogStep[], tickets = 3, store?: TestStore): Promise<{ store: TestStore; last: number }> {
  const log = testLog(store);
  for (let i = 0; i < tickets; i++) await log.add(`t${i}`, T0 + i * 60_000, 'ComplaintReceived');
  let at = T0 + tickets * 60_000;
  for (const step of steps) {
    at += step.gap;
    const [type, data] = eventOf(step, at);
    await log.add(`t${step.ticket}`, at, type as never, data);
  }
  return { store: log.store, last: at };
}
