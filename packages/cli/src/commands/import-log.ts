/**
 * `redress import`: appends an exported log to a store, in the file's order, through the
 * store's own `append` (so versions, positions and duplicate checks are the store's).
 *
 * All or nothing where it can be: the whole file is checked first (every line an event,
 * positions increasing, each stream's versions 1, 2, 3…, no event id twice) and a bad file
 * writes nothing. The target must be empty or hold the beginning of the same log (an
 * import that stopped half-way): then the events it holds are skipped, compared id by id,
 * and the import goes on from there. Anything else is refused before the first append.
 */
import { eventEnvelopeSchema, type EventLike, type EventStore, type NewEvent, type RecordedEvent } from '@redress/core';
import { CliError } from '../errors.js';
import type { Line } from '../io/ndjson.js';
import type { Progress } from '../io/progress.js';

/** What `redress import` did: how much of the file was already there and how much it appended. */
export interface ImportReport {
  /** Events in the file. */
  readonly events: number;
  /** Distinct streams in the file. */
  readonly streams: number;
  /** Events the target already held (a resumed import). */
  readonly skipped: number;
  /** Events appended by this run. */
  readonly appended: number;
}

/** How the import appends. */
export interface ImportOptions {
  /** Most events per append (default 500); one append never spans two streams. */
  readonly batchSize?: number;
  /** Where to report progress; silent when left out. */
  readonly progress?: Progress;
}

/** What import needs of the target store. */
export type ImportTarget = Pick<EventStore<EventLike>, 'append' | 'readAll'>;
const SHOWN = 10;

/** One line as a recorded event, or what is wrong with it. */
function parseLine(line: Line): RecordedEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an event object';
  const { type } = value as { type?: unknown };
  if (typeof type !== 'string' || type === '') return 'type: expected a non-empty string';
  if (!('data' in value)) return 'data: missing';
  const envelope = eventEnvelopeSchema.safeParse(value);
  if (!envelope.success) return envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return value as RecordedEvent;
}

/** Pass 1: the file is a log. Returns its size, or throws a CliError listing the first problems. */
async function checkFile(lines: AsyncIterable<Line>): Promise<{ readonly events: number; readonly streams: number }> {
  const problems: string[] = [];
  const versions = new Map<string, number>();
  const ids = new Set<string>();
  let position = 0;
  let events = 0;
  for await (const line of lines) {
    const event = parseLine(line);
    const problem =
      typeof event === 'string'
        ? event
        : event.globalPosition <= position
          ? `globalPosition ${event.globalPosition} after ${position}: the file must be in log order`
          : event.streamVersion !== (versions.get(event.streamId) ?? 0) + 1
            ? `stream ${event.streamId} goes from version ${versions.get(event.streamId) ?? 0} to ${event.streamVersion}`
            : ids.has(event.eventId)
              ? `event id ${event.eventId} appears twice`
              : undefined;
    if (problem !== undefined) {
      problems.push(`line ${line.number}: ${problem}`);
      continue;
    }
    const ok = event as RecordedEvent;
    position = ok.globalPosition;
    versions.set(ok.streamId, ok.streamVersion);
    ids.add(ok.eventId);
    events++;
  }
  if (problems.length) {
    const more = problems.length > SHOWN ? `\n  … and ${problems.length - SHOWN} more` : '';
    throw new CliError(`the file is not an exported log; nothing was imported:\n${problems.slice(0, SHOWN).map((p) => `  ✖ ${p}`).join('\n')}${more}`);
  }
  return { events, streams: versions.size };
}

/** The ids of the target's events, in log order. */
async function targetIds(store: ImportTarget): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 1; ; ) {
    const batch = await store.readAll(from, 1000);
    const last = batch[batch.length - 1];
    if (last === undefined) return ids;
    for (const e of batch) ids.push(e.eventId);
    from = last.globalPosition + 1;
  }
}

const toNew = ({ streamId: _s, streamVersion: _v, globalPosition: _p, ...event }: RecordedEvent): NewEvent => event;

/**
 * Imports an NDJSON log: checks the whole file first (each line an event, versions contiguous per stream),
 * then appends what the target lacks, so an interrupted import resumes where it stopped.
 */
export async function importLog(store: ImportTarget, source: () => AsyncIterable<Line>, options: ImportOptions = {}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 500;
  const { events, streams } = await checkFile(source());
  const held = await targetIds(store);
  if (held.length > events) throw new CliError(`the target already holds ${held.length} events, more than the file's ${events}: import into an empty store`);
  options.progress?.total(events);

  let index = 0;
  let batch: RecordedEvent[] = [];
  let appended = 0;
  const flush = async () => {
    const first = batch[0];
    if (first === undefined) return;
    const expected = first.streamVersion === 1 ? 'noStream' : first.streamVersion - 1;
    await store.append(first.streamId, expected, batch.map(toNew));
    appended += batch.length;
    options.progress?.advance(batch.length);
    batch = [];
  };
  for await (const line of source()) {
    const event = JSON.parse(line.text) as RecordedEvent;
    if (index < held.length) {
      // Still in the part the target holds: it must be the same log, event for event.
      if (held[index] !== event.eventId) {
        throw new CliError(
          `the target is not empty and does not hold the beginning of this log (event ${index + 1} is ${held[index]} there, ${event.eventId} in the file, line ${line.number}): nothing was imported`,
        );
      }
      index++;
      options.progress?.advance(1);
      continue;
    }
    if (batch.length === batchSize || (batch[0] !== undefined && batch[0].streamId !== event.streamId)) await flush();
    batch.push(event);
  }
  await flush();
  return { events, streams, skipped: held.length, appended };
}
