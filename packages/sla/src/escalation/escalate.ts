/**
 * Escalation on breach: a `BreachHandler` that reports each breach of a clock with
 * `escalateOnBreach` to the engine as `EscalateOnBreach`, through the host's
 * automation capability (`engine.automation()`, the only way to act as `system`).
 *
 * Where the complaint goes is core's decision, not the ticker's: one rung above the
 * highest it reached, on the ladder the host configured in core, once per breach.
 * The ticker keeps no escalation state of its own, so a restarted ticker, or two
 * racing, cannot skip a rung or escalate twice: the command id is derived from the
 * breach event, and the engine answers a breach it already escalated with the first
 * result (the same command again) or refuses it (the breach is recorded as escalated).
 */
import { createHash } from 'node:crypto';
import type { Engine } from '@redress/core';
import type { BreachHandler } from '../tick/ticker.js';

/** What `escalateOnBreach` needs: the engine's automation capability, the actor id and a refusal callback. */
export interface EscalationOptions {
  /** The engine the complaints live in: its `automation()` issues the escalations. */
  readonly engine: Pick<Engine, 'automation'>;
  /** The automation's id on the escalation events (default `sla`). */
  readonly as?: string;
  /** Told when the engine refuses (the complaint is closed, the top of the ladder was reached…); never throws. */
  readonly onRefused?: (complaintId: string, reason: string) => void;
}

/** The escalation's command id: the breach's, so every ticker that meets the breach sends the same command. */
function commandIdOf(breachEventId: string): string {
  const readable = `esc:${breachEventId}`;
  return readable.length <= 128 ? readable : `esc-${createHash('sha256').update(readable).digest('hex').slice(0, 48)}`;
}

/**
 * A breach handler that sends `EscalateOnBreach` to the engine for each breach of a clock with
 * `escalateOnBreach`; core decides where the complaint goes.
 */
export function escalateOnBreach(options: EscalationOptions): BreachHandler {
  const automation = options.engine.automation(options.as ?? 'sla');
  return async ({ ticket, run, event }) => {
    if (!run.config.escalateOnBreach) return;
    const result = await automation.execute({
      type: 'EscalateOnBreach',
      complaintId: ticket.complaintId,
      commandId: commandIdOf(event.eventId),
      correlationId: ticket.complaintId,
      data: {
        breach: { id: event.eventId, clock: run.config.name, cycle: event.data.cycle },
        reason: `SLA clock ${run.config.name} breached (cycle ${event.data.cycle}, due ${event.data.dueAt ?? 'unknown'})`,
      },
    });
    if (!result.ok) options.onRefused?.(ticket.complaintId, result.error.message);
  };
}
