/**
 * Is a repeated command id the same command? Stores keep a fixed envelope (no room
 * for a hash of the command), and the log already says everything needed: the
 * first command's events, its actor and its instant. So the new command is decided
 * again, against the state just before those events, at that instant: the same
 * command decides to the same events (deciding is pure). Any difference (another
 * type, other data, another actor) is a different command reusing the id.
 *
 * It also holds for logs written before this check existed, and costs nothing on the
 * normal path: only a command id seen before is re-decided.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Command } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import type { ComplaintDecider } from '../decider/decider.js';
import { evolveAll } from '../decider/evolve.js';
import { initialComplaintState } from '../decider/state.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';

/** How `command` differs from the first command with its id, whose events `span` are; null when it is the same. */
export function differenceFromFirst(
  decider: ComplaintDecider,
  stream: readonly RecordedEvent<ComplaintEvent>[],
  span: { readonly first: number; readonly last: number },
  command: Command,
): string | null {
  const recorded = stream.slice(span.first - 1, span.last);
  const first = recorded[0];
  if (first === undefined) return 'its first events are not in the stream';
  const byAnother = actorDifference(first.actor, command.actor);
  if (byAnother !== null) return byAnother;
  const before = evolveAll(initialComplaintState, stream.slice(0, span.first - 1));
  const decision = decider.decide(before, command, { now: first.occurredAt });
  if (!decision.ok) return `decided where the first was, it is refused: ${decision.error.message}`;
  return eventsDifference(decision.value, recorded);
}

/** How the actor of a repeat differs from the first command's, or null (shared with customer profiles). */
export function actorDifference(first: Actor, again: Actor): string | null {
  return first.id === again.id && first.role === again.role ? null : `the first was by ${first.id} (${first.role}), this one by ${again.id} (${again.role})`;
}

/** How the events a repeat decides to differ from the ones the first recorded, or null (shared with customer profiles). */
export function eventsDifference(decided: readonly { type: string; data: unknown }[], recorded: readonly { type: string; data: unknown }[]): string | null {
  // Compared as JSON: what a store gives back (undefined fields dropped, key order its own).
  const json = (events: readonly { type: string; data: unknown }[]) => JSON.parse(JSON.stringify(events.map((e) => ({ type: e.type, data: e.data })))) as unknown;
  if (isDeepStrictEqual(json(decided), json(recorded))) return null;
  const types = (events: readonly { type: string }[]) => events.map((e) => e.type).join(' + ');
  return types(decided) === types(recorded) ? `it records ${types(recorded)} with other data` : `it would record ${types(decided)}, the first recorded ${types(recorded)}`;
}
