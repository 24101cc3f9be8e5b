/**
 * Whole commands: a payload from the generator table, an actor whose role may issue
 * the command, and the complaint it is about.
 */
import {
  COMMAND_TYPES,
  decide,
  allowedCommands,
  defaultPermissionMatrix,
  type Actor,
  type Command,
  type CommandOf,
  type CommandType,
  type ComplaintState,
  type PermissionMatrix,
  type Role,
} from '@redress/core';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fitActor } from './actors.js';
import { actor } from './people.js';
import { payloadGenerators, type CommandContext, type PayloadGenerators } from './payloads.js';

/**
 * What shapes generated commands: which roles may issue each type (so actors fit your permissions) and your own
 * payload generators for some types. Pass the same options your engine runs with, or generated commands are refused
 * for the wrong reason.
 */
export interface CommandOptions {
  /** Rows replacing the default permission matrix: actors are drawn from the roles a row allows. */
  readonly permissions?: Partial<PermissionMatrix>;
  /** Your own generators for some command types (the others keep the defaults). */
  readonly generators?: Partial<PayloadGenerators>;
}

/**
 * Core's default permission matrix with your rows replacing its own (a row per command type: the roles that may issue
 * it), as the generators read it.
 */
export const permissionMatrix = (overrides: Partial<PermissionMatrix> = {}): PermissionMatrix => ({ ...defaultPermissionMatrix, ...overrides });

function generatorFor<T extends CommandType>(type: T, options: CommandOptions) {
  // TypeScript cannot follow T through the mapped table; the table's type guarantees the pairing.
  return (options.generators?.[type] ?? payloadGenerators[type]) as unknown as (context: CommandContext) => fc.Arbitrary<CommandOf<T>['data']>;
}

/**
 * A command of `type` for the context's complaint, by an actor (drawn from the roles
 * allowed, unless given), adjusted to ownership and separation of duties (`fitActor`).
 */
export function commandOfType<T extends CommandType>(
  type: T,
  context: CommandContext,
  options: CommandOptions & { readonly actor?: fc.Arbitrary<Actor> } = {},
): fc.Arbitrary<CommandOf<T>> {
  const roles = permissionMatrix(options.permissions)[type];
  const by = options.actor ?? actor(roles.length > 0 ? roles : (['system'] satisfies Role[]));
  return fc
    .tuple(generatorFor(type, options)(context), by)
    .map(([data, who]) => {
      const command = { type, complaintId: context.complaintId, actor: who, data } as CommandOf<T>;
      return { ...command, actor: fitActor(command, context.state, roles) } as CommandOf<T>;
    });
}

/**
 * One value of an arbitrary, reproducibly from a seed: how the walk turns small
 * numbers into full commands. Straight from the arbitrary with fast-check's own
 * generator (pure-rand): `fc.sample` gives the same but costs ~10 times more per call.
 */
export function generateWith<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  return arbitrary.generate(new fc.Random(xoroshiro128plus(seed)), undefined).value;
}

const everyone = () => true;

const acceptedByState = new Map<string, CommandType[]>();

/**
 * The command types the workflow accepts in this state with a payload from the
 * generators: the machine's transitions out of the step whose guards pass, roles aside.
 *
 * Walks ask this at every step, so answers are cached by state. That is sound for the
 * built-in generators: their payloads satisfy the payload guards whatever `now` is
 * (deadlines are drawn after it), so the answer depends on the state alone. With
 * your own generators nothing is cached.
 */
export function acceptedCommandTypes(state: ComplaintState, now: string, options: CommandOptions = {}): CommandType[] {
  const key = options.generators === undefined ? JSON.stringify(state) : undefined;
  const cached = key === undefined ? undefined : acceptedByState.get(key);
  if (cached) return cached;
  const complaintId = state.complaintId ?? 'complaint-1';
  const candidates = state.step === 'none' ? (['ReceiveComplaint'] as const) : allowedCommands(state);
  const accepted = candidates.filter((type) => {
    const command = generateWith(commandOfType(type, { complaintId, now, state }, options), 1) as Command;
    return decide(state, command, { now, permissions: everyone }).ok;
  });
  if (key !== undefined) {
    if (acceptedByState.size >= 10_000) acceptedByState.clear();
    acceptedByState.set(key, accepted);
  }
  return accepted;
}

/**
 * A command the workflow accepts in `state` at `now`, with the default permissions
 * (or the rows given) and no host rules. Throws a RangeError for a closed complaint,
 * where nothing is accepted.
 */
export function validCommand(state: ComplaintState, context: Omit<CommandContext, 'state'>, options: CommandOptions = {}): fc.Arbitrary<Command> {
  const types = acceptedCommandTypes(state, context.now, options);
  if (types.length === 0) throw new RangeError(`no command is accepted in step "${state.step}"`);
  return fc.oneof(...types.map((type) => commandOfType(type, { ...context, state }, options) as fc.Arbitrary<Command>));
}

/** A command of any type, valid payload, any step: the raw material of wrong-step commands. */
export function anyCommand(context: CommandContext, options: CommandOptions = {}): fc.Arbitrary<Command> {
  return fc.oneof(...COMMAND_TYPES.map((type) => commandOfType(type, context, options) as fc.Arbitrary<Command>));
}
