/**
 * Arbitrary logs for the privacy and evolution tests: complaints walked through the
 * decider by @redress/testing (realistic customers, plates and free texts in Chinese and
 * English, every event type), recorded as a store would, several customers per log.
 */
import type { fc } from '@fast-check/vitest';
import { walkedComplaints, type WalkedComplaint } from '@redress/testing/store-conformance';
import type { NewEvent, RecordedEvent } from '../../events/envelope.js';
import type { ComplaintEvent } from '../../events/schema.js';

/** One complaint's events, ready to append, with its customer reference (the data subject). */
export type ComplaintStream = WalkedComplaint;

/** 1 to `streams` complaints, received or not; customers may repeat across complaints, as they do. */
export function complaintStreams(options: { readonly streams?: number; readonly maxLength?: number } = {}): fc.Arbitrary<ComplaintStream[]> {
  const { streams = 3, maxLength = 25 } = options;
  return walkedComplaints({ complaints: streams, maxLength, receivedOnly: false });
}

/** The streams' events as a store records them, interleaved stream by stream. */
export function record(streams: readonly { readonly streamId: string; readonly events: readonly NewEvent<ComplaintEvent>[] }[]): RecordedEvent<ComplaintEvent>[] {
  const out: RecordedEvent<ComplaintEvent>[] = [];
  for (const s of streams) {
    s.events.forEach((e, i) => out.push({ ...e, streamId: s.streamId, streamVersion: i + 1, globalPosition: out.length + 1 }));
  }
  return out;
}
