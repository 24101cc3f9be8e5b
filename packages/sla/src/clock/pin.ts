/**
 * The durable pin. A ticket's policy version is selected when it is received, and
 * pinned once the log records it: `SlaPolicyApplied` (written by the ticker when it
 * first sees the ticket) or `SlaPolicyMigrated` (an explicit move to another
 * version). From then on the recorded version measures the ticket, whatever
 * versions or `effectiveFrom` instants the configuration holds later.
 *
 * Until its pin is recorded, a ticket keeps its events: when the recorded version
 * is not the one selected (the log was written under another configuration), the
 * ticket is folded again under it, from receipt. Pins are numbered per ticket
 * (`seq`), and their event ids derive from the number, so two writers racing for
 * the same number record one pin.
 */
import type { EventLike, RecordedEvent } from '@redress/core';
import { SlaPinError } from '../errors.js';
import type { SlaConfig } from '../policy/config.js';
import type { PolicyConfig } from '../policy/schema.js';
import { migrateTicket } from './migrate.js';
import { isUntouched } from './records.js';
import type { SlaState } from './projection.js';
import { evolveTicket, field, ticketFor, type PolicyRef, type TicketSla } from './ticket.js';

export const PIN_EVENT_TYPES = ['SlaPolicyApplied', 'SlaPolicyMigrated'] as const;
const PIN_TYPES: ReadonlySet<string> = new Set(PIN_EVENT_TYPES);
export const isPinEvent = (event: { readonly type: string }): boolean => PIN_TYPES.has(event.type);

export const samePolicy = (a: PolicyRef | null | undefined, b: PolicyRef | null | undefined): boolean =>
  (a ?? undefined) === (b ?? undefined) || (a != null && b != null && a.name === b.name && a.version === b.version);

const refOf = (data: unknown, key: string): PolicyRef | null => {
  const v = field(data, key) as PolicyRef | null | undefined;
  return v == null ? null : { name: String(v.name), version: Number(v.version) };
};

/** The policy a pin names, or the typed refusal when the configuration lacks it. */
export function policyNamed(config: SlaConfig, ref: PolicyRef | null, complaintId: string, role: SlaPinError['role']): PolicyConfig | undefined {
  if (ref === null) return undefined;
  const policy = config.policies.find((p) => p.name === ref.name && p.version === ref.version);
  if (!policy) throw new SlaPinError(complaintId, ref, role);
  return policy;
}

/** Replaces a ticket's clocks and state with `from`'s, keeping the object (views and the ticker hold it). */
export function replaceTicket(state: SlaState, ticket: TicketSla, from: TicketSla): void {
  for (const run of ticket.clocks) {
    // Entries of the due index for the old runs go stale (an untouched run has none).
    if (!isUntouched(run)) run.generation++;
    state.changed.delete(run);
  }
  ticket.policy = from.policy;
  ticket.severity = from.severity;
  ticket.priority = from.priority;
  ticket.step = from.step;
  ticket.waiting = from.waiting;
  ticket.waitingReason = from.waitingReason;
  ticket.handlerId = from.handlerId;
  ticket.escalationLevel = from.escalationLevel;
  ticket.closed = from.closed;
  ticket.lastAt = from.lastAt;
  ticket.clocks.length = 0;
  ticket.clocks.push(...from.clocks);
  for (const run of ticket.clocks) state.changed.set(run, ticket);
}

/** Folds a ticket's kept events again under `policy`. */
function refold(state: SlaState, ticket: TicketSla, policy: PolicyConfig | undefined): void {
  if (ticket.pending === undefined) {
    // Not kept: the one policy measures the ticket and the pin names none (any other is refused above). The ticket's
    // own state does not depend on its policy, so it stays; its clocks go.
    replaceTicket(state, ticket, { ...ticket, policy: undefined, clocks: [] });
    return;
  }
  const events = ticket.pending;
  const received = events[0];
  if (received === undefined) return;
  const fresh = ticketFor(state.config, policy, received);
  for (const e of events) evolveTicket(fresh, e);
  replaceTicket(state, ticket, fresh);
}

/** The ticket a pin event (in stream `sla:<complaintId>`) is about. */
export const pinnedTicketId = (event: RecordedEvent<EventLike>): string => String(field(event.data, 'complaintId') ?? event.streamId.replace(/^sla:/, ''));

/** Applies a pin event; a repeated or superseded one changes nothing. */
export function applyPin(state: SlaState, event: RecordedEvent<EventLike>): void {
  const ticket = state.tickets.get(pinnedTicketId(event));
  const seq = Number(field(event.data, 'seq'));
  if (ticket === undefined || !(seq > ticket.pinSeq)) return;
  const id = ticket.complaintId;
  if (event.type === 'SlaPolicyApplied') {
    const recorded = refOf(event.data, 'policy');
    if (ticket.pinSeq < 0 && !samePolicy(recorded, ticket.policy)) refold(state, ticket, policyNamed(state.config, recorded, id, 'pinned to'));
  } else {
    const from = refOf(event.data, 'from');
    if (ticket.pinSeq < 0 && !samePolicy(from, ticket.policy)) refold(state, ticket, policyNamed(state.config, from, id, 'migrated from'));
    const to = policyNamed(state.config, refOf(event.data, 'to'), id, 'migrated to') as PolicyConfig;
    migrateTicket(state, ticket, to, event);
    (ticket.migrations ??= []).push(String(field(event.data, 'migrationId')));
  }
  ticket.pinSeq = seq;
  ticket.pending = undefined;
}
