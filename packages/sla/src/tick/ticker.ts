/**
 * The ticker: `tick(now)` reads the new complaint events, then hands out every
 * threshold reached by `now` as an SLA event at its exact instant. Time only
 * comes in as `now`; the ticker never reads the system clock or sets a timer
 * (see `scheduler.ts` for a host-side timer).
 *
 * Idempotent: each event has a deterministic id and is appended on its own with
 * `expected: 'any'`, so a store that already holds it (another ticker was first,
 * or this one crashed after writing) writes nothing. Two tickers racing on one
 * store therefore record each threshold exactly once.
 */
import { runProjection, type EventLike, type EventStore, type ProjectionRunner, type RecordedEvent } from '@redress/core';
import { slaProjection, type SlaState } from '../clock/projection.js';
import type { ClockRun } from '../clock/run.js';
import type { TicketSla } from '../clock/ticket.js';
import type { SlaConfig } from '../policy/config.js';
import { DueIndex } from './due-index.js';
import { dueEmissions, nextEmissionAt, type Emission } from './emissions.js';
import { slaStreamId, type SlaEvent } from './events.js';
import { recordPins } from './pins.js';

/** Called for every breach handed out (also when another ticker wrote it first): escalation hooks in here. */
export type BreachHandler = (breach: { readonly ticket: TicketSla; readonly run: ClockRun; readonly event: RecordedEvent<Extract<SlaEvent, { type: 'SlaBreached' }>> }) => Promise<void>;

/** What `createSlaTicker` needs: the store, the configuration, and optionally a breach handler. */
export interface SlaTickerOptions {
  /** The host's store: complaint events are read from it, SLA events appended to it. */
  readonly store: Pick<EventStore<EventLike>, 'append' | 'readAll'>;
  /** A validated `SlaConfig` (`parseSlaConfig`) or its JSON. */
  readonly config: SlaConfig | unknown;
  /**
   * Called after each `SlaBreached` is stored (also when another ticker stored it first), e.g. to escalate when
   * `escalateOnBreach` is set. A throw rejects the tick and the breach stays due: the next tick (or a restarted
   * ticker) stores nothing new and calls the handler again, so make the handler idempotent.
   */
  readonly onBreach?: BreachHandler;
  /** Tracing and metrics hooks around each tick (`@redress/opentelemetry` implements them); none by default. */
  readonly instrumentation?: SlaTickerInstrumentation;
}

/**
 * Hooks the ticker calls around its work, with no dependency on a telemetry library. A
 * hook must call `run` exactly once and return (or rethrow) what it gives.
 */
export interface SlaTickerInstrumentation {
  /**
   * Around one `tick(now)` (`now` in epoch ms): its result lists the warnings and breaches this tick stored; a
   * rejection is the store's or the breach handler's error.
   */
  tick?(now: number, run: () => Promise<TickResult>): Promise<TickResult>;
}

/** What one tick appended and when the next threshold falls due. */
export interface TickResult {
  /** SLA events this tick wrote: the pins of tickets seen for the first time, then the thresholds. */
  readonly appended: readonly RecordedEvent<SlaEvent>[];
  /** Events that were already stored (another ticker, or an earlier run, wrote them). */
  readonly alreadyStored: number;
  /** When the next threshold is reached as things stand (set a timer for it), or null. */
  readonly nextDueAt: string | null;
}

/**
 * The SLA ticker: `tick(now)` appends every warning and breach due by `now`, each at its exact instant, with
 * deterministic ids so a repeated tick writes nothing twice.
 */
export interface SlaTicker {
  /**
   * Reads the complaint events appended since the last tick, records the policy pin of each new ticket, then appends
   * every warning and breach reached by `now` (a `Date` or epoch ms from the host's clock) in time order, each dated
   * at the instant it was reached. Safe to repeat or race: ids are deterministic.
   */
  tick(now: Date | number): Promise<TickResult>;
  /** The next instant something is due, for a host timer (epoch ms), or undefined. */
  nextDueAt(): number | undefined;
  /** The SLA projection this ticker keeps (for views and queries). */
  readonly state: SlaState;
  /** Reads new complaint events without handing anything out. */
  catchUp(): Promise<void>;
}

interface Item {
  readonly run: ClockRun;
  readonly ticket: TicketSla;
}

/** Creates a ticker over a store; it reads time only from the `now` passed to `tick`. */
export function createSlaTicker(options: SlaTickerOptions): SlaTicker {
  const runner: ProjectionRunner<SlaState, EventLike> = runProjection(slaProjection(options.config));
  const index = new DueIndex<Item>();
  const { store } = options;

  const schedule = (item: Item) => {
    const at = nextEmissionAt(item.run);
    if (at !== undefined) index.add(at, item, item.run.generation);
  };

  const scheduleChanged = () => {
    const { changed } = runner.state;
    for (const [run, ticket] of changed) schedule({ run, ticket });
    changed.clear();
  };

  const catchUp = async () => {
    await runner.catchUp(store);
    scheduleChanged();
  };

  /** The earliest live entry's instant, dropping stale ones. */
  const head = (): number | undefined => {
    for (let item = index.nextItem; item !== undefined; item = index.nextItem) {
      if (index.nextGeneration === item.run.generation) return index.nextAt;
      index.drop();
    }
    return undefined;
  };

  /** Appends the item's emissions to `appended`; returns how many the store already held. */
  async function handOut(item: Item, emissions: readonly Emission[], appended: RecordedEvent<SlaEvent>[]): Promise<number> {
    let alreadyStored = 0;
    for (const e of emissions) {
      const result = await store.append(slaStreamId(item.ticket.complaintId), 'any', [e.event]);
      const recorded = result.events[0] as RecordedEvent<SlaEvent>;
      if (result.duplicate) alreadyStored++;
      else appended.push(recorded);
      if (e.crossing.kind === 'breach' && recorded.type === 'SlaBreached') await options.onBreach?.({ ticket: item.ticket, run: item.run, event: recorded as RecordedEvent<Extract<SlaEvent, { type: 'SlaBreached' }>> });
      // Marked only once stored and its handler has run: a crash or a throw in between hands it out again (the
      // deterministic id makes the append harmless; the handler is called again, so it must be idempotent).
      e.cycle.emitted++;
    }
    return alreadyStored;
  }

  async function tick(nowMs: number): Promise<TickResult> {
    await catchUp();
    // Pinned before anything is handed out: a pin recorded elsewhere may change the clocks.
    const appended: RecordedEvent<SlaEvent>[] = await recordPins(store, runner.state);
    scheduleChanged();
    let alreadyStored = 0;
    for (let at = head(); at !== undefined && at <= nowMs; at = head()) {
      const item = index.nextItem as Item;
      index.drop();
      try {
        alreadyStored += await handOut(item, dueEmissions(item.ticket, item.run, nowMs), appended);
      } finally {
        // Back in the index even when the store or the handler threw: what was not handed out is still due.
        schedule(item);
      }
    }
    const next = head();
    return { appended, alreadyStored, nextDueAt: next === undefined ? null : new Date(next).toISOString() };
  }

  const hook = options.instrumentation;
  const onTick = hook?.tick;
  return {
    state: runner.state,
    catchUp,
    nextDueAt: () => {
      // Settle what went stale so the answer is the earliest live entry.
      return head();
    },
    tick(now) {
      const nowMs = typeof now === 'number' ? now : now.getTime();
      return onTick === undefined ? tick(nowMs) : onTick.call(hook, nowMs, () => tick(nowMs));
    },
  };
}
