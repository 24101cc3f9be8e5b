/**
 * `given(events).when(command).then(events | refusal)` for the decider: pure, no
 * store, no engine. The command is validated with the same schema the engine uses,
 * so a malformed command is a `Validation` refusal here too.
 */
import {
  ValidationError,
  commandSchema,
  createComplaintDecider,
  evolveAll,
  initialComplaintState,
  type CommandInput,
  type ComplaintDeciderOptions,
  type ComplaintEvent,
  type ComplaintState,
} from '@redress/core';
import { assertOutcome, type Expectation, type Outcome } from './expectation.js';
import { SpecFailedError, describeRefusal } from './report.js';

export interface SpecOptions extends ComplaintDeciderOptions {
  /** The instant the command is decided at (default 2026-11-23T09:00:00.000Z). */
  readonly now?: string;
}

/**
 * The instant specs decide at unless `now` is given (2026-11-23T09:00:00.000Z, a Monday): give deadlines and meetings
 * after it.
 */
export const SPEC_NOW = '2026-11-23T09:00:00.000Z';

/** The complaint id of a history: from its ComplaintReceived. */
export const complaintIdOf = (history: readonly ComplaintEvent[]): string | undefined =>
  history.find((e) => e.type === 'ComplaintReceived')?.data.complaintId;

/** Parses a command input as the engine would; a ReceiveComplaint without an id gets `fallbackId`. */
export function parseCommand(input: CommandInput | unknown, fallbackId: string): Outcome | { ok: 'parsed'; command: ReturnType<typeof commandSchema.parse> } {
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }))) };
  }
  const command = parsed.data.type === 'ReceiveComplaint' && parsed.data.complaintId === undefined ? { ...parsed.data, complaintId: fallbackId } : parsed.data;
  return { ok: 'parsed', command };
}

/** A command decided against the given history: assert with `then`, or read `outcome` yourself. */
export interface DeciderWhen {
  /** Asserts the outcome; returns the events (accepted) so a spec can go on from them. */
  then(expected: Expectation): readonly ComplaintEvent[];
  /** The raw outcome, for assertions of your own. */
  readonly outcome: Outcome;
}

/** A complaint rebuilt from a history, ready to decide a command with `when`. */
export interface DeciderGiven {
  /**
   * The decision state the history folds to (core's `evolveAll` from `initialComplaintState`), to assert on
   * preconditions.
   */
  readonly state: ComplaintState;
  /**
   * Decides `command` at `now`, parsed with the engine's schema first (so a malformed one is a `Validation` refusal);
   * a missing `complaintId` is taken from the history's ComplaintReceived.
   */
  when(command: CommandInput | unknown): DeciderWhen;
}

/**
 * A complaint whose history is `events`, for a pure decider spec: no store, no engine, your rules and permissions
 * through `options`. `then` throws a `SpecFailedError` saying which events differ or why it was refused.
 *
 * @example
 * ```ts
 * given(investigating).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
 * given([...investigating, causeFound]).when(propose).then([
 *   { type: 'ResolutionProposed', data: { ...propose.data, requiresApproval: true, proposedBy: 'h-li' } },
 * ]);
 * ```
 */
export function given(events: readonly ComplaintEvent[], options: SpecOptions = {}): DeciderGiven {
  const decider = createComplaintDecider(options);
  const now = options.now ?? SPEC_NOW;
  const state = evolveAll(initialComplaintState, events);
  return {
    state,
    when(input) {
      const parsed = parseCommand(input, complaintIdOf(events) ?? 'complaint-1');
      const outcome: Outcome =
        parsed.ok === 'parsed'
          ? ((r) => (r.ok ? { ok: true, events: r.value } : { ok: false, error: r.error }))(decider.decide(state, parsed.command, { now }))
          : parsed;
      const type = (input as { type?: unknown } | null)?.type;
      const what = `given ${events.length} event(s) (step "${state.step}"), when ${typeof type === 'string' ? type : 'the command'}`;
      return {
        outcome,
        then(expected) {
          assertOutcome(what, expected, outcome);
          return outcome.ok ? outcome.events : [];
        },
      };
    },
  };
}

/**
 * The events of a list of commands, each of which must be accepted: the quickest way
 * to write a `given`. Throws, saying which command was refused and why, otherwise.
 */
export function historyOf(commands: readonly (CommandInput | unknown)[], options: SpecOptions = {}): ComplaintEvent[] {
  const events: ComplaintEvent[] = [];
  commands.forEach((command, i) => {
    const { outcome } = given(events, options).when(command);
    if (!outcome.ok) throw new SpecFailedError(`historyOf: command ${i + 1} was refused.\n${describeRefusal(outcome.error)}`);
    events.push(...outcome.events);
  });
  return events;
}
