/**
 * `redress export`: the whole log as NDJSON, one recorded event per line in global
 * order, with every field the store keeps (stream, version, position, envelope, data).
 * It is the input of `redress import`, and plain enough for jq or a data warehouse.
 */
import type { EventLike, EventStore } from '@redress/core';
import type { Writable } from 'node:stream';
import { write } from '../io/cli-io.js';
import type { Progress } from '../io/progress.js';

export interface ExportReport {
  readonly events: number;
  readonly streams: number;
  /** The global position of the last event written (0 for an empty log). */
  readonly lastPosition: number;
}

export interface ExportOptions {
  /** Events read per call to `readAll` (default 1000). */
  readonly batchSize?: number;
  readonly progress?: Progress;
}

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
