/**
 * `migrateSlaPolicy`: moving tickets to another policy version is an explicit,
 * recorded action. Each ticket moved gets one `SlaPolicyMigrated` event in its SLA
 * stream, dated `now`, and from then on every fold of the log (ticker, views,
 * repair, the SQL read models) measures it under the new version, as
 * `clock/migrate.ts` describes. Idempotent: a ticket already moved by this
 * migration id is skipped; two writers racing for the same ticket record one pin
 * (the event id is the ticket's next pin number), and the loser reports a conflict.
 *
 * A dry run (the default) reports, per ticket, the cycles whose status at `now`
 * the move changes, computed by applying the very event a real run writes.
 */
import { rebuildProjection, type EventLike, type EventStore, type RecordedEvent } from '@redress/core';
import { applyEvent, slaProjection, type SlaState } from '../clock/projection.js';
import type { MigrationStart } from '../clock/migrate.js';
import { currentCycle } from '../clock/run.js';
import { evolveTicket, ticketFor, type PolicyRef, type TicketSla } from '../clock/ticket.js';
import { active } from '../clock/transitions.js';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import type { PolicyConfig } from '../policy/schema.js';
import { idPattern } from '../repair/repair.js';
import { changesBetween, ticketStatuses, type CycleChange } from '../repair/status.js';
import { SLA_ACTOR } from '../tick/emissions.js';
import { slaPinEventId, slaStreamId, type SlaEvent } from '../tick/events.js';

/**
 * What `migrateSlaPolicy` needs: the store, the configuration, which tickets to move from which policy
 * version to which, the instant and the migration id.
 */
export interface MigrationOptions {
  /**
   * Where the log is read (every event, to fold the tickets' clocks) and the `SlaPolicyMigrated` events are appended
   * (one per ticket, in its `sla:<complaintId>` stream).
   */
  readonly store: Pick<EventStore<EventLike>, 'readAll' | 'append'>;
  /** The configuration in force: it holds both versions. */
  readonly config: SlaConfig | unknown;
  /** Tickets pinned to this policy move: any version of it, or only the one given. */
  readonly from: { readonly name: string; readonly version?: number };
  /** The version to move them to; it must be in `config`, and tickets already on it are skipped (`alreadyOnTarget`). */
  readonly to: PolicyRef;
  /**
   * The migration's instant (a `Date` or epoch ms), from the host's clock: clocks are measured under the new version
   * from then on (never before a ticket's latest event), and the dry run reports statuses at it.
   */
  readonly now: Date | number;
  /** Names this migration in its events (letters, digits, _ - .). */
  readonly migrationId: string;
  /** Report only; write nothing (the default). */
  readonly dryRun?: boolean;
  /** Only these complaints (default: every ticket pinned to `from`). */
  readonly complaintIds?: readonly string[];
  /** Archived and withdrawn tickets too (default false: nothing of theirs still runs). */
  readonly includeClosed?: boolean;
}

/** What the migration did to one ticket. */
export interface TicketMigration {
  /** The complaint moved. */
  readonly complaintId: string;
  /** The version it was pinned to before; null when no policy had matched it. */
  readonly from: PolicyRef | null;
  /** The version measuring it from the migration on. */
  readonly to: PolicyRef;
  /** Clocks only the new version has that start at the migration (the ticket is past their start). */
  readonly start: readonly MigrationStart[];
  /** The cycles whose status at `now` the move changes. */
  readonly changes: readonly CycleChange[];
}

/** Why a ticket was not moved. */
export type MigrationSkip = 'unknownTicket' | 'notPinnedToFrom' | 'alreadyOnTarget' | 'alreadyMigrated' | 'closed' | 'conflict';

/** What a policy migration did, ticket by ticket. */
export interface MigrationReport {
  /** The migration id the options gave, echoed so a caller logging reports can tell runs apart. */
  readonly migrationId: string;
  /**
   * The tickets moved (in a dry run: those that would be), with the cycles whose status at `now` changes. A ticket
   * whose write lost a race is under `skipped` (`conflict`) instead.
   */
  readonly migrated: readonly TicketMigration[];
  /**
   * The tickets not moved and why: unknown, pinned to another policy, already on the target or moved by this migration
   * id, closed (without `includeClosed`), or a concurrent writer pinned it first.
   */
  readonly skipped: readonly { readonly complaintId: string; readonly reason: MigrationSkip }[];
  /** Events written (0 in a dry run, and for tickets an earlier run of this migration moved). */
  readonly written: number;
}

async function readEvents(store: MigrationOptions['store'], ids: ReadonlySet<string>): Promise<Map<string, RecordedEvent<EventLike>[]>> {
  const out = new Map<string, RecordedEvent<EventLike>[]>();
  for (let from = 1; ; ) {
    const batch = await store.readAll(from, 1000);
    for (const e of batch) {
      if (!ids.has(e.streamId)) continue;
      // Pushed, not copied: a long stream would otherwise cost the square of its length.
      const stream = out.get(e.streamId);
      if (stream) stream.push(e);
      else out.set(e.streamId, [e]);
    }
    if (batch.length < 1000) return out;
    from = (batch[batch.length - 1] as RecordedEvent<EventLike>).globalPosition + 1;
  }
}

/** The clocks only `to` has that, measured under `to` from receipt, would be running or paused now. */
function clocksToStart(config: SlaConfig, ticket: TicketSla, to: PolicyConfig, events: readonly RecordedEvent<EventLike>[]): MigrationStart[] {
  const received = events.find((e) => e.type === 'ComplaintReceived');
  if (received === undefined) return [];
  const replay = ticketFor(config, to, received);
  for (const e of events) evolveTicket(replay, e);
  return replay.clocks
    .filter((run) => !ticket.clocks.some((r) => !r.retired && r.config.name === run.config.name) && active(currentCycle(run)))
    .map((run) => ({ clock: run.config.name, held: run.heldBy !== undefined, deadline: run.deadline === undefined ? null : new Date(run.deadline).toISOString() }));
}

function skipReason(ticket: TicketSla | undefined, options: MigrationOptions, explicit: boolean): MigrationSkip | undefined {
  if (ticket === undefined) return 'unknownTicket';
  if (ticket.migrations?.includes(options.migrationId)) return 'alreadyMigrated';
  const p = ticket.policy;
  if (p?.name === options.to.name && p.version === options.to.version) return 'alreadyOnTarget';
  if (p === undefined || p.name !== options.from.name || (options.from.version !== undefined && p.version !== options.from.version)) return 'notPinnedToFrom';
  if (ticket.closed && !(options.includeClosed ?? explicit)) return 'closed';
  return undefined;
}

const eventFor = (migration: TicketMigration, seq: number, migrationId: string, now: number) => ({
  type: 'SlaPolicyMigrated' as const,
  data: { complaintId: migration.complaintId, seq, migrationId, from: migration.from, to: migration.to, start: [...migration.start] },
  eventId: slaPinEventId(migration.complaintId, seq),
  occurredAt: new Date(now).toISOString(),
  actor: SLA_ACTOR,
  causationId: migrationId,
  correlationId: migration.complaintId,
  schemaVersion: 1,
});

/**
 * Moves tickets to another policy version, recording one `SlaPolicyMigrated` event per ticket; idempotent per
 * migration id.
 */
export async function migrateSlaPolicy(options: MigrationOptions): Promise<MigrationReport> {
  if (!idPattern.test(options.migrationId)) throw new RangeError(`migrationId must be 1-40 letters, digits, _ - . (got "${options.migrationId}")`);
  const config = toSlaConfig(options.config);
  const to = config.policies.find((p) => p.name === options.to.name && p.version === options.to.version);
  if (!to) throw new RangeError(`policy ${options.to.name}@${options.to.version} is not in the SLA configuration`);
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  const { state } = await rebuildProjection(options.store, slaProjection(config));

  const candidates = options.complaintIds ?? [...state.tickets.keys()];
  const skipped: { complaintId: string; reason: MigrationSkip }[] = [];
  const chosen: TicketSla[] = [];
  for (const id of candidates) {
    const ticket = state.tickets.get(id);
    const reason = skipReason(ticket, options, options.complaintIds !== undefined);
    if (reason) skipped.push({ complaintId: id, reason });
    else chosen.push(ticket as TicketSla);
  }
  const adds = to.clocks.some((c) => !chosen.every((t) => t.clocks.some((r) => r.config.name === c.name)));
  const events = adds ? await readEvents(options.store, new Set(chosen.map((t) => t.complaintId))) : new Map<string, RecordedEvent<EventLike>[]>();

  const planned = chosen.map((ticket) => {
    const migration = { complaintId: ticket.complaintId, from: ticket.policy ?? null, to: { name: to.name, version: to.version }, start: clocksToStart(config, ticket, to, events.get(ticket.complaintId) ?? []) };
    return { ticket, migration, event: eventFor({ ...migration, changes: [] }, ticket.pinSeq + 1, options.migrationId, now) };
  });
  const migrated = planned.map(({ ticket, migration, event }) => ({ ...migration, changes: predictedChanges(state, ticket, event, now) }));
  if (options.dryRun !== false) return { migrationId: options.migrationId, migrated, skipped, written: 0 };

  let written = 0;
  const done: TicketMigration[] = [];
  for (const [i, { event }] of planned.entries()) {
    const result = await options.store.append(slaStreamId(event.data.complaintId), 'any', [event]);
    const stored = result.events[0] as RecordedEvent<SlaEvent>;
    if (!result.duplicate) written++;
    if (result.duplicate && !(stored.type === 'SlaPolicyMigrated' && stored.data.migrationId === options.migrationId)) skipped.push({ complaintId: event.data.complaintId, reason: 'conflict' });
    else done.push(migrated[i] as TicketMigration);
  }
  return { migrationId: options.migrationId, migrated: done, skipped, written };
}

/** The changes of the ticket's cycle statuses at `now` when `event` is applied (it is, to this state). */
function predictedChanges(state: SlaState, ticket: TicketSla, event: ReturnType<typeof eventFor>, now: number): CycleChange[] {
  const before = ticketStatuses(ticket, now);
  applyEvent(state, { ...event, streamId: slaStreamId(ticket.complaintId), streamVersion: 0, globalPosition: 0 } as RecordedEvent<EventLike>);
  return changesBetween(ticket.complaintId, before, ticketStatuses(ticket, now));
}
