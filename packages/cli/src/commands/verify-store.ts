/**
 * `redress verify`: reads the whole log through the store's public API and checks what
 * the EventStore contract promises: global positions strictly increasing, each stream's
 * versions 1, 2, 3… in log order, every event readable (its row decodes, its envelope is
 * well-formed, a complaint or SLA event matches its schema), and `readStream` giving each
 * stream the very events the log has for it.
 */
import { complaintEventSchema, COMPLAINT_EVENT_TYPES, eventEnvelopeSchema, type EventLike, type EventStore, type RecordedEvent } from '@redress/core';
import type { Progress } from '../io/progress.js';

/** What `redress verify` found; the command fails when any check did. */
export interface VerifyReport {
  /** Events read. */
  readonly events: number;
  /** Distinct streams. */
  readonly streams: number;
  /** Events of types neither the core nor the SLA engine defines (surveys, a host's own): checked for their envelope only. */
  readonly otherTypes: Readonly<Record<string, number>>;
  /** Empty when the store is sound. */
  readonly problems: readonly string[];
}

/** A schema for a type's events, when one is known (zod-like: only safeParse is used). */
export type EventSchema = { safeParse(value: unknown): { success: boolean; error?: { issues: readonly { path: PropertyKey[]; message: string }[] } } };

/** How the verification reads the log. */
export interface VerifyOptions {
  /** Events read per call to `readAll` (default 1000). */
  readonly batchSize?: number;
  /** Where to report progress; silent when left out. */
  readonly progress?: Progress;
  /** Schemas for more event types (the CLI passes @redress/sla's when it is installed). */
  readonly schemas?: ReadonlyMap<string, EventSchema>;
}

/** What verify reads of the store. */
export type VerifySource = Pick<EventStore<EventLike>, 'readAll' | 'readStream'>;

const complaintTypes = new Set<string>(COMPLAINT_EVENT_TYPES);
const issues = (r: ReturnType<EventSchema['safeParse']>) => (r.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');

/** The problems of one event read from the log, given the versions seen so far. */
function checkEvent(event: RecordedEvent, lastPosition: number, lastVersion: number, schemas: ReadonlyMap<string, EventSchema>): string[] {
  const at = `position ${event.globalPosition} (${event.streamId} v${event.streamVersion}, ${event.type})`;
  const problems: string[] = [];
  if (!(event.globalPosition > lastPosition)) problems.push(`${at}: comes after position ${lastPosition}; positions must increase`);
  if (event.streamVersion !== lastVersion + 1) problems.push(`${at}: follows version ${lastVersion} of its stream; versions must be contiguous`);
  const envelope = eventEnvelopeSchema.safeParse(event);
  if (!envelope.success) problems.push(`${at}: envelope: ${issues(envelope as ReturnType<EventSchema['safeParse']>)}`);
  const schema = complaintTypes.has(event.type) ? complaintEventSchema : schemas.get(event.type);
  if (schema) {
    const parsed = schema.safeParse({ type: event.type, data: event.data });
    if (!parsed.success) problems.push(`${at}: data: ${issues(parsed as ReturnType<EventSchema['safeParse']>)}`);
  }
  return problems;
}

/** Reads from `from` on; a batch that throws is narrowed to the unreadable events, one position at a time. */
async function readFrom(store: VerifySource, from: number, limit: number, problems: string[]): Promise<{ readonly events: readonly RecordedEvent[]; readonly next: number }> {
  try {
    const events = await store.readAll(from, limit);
    return { events, next: (events[events.length - 1]?.globalPosition ?? from - 1) + 1 };
  } catch (e) {
    if (limit > 1) return readFrom(store, from, 1, problems);
    problems.push(`position ${from}: unreadable: ${(e as Error).message}`);
    return { events: [], next: from + 1 };
  }
}

/**
 * Reads the whole log up to `head` and checks it: versions contiguous per stream, positions increasing, every
 * event's envelope and (for known types) data valid.
 */
export async function verifyStore(store: VerifySource, head: number, options: VerifyOptions = {}): Promise<VerifyReport> {
  const batchSize = options.batchSize ?? 1000;
  const schemas = options.schemas ?? new Map();
  const problems: string[] = [];
  const streams = new Map<string, string[]>();
  const otherTypes: Record<string, number> = {};
  options.progress?.total(head);
  let lastPosition = 0;
  let events = 0;
  for (let from = 1; from <= head; ) {
    const read = await readFrom(store, from, batchSize, problems);
    for (const event of read.events) {
      const ids = streams.get(event.streamId) ?? [];
      problems.push(...checkEvent(event, lastPosition, ids.length, schemas));
      if (!complaintTypes.has(event.type) && !schemas.has(event.type)) otherTypes[event.type] = (otherTypes[event.type] ?? 0) + 1;
      ids.push(event.eventId);
      streams.set(event.streamId, ids);
      lastPosition = event.globalPosition;
      events++;
    }
    // An empty read before the head means the log ends early: the rest cannot be reached.
    if (read.events.length === 0 && read.next === from) {
      problems.push(`the log ends at position ${lastPosition}, before its head ${head}`);
      break;
    }
    options.progress?.advance(read.next - from);
    from = Math.max(read.next, from + 1);
  }
  for (const [streamId, ids] of streams) {
    const stream = await store.readStream(streamId).catch((e: Error) => e);
    if (stream instanceof Error) problems.push(`stream ${streamId}: readStream failed: ${stream.message}`);
    else if (stream.map((e) => e.eventId).join('\n') !== ids.join('\n')) {
      problems.push(`stream ${streamId}: readStream gives ${stream.length} events, the log ${ids.length} (or in another order)`);
    }
  }
  return { events, streams: streams.size, otherTypes, problems };
}
