/**
 * The actor directory: the host's user directory, asked by id which roles a person
 * holds, so the role a command claims is checked rather than trusted. `system` is
 * not a role anyone holds there: it is the host's automation, which acts through
 * `engine.automation()`, a capability given to code and never read from input.
 */
import type { CommandType } from '../commands/schema.js';
import type { CustomerProfileCommandType } from '../customers/schema.js';
import type { Actor } from '../domain/primitives.js';
import type { Role } from '../domain/vocabulary.js';
import { ForbiddenError } from '../errors/errors.js';

/**
 * The host's user directory, as the engine asks it: which roles a person holds, so the role a command claims
 * is checked rather than trusted.
 */
export interface ActorDirectory {
  /** The roles the person with this id holds, or undefined when the directory knows no such person. */
  rolesOf(actorId: string): readonly Role[] | undefined | Promise<readonly Role[] | undefined>;
}

/** A directory from a fixed table (tests, demos, small hosts): `{ 'li.na': ['frontDesk'], … }`. */
export function staticDirectory(people: Readonly<Record<string, readonly Role[]>>): ActorDirectory {
  const table = new Map(Object.entries(people));
  return { rolesOf: (id) => table.get(id) };
}

/**
 * Why the directory refuses `actor` for this command, or undefined when it may act.
 * `automation`: the command comes through `engine.automation()`, the only way to act as `system`.
 */
export async function refusalByDirectory(
  directory: ActorDirectory | undefined,
  type: CommandType | 'EraseCustomerData' | CustomerProfileCommandType,
  actor: Actor,
  automation: boolean,
): Promise<ForbiddenError | undefined> {
  if (automation) return actor.role === 'system' ? undefined : new ForbiddenError(type, actor, 'automation acts as system');
  if (directory === undefined) return undefined;
  if (actor.role === 'system') {
    return new ForbiddenError(type, actor, "system is reserved for the host's automation (engine.automation()), not a role a command can claim");
  }
  const roles = await directory.rolesOf(actor.id);
  if (roles === undefined) return new ForbiddenError(type, actor, `the directory knows no ${actor.id}`);
  if (!roles.includes(actor.role)) {
    return new ForbiddenError(type, actor, `the directory gives ${actor.id} ${roles.length ? roles.join(', ') : 'no role'}, not ${actor.role}`);
  }
  return undefined;
}
