/**
 * Commands that must be refused, each with the refusal it must get: a bad payload
 * (Validation), a command the step does not offer (IllegalCommand, or NotFound
 * before the complaint exists), or an actor whose role may not issue it (Forbidden).
 */
import { COMMAND_TYPES, ROLES, allowedCommands, type Command, type CommandType, type ComplaintState, type RedressError } from '@redress/core';
import fc from 'fast-check';
import { commandOfType, permissionMatrix, type CommandOptions } from './commands.js';
import { actorOf } from './people.js';
import type { CommandContext } from './payloads.js';

/**
 * Why a generated command must be refused: `badPayload` (one field broken: Validation), `wrongStep` (the step does not
 * offer it: IllegalCommand, or NotFound before the complaint exists) or `wrongRole` (its actor's role may not issue
 * it: Forbidden).
 */
export type InvalidCommandKind = 'badPayload' | 'wrongStep' | 'wrongRole';

/**
 * A command that must be refused, with the refusal it must get: execute `input` and assert the error's kind is
 * `expected` and that nothing was appended.
 */
export interface InvalidCommand {
  /** Which way it is broken; a property can classify or filter by it (`fc.pre(bad.kind !== 'wrongRole')`). */
  readonly kind: InvalidCommandKind;
  /** What to pass to `execute` (or, parsed, to `decide`): `unknown` because a bad payload is not a `CommandInput`. */
  readonly input: unknown;
  /** The `error.kind` it must be refused with. */
  readonly expected: RedressError['kind'];
  /** What is wrong with it, for failure messages. */
  readonly why: string;
}

type Leaf = { readonly path: readonly (string | number)[]; readonly value: string | number | boolean };

function leaves(value: unknown, path: readonly (string | number)[] = []): Leaf[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

function setAt(value: unknown, path: readonly (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}

/** A value of the wrong shape for a leaf: every string field refuses '', every number field -1, booleans a string. */
const broken = (leaf: Leaf['value']): unknown => (typeof leaf === 'string' ? '' : typeof leaf === 'number' ? -1 : 'yes');

/** Ways to break a well-formed command, by index (so a failing case shrinks to the first). */
const BREAKAGES: readonly ((command: Command, n: number) => { input: unknown; why: string })[] = [
  (command, n) => {
    const all = leaves(command.data);
    const leaf = all[n % Math.max(1, all.length)];
    if (leaf === undefined) return { input: { ...command, data: null }, why: 'data is null' };
    return { input: { ...command, data: setAt(command.data, leaf.path, broken(leaf.value)) }, why: `data.${leaf.path.join('.')} is ${JSON.stringify(broken(leaf.value))}` };
  },
  (command) => ({ input: { ...command, data: { ...command.data, unexpected: true } }, why: 'data has an unknown field' }),
  (command) => ({ input: { ...command, complaintId: 'not an id!' }, why: 'the complaint id has spaces and "!"' }),
  (command) => ({ input: { ...command, actor: { ...command.actor, role: 'janitor' } }, why: 'the actor has a role that does not exist' }),
  (command) => ({ input: { ...command, type: 'ReopenComplaint' }, why: 'the command type does not exist' }),
  (command) => ({ input: { ...command, data: 'see attached' }, why: 'data is a string' }),
  (command) => ({ input: { ...command, expectedVersion: -1 }, why: 'the expected version is negative' }),
];

/** A well-formed command with one thing broken: refused with `Validation`. */
export function badPayload(context: CommandContext, options: CommandOptions = {}): fc.Arbitrary<InvalidCommand> {
  const types = context.state.step === 'none' ? (['ReceiveComplaint'] as const) : COMMAND_TYPES;
  return fc
    .tuple(fc.oneof(...types.map((t) => commandOfType(t, context, options) as fc.Arbitrary<Command>)), fc.nat({ max: BREAKAGES.length - 1 }), fc.nat())
    .map(([command, b, n]) => {
      const { input, why } = (BREAKAGES[b] as (typeof BREAKAGES)[number])(command, n);
      return { kind: 'badPayload', input, expected: 'Validation', why: `${command.type}: ${why}` } as const;
    });
}

/** A well-formed command, by a permitted role, that the step does not offer. Undefined when the step offers every command. */
export function wrongStep(context: CommandContext, options: CommandOptions = {}): fc.Arbitrary<InvalidCommand> | undefined {
  const { state } = context;
  const offered = state.step === 'none' ? ['ReceiveComplaint'] : allowedCommands(state);
  const types = COMMAND_TYPES.filter((t) => !offered.includes(t) && permissionMatrix(options.permissions)[t].length > 0);
  if (types.length === 0) return undefined;
  return fc.oneof(...types.map((t) => commandOfType(t, context, options) as fc.Arbitrary<Command>)).map((command) => ({
    kind: 'wrongStep',
    input: command,
    expected: state.step === 'none' ? 'NotFound' : 'IllegalCommand',
    why: `${command.type} is not offered in step "${state.step}"`,
  }));
}

/** A command the step offers, by an actor whose role may not issue it: refused with `Forbidden`. */
export function wrongRole(context: CommandContext, options: CommandOptions = {}): fc.Arbitrary<InvalidCommand> | undefined {
  const { state } = context;
  const matrix = permissionMatrix(options.permissions);
  const offered = state.step === 'none' ? (['ReceiveComplaint'] as const) : allowedCommands(state).length > 0 ? allowedCommands(state) : COMMAND_TYPES;
  const types = offered.filter((t) => ROLES.some((r) => !matrix[t].includes(r)));
  if (types.length === 0) return undefined;
  const forbidden = (type: CommandType) => fc.oneof(...ROLES.filter((r) => !matrix[type].includes(r)).map(actorOf));
  return fc
    .oneof(...types.map((type) => commandOfType(type, context, { ...options, actor: forbidden(type) }) as fc.Arbitrary<Command>))
    .map((command) => ({
      kind: 'wrongRole',
      input: command,
      expected: 'Forbidden',
      why: `${command.actor.role} may not ${command.type}`,
    }));
}

/** Any of the three kinds of invalid command for this state. */
export function invalidCommand(state: ComplaintState, context: Omit<CommandContext, 'state'>, options: CommandOptions = {}): fc.Arbitrary<InvalidCommand> {
  const full = { ...context, state };
  const kinds = [badPayload(full, options), wrongStep(full, options), wrongRole(full, options)].filter((a) => a !== undefined);
  return fc.oneof(...kinds);
}
