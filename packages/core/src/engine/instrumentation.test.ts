/**
 * The instrumentation hooks see every execute and every inline projection batch, with
 * what the caller gets; and a hook that only passes `run` through leaves the engine's
 * behaviour exactly as without one, over any walk of the workflow.
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../errors/store-errors.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { createInMemoryEventStore } from '../store/in-memory.js';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { chooseCommand, walk } from '../test-support/walk.js';
import { initialComplaintState } from '../decider/state.js';
import type { ExecuteResult } from './engine.js';
import { sequentialIds } from './ids.js';
import type { EngineInstrumentation, ProjectionBatch, ProjectionLag } from './instrumentation.js';

/** Records what the hooks were told and what `run` gave. */
function recorder() {
  const executes: { commandType: string; result: ExecuteResult }[] = [];
  const batches: { batch: ProjectionBatch; lag: readonly ProjectionLag[]; error?: unknown }[] = [];
  const instrumentation: EngineInstrumentation = {
    async execute(info, run) {
      const result = await run();
      executes.push({ commandType: info.commandType, result });
      return result;
    },
    async project(batch, run) {
      try {
        await run();
        batches.push({ batch, lag: batch.lag() });
      } catch (error) {
        batches.push({ batch, lag: batch.lag(), error });
        throw error;
      }
    },
  };
  return { instrumentation, executes, batches };
}

describe('engine instrumentation', () => {
  it('sees every execute with its command type and the very result the caller gets', async () => {
    const { instrumentation, executes } = recorder();
    const { engine } = testEngine({ instrumentation });
    const received = await engine.execute(commandOf('ReceiveComplaint', 'c-1', NOW));
    const refused = await engine.execute(commandOf('StartExecution', 'c-1', NOW));
    const invalid = await engine.execute({ nonsense: true } as never);
    const automated = await engine.automation().execute({ type: 'AddNote', complaintId: 'c-1', data: { text: 'checked' } });
    expect(executes.map((e) => e.commandType)).toEqual(['ReceiveComplaint', 'StartExecution', 'unknown', 'AddNote']);
    expect(executes.map((e) => e.result)).toEqual([received, refused, invalid, automated]);
    expect(refused.ok ? 'ok' : refused.error.kind).toBe('IllegalCommand');
    expect(invalid.ok ? 'ok' : invalid.error.kind).toBe('Validation');
  });

  it('wraps each append batch of the inline projections, which are up to date afterwards', async () => {
    const { instrumentation, batches } = recorder();
    const { engine, tickets } = testEngine({ instrumentation });
    const received = await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    await engine.execute(commandOf('StartExecution', 'c-1', NOW)); // refused: nothing to project
    const noted = await engine.executeOrThrow({ type: 'AddNote', complaintId: 'c-1', actor: actors.handler, data: { text: 'called back' } });
    expect(batches.map((b) => [b.batch.trigger, b.batch.events, b.batch.projections])).toEqual([
      ['append', received.events.length, [tickets.name, 'queues']],
      ['append', 1, [tickets.name, 'queues']],
    ]);
    const head = noted.events[0]?.globalPosition;
    expect(head).toBe(received.events.length + 1);
    expect(batches[1]?.lag).toEqual([
      { projection: tickets.name, checkpoint: head, behind: 0 },
      { projection: 'queues', checkpoint: head, behind: 0 },
    ]);
    await engine.catchUp();
    expect(batches[2]?.batch).toMatchObject({ trigger: 'catchUp', events: 0 });
  });

  it('shows a view left behind when the store fails while it catches up, and the execute still succeeds', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    let down = false;
    const flaky = {
      ...store,
      append: store.append.bind(store),
      readStream: store.readStream.bind(store),
      subscribe: store.subscribe.bind(store),
      readAll: async (from?: number, limit?: number): Promise<readonly RecordedEvent<ComplaintEvent>[]> => {
        if (down) throw new StoreUnavailableError({ store: 'test', operation: 'readAll', cause: new Error('the log is unreachable'), maybeWritten: false });
        return store.readAll(from, limit);
      },
    };
    const { instrumentation, batches } = recorder();
    const { engine, tickets } = testEngine({ instrumentation, store: flaky as never });
    const received = await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    // Another writer appends in between: the views must read it, and the read fails.
    const other = await testEngine({ store, ids: sequentialIds('other') }).engine.execute(commandOf('ReceiveComplaint', 'c-2', NOW));
    expect(other.ok).toBe(true);
    down = true;
    const noted = await engine.execute({ type: 'AddNote', complaintId: 'c-1', actor: actors.handler, data: { text: 'x' } });
    expect(noted.ok).toBe(true);
    const seen = received.events.length;
    const head = noted.ok ? noted.value.events[0]?.globalPosition : undefined;
    const last = batches.at(-1);
    expect(last?.error).toBeInstanceOf(StoreUnavailableError);
    expect(last?.lag.find((l) => l.projection === tickets.name)).toEqual({ projection: tickets.name, checkpoint: seen, behind: (head ?? 0) - seen });
    expect(head).toBeGreaterThan(seen + 1);
  });
});

/** A hook that changes nothing: what the engine does must not depend on its presence. */
const passThrough: EngineInstrumentation = { execute: (_info, run) => run(), project: (_batch, run) => run() };

test.prop([walk(40)], { numRuns: 60 })('with or without a pass-through hook the engine answers and writes the same', async (steps) => {
  const plain = testEngine();
  const hooked = testEngine({ instrumentation: passThrough });
  let state = initialComplaintState;
  let clock = Date.parse(NOW);
  for (const step of steps) {
    clock += step.minutes * 60_000;
    plain.clock.set(new Date(clock));
    hooked.clock.set(new Date(clock));
    const command = chooseCommand(state, step, 'c-1', new Date(clock).toISOString());
    const [a, b] = [await plain.engine.execute(command), await hooked.engine.execute(command)];
    expect(b).toEqual(a);
    if (a.ok) state = a.value.state;
  }
  expect(await hooked.store.readAll()).toEqual(await plain.store.readAll());
  expect(hooked.engine.view(hooked.tickets)).toEqual(plain.engine.view(plain.tickets));
});
