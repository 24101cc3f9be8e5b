/**
 * Keeps tickets' SLA state for a SQL projection that applies events one batch at
 * a time and may stop, fail over or roll back between batches.
 *
 * The state of a ticket is a fold of its own stream, so instead of serialising
 * clocks into the read model the tracker folds the ticket's earlier events again
 * whenever it does not hold the state right before the event at hand: after a
 * restart, a failover, a rolled-back batch or an eviction. It asks for that
 * history (`needsHistory`) rather than reading it, so it works with a synchronous
 * SQLite transaction and an asynchronous PostgreSQL one alike. A cached ticket is
 * only used when its version is exactly the event's version less one: the log is
 * immutable, so such a state is right whatever happened to the batch that built it.
 */
import { COMPLAINT_EVENT_TYPES, type EventLike, type RecordedEvent } from '@redress/core';
import { applyEvent, type SlaState } from '../clock/projection.js';
import type { TicketSla } from '../clock/ticket.js';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import { deadlineRows, type SlaDeadlineRow } from './rows.js';

export interface SlaDeadlineTrackerOptions {
  /** Tickets kept between batches (least recently used evicted first; 0 keeps none); default 10 000. */
  readonly capacity?: number;
}

export interface TicketDeadlines {
  /** The complaint's stream id (the tickets table's `complaint_id`). */
  readonly complaintId: string;
  /** Its clocks, exact at its last event; empty when no policy applies. */
  readonly rows: readonly SlaDeadlineRow[];
}

export interface SlaDeadlineTracker {
  /** Event types that change SLA state; others are ignored by `apply`. */
  readonly handles: readonly string[];
  /** Whether `apply(event)` needs the ticket's earlier events (versions below the event's). */
  needsHistory(event: RecordedEvent<EventLike>): boolean;
  /**
   * Applies an event. `history` (the stream's events before it, in order) is
   * required when `needsHistory` said so, and ignored otherwise.
   */
  apply(event: RecordedEvent<EventLike>, history?: readonly RecordedEvent<EventLike>[]): void;
  /** The tickets changed since the last call, as rows; forgets them. */
  takeChanged(): TicketDeadlines[];
  /** Forgets everything (before a rebuild). */
  clear(): void;
}

interface Tracked {
  /** One ticket's SLA state (no ticket in it for a stream without a ComplaintReceived). */
  readonly state: SlaState;
  version: number;
  asOf: number;
}

const HANDLED: ReadonlySet<string> = new Set(COMPLAINT_EVENT_TYPES);

export function createSlaDeadlineTracker(config: SlaConfig | unknown, options: SlaDeadlineTrackerOptions = {}): SlaDeadlineTracker {
  const parsed = toSlaConfig(config);
  const capacity = options.capacity ?? 10_000;
  const cache = new Map<string, Tracked>();
  const changed = new Set<string>();

  const handled = (event: RecordedEvent<EventLike>) => HANDLED.has(event.type);
  const usable = (event: RecordedEvent<EventLike>) => {
    const tracked = cache.get(event.streamId);
    return tracked !== undefined && tracked.version === event.streamVersion - 1;
  };

  /** A fresh single-ticket SLA state, so folding one stream never touches another's. */
  const fresh = (): Tracked => ({ state: { config: parsed, tickets: new Map(), changed: new Map() }, version: 0, asOf: 0 });

  const step = (tracked: Tracked, event: RecordedEvent<EventLike>) => {
    if (handled(event)) applyEvent(tracked.state, event);
    tracked.state.changed.clear();
    tracked.version = event.streamVersion;
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
    handles: COMPLAINT_EVENT_TYPES,
    needsHistory: (event) => handled(event) && event.streamVersion > 1 && !usable(event),
    apply(event, history) {
      if (!handled(event)) return;
      let tracked = usable(event) ? cache.get(event.streamId) : undefined;
      if (tracked === undefined) {
        tracked = fresh();
        if (event.streamVersion > 1) {
          if (history === undefined) throw new RangeError(`the SLA deadlines of ${event.streamId} need its events before version ${event.streamVersion}`);
          for (const earlier of history) if (earlier.streamVersion < event.streamVersion) step(tracked, earlier);
        }
      }
      step(tracked, event);
      // Marked changed first: a changed ticket is never evicted before its rows are taken.
      changed.add(event.streamId);
      remember(event.streamId, tracked);
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
