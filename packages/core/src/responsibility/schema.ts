/**
 * Responsibility attribution (分清责任 / 明确责任): the department, person or supplier
 * responsible for what went wrong is recorded before a resolution is proposed, and
 * reported on (csi's `responsibilityReport`). It is internal: it says who answers for the
 * cause, not who handles the complaint (`AssignHandler`) or answers to the customer
 * (first-contact responsibility, `ownership/`).
 *
 * A proposal waits for it by default, because the material says the responsible party is
 * recorded before the complaint is resolved; a host that does not attribute opts out with
 * `createEngine({ responsibility: { requiredBeforeProposal: false } })`.
 *
 * One attribution holds across cycles: a reopen (customer not satisfied) asks for a new
 * cause, not a new culprit, since the material ties the attribution to the complaint, not
 * to each attempt at a remedy; a new finding is recorded with another `AttributeResponsibility`
 * (which keeps the one it replaces). The rule is checked only when a new proposal is decided,
 * never on replay, so logs written while it was off by default load and continue as they are.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { idSchema, longTextSchema, shortTextSchema } from '../domain/primitives.js';
import { define as event } from '../events/define.js';

/** Who can be held responsible, in display order: a department, a person, a supplier. */
export const RESPONSIBLE_PARTY_KINDS = ['department', 'person', 'supplier'] as const;
/** One of `RESPONSIBLE_PARTY_KINDS`. */
export type ResponsiblePartyKind = (typeof RESPONSIBLE_PARTY_KINDS)[number];

/** A responsible party: its kind and the host's id for it (a department code, a user id, a supplier number), with a display name. */
export const responsiblePartySchema = z.strictObject({
  kind: z.enum(RESPONSIBLE_PARTY_KINDS),
  /** The host's id of the department, person or supplier: analytics group by it. */
  id: idSchema,
  /** Its name as shown (e.g. `Workshop 2`, `Bosch parts`). */
  name: shortTextSchema,
});
/** A responsible party, as `responsiblePartySchema` parses it. */
export type ResponsibleParty = z.infer<typeof responsiblePartySchema>;

/** Record who is responsible; a later attribution replaces it (the earlier one stays in the log). */
export const attributeResponsibility = command(
  'AttributeResponsibility',
  z.strictObject({ party: responsiblePartySchema, reason: longTextSchema }),
);

/** The responsible party was recorded; `previous` is the one it replaces (null at the first). */
export const responsibilityAttributed = event(
  'ResponsibilityAttributed',
  z.strictObject({ party: responsiblePartySchema, previous: responsiblePartySchema.nullable(), reason: longTextSchema, attributedBy: idSchema }),
);

/** Whether a proposal waits for the attribution (default: it does; see the header). */
export const responsibilityConfigSchema = z.strictObject({ requiredBeforeProposal: z.boolean() });
/** The validated responsibility configuration, passed as `createEngine({ responsibility })`. */
export type ResponsibilityConfig = z.output<typeof responsibilityConfigSchema>;
/** The default: required before a proposal (any earlier cycle's attribution counts); `{ requiredBeforeProposal: false }` opts out. */
export const defaultResponsibility: ResponsibilityConfig = Object.freeze({ requiredBeforeProposal: true });
