/**
 * `EraseCustomerData`, the right to erasure as a command, and `CustomerDataErased`, its
 * audit event. The command acts on a customer, not a complaint, so it is not one of the
 * complaint commands: it is decided here, by the data-protection role, with a reason that
 * is required. The audit event holds no personal data (the customer reference is the
 * pseudonymous id the keys are filed under) and goes to the customer's own stream
 * `customer:<reference>`, which no complaint fold reads.
 */
import { z } from 'zod';
import { actorSchema, idSchema, longTextSchema } from '../../domain/primitives.js';

/** The stream of a customer's privacy events (erasures). */
export const customerStreamId = (customerReference: string): string => `customer:${customerReference}`;

export const eraseCustomerDataSchema = z.strictObject({
  type: z.literal('EraseCustomerData'),
  /** Repeating a command id repeats nothing (its first result is returned). */
  commandId: idSchema.optional(),
  actor: actorSchema,
  data: z.strictObject({
    customerReference: idSchema,
    /** Why: the request, ticket or legal basis. Recorded in the audit event; write no personal data in it. */
    reason: longTextSchema,
  }),
});
export type EraseCustomerData = z.infer<typeof eraseCustomerDataSchema>;
export type EraseCustomerDataInput = z.input<typeof eraseCustomerDataSchema>;

export const customerDataErasedSchema = z.strictObject({
  type: z.literal('CustomerDataErased'),
  data: z.strictObject({ customerReference: idSchema, reason: longTextSchema }),
});
/** The audit event of an erasure. */
export type CustomerDataErased = z.infer<typeof customerDataErasedSchema>;

/** The roles that may erase: the data-protection role (and `system`, for retention, through automation only). */
export const ERASING_ROLES = ['dataProtection'] as const;
