/**
 * Escalation on breach: a `BreachHandler` that issues EscalateComplaint through
 * the engine, as the `system` actor, to the next level of the policy's ladder
 * above the ticket's current level. The command id is derived from the breach
 * event id, so a breach escalates once even when two tickers both hand it out
 * (the engine returns the first result for a repeated command id).
 */
import { createHash } from 'node:crypto';
import type { Actor, Engine, EscalationLevel } from '@redress/core';
import type { BreachHandler } from '../tick/ticker.js';

export interface EscalationOptions {
  readonly engine: Pick<Engine, 'execute'>;
  /** Defaults to `{ id: 'sla', role: 'system' }`. */
  readonly actor?: Actor;
  /** Told when the engine refuses (the complaint is closed, the ladder's top was reached…); never throws. */
  readonly onRefused?: (complaintId: string, reason: string) => void;
}

/** The level after `current` on the ladder; the first when not escalated yet; undefined at the top. */
export function nextLevel(ladder: readonly string[], current: string | null): string | undefined {
  if (current === null) return ladder[0];
  const i = ladder.indexOf(current);
  return i < 0 ? ladder[0] : ladder[i + 1];
}

export function escalateOnBreach(options: EscalationOptions): BreachHandler {
  const actor = options.actor ?? { id: 'sla', role: 'system' };
  return async ({ ticket, run, event }) => {
    if (!run.config.escalateOnBreach) return;
    const level = nextLevel(ticket.ladder, ticket.escalationLevel);
    if (level === undefined) {
      options.onRefused?.(ticket.complaintId, `already at the top of the ladder (${ticket.escalationLevel ?? 'none'})`);
      return;
    }
    const readable = `esc:${event.eventId}`;
    const commandId = readable.length <= 128 ? readable : `esc-${createHash('sha256').update(readable).digest('hex').slice(0, 48)}`;
    const result = await options.engine.execute({
      type: 'EscalateComplaint',
      complaintId: ticket.complaintId,
      actor,
      commandId,
      correlationId: ticket.complaintId,
      data: { level: level as EscalationLevel, reason: `SLA clock ${run.config.name} breached (cycle ${event.data.cycle}, due ${event.data.dueAt ?? 'unknown'})` },
    });
    if (result.ok) ticket.escalationLevel = level;
    else options.onRefused?.(ticket.complaintId, result.error.message);
  };
}
