/**
 * The right to erasure, at the end of the week: a customer who withdrew their complaint
 * asks the station to erase their data (PIPL art. 47). `EraseCustomerData` records the
 * request as an audit event and destroys the customer's keys (docs/privacy.md): their
 * tickets show `[erased]` at once (the engine refolds its views), while the week's
 * statistics, rebuilt from the log before and after, stay exactly as they were: nothing
 * the workflow, the SLA clocks or the analytics need was personal.
 */
import { createCustomerDataProtection, type Actor } from '@redress/core';
import { weekAnalytics } from './analytics.js';
import { formatLocal } from './calendar.js';
import { slaOfWeek } from './sla-week.js';
import { title, wrap } from './text.js';
import type { Week } from './week.js';

export const DATA_PROTECTION_OFFICER: Actor = { id: 'dpo-office', role: 'dataProtection' };
export const ERASURE_REASON = 'customer request under PIPL art. 47 after withdrawing the complaint';

export interface WeekErasure {
  readonly customerReference: string;
  readonly complaintIds: readonly string[];
  readonly at: string;
  readonly by: Actor;
  readonly reason: string;
  /** The week's analytics as JSON, rebuilt from the log before and after the erasure. */
  readonly statistics: { readonly before: string; readonly after: string };
}

const statistics = async (week: Week) => JSON.stringify(await weekAnalytics(week, await slaOfWeek(week, { source: 'memory' })));

export async function eraseCustomer(week: Week, customerReference: string): Promise<WeekErasure> {
  const before = await statistics(week);
  const privacy = createCustomerDataProtection({ store: week.store, keys: week.keys, clock: week.clock, engines: [week.engine] });
  const result = await privacy.erase({ type: 'EraseCustomerData', actor: DATA_PROTECTION_OFFICER, data: { customerReference, reason: ERASURE_REASON } });
  if (!result.ok) throw result.error;
  const complaintIds = [...week.tickets.values()].filter((t) => t.customer.reference === customerReference).map((t) => t.complaintId);
  const { occurredAt, actor, data } = result.value.event;
  return { customerReference, complaintIds, at: occurredAt, by: actor, reason: data.reason, statistics: { before, after: await statistics(week) } };
}

export function renderErasure(erasure: WeekErasure): string {
  const same = erasure.statistics.before === erasure.statistics.after;
  return [
    ...title('Right to erasure 删除权: a customer asks for their data to be erased'),
    ...wrap(
      `${formatLocal(erasure.at)}  customer ${erasure.customerReference} (complaints ${erasure.complaintIds.join(', ')}): ` +
        `EraseCustomerData by ${erasure.by.id} (${erasure.by.role}), reason "${erasure.reason}". ` +
        'Recorded as CustomerDataErased; their keys are destroyed, so their name, phone, number plate and texts read [erased] ' +
        'everywhere, in the views above, in the log and in any copy of it.',
      100,
    ),
    same
      ? "The week's statistics, rebuilt from the log before and after the erasure: identical."
      : "The week's statistics changed with the erasure: this is a bug.",
  ].join('\n');
}
