import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@fast-check/vitest';
import { createEngine, createManualClock, rebuildProjection, ticketViewProjection, type ComplaintEvent, type EventLike } from '@redress/core';
import { runWorkflow, workflowCommands } from '@redress/testing';
import { eventStoreConformance } from '@redress/testing/store-conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { createOwnStore } from './own-store.js';

const dir = mkdtempSync(join(tmpdir(), 'redress-own-store-'));
const closers: (() => void)[] = [];
let files = 0;
const newFile = () => join(dir, `log-${++files}.jsonl`);

/** Opens a store on `file` (a new one by default); every store is closed when the tests end. */
function open<E extends EventLike = ComplaintEvent>(file = newFile(), fsync = false) {
  const store = createOwnStore<E>({ file, fsync });
  closers.push(() => store.close());
  return store;
}

afterAll(() => {
  for (const close of closers) close();
  rmSync(dir, { recursive: true, force: true });
});

// The published contract, the same suite the SQLite and PostgreSQL stores pass.
eventStoreConformance("the guide's own store", () => open());

// The model-based run of the engine on this store, checked against the reference model and the invariant catalogue.
test.prop([workflowCommands()], { numRuns: 15 })('the engine keeps its invariants on the own store', (commands) =>
  runWorkflow({ store: () => open() }, commands),
);

describe("the guide's own store, in its file", () => {
  const desk = { id: 'desk-1', role: 'frontDesk' } as const;
  const receive = {
    type: 'ReceiveComplaint',
    actor: desk,
    data: {
      customer: { reference: 'cust-1' },
      channel: 'phone',
      description: 'Noise after the service',
      demand: 'Fix it',
      acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    },
  } as const;

  it('keeps the log across reopening, and the engine goes on from it', async () => {
    const file = newFile();
    const clock = createManualClock('2026-11-23T09:00:00.000Z');
    const first = createEngine({ store: open(file, true), clock });
    const { complaintId } = await first.executeOrThrow(receive);
    const confirmed = await first.executeOrThrow({ type: 'ConfirmComplaint', complaintId, actor: { id: 'h-1', role: 'handler' }, data: { summary: 'Engine noise' } });

    const reopened = open(file, true);
    const { state } = await rebuildProjection(reopened, ticketViewProjection());
    expect(state.get(complaintId)?.step).toBe('confirmed');
    const second = createEngine({ store: reopened, clock });
    const classified = await second.executeOrThrow({ type: 'ClassifyComplaint', complaintId, actor: { id: 'h-1', role: 'handler' }, data: { severity: 'general' } });
    expect(classified.version).toBe(confirmed.version + 1);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4); // one line per command (append), then the last newline
  });

  it('drops an append that a crash cut short, and appends after it', async () => {
    const file = newFile();
    const engine = createEngine({ store: open(file), clock: createManualClock('2026-11-23T09:00:00.000Z') });
    const received = await engine.executeOrThrow(receive);
    const { complaintId } = received;
    appendFileSync(file, '[{"type":"ComplaintConfirmed","data":{"summ'); // no newline: the write never finished

    const reopened = open(file);
    expect(await reopened.readAll()).toEqual(received.events);
    await createEngine({ store: reopened, clock: createManualClock('2026-11-23T10:00:00.000Z') }).executeOrThrow({
      type: 'ConfirmComplaint',
      complaintId,
      actor: { id: 'h-1', role: 'handler' },
      data: { summary: 'Engine noise' },
    });
    const stream = await open(file).readStream(complaintId);
    expect(stream.map((e) => e.type).at(-1)).toBe('ComplaintConfirmed');
    expect(stream.map((e) => [e.streamVersion, e.globalPosition])).toEqual(stream.map((_, i) => [i + 1, i + 1]));
  });
});
