/**
 * Instrumented or not, the engine and the store answer and write the same: any sequence
 * of commands (accepted, refused, invalid, stale, repeated) gives the same results, the
 * same log and the same views. Sequentially: run concurrently, the commands may interleave
 * differently (the spans add awaits, as any wrapper would), and either order is one the
 * engine allows, so only a sequential run has one right answer to compare.
 */
import { fc, test } from '@fast-check/vitest';
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, ticketViewProjection, type CommandInput, type ComplaintEvent } from '@redress/core';
import { expect } from 'vitest';
import { NOW, handler, note, receive } from './test-support/commands.js';
import { inMemorySdk } from './test-support/sdk.js';

const complaint = fc.constantFrom('c-1', 'c-2', 'c-3');
const command: fc.Arbitrary<CommandInput> = fc.oneof(
  complaint.map((id) => receive(id)),
  complaint.map((id) => note(id)),
  fc.tuple(complaint, fc.nat({ max: 4 })).map(([id, version]) => ({ ...note(id), expectedVersion: version })),
  fc.tuple(complaint, fc.constantFrom('cmd-a', 'cmd-b')).map(([id, commandId]) => ({ ...note(id), commandId })),
  complaint.map((id): CommandInput => ({ type: 'StartExecution', complaintId: id, actor: handler })),
  fc.constant({ type: 'AddNote', complaintId: 'c-1', actor: handler, data: {} } as unknown as CommandInput),
);

function engineOf(instrumented: boolean) {
  const sdk = inMemorySdk();
  const store = createInMemoryEventStore<ComplaintEvent>();
  const tickets = ticketViewProjection();
  const engine = createEngine({
    store: instrumented ? sdk.telemetry.instrumentStore(store) : store,
    clock: createManualClock(NOW),
    ids: sequentialIds('id'),
    projections: [tickets],
    ...(instrumented ? { instrumentation: sdk.telemetry.engine } : {}),
  });
  return { engine, store, tickets, sdk };
}

test.prop([fc.array(command, { maxLength: 30 })], { numRuns: 80 })(
  'the same commands give the same results, log and views with the telemetry as without',
  async (commands) => {
    const plain = engineOf(false);
    const traced = engineOf(true);
    for (const c of commands) expect(await traced.engine.execute(c)).toEqual(await plain.engine.execute(c));
    expect(await traced.store.readAll()).toEqual(await plain.store.readAll());
    expect(traced.engine.view(traced.tickets)).toEqual(plain.engine.view(plain.tickets));
    expect(traced.sdk.spans('redress.execute')).toHaveLength(commands.length);
  },
);
