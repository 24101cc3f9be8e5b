/**
 * A minimal given/when for decider tests: the state after a list of commands,
 * each of which must be accepted.
 */
import type { Command } from '../commands/schema.js';
import { decide, type DecideOptions } from '../decider/decide.js';
import { evolveAll } from '../decider/evolve.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import type { ComplaintEvent } from '../events/schema.js';

export const NOW = '2026-11-23T09:00:00.000Z';

export function stateAfter(commands: readonly Command[], options: Partial<DecideOptions> = {}): ComplaintState {
  let state = initialComplaintState;
  for (const command of commands) {
    const result = decide(state, command, { now: NOW, ...options });
    if (!result.ok) throw new Error(`given: ${command.type} was refused: ${result.error.message}`);
    state = evolveAll(state, result.value);
  }
  return state;
}

export function eventTypes(events: readonly ComplaintEvent[]): string[] {
  return events.map((e) => e.type);
}
