/**
 * The desk: one engine, the read models it follows, the SLA clocks and the staff
 * directory, wired together. The HTTP API and the dashboard both talk to this and to
 * nothing below it, so what one can do the other can too.
 */
import {
  allowedCommands,
  createEngine,
  defaultPermissionMatrix,
  separationOfDuties,
  systemClock,
  type Actor,
  type Command,
  type CommandInput,
  type CommandType,
  type ComplaintEvent,
  type ComplaintState,
  type EventStore,
  type ExecuteResult,
  type TicketView,
} from '@redress/core';
import { analyze, followUpSurveyRule, type ComplaintAnalytics } from '@redress/csi';
import { createBusinessCalendar, ticketClocks, type CalendarInput, type SlaConfig } from '@redress/sla';
import { engineDirectory, type StaffDirectory, type StaffMember } from '../staff/directory.js';
import { createDeskClock, type DeskClock } from './clock.js';
import { createDeadlineCache } from './deadlines.js';
import { inQueueOf } from './queue.js';
import { createReadSide } from './read-side.js';
import { clockLines, createDeskSla, type ClockLine } from './sla.js';
import { urgencyOf, type TicketUrgency } from './urgency.js';

/** Who may issue what: the engine decides with it, and the dashboard offers only what it allows. */
export const DESK_PERMISSIONS = defaultPermissionMatrix;

/**
 * Which person of a permitted role may act on this complaint: core's separation of duties,
 * all on (the assigned handler works it, the approver is not the proposer, the recorder of
 * the follow-up does not archive). The engine decides with it; the dashboard asks it too,
 * to say why an action of your role is not yours on this ticket before you try.
 */
export const DESK_DUTIES = separationOfDuties();

export interface DeskActions {
  /** What this member may issue now. */
  readonly mine: CommandType[];
  /** What their role may issue in this step but the duties keep from them on this complaint, with why. */
  readonly barred: { readonly type: CommandType; readonly reason: string }[];
  /** What other roles may issue in this step. */
  readonly others: CommandType[];
}

export interface DeskOptions {
  readonly store: EventStore<ComplaintEvent>;
  readonly staff: StaffDirectory;
  readonly sla: { readonly config: SlaConfig; readonly calendar: CalendarInput };
  /** The desk's clock starts here (e.g. the end of a seeded week), or at the host's time; never before the log's last event. */
  readonly startAt?: Date;
  readonly pollMs?: number;
}

export interface TicketCard {
  readonly ticket: TicketView;
  readonly urgency: TicketUrgency;
}

/** Where the desk's clock starts: as asked (or the host's time), but never before the log's last event. */
function startInstant(asked: Date | undefined, latestAt: string | null): Date | undefined {
  const latest = latestAt === null ? undefined : new Date(latestAt);
  const base = asked ?? systemClock.now();
  return latest !== undefined && latest > base ? latest : asked;
}

export async function createDesk(options: DeskOptions) {
  const { store, staff } = options;
  const read = createReadSide(store);
  await read.caughtUp;
  const clock: DeskClock = createDeskClock(systemClock, startInstant(options.startAt, read.latestAt));
  const engine = createEngine({
    store,
    clock,
    // The engine checks each command's actor against the staff too, not only the role's rights.
    directory: engineDirectory(staff),
    permissions: DESK_PERMISSIONS,
    duties: DESK_DUTIES,
    rules: [followUpSurveyRule()],
    retry: { attempts: 3 },
  });
  const sla = createDeskSla({ store, clock, engine, config: options.sla.config, ...(options.pollMs !== undefined && { pollMs: options.pollMs }) });
  const calendar = createBusinessCalendar(options.sla.calendar);
  const clockListeners = new Set<() => void>();

  read.onChange((change) => {
    // New complaint events may start, stop or move clocks: let the ticker look now.
    if (!change.streamId.startsWith('sla:')) sla.nudge();
  });
  sla.start();

  const deadlines = createDeadlineCache();
  const cards = async (tickets: readonly TicketView[]): Promise<TicketCard[]> => {
    const state = await sla.current();
    const now = clock.now();
    return tickets.map((ticket) => ({ ticket, urgency: urgencyOf(deadlines.rowsOf(state, ticket.complaintId, now), now) }));
  };

  return {
    clock,
    staff,
    engine,
    read,
    sla,
    /** Executes a command and waits until the read models show it. */
    async execute(command: CommandInput): Promise<ExecuteResult> {
      const result = await engine.execute(command);
      const last = result.ok ? result.value.events.at(-1) : undefined;
      if (last) await read.reached(last.globalPosition);
      return result;
    },
    ticket: (complaintId: string): TicketView | undefined => read.tickets.get(complaintId),
    /** The complaint's decision state and stream version (what If-Match compares with). */
    load: (complaintId: string): Promise<{ readonly state: ComplaintState; readonly version: number }> => engine.load(complaintId),
    /** Every ticket as a card, most recently received first. */
    board: (): Promise<TicketCard[]> => cards([...read.tickets.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))),
    queueOf: (member: StaffMember): Promise<TicketCard[]> => cards([...read.tickets.values()].filter((t) => inQueueOf(member, t))),
    async clocks(complaintId: string): Promise<ClockLine[]> {
      return clockLines(await sla.current(), complaintId, clock.now());
    },
    /** The commands `actor` may issue in the complaint's current step (guards aside: the engine says why if one fails). */
    actionsFor(state: ComplaintState, actor: Actor): DeskActions {
      const actions: DeskActions = { mine: [], barred: [], others: [] };
      for (const type of allowedCommands(state)) {
        if (!DESK_PERMISSIONS[type].includes(actor.role)) {
          actions.others.push(type);
          continue;
        }
        // The duties read the command's type only (and a receipt's customer, never asked here).
        const answer = DESK_DUTIES({ actor, state, command: { type, actor, complaintId: state.complaintId, data: {} } as unknown as Command });
        if (answer === true) actions.mine.push(type);
        else actions.barred.push({ type, reason: typeof answer === 'string' ? answer : 'not yours on this complaint' });
      }
      return actions;
    },
    /** The CSI and complaint analytics as of now, with business time and SLA results from @redress/sla. */
    async csi(): Promise<ComplaintAnalytics> {
      const state = await sla.current();
      const now = clock.now();
      return analyze(read.analytics, {
        asOf: now.toISOString(),
        hooks: {
          businessDuration: (from, to) => calendar.diff(Date.parse(from), Date.parse(to)),
          slaResults: (complaint) =>
            ticketClocks(state, complaint.complaintId, now).flatMap((c) =>
              c.cycles.filter((cycle) => cycle.breachedAt !== null || cycle.outcome === 'met').map((cycle) => ({ rule: c.clock, met: cycle.breachedAt === null })),
            ),
        },
      });
    },
    /** Resolves once the read models have applied everything the store holds now (tests and the clock hook). */
    async settled(): Promise<void> {
      // Wait for the event found, not for "position + 1" read again after the await: the read
      // side may have reached the head meanwhile, and then it would wait for an event to come.
      for (;;) {
        const [next] = await store.readAll(read.position + 1, 1);
        if (next === undefined) return;
        await read.reached(next.globalPosition);
      }
    },
    /** Moves the desk's clock forward and lets the SLA ticker catch up (test and demo hook only). */
    advanceClock(ms: number): void {
      clock.advance(ms);
      sla.nudge();
      for (const listener of clockListeners) listener();
    },
    onClock(listener: () => void): () => void {
      clockListeners.add(listener);
      return () => clockListeners.delete(listener);
    },
    async close(): Promise<void> {
      await sla.stop();
      await read.close();
    },
  };
}

export type Desk = Awaited<ReturnType<typeof createDesk>>;
