/**
 * `whenever`: a rule stated once, "when X, Y must (not) happen", and the two things
 * derived from it: the engine rule that refuses a command breaking it, and the log
 * invariant that holds every accepted command against it, with the facts rebuilt from
 * the log (state, view and history replayed from the stream before the command, host
 * data asked anew). The invariant is what a model run checks, so the same statement
 * tests the rule's wiring, and `failsWithout` shows the test has teeth.
 *
 * The invariant judges commands by the same predicate; a promise about history that a
 * rule implements some other way (a check on approval rather than on execution) is
 * stated as its own `whenever` and its `invariant` used alone: see the refund example
 * in the guide.
 */
import type { Command, CommandOf, CommandType, ComplaintEvent, Engine, EventStore, ExecuteResult, WorkflowRule } from '@redress/core';
import type { WorkflowModelOptions } from '../model/harness.js';
import { invariantCatalogue, type Invariant } from '../model/invariants.js';
import { untracked } from '../model/explain.js';
import { randomUUID } from 'node:crypto';
import { factsChannel, factsFrom, type HostData, type RuleFacts } from './facts.js';

/** "When a command of `on` is issued and `when` holds, `must` holds (or `mustNot` does not)." */
export type RuleStatement<T extends CommandType, H> = {
  /** The commands the rule is about. */
  readonly on: readonly T[];
  /** When the rule applies (default: always, for the commands of `on`). */
  readonly when?: (facts: RuleFacts<T, H>) => boolean;
  /** The refusal's message: what must be done instead. */
  readonly because: string | ((facts: RuleFacts<T, H>) => string);
  /** The host's data the rule reads, sync or async: `facts.host`. */
  readonly host?: HostData<H>;
} & ({ readonly must: (facts: RuleFacts<T, H>) => boolean; readonly mustNot?: never } | { readonly mustNot: (facts: RuleFacts<T, H>) => boolean; readonly must?: never });

/** Reads the complaint's history and the host's data before a command is decided. */
export interface FactsSource {
  readonly name: string;
  prepare: ReturnType<typeof factsChannel>['prepare'];
  /** Forgets what `prepare` kept for a command, once it was decided. */
  release: ReturnType<typeof factsChannel>['release'];
}

/** A stated rule: its engine rule, its log invariant, and the inputs they read. */
export interface StatedRule {
  readonly name: string;
  /** For `createEngine({ rules })`: refuses a command that breaks the statement. */
  readonly rule: WorkflowRule;
  /** For the harness: every accepted command of `on` keeps the statement, by the log's account. */
  readonly invariant: Invariant;
  /** Prepares the view, history and host data before a command is decided (`executeWithFacts`, the harness's `facts`). */
  readonly facts: FactsSource;
  /** Harness options with the rule, its invariant (after the catalogue, unless `base.invariants` says otherwise) and its facts added. */
  options(base?: WorkflowModelOptions): WorkflowModelOptions;
}

export function whenever<T extends CommandType, H = undefined>(name: string, statement: RuleStatement<T, H>): StatedRule {
  const applies = new Set<CommandType>(statement.on);
  const channel = factsChannel<H>(name, statement.host);
  const broken = (facts: RuleFacts<T, H>): string | null => {
    if (statement.when && !statement.when(facts)) return null;
    const kept = statement.must ? statement.must(facts) : !statement.mustNot(facts);
    return kept ? null : typeof statement.because === 'string' ? statement.because : statement.because(facts);
  };

  const rule: WorkflowRule = {
    name,
    appliesTo: statement.on,
    check: ({ command, state, now }) => (applies.has(command.type) ? broken(channel.facts(command as CommandOf<T>, state, now)) : null),
  };

  const invariant: Invariant = {
    name,
    description: `${statement.on.join(', ')} keeps the rule: ${typeof statement.because === 'string' ? statement.because : name}`,
    async check({ command, result, before, now }) {
      if (!result.ok || result.value.duplicate) return null;
      const accepted = command as CommandOf<T>;
      if (!applies.has(accepted.type)) return null;
      // State and view are folded from the plain log (a failure story shows what the statement read, not what a replay reads).
      const replayed = await factsFrom({ ...untracked(accepted), complaintId: result.value.complaintId }, untracked(before), statement.host);
      const message = broken({ ...replayed, command: accepted, history: before, now: now.toISOString() });
      return message === null ? null : `${accepted.type} was accepted, but by the log the rule says: ${message}`;
    },
  };

  const facts: FactsSource = { name, prepare: channel.prepare, release: channel.release };
  return {
    name,
    rule,
    invariant,
    facts,
    options: (base = {}) => ({
      ...base,
      rules: [...(base.rules ?? []), rule],
      invariants: [...(base.invariants ?? invariantCatalogue), invariant],
      facts: [...(base.facts ?? []), facts],
    }),
  };
}

/**
 * Executes a command with the facts of these stated rules prepared: how a host runs
 * rules that read the view, the history or its own data outside the harness. A command
 * without a `commandId` gets a random one (node:crypto), so that concurrent commands of
 * one complaint each decide on their own facts.
 */
export async function executeWithFacts(
  engine: Pick<Engine, 'execute'>,
  store: Pick<EventStore<ComplaintEvent>, 'readStream'>,
  rules: readonly Pick<StatedRule, 'facts'>[],
  command: Command,
): Promise<ExecuteResult> {
  const identified: Command = command.commandId === undefined ? { ...command, commandId: randomUUID() } : command;
  try {
    for (const { facts } of rules) await facts.prepare(store, identified);
    return await engine.execute(identified);
  } finally {
    for (const { facts } of rules) facts.release(identified);
  }
}
