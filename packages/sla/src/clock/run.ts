/**
 * The state of one clock of one ticket: its cycles, and in the current cycle the
 * running segment (since when it runs and how much business time it had used
 * before). Everything is epoch milliseconds; the projection owns these objects
 * and updates them in place (read models are tables, not values).
 */
import type { BusinessCalendar } from '../calendar/calendar.js';
import type { ClockConfig } from '../policy/schema.js';

/** A threshold of a cycle: a warning, or the breach (always last). */
export interface Threshold {
  /** `started`, `50%`, `PT1H before`, `breach`. */
  readonly label: string;
  /**
   * `started` marks the cycle's start (never an event of its own), `warning` a configured warning, `breach` the target
   * fully used.
   */
  readonly kind: 'started' | 'warning' | 'breach';
}

/** A threshold reached while the clock ran, at its exact instant. */
export interface Crossing extends Threshold {
  /**
   * The exact instant (epoch ms) the threshold was reached: computed from the calendar, not when the ticker noticed,
   * so a late tick still records the true time.
   */
  readonly at: number;
  /**
   * Already behind the cycle when it began: a cycle that continues one under another
   * policy version starts past these thresholds. Never handed out as an event.
   */
  readonly inherited?: true;
}

/**
 * How a clock's cycle ended: its target met, breached, cancelled (the complaint closed), reset (reopened) or
 * superseded (a policy migration).
 */
export type CycleOutcome = 'met' | 'breached' | 'cancelled' | 'reset' | 'superseded';

/** What moved the clock, and why: one line of `explain`. */
export interface ExplainEntry {
  /** When the event happened (epoch ms of its `occurredAt`), not when it was folded. */
  readonly at: number;
  /** The cycle it acted on, from 1. */
  readonly cycle: number;
  /**
   * What it did to the clock: `started`, `paused`/`resumed` (a hold began or ended), `stopped` (target met or
   * breached), `reset`, `cancelled`, `reopened`, `retargeted` (a reclassification or a new deadline changed the
   * target), `rearmed` (waits for its start again) or `migrated` (moved to another policy version).
   */
  readonly action: 'started' | 'paused' | 'resumed' | 'stopped' | 'reset' | 'cancelled' | 'reopened' | 'retargeted' | 'rearmed' | 'migrated';
  /** The type of the event that did it (thresholds reached as time passes are not entries: `explain` adds them, with no event). */
  readonly eventType: string;
  /** Id of that event in the store, to find it in the complaint's stream. */
  readonly eventId: string;
  /**
   * Human-readable why, naming the matching condition or predicate (e.g. `ResolutionProposed meets condition #0`), for
   * support staff reading `explain`.
   */
  readonly reason: string;
}

/** One run of a clock from start to its end (or still running); a reopened complaint starts a new cycle. */
export interface Cycle {
  /** 1 for the first cycle, then one more per reset, reopening, rearm or migration. */
  readonly number: number;
  /** When the cycle started (epoch ms of the start event, or of the migration it continues). */
  readonly startedAt: number;
  /** Business milliseconds allowed, or undefined while a deadline clock has no deadline yet. */
  targetMs: number | undefined;
  /** Absolute deadline (deadline targets only). */
  deadline: number | undefined;
  /** Business ms used before `since`. */
  elapsedMs: number;
  /** Business ms it began with, carried from the cycle it continues (a policy migration); absent otherwise. */
  readonly carriedMs?: number;
  /** The clock definition that measured it, when the clock has moved to another policy version since. */
  measuredBy?: { readonly config: ClockConfig; readonly calendar: BusinessCalendar };
  /** While running: when the current segment began. */
  since: number;
  /**
   * `running` counts business time (when the calendar is open), `paused` is held by a pause event or `pauseWhile`,
   * `ended` is final.
   */
  status: 'running' | 'paused' | 'ended';
  /** How it ended; undefined while not ended. A stopped cycle is `met`, or `breached` when its target ran out first. */
  outcome: CycleOutcome | undefined;
  /** When it ended (epoch ms); undefined while running or paused. */
  endedAt: number | undefined;
  /**
   * Thresholds reached in settled segments, in order (`started` first, after those inherited over a migration). A
   * snapshot: read it again after the ticket moves.
   */
  readonly crossings: readonly Crossing[];
  /** How many crossings the ticker has handed out (its bookkeeping, kept here to save a map per ticket). */
  emitted: number;
}

/** Everything one clock of one ticket has done: its cycles, pauses and target, the input of every view. */
export interface ClockRun {
  /**
   * The clock's definition in the ticket's pinned policy version (after a migration, the new version's; earlier cycles
   * keep theirs in `measuredBy`).
   */
  readonly config: ClockConfig;
  /** The calendar `config.calendar` names, resolved: the open time a running cycle counts. */
  readonly calendar: BusinessCalendar;
  /** The last deadline read from the ticket's events (deadline targets). */
  deadline: number | undefined;
  /** Waiting for the start condition (before the first cycle, or after a rearm). */
  armed: boolean;
  /**
   * The event that holds it, from an event meeting a pause condition to the next meeting a
   * resume condition, started or not (undefined: no event holds it).
   */
  heldBy: { readonly type: string; readonly eventId: string } | undefined;
  /** Its clock is not in the ticket's policy any more (a migration): it keeps its history and ignores events. */
  retired?: true;
  /** Every cycle, oldest first; the last is the current one. Ended cycles are history and never change. */
  readonly cycles: Cycle[];
  /**
   * What events did to the clock, in order: the input of `explain` (threshold crossings are added from the cycles). A
   * snapshot: read it again after the ticket moves.
   */
  readonly timeline: readonly ExplainEntry[];
  /** Bumped on every change, so the due index can drop entries that went stale. */
  generation: number;
}

export const currentCycle = (run: ClockRun): Cycle | undefined => run.cycles[run.cycles.length - 1];
