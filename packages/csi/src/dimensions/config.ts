/**
 * The survey configuration: which dimensions are rated, their weights and reason
 * codes. Validated once with zod; everything downstream trusts a `CsiConfig`.
 */
import { err, idSchema, ok, shortTextSchema, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { issuesFromZod } from '../support/issues.js';

/** Weights are fractions; they must add up to 1 within this tolerance (0.2 × 5 is not exactly 1 in binary). */
const WEIGHT_TOLERANCE = 1e-9;

export const localizedLabelSchema = z.strictObject({ en: shortTextSchema, 'zh-CN': shortTextSchema });
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

export const reasonCodeSchema = z.strictObject({ id: idSchema, labels: localizedLabelSchema });
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const dimensionSchema = z
  .strictObject({
    id: idSchema,
    /** The dimension's share of the overall score, in (0, 1]. */
    weight: z.number().gt(0, 'must be more than 0').max(1, 'must be at most 1'),
    labels: localizedLabelSchema,
    reasons: z.array(reasonCodeSchema).max(100).default([]),
  })
  .refine((d) => new Set(d.reasons.map((r) => r.id)).size === d.reasons.length, {
    message: 'reason codes must be unique within a dimension',
    path: ['reasons'],
  });
export type DimensionConfig = z.infer<typeof dimensionSchema>;

export const csiConfigSchema = z.strictObject({
  dimensions: z
    .array(dimensionSchema)
    .min(1, 'at least one dimension is rated')
    .max(50)
    .refine((ds) => new Set(ds.map((d) => d.id)).size === ds.length, 'dimension ids must be unique')
    .refine((ds) => Math.abs(ds.reduce((sum, d) => sum + d.weight, 0) - 1) <= WEIGHT_TOLERANCE, 'the weights must add up to 1'),
});
export type CsiConfig = z.infer<typeof csiConfigSchema>;
export type CsiConfigInput = z.input<typeof csiConfigSchema>;

/** Validates a configuration; a bad one is a `ValidationError` with dotted paths. */
export function defineCsiConfig(input: CsiConfigInput): Result<CsiConfig, ValidationError> {
  const parsed = csiConfigSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}

/** Equal weights over the given dimensions (each 1/n), for hosts that only rename or add dimensions. */
export function equalWeights<D extends Omit<DimensionConfig, 'weight'>>(dimensions: readonly D[]): (D & { weight: number })[] {
  return dimensions.map((d) => ({ ...d, weight: 1 / dimensions.length }));
}

export function dimensionOf(config: CsiConfig, id: string): DimensionConfig | undefined {
  return config.dimensions.find((d) => d.id === id);
}
