/**
 * A process of the stress tests and script (forked, run with tsx): either a writer
 * executing commands through the engine on complaints other writers also use, or
 * a projector instance competing for the leases of the ticket tables and of the SLA
 * deadlines (one projector each, in the same process). It reports each
 * accepted command to its parent only after the command committed, so whatever
 * the parent has heard of must be in the store, however the process dies.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine, systemClock } from '@redress/core';
import { defaultSlaConfig } from '@redress/sla';
import { createProjector, createSqliteEventStore, sqlTicketProjection } from '../index.js';
import { sqlSlaProjection } from '../sla/index.js';
import { advance, sideCommand } from './workload.js';

export interface WorkerArgs {
  readonly role: 'writer' | 'projector';
  readonly file: string;
  readonly worker: number;
  /** Writers: commands to execute (then exit). */
  readonly commands: number;
  /** Writers: how many complaints `c-0` … share the load. */
  readonly complaints: number;
  /**
   * Writers: engine retries on conflict. 1 = surface every conflict: such writers
   * also send the version they loaded as the command's `expectedVersion`, after a
   * short random pause that widens the race with the other writers.
   */
  readonly attempts: number;
  /** Projectors: lease length. */
  readonly leaseMs: number;
}

export type WorkerReport =
  | { readonly kind: 'accepted'; readonly commandId: string; readonly eventIds: readonly string[] }
  | { readonly kind: 'refused'; readonly commandId: string; readonly error: string; readonly name: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'done' };

const send = (report: WorkerReport) => new Promise<void>((resolve) => process.send?.(report, () => resolve()));

async function write(args: WorkerArgs) {
  const store = createSqliteEventStore({ file: args.file, synchronous: 'normal', busyTimeoutMs: 30_000 });
  const engine = createEngine({ store, clock: systemClock, retry: { attempts: args.attempts } });
  // Forking is slow and uneven: the writers start together, on the parent's word, so they really overlap.
  const go = new Promise((resolve) => process.once('message', resolve));
  await send({ kind: 'ready' });
  await go;
  for (let j = 0; j < args.commands; j++) {
    const complaintId = `c-${(args.worker * 7 + j) % args.complaints}`;
    const commandId = `w${args.worker}-${j}`;
    const { state, version } = await engine.load(complaintId);
    const command = (j % 3 === 0 ? advance(state.step, complaintId, commandId) : undefined) ?? sideCommand(j + args.worker, complaintId, commandId);
    if (args.attempts === 1) await sleep(Math.random() * 3);
    const result = await engine.execute(args.attempts === 1 ? { ...command, expectedVersion: version } : command);
    await send(
      result.ok
        ? { kind: 'accepted', commandId, eventIds: result.value.events.map((e) => e.eventId) }
        : { kind: 'refused', commandId, error: result.error.kind, name: result.error.name },
    );
  }
  store.close();
}

async function project(args: WorkerArgs) {
  const store = createSqliteEventStore({ file: args.file, synchronous: 'normal', busyTimeoutMs: 30_000, pollIntervalMs: 10 });
  const projectors = [sqlTicketProjection(), sqlSlaProjection({ config: defaultSlaConfig() })].map((projection) =>
    createProjector({ store, projection, owner: `projector-${args.worker}`, clock: systemClock, leaseMs: args.leaseMs, batchSize: 20 }),
  );
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  await Promise.all(projectors.map((p) => p.run(stop.signal)));
  store.close();
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
await (args.role === 'writer' ? write(args) : project(args));
await send({ kind: 'done' });
process.disconnect?.();
