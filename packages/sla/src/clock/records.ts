/**
 * The compact records behind `ClockRun` and `Cycle`, sized for a million open
 * tickets (issue 15: at most 1 KB per ticket):
 *
 * - A clock nothing has touched yet (most tickets' remedy and follow-up clocks)
 *   is one shared, frozen run per clock definition; the ticket gets its own run
 *   the first time an event changes anything (`ownRun`).
 * - A cycle keeps the event that started it, so its `started` explain line and its
 *   `started` crossing are derived, not stored: the lists behind `crossings` and
 *   `timeline` stay one shared empty array until something else happens to the
 *   clock. Derived entries are equal to what the eager lists held (pinned by
 *   `golden/explain.golden.test.ts`).
 * - Lists get a one-item array for their first item (pushing onto an empty array
 *   reserves room for 17).
 */
import type { BusinessCalendar } from '../calendar/calendar.js';
import type { ClockConfig } from '../policy/schema.js';
import type { ClockRun, Crossing, Cycle, CycleOutcome, ExplainEntry } from './run.js';

const NOTHING: readonly never[] = Object.freeze([]);
const none = <T>(): T[] => NOTHING as never[];

const push = <T>(list: T[], item: T): T[] => {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
};

/** A cycle. `reached` holds its crossings once any but `started` exists (until then `started` is implied). */
export class CycleRecord implements Cycle {
  targetMs: number | undefined;
  deadline: number | undefined;
  elapsedMs: number;
  since: number;
  status: Cycle['status'] = 'running';
  outcome: CycleOutcome | undefined = undefined;
  endedAt: number | undefined = undefined;
  emitted = 0;
  reached: Crossing[] = none();
  declare readonly carriedMs?: number;
  declare measuredBy?: Cycle['measuredBy'];
  /** The value of the clock's `follows` field on the start event: the one thing (a promise) this cycle measures. */
  declare followed?: unknown;

  constructor(
    readonly number: number,
    readonly startedAt: number,
    target: { readonly targetMs: number | undefined; readonly deadline: number | undefined },
    elapsedMs: number,
    /** The event that started it and why: its `started` explain line. */
    readonly startType: string,
    readonly startEventId: string,
    readonly startReason: string,
  ) {
    this.targetMs = target.targetMs;
    this.deadline = target.deadline;
    this.elapsedMs = elapsedMs;
    this.since = startedAt;
  }

  get crossings(): readonly Crossing[] {
    return this.reached.length > 0 ? this.reached : [startedCrossing(this)];
  }
}

const startedCrossing = (cycle: CycleRecord): Crossing => ({ label: 'started', kind: 'started', at: cycle.startedAt });

/** The crossings a cycle has recorded, `started` included. */
export const crossingCount = (cycle: Cycle): number => Math.max(1, (cycle as CycleRecord).reached.length);

/** The n-th recorded crossing (0: the first, `started` unless inherited ones precede it), or undefined. */
export function recordedCrossing(cycle: Cycle, n: number): Crossing | undefined {
  const { reached } = cycle as CycleRecord;
  if (reached.length > 0) return reached[n];
  return n === 0 ? startedCrossing(cycle as CycleRecord) : undefined;
}

/** Whether the cycle recorded its breach. */
export const recordedBreach = (cycle: Cycle): Crossing | undefined => (cycle as CycleRecord).reached.find((c) => c.kind === 'breach');

/** Records crossings after the last one (`first`: before every one, for those a migrated cycle inherits). */
export function recordCrossings(cycle: Cycle, crossings: readonly Crossing[], first = false): void {
  if (crossings.length === 0) return;
  const record = cycle as CycleRecord;
  const list = record.reached.length > 0 ? record.reached : [startedCrossing(record)];
  if (first) list.unshift(...crossings);
  else list.push(...crossings);
  record.reached = list;
}

/** The `started` explain line of a cycle. */
const startLine = (cycle: CycleRecord): ExplainEntry => ({
  at: cycle.startedAt,
  cycle: cycle.number,
  action: 'started',
  eventType: cycle.startType,
  eventId: cycle.startEventId,
  reason: cycle.startReason,
});

/** What a cycle follows (its start event's `follows` field), or undefined: it then follows nothing in particular. */
export const followedBy = (cycle: Cycle): unknown => (cycle as CycleRecord).followed;

/** Makes a cycle follow `value`; set only when there is one, so that other cycles keep the common shape. */
export function follow(cycle: Cycle, value: unknown): void {
  if (value !== undefined) (cycle as CycleRecord).followed = value;
}

/** The id of the event that started a cycle. */
export const startEventId = (cycle: Cycle): string => (cycle as CycleRecord).startEventId;

/** A clock run. `lines` holds its explain lines once any but a start exists, a cycle standing for its start. */
export class RunRecord implements ClockRun {
  deadline: number | undefined = undefined;
  armed = true;
  heldBy: ClockRun['heldBy'] = undefined;
  cycles: Cycle[] = none();
  lines: (ExplainEntry | CycleRecord)[] = none();
  generation = 0;
  declare retired?: true;

  constructor(
    readonly config: ClockConfig,
    readonly calendar: BusinessCalendar,
  ) {}

  get timeline(): readonly ExplainEntry[] {
    const lines = this.lines.length > 0 ? this.lines : (this.cycles as CycleRecord[]);
    return lines.map((l) => (l instanceof CycleRecord ? startLine(l) : l));
  }
}

/** A run that continues `from`'s history (a migration) under another definition. */
export function continuedRun(from: ClockRun, config: ClockConfig, calendar: BusinessCalendar): RunRecord {
  const run = new RunRecord(config, calendar);
  run.cycles = from.cycles;
  run.lines = (from as RunRecord).lines;
  return run;
}

/** Appends a cycle, with its `started` explain line. */
export function addCycle(run: ClockRun, cycle: CycleRecord): void {
  const record = run as RunRecord;
  record.cycles = push(record.cycles, cycle);
  if (record.lines.length > 0) record.lines.push(cycle);
}

/** Appends an explain line (never a start: `addCycle` adds those). */
export function addLine(run: ClockRun, entry: ExplainEntry): void {
  const record = run as RunRecord;
  // The first line that is not a start: the starts so far are its cycles, in order.
  record.lines = record.lines.length > 0 ? push(record.lines, entry) : [...(record.cycles as CycleRecord[]), entry];
}

/** One frozen untouched run per clock definition, shared by every ticket whose clock nothing has changed. */
const untouched = new WeakMap<ClockConfig, RunRecord>();

export function untouchedRun(config: ClockConfig, calendar: BusinessCalendar): ClockRun {
  let run = untouched.get(config);
  if (run === undefined || run.calendar !== calendar) untouched.set(config, (run = Object.freeze(new RunRecord(config, calendar))));
  return run;
}

export const isUntouched = (run: ClockRun): boolean => Object.isFrozen(run);

/** The ticket's own copy of an untouched run, to change. */
export const ownRun = (run: ClockRun): RunRecord => new RunRecord(run.config, run.calendar);

/** Whether an own copy of an untouched run still equals it (the event changed nothing): then the copy is dropped. */
export const stillUntouched = (run: RunRecord): boolean =>
  run.armed && run.heldBy === undefined && run.deadline === undefined && run.cycles.length === 0 && run.lines.length === 0 && run.generation === 0 && run.retired === undefined;
