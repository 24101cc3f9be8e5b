/**
 * The SLA events as an event family (see docs/evolving-events.md): their types, the
 * schema of each one's current version, and the streams they own (`sla:<complaintId>`).
 * Registered beside the complaint family, a reader refuses an SLA event of a newer
 * version or an unknown type on an SLA stream instead of folding it into a clock.
 */
import type { EventFamily } from '@redress/core';
import { SLA_EVENT_TYPES, slaEventSchema } from './events.js';

const SLA_STREAM = /^sla:/;

/** For `createEventEvolution([complaintEventFamily(), slaEventFamily()])`. */
export function slaEventFamily(): EventFamily {
  return {
    name: 'SLA',
    types: SLA_EVENT_TYPES,
    ownsStream: (streamId) => SLA_STREAM.test(streamId),
    upcasters: [],
    schemas: Object.fromEntries(slaEventSchema.options.map((schema) => [schema.shape.type.value, schema])),
  };
}
