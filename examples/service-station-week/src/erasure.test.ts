import { isErased, rebuildProjection, ticketViewProjection, type TicketView } from '@redress/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer, renderErasure, type WeekErasure } from './erasure.js';
import { renderTimeline } from './board.js';
import { playWeek, type Week } from './week.js';

let week: Week;
let before: Map<string, TicketView>;
let erasure: WeekErasure;
let customer: string;
beforeAll(async () => {
  week = await playWeek({ store: { kind: 'memory' } });
  before = new Map(week.tickets);
  const withdrawn = [...before.values()].find((t) => t.step === 'withdrawn');
  customer = withdrawn?.customer.reference ?? '';
  erasure = await eraseCustomer(week, customer);
});

describe("the week's erasure", () => {
  it("shows the customer's tickets erased at once, and every other ticket as it was", () => {
    expect(erasure.complaintIds.length).toBeGreaterThan(0);
    for (const [id, was] of before) {
      const now = week.tickets.get(id);
      if (was.customer.reference !== customer) {
        expect(now).toEqual(was);
        continue;
      }
      expect(erasure.complaintIds).toContain(id);
      expect(isErased(now?.customer.name) && isErased(now?.description) && isErased(now?.product?.identifier)).toBe(true);
      expect(renderTimeline(now as TicketView)).not.toContain(was.customer.name as string);
      // Only the personal fields changed: step, severity, timeline, customer reference as they were.
      expect({ ...now, customer: { reference: now?.customer.reference }, description: was.description, demand: was.demand, product: was.product }).toMatchObject({
        ...was,
        customer: { reference: was.customer.reference },
      });
    }
  });

  it('equals a rebuild of the log, and keeps the statistics identical', async () => {
    expect(week.tickets).toEqual((await rebuildProjection(week.store, ticketViewProjection())).state);
    expect(erasure.statistics.after).toBe(erasure.statistics.before);
    expect(renderErasure(erasure)).toContain('identical');
  });

  it('records the request, with nothing personal in it', async () => {
    const audit = (await week.store.readAll(1)).filter((e) => (e.type as string) === 'CustomerDataErased');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ streamId: `customer:${customer}`, actor: erasure.by, data: { customerReference: customer, reason: erasure.reason } });
    const names = erasure.complaintIds.map((id) => before.get(id)?.customer.name as string);
    expect(names.every((n) => !JSON.stringify(audit).includes(n))).toBe(true);
  });
});
