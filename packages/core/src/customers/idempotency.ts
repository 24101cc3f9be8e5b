/**
 * Is a repeated command id on a customer stream the same command? As for complaints
 * (engine/idempotency.ts): the command is decided again against the profile just before
 * the first command's events; the same command decides to the same events (deciding is
 * pure), anything else (another type, other data, another actor) reuses the id for a
 * different command and is refused rather than answered with the first result.
 */
import { actorDifference, eventsDifference } from '../engine/idempotency.js';
import type { RecordedEvent } from '../events/envelope.js';
import { IdempotencyConflictError } from '../errors/errors.js';
import { profileAsOf } from './profile.js';
import { decideProfile } from './rules.js';
import type { CustomerProfileEvent, DecidableProfileCommand } from './schema.js';

type Stored = RecordedEvent<{ readonly type: string; readonly data: unknown }>;

function difference(stream: readonly Stored[], seen: readonly Stored[], command: DecidableProfileCommand): string | null {
  const first = seen[0] as Stored;
  const byAnother = actorDifference(first.actor, command.actor);
  if (byAnother !== null) return byAnother;
  const decided = decideProfile(profileAsOf(stream.slice(0, stream.indexOf(first))), command);
  if (!decided.ok) return `decided where the first was, it is refused: ${decided.error.message}`;
  return eventsDifference(decided.value, seen);
}

/** The conflict when `command` is not the command that recorded `seen` (its id's events in `stream`), else null. */
export function profileIdempotencyConflict(
  streamId: string,
  stream: readonly Stored[],
  seen: readonly RecordedEvent<CustomerProfileEvent>[],
  command: DecidableProfileCommand & { readonly commandId?: string },
  commandId: string,
): IdempotencyConflictError | null {
  const found = difference(stream, seen, command);
  const first = seen[0];
  if (found === null || first === undefined) return null;
  return new IdempotencyConflictError(streamId, commandId, { types: seen.map((e) => e.type), actor: first.actor, at: first.occurredAt }, found);
}
