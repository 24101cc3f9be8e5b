/**
 * Logs of several complaints walked through the decider (realistic customers, plates and
 * free texts; customers may repeat across complaints), for the stores' erasure checks:
 * each complaint's events with its customer reference, the data subject its personal
 * data is encrypted for.
 */
import { decide, evolveAll, initialComplaintState, type ComplaintEvent, type NewEvent } from '@redress/core';
import fc from 'fast-check';
import { commandSequence } from '../arbitraries/walk.js';

/** One complaint walked through the decider: its stream, its customer and its events. */
export interface WalkedComplaint {
  /** The complaint stream. */
  readonly streamId: string;
  /** The complaint's customer reference. */
  readonly subject: string;
  /** Its events, ready to append. */
  readonly events: readonly NewEvent<ComplaintEvent>[];
}

function complaint(index: number, maxLength: number): fc.Arbitrary<WalkedComplaint> {
  const streamId = `c-${index}`;
  return commandSequence({ complaintId: streamId, maxLength }).map((walk) => {
    let state = initialComplaintState;
    const events: NewEvent<ComplaintEvent>[] = [];
    for (const { at, command } of walk) {
      const decision = decide(state, command, { now: at });
      if (!decision.ok) continue;
      state = evolveAll(state, decision.value);
      for (const e of decision.value) {
        const eventId = `${streamId}-e${events.length + 1}`;
        // Cloned as a store would (fast-check builds some objects without a prototype).
        events.push(structuredClone({ ...e, eventId, occurredAt: at, actor: command.actor, causationId: `cmd-${eventId}`, correlationId: streamId, schemaVersion: 1 }) as NewEvent<ComplaintEvent>);
      }
    }
    return { streamId, subject: state.customerReference ?? `nobody-${index}`, events };
  });
}

/**
 * 1 to `complaints` walked complaints, each received (its first event is ComplaintReceived);
 * with `receivedOnly: false`, also the walks whose receipt was refused (streams that hold
 * no receipt, or none at all), for readers that must cope with any stream.
 */
export function walkedComplaints(options: { readonly complaints?: number; readonly maxLength?: number; readonly receivedOnly?: boolean } = {}): fc.Arbitrary<WalkedComplaint[]> {
  const { complaints = 3, maxLength = 20, receivedOnly = true } = options;
  const all = fc.integer({ min: 1, max: complaints }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => complaint(i + 1, maxLength))));
  return receivedOnly ? all.map((walked) => walked.filter((c) => c.events[0]?.type === 'ComplaintReceived')) : all;
}
