/**
 * Arbitrary logs for the privacy and evolution tests: complaints walked through the
 * decider by @redress/testing (realistic customers, plates and free texts in Chinese and
 * English, every event type), recorded as a store would, several customers per log.
 */
import { fc } from '@fast-check/vitest';
import { commandSequence } from '@redress/testing';
import { decide } from '../../decider/decide.js';
import { evolveAll } from '../../decider/evolve.js';
import { initialComplaintState } from '../../decider/state.js';
import type { NewEvent, RecordedEvent } from '../../events/envelope.js';
import type { ComplaintEvent } from '../../events/schema.js';

/** One complaint's events, ready to append, with its customer reference (the data subject). */
export interface ComplaintStream {
  readonly streamId: string;
  readonly subject: string;
  readonly events: readonly NewEvent<ComplaintEvent>[];
}

function stream(index: number, maxLength: number): fc.Arbitrary<ComplaintStream> {
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

/** 1 to `streams` complaints; customers may repeat across complaints, as they do. */
export function complaintStreams(options: { readonly streams?: number; readonly maxLength?: number } = {}): fc.Arbitrary<ComplaintStream[]> {
  const { streams = 3, maxLength = 25 } = options;
  return fc.integer({ min: 1, max: streams }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stream(i + 1, maxLength))));
}

/** The streams' events as a store records them, interleaved stream by stream. */
export function record(streams: readonly { readonly streamId: string; readonly events: readonly NewEvent<ComplaintEvent>[] }[]): RecordedEvent<ComplaintEvent>[] {
  const out: RecordedEvent<ComplaintEvent>[] = [];
  for (const s of streams) {
    s.events.forEach((e, i) => out.push({ ...e, streamId: s.streamId, streamVersion: i + 1, globalPosition: out.length + 1 }));
  }
  return out;
}
