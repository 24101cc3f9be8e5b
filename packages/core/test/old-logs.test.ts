/**
 * Old logs keep reading: the fixture log written by an earlier version (see
 * fixtures/README.md) parses with today's schemas and folds to the same facts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_EVENT_TYPES,
  complaintEventSchema,
  eventEnvelopeSchema,
  evolve,
  initialComplaintState,
  runProjection,
  ticketViewProjection,
  type ComplaintEvent,
  type ComplaintState,
  type RecordedEvent,
} from '../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const log = fixture('log-v1-2026-12-01.ndjson')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as RecordedEvent<ComplaintEvent>);
const golden = JSON.parse(fixture('log-v1-2026-12-01.golden.json')) as Record<string, Record<string, unknown>>;
const complaintTypes = new Set<string>(COMPLAINT_EVENT_TYPES);
const complaintEvents = log.filter((e) => complaintTypes.has(e.type));
/** The complaint event types of that version: all of them are in the fixture. */
const V1_TYPES = [
  'AcknowledgementRecorded', 'CauseIdentified', 'ComplaintArchived', 'ComplaintClassified', 'ComplaintConfirmed', 'ComplaintEscalated',
  'ComplaintReceived', 'ComplaintReopened', 'ComplaintWithdrawn', 'CustomerContactLogged', 'DeadlineRenegotiated', 'ExecutionStarted',
  'FollowUpRecorded', 'HandlerAssigned', 'InvestigationStarted', 'NoteAdded', 'PreventiveActionRecorded', 'RemedyApproved',
  'RemedyExecuted', 'RemedyRejected', 'RepeatComplaintFlagged', 'ResolutionProposed', 'WaitingOnCustomerEnded', 'WaitingOnCustomerStarted',
];

describe('the log written on 2026-12-01 (schema version 1)', () => {
  it('holds every complaint event type of that version, each still known today, so every old shape is exercised', () => {
    expect([...new Set(complaintEvents.map((e) => e.type))].sort()).toEqual(V1_TYPES);
  });

  it('parses event by event with the complaint event and envelope schemas', () => {
    const refused = complaintEvents.flatMap((e) => {
      const body = complaintEventSchema.safeParse({ type: e.type, data: e.data });
      const envelope = eventEnvelopeSchema.safeParse(e);
      return body.success && envelope.success ? [] : [`${e.streamId}@${e.streamVersion} ${e.type}`];
    });
    expect(refused).toEqual([]);
  });

  it('folds to the decision states and tickets that version folded', () => {
    const states = new Map<string, ComplaintState>();
    const tickets = runProjection(ticketViewProjection());
    for (const e of complaintEvents) {
      states.set(e.streamId, evolve(states.get(e.streamId) ?? initialComplaintState, e));
      tickets.apply(e);
    }
    const folded = Object.fromEntries(
      [...states].map(([id, s]) => {
        const t = tickets.state.get(id);
        return [
          id,
          {
            step: s.step,
            severity: s.severity,
            cycle: s.cycle,
            causeIdentified: s.causeIdentified,
            remedyApproved: s.remedyApproved,
            handlerId: s.handlerId,
            ticket: { step: t?.step, cause: t?.cause, escalations: t?.escalations, reopenCount: t?.reopenCount, version: t?.version, customer: t?.customer.name ?? null },
          },
        ];
      }),
    );
    expect(folded).toEqual(golden);
  });
});
