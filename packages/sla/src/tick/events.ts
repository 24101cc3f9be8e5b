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

/** A repair changed a cycle's outcome (a new calendar or policy): the log keeps both the old fact and the correction. */
export const slaRepaired = z.strictObject({
  type: z.literal('SlaRepaired'),
  data: z.strictObject({
    complaintId: z.string(),
    clock: z.string(),
    cycle: z.int().min(1),
    before: z.enum(['met', 'breached']),
    after: z.enum(['met', 'breached']),
    repairId: z.string(),
  }),
});

export const slaEventSchema = z.discriminatedUnion('type', [slaClockStarted, slaWarningRaised, slaBreached, slaRepaired]);
export type SlaEvent = z.infer<typeof slaEventSchema>;
export const SLA_EVENT_TYPES = ['SlaClockStarted', 'SlaWarningRaised', 'SlaBreached', 'SlaRepaired'] as const;

export const slaStreamId = (complaintId: string): string => `sla:${complaintId}`;

/** `50%` → `p50`, `PT1H before` → `bPT1H`: event ids allow letters, digits and `_ - : .` only. */
const slug = (label: string) => (label.endsWith('%') ? `p${label.slice(0, -1).replace('.', '_')}` : label.endsWith(' before') ? `b${label.slice(0, -7)}` : label);

/** The id of a threshold event; hashed when the readable form would exceed 128 characters. */
export function slaEventId(complaintId: string, clock: string, cycle: number, label: string): string {
  const readable = `sla:${complaintId}:${clock}:${cycle}:${slug(label)}`;
  return readable.length <= 128 ? readable : `sla-${createHash('sha256').update(readable).digest('hex').slice(0, 48)}`;
}
