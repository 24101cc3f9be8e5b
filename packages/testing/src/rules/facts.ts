/**
 * What a stated rule reads: the command, the decision state, and what the decision
 * state does not carry — the complaint's ticket view, its history, and the host's own
 * data (the customer's segment, a contract's amounts), sync or async.
 *
 * Core's `WorkflowRule.check` is synchronous and sees the decision state only, so the
 * rest is read before the command is decided (`prepare`, awaited) and handed to the
 * check through a channel keyed by complaint and command id (two commands prepared at
 * once on one complaint must not see each other's host data). The view and history are folded from the
 * log, never from a live read model, and host data is asked for anew each time: the log
 * invariant rebuilds the very same facts from the log, so what the rule decided live is
 * what it decides on replay.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  evolveAll,
  initialComplaintState,
  ticketViewProjection,
  type Command,
  type CommandOf,
  type CommandType,
  type ComplaintEvent,
  type ComplaintState,
  type EventStore,
  type RecordedEvent,
  type TicketView,
} from '@redress/core';

type Recorded = RecordedEvent<ComplaintEvent>;

/** What `when`, `must` and `mustNot` of a stated rule read. */
export interface RuleFacts<T extends CommandType = CommandType, H = undefined> {
  readonly command: CommandOf<T>;
  /** The complaint's decision state before the command. */
  readonly state: ComplaintState;
  /** The instant the command is decided at (ISO-8601). */
  readonly now: string;
  /** The complaint's ticket view before the command, folded from its history; undefined before receipt. */
  readonly view: TicketView | undefined;
  /** The complaint's events before the command, oldest first. */
  readonly history: readonly Recorded[];
  /** What the rule's `host` function gave for this complaint (undefined without one). */
  readonly host: H;
}

/** What a `host` function is asked about: the complaint, its customer, its view and the command. */
export interface HostQuery {
  readonly complaintId: string | undefined;
  /** The customer reference: from the view, or from the receipt being decided. */
  readonly customer: string | null;
  readonly view: TicketView | undefined;
  readonly command: Command;
}

/** The host's data for a complaint: a lookup, sync or async (a CRM, a contracts table). */
export type HostData<H> = (query: HostQuery) => H | Promise<H>;

/** Thrown when a rule reading the view, history or host data is decided without them prepared. */
export class RuleInputsNotPreparedError extends Error {
  override readonly name = 'RuleInputsNotPreparedError';
}

interface Prepared<H> {
  readonly state: ComplaintState;
  readonly history: readonly Recorded[];
  readonly view: TicketView | undefined;
  readonly host: H;
}

/** The ticket view of one complaint after these events of its stream. */
export function viewOf(complaintId: string, history: readonly Recorded[]): TicketView | undefined {
  const projection = ticketViewProjection();
  return history.reduce((state, e) => projection.evolve(state, e), projection.initialState()).get(complaintId);
}

/** The facts of a command on a complaint with this history: the same function live and on replay. */
export async function factsFrom<H>(command: Command, history: readonly Recorded[], host: HostData<H> | undefined): Promise<Prepared<H>> {
  const state = evolveAll(initialComplaintState, history);
  const view = command.complaintId === undefined ? undefined : viewOf(command.complaintId, history);
  const customer = view?.customer.reference ?? (command.type === 'ReceiveComplaint' ? command.data.customer.reference : null);
  const data = (host ? await host({ complaintId: command.complaintId, customer, view, command }) : undefined) as H;
  return { state, history, view, host: data };
}

/** Where a command's facts wait for its check: its complaint and its command id. */
const slotOf = (command: Pick<Command, 'complaintId' | 'commandId'>) => JSON.stringify([command.complaintId ?? null, command.commandId ?? null]);

/** The channel between `prepare` (async, before execute) and a rule's synchronous check. */
export function factsChannel<H>(name: string, host: HostData<H> | undefined) {
  const prepared = new Map<string, Prepared<H>>();
  return {
    /**
     * Reads the complaint's history and asks the host: call before the engine decides the
     * command. Give the command a `commandId` when commands of one complaint may be
     * prepared concurrently (`executeWithFacts` does): the facts are kept per command id.
     */
    async prepare(store: Pick<EventStore<ComplaintEvent>, 'readStream'>, command: Command): Promise<void> {
      const history = command.complaintId === undefined ? [] : await store.readStream(command.complaintId);
      prepared.set(slotOf(command), await factsFrom(command, history, host));
    },
    /** Forgets a command's facts once it was decided (a long-running host would otherwise keep them all). */
    release(command: Pick<Command, 'complaintId' | 'commandId'>): void {
      prepared.delete(slotOf(command));
    },
    /** The facts for a check: the command and state as decided, the rest as prepared for that very state. */
    facts<T extends CommandType>(command: CommandOf<T>, state: ComplaintState, now: string): RuleFacts<T, H> {
      // The engine gives every command an id, and a receipt its complaint id: a command
      // prepared without them (the sequential harness) waits under what it had.
      const { complaintId, commandId } = command;
      const found =
        prepared.get(slotOf({ complaintId, commandId })) ??
        prepared.get(slotOf({ complaintId })) ??
        (state.step === 'none' ? (prepared.get(slotOf({ commandId })) ?? prepared.get(slotOf({}))) : undefined);
      const ready = found !== undefined && isDeepStrictEqual(found.state, state) ? found : undefined;
      const need = <V>(field: string, read: (p: Prepared<H>) => V): V => {
        if (ready) return read(ready);
        throw new RuleInputsNotPreparedError(
          `rule ${name} reads the ${field}, which was not prepared for this state of complaint ${command.complaintId ?? '(new)'}: ` +
            'execute through executeWithFacts(engine, store, rules, command), or pass the rule with .options() to the harness',
        );
      };
      return {
        command,
        state,
        now,
        get view() {
          return need('view', (p) => p.view);
        },
        get history() {
          return need('history', (p) => p.history);
        },
        get host() {
          return need('host data', (p) => p.host);
        },
      };
    },
  };
}
