/**
 * Keeps tickets' SLA state for a SQL projection that applies events one batch at
 * a time and may stop, fail over or roll back between batches.
 *
 * The state of a ticket is a fold of its own events: its complaint stream and the
 * pin events of its SLA stream (`sla:<id>`: which policy version measures it). So
 * instead of serialising clocks into the read model the tracker folds the ticket's
 * earlier events again whenever it does not hold the state right before the event
 * at hand: after a restart, a failover, a rolled-back batch or an eviction. It asks
 * for that history (`needsHistory`) rather than reading it, so it works with a
 * synchronous SQLite transaction and an asynchronous PostgreSQL one alike. A cached
 * ticket is only used when it holds the event's predecessor in its stream: for a
 * complaint event, exactly the event's version less one; for a pin event, the
 * ticket's previous pin. The log is immutable, so such a state is right whatever
 * happened to the batch that built it.
 *
 * One gap a tracker cannot see by itself: a pin event applied by another projector
 * instance while this one was not the leader, for a ticket this one still caches
 * and whose complaint stream did not move meanwhile. A projector that takes the
 * lead back from another instance should `clear()` its tracker first.
 */
import { COMPLAINT_EVENT_TYPES, type EventLike, type RecordedEvent } from '@redress/core';
import { isPinEvent, PIN_EVENT_TYPES, pinnedTicketId } from '../clock/pin.js';
import { applyEvent, emptySlaState, type SlaState } from '../clock/projection.js';
import type { TicketSla } from '../clock/ticket.js';
import { field } from '../clock/ticket.js';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import { slaStreamId } from '../tick/events.js';
import { deadlineRows, type SlaDeadlineRow } from './rows.js';

/** Settings of the deadline tracker. */
export interface SlaDeadlineTrackerOptions {
  /** Tickets kept between batches (least recently used evicted first; 0 keeps none); default 10 000. */
  readonly capacity?: number;
}

/** A ticket's deadline rows after an event. */
export interface TicketDeadlines {
  /** The complaint's stream id (the tickets table's `complaint_id`). */
  readonly complaintId: string;
  /** Its clocks, exact at its last event; empty when no policy applies. */
  readonly rows: readonly SlaDeadlineRow[];
}

/** Where a ticket's history is: both its streams, before a global position. */
export interface TicketHistory {
  /** The complaint stream id (the ticket's key). */
  readonly ticket: string;
  /** The complaint stream and the SLA stream. */
  readonly streams: readonly [complaint: string, sla: string];
  /** Events of those streams at global positions below this one, in global order. */
  readonly beforePosition: number;
}

/**
 * Keeps tickets' SLA state for a SQL projection that applies events in batches and may stop, fail over or
 * roll back between them.
 */
export interface SlaDeadlineTracker {
  /** Event types that change SLA state (complaint events, and the SLA streams' pin events); others are ignored by `apply`. */
  readonly handles: readonly string[];
  /** Whether `apply(event)` needs the ticket's earlier events (see `historyOf`). */
  needsHistory(event: RecordedEvent<EventLike>): boolean;
  /** Which events `apply` wants as history for this event. */
  historyOf(event: RecordedEvent<EventLike>): TicketHistory;
  /**
   * Applies an event. `history` (the events `historyOf` names, in global order;
   * other types are ignored) is required when `needsHistory` said so, and ignored otherwise.
   */
  apply(event: RecordedEvent<EventLike>, history?: readonly RecordedEvent<EventLike>[]): void;
  /** The tickets changed since the last call, as rows; forgets them. */
  takeChanged(): TicketDeadlines[];
  /** Forgets everything (before a rebuild, or when another instance may have applied events meanwhile). */
  clear(): void;
}

interface Tracked {
  /** One ticket's SLA state (no ticket in it for a stream without a ComplaintReceived). */
  readonly state: SlaState;
  /** The complaint stream version of the last complaint event applied. */
  version: number;
  /** The global position of the last event applied. */
  position: number;
  asOf: number;
}

/** Every event type the tracker folds. */
export const SLA_TRACKED_EVENT_TYPES: readonly string[] = [...COMPLAINT_EVENT_TYPES, ...PIN_EVENT_TYPES];
const HANDLED: ReadonlySet<string> = new Set(SLA_TRACKED_EVENT_TYPES);

/** The ticket (complaint stream id) an event belongs to. */
const ticketOf = (event: RecordedEvent<EventLike>): string => (isPinEvent(event) ? pinnedTicketId(event) : event.streamId);

/** Creates a tracker for a configuration (validated here). */
export function createSlaDeadlineTracker(config: SlaConfig | unknown, options: SlaDeadlineTrackerOptions = {}): SlaDeadlineTracker {
  const parsed = toSlaConfig(config);
  const capacity = options.capacity ?? 10_000;
  const cache = new Map<string, Tracked>();
  const changed = new Set<string>();

  const handled = (event: RecordedEvent<EventLike>) => HANDLED.has(event.type);
  const usable = (event: RecordedEvent<EventLike>) => {
    const tracked = cache.get(ticketOf(event));
    if (tracked === undefined || tracked.position >= event.globalPosition) return false;
    if (!isPinEvent(event)) return tracked.version === event.streamVersion - 1;
    const ticket: TicketSla | undefined = tracked.state.tickets.get(ticketOf(event));
    return ticket !== undefined && ticket.pinSeq === Number(field(event.data, 'seq')) - 1;
  };

  /** A fresh single-ticket SLA state, so folding one stream never touches another's. */
  const fresh = (): Tracked => ({ state: emptySlaState(parsed), version: 0, position: 0, asOf: 0 });

  const step = (tracked: Tracked, event: RecordedEvent<EventLike>) => {
    applyEvent(tracked.state, event);
    tracked.state.changed.clear();
    // The ticker's bookkeeping has no use here.
    tracked.state.unpinned.length = 0;
    if (!isPinEvent(event)) tracked.version = event.streamVersion;
    tracked.position = Math.max(tracked.position, event.globalPosition);
    tracked.asOf = Math.max(tracked.asOf, Date.parse(event.occurredAt));
  };

  /** Evicts the least recently used tickets over capacity; a ticket whose rows are not taken yet stays. */
  const trim = () => {
    for (const streamId of cache.keys()) {
      if (cache.size <= capacity) return;
      if (!changed.has(streamId)) cache.delete(streamId);
    }
  };

  const remember = (streamId: string, tracked: Tracked) => {
    cache.delete(streamId);
    cache.set(streamId, tracked);
    trim();
  };

  return {
    handles: SLA_TRACKED_EVENT_TYPES,
    needsHistory: (event) => handled(event) && !(event.type === 'ComplaintReceived' && event.streamVersion === 1) && !usable(event),
    historyOf(event) {
      const ticket = ticketOf(event);
      return { ticket, streams: [ticket, slaStreamId(ticket)], beforePosition: event.globalPosition };
    },
    apply(event, history) {
      if (!handled(event)) return;
      const id = ticketOf(event);
      let tracked = usable(event) ? cache.get(id) : undefined;
      if (tracked === undefined) {
        tracked = fresh();
        if (!(event.type === 'ComplaintReceived' && event.streamVersion === 1)) {
          if (history === undefined) throw new RangeError(`the SLA deadlines of ${id} need its events before position ${event.globalPosition}`);
          for (const earlier of history) if (handled(earlier) && earlier.globalPosition < event.globalPosition) step(tracked, earlier);
        }
      }
      step(tracked, event);
      // Marked changed first: a changed ticket is never evicted before its rows are taken.
      changed.add(id);
      remember(id, tracked);
    },
    takeChanged() {
      const out: TicketDeadlines[] = [];
      for (const streamId of changed) {
        const tracked = cache.get(streamId);
        const ticket: TicketSla | undefined = tracked?.state.tickets.get(streamId);
        out.push({ complaintId: streamId, rows: tracked && ticket ? deadlineRows(ticket, streamId, tracked.asOf, tracked.version) : [] });
      }
      changed.clear();
      trim();
      return out;
    },
    clear() {
      cache.clear();
      changed.clear();
    },
  };
}
