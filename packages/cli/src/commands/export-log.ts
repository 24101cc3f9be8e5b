/**
 * `redress export`: the whole log as NDJSON, one recorded event per line in global
 * order, with every field the store keeps (stream, version, position, envelope, data).
 * It is the input of `redress import`, and plain enough for jq or a data warehouse.
 */
import type { EventLike, EventStore } from '@redress/core';
import type { Writable } from 'node:stream';
import { write } from '../io/cli-io.js';
import type { Progress } from '../io/progress.js';

/** What `redress export` wrote: counts to check against `redress verify` on the source. */
export interface ExportReport {
  /** Events written, one NDJSON line each. */
  readonly events: number;
  /** Distinct streams among them. */
  readonly streams: number;
  /** The global position of the last event written (0 for an empty log). */
  readonly lastPosition: number;
}

/** How the export reads the log. */
export interface ExportOptions {
  /** Events read per call to `readAll` (default 1000). */
  readonly batchSize?: number;
  /** Where to report progress (a bar on a TTY); silent when left out. */
  readonly progress?: Progress;
}

/**
 * Writes the whole log to `out` as NDJSON in global order, one recorded event per line, reading `batchSize`
 * events at a time so memory stays flat.
 */
export async function exportLog(store: Pick<EventStore<EventLike>, 'readAll'>, out: Writable, options: ExportOptions = {}): Promise<ExportReport> {
  const batchSize = options.batchSize ?? 1000;
  const streams = new Set<string>();
  let events = 0;
  let lastPosition = 0;
  for (;;) {
    const batch = await store.readAll(lastPosition + 1, batchSize);
    const last = batch[batch.length - 1];
    if (last === undefined) break;
    await write(out, batch.map((event) => `${JSON.stringify(event)}\n`).join(''));
    for (const event of batch) streams.add(event.streamId);
    events += batch.length;
    lastPosition = last.globalPosition;
    options.progress?.advance(batch.length);
  }
  return { events, streams: streams.size, lastPosition };
}
