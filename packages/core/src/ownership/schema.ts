/**
 * First-contact responsibility (首问负责制): whoever receives a complaint stays
 * accountable for it until a recorded hand-over is accepted by the next owner. A
 * hand-over is two facts, the offer and its acceptance (or its decline): an offer
 * alone moves nothing, so a hand-over never accepted leaves the first owner
 * accountable, and an SLA clock can run from the offer (see docs/workflow-rules.md).
 *
 * Accountability is apart from the handler (`AssignHandler`): the handler works the
 * complaint; the accountable person answers for it to the customer.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { define as event } from '../events/define.js';
import { idSchema, longTextSchema } from '../domain/primitives.js';

/** Offer the complaint to the next owner. An offer still pending is replaced by the new one. */
export const offerHandOver = command('OfferHandOver', z.strictObject({ to: idSchema, reason: longTextSchema }));
/** The person offered the complaint accepts it: from now on they are accountable. */
export const acceptHandOver = command('AcceptHandOver', z.strictObject({ note: longTextSchema.optional() }).default({}));
/** The person offered the complaint declines it: the accountable person stays. */
export const declineHandOver = command('DeclineHandOver', z.strictObject({ reason: longTextSchema }));

export const OWNERSHIP_COMMANDS = [offerHandOver, acceptHandOver, declineHandOver] as const;

/**
 * A hand-over was offered: it moves no accountability (the `from` person stays accountable until
 * `HandOverAccepted`), and it replaces any offer still pending. An SLA clock can start on it to
 * time an offer left unanswered.
 */
export const handOverOffered = event(
  'HandOverOffered',
  z.strictObject({
    /** The accountable person at the offer, and the one offered the complaint. */
    from: idSchema,
    to: idSchema,
    reason: longTextSchema,
    /** Who made the offer (the accountable person, or a head stepping in). */
    offeredBy: idSchema,
    /** The pending offer this one replaces, to whom it was made. */
    replaces: idSchema.optional(),
  }),
);
/** The person offered the complaint accepted it: from this event on `to` is accountable, closing `from`'s period of accountability. */
export const handOverAccepted = event(
  'HandOverAccepted',
  z.strictObject({ from: idSchema, to: idSchema, note: longTextSchema.optional() }),
);
/** The person offered the complaint declined it: the offer is gone and `from` stays accountable. */
export const handOverDeclined = event(
  'HandOverDeclined',
  z.strictObject({ from: idSchema, to: idSchema, reason: longTextSchema }),
);

export const OWNERSHIP_EVENTS = [handOverOffered, handOverAccepted, handOverDeclined] as const;

/** A hand-over offered and not yet accepted or declined. */
export interface PendingHandOver {
  /** The person accountable at the offer; stands in as the accountable one for logs that never recorded the receiver. */
  readonly from: string;
  /** The person offered the complaint: the only actor whose `AcceptHandOver` or `DeclineHandOver` the workflow accepts. */
  readonly to: string;
}
