/**
 * The SLA's own events, stored with the same EventStore in a per-ticket stream
 * `sla:<complaintId>`, so the complaint's stream and workflow are untouched.
 * Each threshold event has a deterministic id (complaint, clock, cycle,
 * threshold): appending it twice, from two racing tickers, writes it once.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const payload = {
  complaintId: z.string(),
  clock: z.string(),
  cycle: z.int().min(1),
  /** The due instant as known when the threshold was reached (null without a target). */
  dueAt: z.string().nullable(),
};

export const slaClockStarted = z.strictObject({
  type: z.literal('SlaClockStarted'),
  data: z.strictObject({ ...payload, policy: z.strictObject({ name: z.string(), version: z.int() }) }),
});
export const slaWarningRaised = z.strictObject({ type: z.literal('SlaWarningRaised'), data: z.strictObject({ ...payload, threshold: z.string() }) });
export const slaBreached = z.strictObject({ type: z.literal('SlaBreached'), data: z.strictObject(payload) });

/**
 * Where a cycle stands at an instant, for repairs and migrations: running (or paused)
 * and not breached, breached (while running or after), or how it ended unbreached;
 * `none` when there is no such cycle (its clock is not in the policy, or never ran).
 */
export const CYCLE_STATUSES = ['none', 'running', 'met', 'breached', 'cancelled', 'reset', 'superseded'] as const;
/**
 * Where a cycle stands, as an `SlaRepaired` event records it before and after a repair: `none`, `running` (or paused,
 * not breached), `breached`, or how it ended unbreached (`met`, `cancelled`, `reset`, `superseded`).
 */
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
const cycleStatus = z.enum(CYCLE_STATUSES);

/** A repair changed where a cycle stands (a new calendar or policy): the log keeps both the old fact and the correction. */
export const slaRepaired = z.strictObject({
  type: z.literal('SlaRepaired'),
  data: z.strictObject({
    complaintId: z.string(),
    clock: z.string(),
    cycle: z.int().min(1),
    before: cycleStatus,
    after: cycleStatus,
    repairId: z.string(),
  }),
});

const policyRef = z.strictObject({ name: z.string(), version: z.int() });

/**
 * The policy version that measures a ticket, recorded when the ticker first sees it
 * (null: none matched). `seq` numbers the ticket's pin events from 0.
 */
export const slaPolicyApplied = z.strictObject({
  type: z.literal('SlaPolicyApplied'),
  data: z.strictObject({ complaintId: z.string(), seq: z.int().min(0), policy: policyRef.nullable() }),
});

/** A ticket moved to another policy version, from this event's instant on (`migrateSlaPolicy`). */
export const slaPolicyMigrated = z.strictObject({
  type: z.literal('SlaPolicyMigrated'),
  data: z.strictObject({
    complaintId: z.string(),
    seq: z.int().min(0),
    migrationId: z.string(),
    from: policyRef.nullable(),
    to: policyRef,
    /** Clocks only the new version has that start at the migration: whether a pause event holds each, its deadline. */
    start: z.array(z.strictObject({ clock: z.string(), held: z.boolean(), deadline: z.string().nullable() })),
  }),
});

/** The schema of every SLA event (clock started, warning, breach, repair, policy pin and migration). */
export const slaEventSchema = z.discriminatedUnion('type', [slaClockStarted, slaWarningRaised, slaBreached, slaRepaired, slaPolicyApplied, slaPolicyMigrated]);
/** Any SLA event. */
export type SlaEvent = z.infer<typeof slaEventSchema>;
/** Every SLA event type. */
export const SLA_EVENT_TYPES = ['SlaClockStarted', 'SlaWarningRaised', 'SlaBreached', 'SlaRepaired', 'SlaPolicyApplied', 'SlaPolicyMigrated'] as const;

/** The SLA stream of a complaint (`sla:<complaintId>`), where its SLA events and policy pins are written. */
export const slaStreamId = (complaintId: string): string => `sla:${complaintId}`;

/** `50%` → `p50`, `PT1H before` → `bPT1H`: event ids allow letters, digits and `_ - : .` only. */
const slugOf = (label: string) => (label.endsWith('%') ? `p${label.slice(0, -1).replace('.', '_')}` : label.endsWith(' before') ? `b${label.slice(0, -7)}` : label);
/** Labels come from the configuration (a few per policy): each is slugged once. */
const slugs = new Map<string, string>();
const slug = (label: string) => {
  let s = slugs.get(label);
  if (s === undefined) {
    s = slugOf(label);
    if (slugs.size < 10_000) slugs.set(label, s);
  }
  return s;
};

const bounded = (readable: string) => (readable.length <= 128 ? readable : `sla-${createHash('sha256').update(readable).digest('hex').slice(0, 48)}`);

/** The id of a threshold event; hashed when the readable form would exceed 128 characters. */
export function slaEventId(complaintId: string, clock: string, cycle: number, label: string): string {
  return bounded(`sla:${complaintId}:${clock}:${cycle}:${slug(label)}`);
}

/** The id of a ticket's pin event number `seq`: one pin per number, whoever writes it first. */
export const slaPinEventId = (complaintId: string, seq: number): string => bounded(`sla:${complaintId}:pin:${seq}`);
