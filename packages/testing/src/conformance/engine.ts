/**
 * The engine on the store: many execute() calls at once through one engine, with
 * inline projections. Whatever positions the store hands out and in whatever order
 * concurrent appends commit, the views after `catchUp()` equal a rebuild from the log.
 */
import {
  createEngine,
  createManualClock,
  queuesProjection,
  rebuildProjection,
  ticketViewProjection,
  type CommandInput,
  type ComplaintEvent,
  type EventStore,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import type { CreateStore } from './events.js';

const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

/** A receipt acknowledged at once (two events), an assignment, notes. */
function lifecycle(complaintId: string, n: number): CommandInput[] {
  const desk = { id: 'fd-1', role: 'frontDesk' } as const;
  return [
    {
      type: 'ReceiveComplaint',
      complaintId,
      actor: desk,
      data: { customer: { reference: `cust-${n % 5}` }, channel: 'phone', description: 'Engine noise', demand: 'Fix it', acknowledgement },
    },
    { type: 'AssignHandler', complaintId, actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: `h-${n % 3}`, reason: 'workload' } },
    { type: 'AddNote', complaintId, actor: { id: 'h-1', role: 'handler' }, data: { text: `called ${n}` } },
    { type: 'AddNote', complaintId, actor: { id: 'h-1', role: 'handler' }, data: { text: `called again ${n}` } },
  ];
}

export function engineOnTheStore(create: CreateStore): void {
  describe('the engine on the store', () => {
    it('keeps inline views equal to a rebuild under many concurrent execute() calls', async () => {
      // The suite's stores are generic in their events; the engine writes complaint events.
      const store = (await create()) as unknown as EventStore<ComplaintEvent>;
      const tickets = ticketViewProjection();
      const queues = queuesProjection();
      const engine = createEngine({ store, clock: createManualClock('2026-11-23T09:00:00.000Z'), projections: [tickets, queues] });
      await Promise.all(
        Array.from({ length: 12 }, async (_, lane) => {
          for (let k = 0; k < 2; k++) {
            for (const command of lifecycle(`c-${lane}-${k}`, lane)) expect((await engine.execute(command)).ok).toBe(true);
          }
        }),
      );
      await engine.catchUp();
      expect(engine.view(tickets)).toEqual((await rebuildProjection(store, ticketViewProjection())).state);
      expect(engine.view(queues)).toEqual((await rebuildProjection(store, queuesProjection())).state);
      expect(engine.view(tickets).size).toBe(24);
    });
  });
}
