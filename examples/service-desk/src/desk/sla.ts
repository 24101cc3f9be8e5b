/**
 * The SLA clocks of the desk: @redress/sla's ticker, run in the process on its scheduler
 * (woken at `nextDueAt`, and nudged whenever the log moves), so warnings and breaches are
 * written at their instant and show up live. A breach of a clock that escalates issues
 * `EscalateOnBreach` through the engine's automation capability (`engine.automation('sla')`,
 * inside @redress/sla's `escalateOnBreach`): the one way to act as `system`, which no
 * request can claim, and the engine moves the complaint one rung up its ladder.
 *
 * Every use of the ticker goes through one queue: the scheduler, the nudges and the views
 * would otherwise run `tick`/`catchUp` on the same ticker at once. A tick asked for while
 * one is still waiting in the queue joins it, so a burst of commands costs one tick.
 */
import type { ComplaintEvent, Engine, EventStore } from '@redress/core';
import {
  createSlaTicker,
  deadlineRows,
  escalateOnBreach,
  explain,
  isWarnedAt,
  startSlaScheduler,
  ticketClocks,
  type ExplainLine,
  type SlaConfig,
  type SlaScheduler,
  type SlaState,
  type SlaTicker,
  type TicketClockView,
  type TickResult,
} from '@redress/sla';
import type { DeskClock } from './clock.js';

export interface ClockLine extends TicketClockView {
  /** A warning threshold of the current cycle was reached and the clock is not breached (@redress/sla's `isWarnedAt`). */
  readonly warned: boolean;
  readonly explain: readonly ExplainLine[];
}

/**
 * Every clock of a ticket at `now`, with its warned flag and why it is where it is. The
 * clock views carry no warned state, so it is @redress/sla's own answer: the ticket's
 * deadline rows at `now` and `isWarnedAt`, the rule the SQL read models use too.
 */
export function clockLines(state: SlaState, complaintId: string, now: Date): ClockLine[] {
  const ticket = state.tickets.get(complaintId);
  const rows = ticket ? deadlineRows(ticket, complaintId, now.getTime(), 0) : [];
  return ticketClocks(state, complaintId, now).map((view) => {
    const row = rows.find((r) => r.clock === view.clock);
    return { ...view, warned: row !== undefined && isWarnedAt(row, now), explain: explain(state, complaintId, view.clock, now) };
  });
}

export interface DeskSlaOptions {
  readonly store: EventStore<ComplaintEvent>;
  readonly clock: DeskClock;
  /** Only its `automation()` is used: the ticker acts as `system`, never as a member of staff. */
  readonly engine: Pick<Engine, 'automation'>;
  readonly config: SlaConfig;
  /** Longest wait between ticks when nothing is due (default 30 s). */
  readonly pollMs?: number;
}

export function createDeskSla(options: DeskSlaOptions) {
  const { clock } = options;
  const ticker = createSlaTicker({ store: options.store, config: options.config, onBreach: escalateOnBreach({ engine: options.engine }) });

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  let waiting: Promise<TickResult> | null = null;
  const tick = (): Promise<TickResult> => {
    waiting ??= serial(() => {
      waiting = null;
      return ticker.tick(clock.now());
    });
    return waiting;
  };
  const serialTicker: SlaTicker = {
    tick,
    nextDueAt: () => ticker.nextDueAt(),
    get state() {
      return ticker.state;
    },
    catchUp: () => serial(() => ticker.catchUp()),
  };

  let scheduler: SlaScheduler | null = null;
  let stopped = false;
  const start = () => {
    scheduler = startSlaScheduler({
      ticker: serialTicker,
      clock,
      pollMs: options.pollMs ?? 30_000,
      onError: (error) => console.error('SLA tick failed:', error),
    });
  };

  return {
    start,
    /** Ticks now and re-arms the timer: after new events or when the clock was moved. */
    nudge() {
      if (stopped) return;
      scheduler?.stop();
      start();
    },
    tick,
    /** The clocks' state with every event stored so far folded in. */
    async current(): Promise<SlaState> {
      await serialTicker.catchUp();
      return ticker.state;
    },
    async stop() {
      stopped = true;
      scheduler?.stop();
      await queue;
    },
  };
}

export type DeskSla = ReturnType<typeof createDeskSla>;
