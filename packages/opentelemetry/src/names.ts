/**
 * The names this package reports under: span names, metric names and attribute keys,
 * in one place so dashboards and tests refer to the same strings. Everything sits under
 * `redress.`; attribute values are low-cardinality where they go on metrics (command
 * types, result kinds, projection and SLA clock names), ids appear only on spans.
 */

/** The spans: one per execute, per store append, per inline projection batch and per SLA tick. */
export const SPAN_NAMES = {
  /** One `engine.execute` (or `executeOrThrow`, or an automation's), retries and projections included. */
  execute: 'redress.execute',
  /** One `append` on an instrumented store, as a child of the execute (or tick) that made it. */
  append: 'redress.append',
  /** One batch fed to the engine's inline projections (after an append, or in `catchUp`). */
  project: 'redress.project',
  /** One `tick(now)` of an SLA ticker. */
  slaTick: 'redress.sla.tick',
} as const;

/** The metrics. Durations are in seconds (OpenTelemetry's convention), lag in global positions. */
export const METRIC_NAMES = {
  /** Counter: commands executed, by `redress.command.type` and `redress.result`. */
  commands: 'redress.commands',
  /** Histogram (s): how long each execute took, by `redress.command.type` and `redress.result`. */
  executeDuration: 'redress.execute.duration',
  /** Histogram (s): how long each store append took, by `redress.result`. */
  appendDuration: 'redress.append.duration',
  /** Gauge (positions): how far a projection trails the newest event its feeder knows of, by `redress.projection`. */
  projectionLag: 'redress.projection.lag',
  /** Counter: SLA breaches recorded by a tick (each breach once, whichever ticker stored it), by `redress.sla.clock`. */
  slaBreaches: 'redress.sla.breaches',
} as const;

/** The attribute keys on spans and metrics. */
export const ATTRIBUTES = {
  /** The command's `type` (`unknown` for input without one). */
  commandType: 'redress.command.type',
  /** `ok`, or the refusal's or failure's `error.kind` (`IllegalCommand`, `ConcurrencyConflict`, ...); `exception` for a throw. */
  result: 'redress.result',
  /** The complaint a command acted on (spans only). */
  complaintId: 'redress.complaint.id',
  /** Whether the command id had been executed before, so nothing was written (spans only). */
  duplicate: 'redress.duplicate',
  /** How many events were written, appended or fed. */
  events: 'redress.events',
  /** The stream appended to (spans only). */
  streamId: 'redress.stream.id',
  /** The expected version given to the append (spans only). */
  expectedVersion: 'redress.stream.expected_version',
  /** The stream's version after the append (spans only). */
  streamVersion: 'redress.stream.version',
  /** What fed a projection batch: `append` or `catchUp`. */
  trigger: 'redress.projection.trigger',
  /** The inline projections a batch fed (spans), or the one projection a lag is of (metric). */
  projection: 'redress.projection',
  /** The largest lag among a batch's projections, after it (spans only). */
  behind: 'redress.projection.behind',
  /** The instant a tick was asked to hand out what was due by, as ISO 8601 (spans only). */
  slaNow: 'redress.sla.now',
  /** The SLA clock that breached (metric). */
  slaClock: 'redress.sla.clock',
  /** Warnings and breaches a tick stored (pins included) (spans only). */
  slaAppended: 'redress.sla.appended',
  /** Breaches a tick stored (spans only). */
  slaBreaches: 'redress.sla.breaches',
  /** Events a tick found already stored by another ticker (spans only). */
  slaAlreadyStored: 'redress.sla.already_stored',
  /** When the next threshold falls due, as ISO 8601, or absent (spans only). */
  slaNextDueAt: 'redress.sla.next_due_at',
} as const;
