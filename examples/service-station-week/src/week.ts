/**
 * One week at the station, played through @redress/core's public API only.
 *
 * Every complaint has a script (its commands and the waits between them). The
 * week runs the scripts together in time order on one manual clock, as the desk
 * would live them, and stops on Sunday at closing time: whatever is due later
 * is still in progress on the board. The clock is left at that instant: whatever
 * is judged "as of now" after the week (SLA clocks, the report) is judged then.
 */
import { randomBytes } from 'node:crypto';
import {
  aesGcmKeyWrapper,
  complaintEventFamily,
  createCryptoShredder,
  createEngine,
  createEventEvolution,
  createInMemoryKeyStore,
  createManualClock,
  protectStore,
  queuesProjection,
  sequentialIds,
  ticketViewProjection,
  type Actor,
  type CommandType,
  type ComplaintEvent,
  type Engine,
  type EngineError,
  type EventStore,
  type KeyStore,
  type ManualClock,
  type QueuesState,
  type TicketViewState,
} from '@redress/core';
import { followUpSurveyRule } from '@redress/csi';
import type { SqliteEventStore } from '@redress/sqlite';
import { WEEK_END, WEEK_START } from './calendar.js';
import { drawFates, type Fate } from './fates.js';
import { createRandom } from './random.js';
import { scriptFor, type Step } from './script.js';
import { openStore, storeChoice, type StoreChoice } from './store.js';

export const DEFAULT_SEED = 20261123;
export const DEFAULT_COMPLAINTS = 40;

/** A command the engine refused, as the week expected it to. */
export interface Refusal {
  readonly at: string;
  readonly complaintId: string;
  readonly command: CommandType;
  readonly actor: Actor;
  readonly why: string;
  readonly error: EngineError;
}

export interface Week {
  readonly seed: number;
  readonly engine: Engine;
  readonly store: EventStore<ComplaintEvent>;
  /** The same store when it is SQLite (its database holds the SQL read models), else null. */
  readonly sqlite: SqliteEventStore<ComplaintEvent> | null;
  readonly clock: ManualClock;
  /** The customers' data keys: the store encrypts their personal data (see docs/privacy.md); erasing destroys them. */
  readonly keys: KeyStore;
  readonly fates: readonly Fate[];
  /** The live ticket view and work queues, kept by the engine as it executes (read when asked: an erasure refolds them). */
  readonly tickets: TicketViewState;
  readonly queues: QueuesState;
  readonly refusals: readonly Refusal[];
  /** Complaints received during the week. */
  readonly received: number;
  /** Commands executed (accepted and refused). */
  readonly commands: number;
  /** Complaints with steps still due after Sunday closing. */
  readonly inProgress: number;
}

interface Agenda {
  readonly fate: Fate;
  readonly steps: readonly Step[];
  next: number;
  due: Date;
}

/** The agenda with the earliest due step (the first one listed on a tie, so the order is deterministic). */
function earliest(agendas: readonly Agenda[]): Agenda | undefined {
  let first: Agenda | undefined;
  for (const a of agendas) if (a.next < a.steps.length && (!first || a.due < first.due)) first = a;
  return first;
}

export interface WeekOptions {
  readonly seed?: number;
  readonly complaints?: number;
  /** Where the events go; by default what `REDRESS_DEMO_STORE` says. */
  readonly store?: StoreChoice;
}

export async function playWeek(options: WeekOptions = {}): Promise<Week> {
  const seed = options.seed ?? DEFAULT_SEED;
  const rnd = createRandom(seed);
  const answers = createRandom(seed, 1);

  const opened = openStore(options.store ?? storeChoice());
  // Customers' personal data is encrypted with keys of their own, wrapped by a master key
  // a real host would take from its secret store.
  const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(randomBytes(32)) });
  const protect = <S extends EventStore<ComplaintEvent>>(raw: S): S =>
    protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const sqlite = opened.kind === 'sqlite' ? protect(opened.store) : null;
  const store: EventStore<ComplaintEvent> = sqlite ?? protect(opened.store);
  const clock = createManualClock(WEEK_START);
  const tickets = ticketViewProjection();
  const queues = queuesProjection();
  // The survey a follow-up carries must rate the CSI configuration's dimensions with their own reason codes.
  const rules = [followUpSurveyRule()];
  const engine = createEngine({ store, clock, ids: sequentialIds('ev'), projections: [tickets, queues], rules });

  const fates = drawFates(rnd, options.complaints ?? DEFAULT_COMPLAINTS);
  const agendas: Agenda[] = fates.map((fate) => ({ fate, steps: scriptFor(fate, rnd, answers), next: 0, due: fate.receivedAt }));
  const refusals: Refusal[] = [];
  let received = 0;
  let commands = 0;

  for (let agenda = earliest(agendas); agenda && agenda.due <= WEEK_END; agenda = earliest(agendas)) {
    const step = agenda.steps[agenda.next] as Step;
    clock.set(agenda.due);
    const command = step.command(agenda.due);
    const result = await engine.execute(command);
    commands++;

    // Every result is checked: the demo never skips a command silently.
    const where = `${command.type} on ${agenda.fate.complaintId} at ${agenda.due.toISOString()}`;
    if (step.refusal) {
      if (result.ok) throw new Error(`${where} should have been refused (${step.refusal.why}) but was accepted`);
      if (result.error.kind !== step.refusal.kind) {
        const { kind, message } = result.error;
        throw new Error(`${where} was refused with ${kind}, expected ${step.refusal.kind}: ${message}`, { cause: result.error });
      }
      const { actor } = command;
      refusals.push({
        at: agenda.due.toISOString(),
        complaintId: agenda.fate.complaintId,
        command: command.type,
        actor,
        why: step.refusal.why,
        error: result.error,
      });
    } else if (!result.ok) {
      throw new Error(`${where} was refused: ${result.error.message}`, { cause: result.error });
    } else if (command.type === 'ReceiveComplaint') {
      received++;
    }

    agenda.next++;
    const following = agenda.steps[agenda.next];
    if (following) agenda.due = following.at(agenda.due);
  }

  clock.set(WEEK_END);

  return {
    seed,
    engine,
    store,
    sqlite,
    clock,
    keys,
    fates,
    get tickets() {
      return engine.view(tickets);
    },
    get queues() {
      return engine.view(queues);
    },
    refusals,
    received,
    commands,
    inProgress: agendas.filter((a) => a.next < a.steps.length && a.next > 0).length,
  };
}
