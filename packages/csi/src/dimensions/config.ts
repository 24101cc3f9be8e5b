/**
 * The survey configuration: which dimensions are rated, their weights and reason
 * codes, in two modules scored apart: the service dimensions (the CSI proper) and the
 * product-quality module (performance, function, operation). Validated once with zod;
 * everything downstream trusts a `CsiConfig`.
 */
import { err, idSchema, ok, shortTextSchema, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { issuesFromZod } from '../support/issues.js';
import { DEFAULT_PRODUCT_QUALITY } from './product-quality.js';

/** Weights are fractions; they must add up to 1 within this tolerance (0.2 × 5 is not exactly 1 in binary). */
const WEIGHT_TOLERANCE = 1e-9;

/**
 * A label in both languages the reports are rendered in: English (`en`) and Simplified Chinese
 * (`zh-CN`), each 1-200 characters, trimmed. Every dimension and reason code carries one, so a
 * report never falls back to an id.
 */
export const localizedLabelSchema = z.strictObject({ en: shortTextSchema, 'zh-CN': shortTextSchema });
/** A label in English and Simplified Chinese, as `localizedLabelSchema` parses it: `{ en: 'Timeliness', 'zh-CN': '服务及时性' }`. */
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

/**
 * A reason code: why a customer gave a dimension a low score (e.g. `lateArrival` under
 * timeliness). `id` is what a rating's `reasons` names and what the drivers Pareto counts;
 * `labels` is what the reports print. Ids are unique within their dimension only.
 */
export const reasonCodeSchema = z.strictObject({ id: idSchema, labels: localizedLabelSchema });
/**
 * A reason code of a dimension, as `reasonCodeSchema` parses it: `{ id: 'lateArrival', labels: { en: 'Late arrival', 'zh-CN': '到达不及时' } }`.
 */
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

/**
 * One rated dimension of a survey module (e.g. `timeliness` 服务及时性): its id (what a rating's
 * `dimension` names), its weight in the module's overall score, in (0, 1], its labels, and up to
 * 100 reason codes for low scores (unique ids; none by default).
 */
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
/**
 * A dimension as `dimensionSchema` parses it (`reasons` defaulted to `[]`). Its score is the mean
 * of its ratings × 10 (see `dimensionScore`); `weight` is its share of the module's overall score.
 */
export type DimensionConfig = z.infer<typeof dimensionSchema>;

/** A module's dimensions: at least one, unique ids, weights adding up to 1. */
const dimensionsSchema = z
  .array(dimensionSchema)
  .min(1, 'at least one dimension is rated')
  .max(50)
  .refine((ds) => new Set(ds.map((d) => d.id)).size === ds.length, 'dimension ids must be unique')
  .refine((ds) => Math.abs(ds.reduce((sum, d) => sum + d.weight, 0) - 1) <= WEIGHT_TOLERANCE, 'the weights must add up to 1');

/** The product-quality survey module (performance, function, operation): its own dimensions and weights, scored apart from the service. */
export const productQualitySchema = z.strictObject({ dimensions: dimensionsSchema });
/**
 * The product-quality module as `productQualitySchema` parses it: `{ dimensions }`, scored like the
 * service dimensions but into `surveys.productQuality`, never into the CSI.
 */
export type ProductQualityConfig = z.infer<typeof productQualitySchema>;

/**
 * The whole survey configuration: the service dimensions (1-50, unique ids, weights adding up to 1
 * within 10⁻⁹) that make up the CSI, and the product-quality module (defaulted to
 * `DEFAULT_PRODUCT_QUALITY`), scored apart. A dimension id may appear in one module only, since a
 * rating names its dimension and nothing else. Use `defineCsiConfig` to get a `Result` rather than
 * parse it yourself.
 */
export const csiConfigSchema = z
  .strictObject({
    /** The service dimensions: the CSI proper, and the only ones in the overall score. */
    dimensions: dimensionsSchema,
    /** Scored apart; the domain's three dimensions when left out. */
    productQuality: productQualitySchema.default(() => DEFAULT_PRODUCT_QUALITY),
  })
  .superRefine((config, ctx) => {
    // A rating names its dimension only: an id in both modules would be scored twice.
    const service = new Set(config.dimensions.map((d) => d.id));
    config.productQuality.dimensions.forEach((d, i) => {
      if (service.has(d.id)) {
        ctx.addIssue({ code: 'custom', path: ['productQuality', 'dimensions', i, 'id'], message: `"${d.id}" is already a service dimension; a dimension belongs to one module` });
      }
    });
  });
/**
 * A validated survey configuration (the output of `csiConfigSchema`, defaults applied): what
 * scoring, the survey desk, the follow-up rule, the hidden-complaint rule and the reports take.
 * `DEFAULT_CSI_CONFIG` is the domain's five service dimensions at 20% each.
 */
export type CsiConfig = z.output<typeof csiConfigSchema>;
/**
 * What `defineCsiConfig` accepts: a `CsiConfig` before defaults, so `productQuality` and each
 * dimension's `reasons` may be left out.
 */
export type CsiConfigInput = z.input<typeof csiConfigSchema>;
/** What scoring needs of a module: its dimensions and weights. */
export type ModuleConfig = Pick<CsiConfig, 'dimensions'>;

/** Validates a configuration; a bad one is a `ValidationError` with dotted paths. */
export function defineCsiConfig(input: CsiConfigInput): Result<CsiConfig, ValidationError> {
  const parsed = csiConfigSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}

/** Equal weights over the given dimensions (each 1/n), for hosts that only rename or add dimensions. */
export function equalWeights<D extends Omit<DimensionConfig, 'weight'>>(dimensions: readonly D[]): (D & { weight: number })[] {
  return dimensions.map((d) => ({ ...d, weight: 1 / dimensions.length }));
}

/** The modules a survey rates. */
export const SURVEY_MODULES = ['service', 'productQuality'] as const;
/**
 * A survey module: `service` (the five service dimensions, the CSI proper) or `productQuality`
 * (performance, function, operation), each scored on its own.
 */
export type SurveyModule = (typeof SURVEY_MODULES)[number];

/** A module's dimensions. */
export const moduleOf = (config: CsiConfig, module: SurveyModule): ModuleConfig =>
  module === 'service' ? { dimensions: config.dimensions } : config.productQuality;

/** Every dimension a survey may rate: the service dimensions, then the product-quality ones. */
export const allDimensions = (config: CsiConfig): readonly DimensionConfig[] => [...config.dimensions, ...config.productQuality.dimensions];

/** A dimension of either module. */
export function dimensionOf(config: CsiConfig, id: string): DimensionConfig | undefined {
  return allDimensions(config).find((d) => d.id === id);
}
