/**
 * Payload schemas shared by commands and the events they become, so that what a
 * host may send and what the log records cannot disagree.
 */
import { z } from 'zod';
import { idSchema, instantSchema, longTextSchema, shortTextSchema } from '../domain/primitives.js';
import { channelSchema, remedyKindSchema } from '../domain/vocabulary.js';

/** The customer as the complaint refers to them: a reference into the host's CRM, plus optional contact details. */
export const customerSchema = z.strictObject({
  reference: idSchema,
  name: shortTextSchema.optional(),
  phone: z.string().trim().min(3).max(40).optional(),
});
export type Customer = z.infer<typeof customerSchema>;

/** The vehicle or product concerned (model, plate or serial, mileage, purchase date). */
export const productSchema = z.strictObject({
  kind: shortTextSchema.optional(),
  model: shortTextSchema.optional(),
  identifier: shortTextSchema.optional(),
  mileageKm: z.int().min(0).max(10_000_000).optional(),
  purchasedOn: z.iso.date().optional(),
});
export type Product = z.infer<typeof productSchema>;

/**
 * Handling behaviours 1-4 (thank, say why the complaint is appreciated, apologise,
 * promise prompt effort). They may be recorded in parts when receiving and
 * confirming; confirmation needs all four.
 */
export const acknowledgementSchema = z.strictObject({
  thanked: z.boolean(),
  appreciated: z.boolean(),
  apologised: z.boolean(),
  promisedPromptAction: z.boolean(),
  words: longTextSchema.optional(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** A money amount in minor-unit-free decimal form with an ISO-4217 currency. */
export const moneySchema = z.strictObject({
  value: z.number().min(0).max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as CNY'),
});
export type Money = z.infer<typeof moneySchema>;

/** The remedy decided from the findings. */
export const remedySchema = z.strictObject({
  kind: remedyKindSchema,
  description: longTextSchema,
  amount: moneySchema.optional(),
});
export type Remedy = z.infer<typeof remedySchema>;

/** "Three checks and one synthesis" (三查一综合) for product-quality complaints. */
export const productChecksSchema = z.strictObject({
  product: longTextSchema.optional(),
  operatingConditions: longTextSchema.optional(),
  usageAndMaintenance: longTextSchema.optional(),
});
export type ProductChecks = z.infer<typeof productChecksSchema>;

export { channelSchema, idSchema, instantSchema, longTextSchema, shortTextSchema };
