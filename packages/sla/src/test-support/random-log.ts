/**
 * Random SLA histories for property tests: several tickets whose events (any
 * order of the facts the default policy reacts to, with plausible payloads)
 * interleave on one timeline. The workflow's order is not enforced on purpose:
 * clocks must be right for any log, and odd orders reach odd clock states.
 *
 * With `versions`, the log also holds the SLA streams' pin events: tickets pinned
 * to version 1 or 2 of the default policy (`versionedConfig`) at any point of their
 * history, and migrations between the two. With `promises`, it also holds promises
 * (visits and call-backs among four ids, made, kept and broken in any order), for the
 * clocks that follow one promise (`promiseConfig`).
 */
import { fc } from '@fast-check/vitest';
import { defaultPolicy, serviceHoursCalendar } from '../policy/default-policy.js';
import type { SlaConfigInput } from '../policy/schema.js';
import { slaPinEventId, slaStreamId } from '../tick/events.js';
import { H, T0, testLog, type TestStore } from './log.js';

const kinds = [
  'classifyMajor',
  'classifyGeneral',
  'classifyP1',
  'assign',
  'acknowledge',
  'contactOut',
  'contactIn',
  'wait',
  'answer',
  'propose',
  'renegotiate',
  'reject',
  'execute',
  'followUp',
  'reopen',
  'note',
  'archive',
] as const;
const pinKinds = ['pin', 'migrate'] as const;
const promiseKinds = ['promiseVisit', 'promiseCall', 'keepPromise', 'breakPromise'] as const;
type Kind = (typeof kinds)[number] | (typeof pinKinds)[number] | (typeof promiseKinds)[number];

export interface LogStep {
  readonly ticket: number;
  readonly gap: number;
  readonly kind: Kind;
  /** Hours to a deadline, for proposals and renegotiations; picks versions and clocks for pins. */
  readonly hours: number;
}

/** The kind of step; without options exactly the arbitrary the golden logs were drawn from (so their seeds still give them). */
function kindOf(options: { readonly versions?: boolean; readonly promises?: boolean }): fc.Arbitrary<Kind> {
  const extra = [
    ...(options.versions ? [{ weight: 1, arbitrary: fc.constantFrom<Kind>(...pinKinds) }] : []),
    ...(options.promises ? [{ weight: 4, arbitrary: fc.constantFrom<Kind>(...promiseKinds) }] : []),
  ];
  return extra.length === 0 ? fc.constantFrom<Kind>(...kinds) : fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Kind>(...kinds) }, ...extra);
}

export const logSteps = (tickets = 3, maxLength = 40, options: { readonly versions?: boolean; readonly promises?: boolean } = {}) =>
  fc.array(
    fc.record({
      ticket: fc.integer({ min: 0, max: tickets - 1 }),
      gap: fc.oneof(fc.integer({ min: 0, max: H }), fc.integer({ min: 0, max: 3 * 24 * H })),
      kind: kindOf(options),
      hours: fc.integer({ min: -12, max: 96 }),
    }),
    // Long enough for a ticket to get through proposal, rejection and a second proposal, not only receipt.
    { maxLength, size: 'medium' },
  );

/**
 * Version 1 and 2 of the default policy: 2 has other targets, a periodic-update clock
 * 1 lacks, and no remedy clock. Version 2 has no `effectiveFrom`, so tickets not
 * pinned take it.
 */
export function versionedConfig(): SlaConfigInput {
  const v2 = defaultPolicy({ version: 2, acknowledgement: { general: 'PT2H', major: 'PT1H' }, resolution: { general: 'P2D', major: 'PT36H' }, followUp: { general: 'P1D' } });
  const update = { name: 'update', calendar: '24x7', start: [{ on: 'ComplaintReceived' as const }], stop: [{ on: 'ResolutionProposed' as const }], pauseWhile: { field: 'waiting', equals: true }, target: { duration: 'P1D' } };
  return { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ version: 1 }), { ...v2, clocks: [...v2.clocks.filter((c) => c.name !== 'remedy'), update] }] };
}

/**
 * The default policy and two clocks that follow one promise each (`follows: 'promiseId'`): a visit to its own
 * due time, re-armed by a rejected remedy and on reopening; and a call-back within 8 hours, held while waiting
 * on the customer, held by a visit promised and released by a promise kept (events that name a promise, so
 * only those of the promise it follows reach it while it runs), restarting on reopening.
 */
export function promiseConfig(): SlaConfigInput {
  const made = (kind: string) => ({ on: 'PromiseMade' as const, where: { field: 'kind', equals: kind } });
  const visit = {
    name: 'visit',
    calendar: '24x7',
    start: [made('visit')],
    follows: 'promiseId',
    stop: [{ on: 'PromiseKept' as const }],
    cancel: [{ on: ['PromiseBroken' as const, 'ComplaintArchived' as const] }],
    rearm: [{ on: 'RemedyRejected' as const }],
    target: { deadline: { field: 'due', from: [made('visit')] } },
    onReopen: 'rearm' as const,
  };
  const callBack = {
    name: 'callBack',
    calendar: '24x7',
    start: [made('callBack')],
    follows: 'promiseId',
    stop: [{ on: 'PromiseKept' as const }],
    cancel: [{ on: 'PromiseBroken' as const }],
    pause: [made('visit')],
    resume: [{ on: 'PromiseKept' as const }],
    pauseWhile: { field: 'waiting', equals: true },
    target: { duration: 'PT8H' },
    onReopen: 'restart' as const,
  };
  const base = defaultPolicy({ version: 1 });
  return { calendars: [serviceHoursCalendar], policies: [{ ...base, clocks: [...base.clocks, visit, callBack] }] };
}

function eventOf(step: LogStep, at: number): [string, Record<string, unknown>] {
  const deadline = () => new Date(at + step.hours * H).toISOString();
  const promiseId = `p-${Math.abs(step.hours) % 4}`;
  switch (step.kind) {
    case 'promiseVisit':
    case 'promiseCall':
      return ['PromiseMade', { promiseId, kind: step.kind === 'promiseVisit' ? 'visit' : 'callBack', due: deadline(), description: 'd', madeBy: 'h-0' }];
    case 'keepPromise':
      return ['PromiseKept', { promiseId, due: deadline(), onTime: true }];
    case 'breakPromise':
      return ['PromiseBroken', { promiseId, due: deadline(), reason: 'r' }];
    case 'classifyMajor':
      return ['ComplaintClassified', { severity: 'major' }];
    case 'classifyGeneral':
      return ['ComplaintClassified', { severity: 'general' }];
    case 'classifyP1':
      return ['ComplaintClassified', { severity: 'major', priority: 'P1' }];
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
    case 'reject':
      return ['RemedyRejected', { reason: 'r' }];
    case 'execute':
      return ['RemedyExecuted', {}];
    case 'followUp':
      return ['FollowUpRecorded', { satisfied: step.hours % 2 === 0 }];
    case 'reopen':
      return ['ComplaintReopened', {}];
    case 'note':
      return ['NoteAdded', { text: 'n', visibility: 'internal' }];
    case 'archive':
    case 'pin':
    case 'migrate':
      return ['ComplaintArchived', {}];
  }
}

/** A ticket's pin events so far, and the version the last one named. */
interface Pins {
  seq: number;
  version: number | undefined;
}

async function appendPin(store: TestStore, id: string, at: number, step: LogStep, pins: Pins): Promise<void> {
  const seq = pins.seq + 1;
  const version = step.kind === 'pin' ? 1 + (Math.abs(step.hours) % 2) : (pins.version ?? 2) === 1 ? 2 : 1;
  if (step.kind === 'pin' && seq > 0) return; // a ticket is pinned once; later moves are migrations
  const ref = (v: number) => ({ name: 'default', version: v });
  const data =
    step.kind === 'pin'
      ? { complaintId: id, seq, policy: ref(version) }
      : {
          complaintId: id,
          seq,
          migrationId: `m${seq}`,
          // A migration names what the writer saw: the pin, or (not pinned yet) the version selected.
          from: ref(pins.version ?? 2),
          to: ref(version),
          start: version === 2 && step.hours % 3 === 0 ? [{ clock: 'update', held: step.hours % 2 === 0, deadline: null }] : [],
        };
  await store.append(slaStreamId(id), 'any', [
    {
      type: step.kind === 'pin' ? 'SlaPolicyApplied' : 'SlaPolicyMigrated',
      data,
      eventId: slaPinEventId(id, seq),
      occurredAt: new Date(step.kind === 'pin' ? T0 : at).toISOString(),
      actor: { id: 'sla', role: 'system' },
      causationId: id,
      correlationId: id,
      schemaVersion: 1,
    },
  ]);
  pins.seq = seq;
  pins.version = version;
}

/** Writes the tickets `t0`, `t1`… (each received at the start) and their steps; returns the last instant. */
export async function writeLog(steps: readonly LogStep[], tickets = 3, store?: TestStore): Promise<{ store: TestStore; last: number }> {
  const log = testLog(store);
  const pins = new Map<string, Pins>();
  for (let i = 0; i < tickets; i++) {
    await log.add(`t${i}`, T0 + i * 60_000, 'ComplaintReceived');
    pins.set(`t${i}`, { seq: -1, version: undefined });
  }
  let at = T0 + tickets * 60_000;
  for (const step of steps) {
    at += step.gap;
    const id = `t${step.ticket}`;
    if (step.kind === 'pin' || step.kind === 'migrate') {
      await appendPin(log.store, id, at, step, pins.get(id) as Pins);
      continue;
    }
    const [type, data] = eventOf(step, at);
    await log.add(id, at, type as never, data);
  }
  return { store: log.store, last: at };
}
