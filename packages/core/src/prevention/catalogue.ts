/**
 * The cause → prevention catalogue: the preventive measures a station adopts by cause,
 * offered when a complaint is archived (behaviour 8: prevent the same problem from
 * happening again; every archived complaint carries its preventive action). The
 * material names a few (complaint-handling §9: transparent repair prices for price
 * complaints, shorter repair cycles for duration, a dedicated complaint-handling
 * department); the others of `defaultPreventionCatalogue` are ours, one or two per
 * usual cause, for a host to keep, change or replace (`createEngine({ prevention })`).
 */
import { z } from 'zod';
import { idSchema, shortTextSchema } from '../domain/primitives.js';
import { causeSchema, type Cause } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { listedOnce } from '../domain/listed-once.js';

const measureSchema = z.strictObject({
  /** The measure's id, recorded on `PreventiveMeasureChosen` (e.g. `transparentPrices`). */
  id: idSchema,
  /** The causes it prevents: it is suggested for complaints of these. */
  causes: z.array(causeSchema).min(1, 'a measure prevents at least one cause'),
  /** What it is, in each locale of the labels. */
  title: z.strictObject({ en: shortTextSchema, 'zh-CN': shortTextSchema }),
});

/**
 * Validates a host's prevention catalogue: a named list of measures, each with a unique id, the causes it prevents
 * and its title in English and Chinese. Use `parsePreventionCatalogue` for a typed `WorkflowConfigError`.
 */
export const preventionCatalogueSchema = z
  .strictObject({ name: idSchema, measures: z.array(measureSchema).min(1, 'a catalogue needs at least one measure') })
  .superRefine(listedOnce('measures', 'id', 'measure'));
/** A validated prevention catalogue, passed as `createEngine({ prevention })` (default `defaultPreventionCatalogue`). */
export type PreventionCatalogue = z.output<typeof preventionCatalogueSchema>;
/** One measure of a catalogue: its id, the causes it prevents, and its title in English and Chinese. */
export type PreventiveMeasure = PreventionCatalogue['measures'][number];

const measure = (id: string, causes: Cause[], en: string, zh: string): PreventiveMeasure => ({ id, causes, title: { en, 'zh-CN': zh } });

/** The default catalogue: the material's measures (transparent prices, shorter cycles, a complaint department) and ours. */
export const defaultPreventionCatalogue: PreventionCatalogue = Object.freeze({
  name: 'default',
  measures: [
    measure('transparentPrices', ['price'], 'Transparent repair prices', '维修价格透明'),
    measure('quoteBeforeWork', ['price'], 'A written quote agreed before work starts', '施工前书面报价并确认'),
    measure('shorterRepairCycles', ['repairDuration'], 'Shorter repair cycles', '缩短维修周期'),
    measure('partsStockPlanning', ['repairDuration', 'productQuality'], 'Plan the stock of common parts', '常用配件备货计划'),
    measure('finalInspection', ['repairQuality'], 'Final quality inspection before hand-back', '交车前质量终检'),
    measure('technicianTraining', ['repairQuality', 'productQuality'], 'Technician training on the fault', '针对该故障的技师培训'),
    measure('serviceEtiquetteTraining', ['serviceAttitude'], 'Service etiquette training, forbidden phrases included', '服务礼仪培训（含服务禁语）'),
    measure('progressNotices', ['communication', 'repairDuration'], 'Repair-progress notices and result feedback to every customer', '向每位客户发送维修进度通知和结果反馈'),
    measure('readBackConfirmation', ['communication'], 'Read every request back to the customer', '向客户复述并确认每项需求'),
    measure('customerAreaUpkeep', ['environment'], 'Upkeep plan for the customer areas', '客户休息区维护计划'),
    measure('qualityFeedbackToFactory', ['productQuality'], 'Report the product fault to the manufacturer', '向厂家反馈产品质量问题'),
    measure('dedicatedComplaintDepartment', ['other', 'serviceAttitude', 'communication'], 'A dedicated complaint-handling department', '设立专门的投诉处理部门'),
  ],
});

/** Types unknown input (e.g. a catalogue read from a file) as a `PreventionCatalogue`; throws a `WorkflowConfigError` naming each problem. */
export function parsePreventionCatalogue(input: unknown): PreventionCatalogue {
  const parsed = preventionCatalogueSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('prevention catalogue', parsed.error);
  return parsed.data;
}

/** The measures of `catalogue` suggested for a complaint of `cause`, in catalogue order; none before a cause is found. */
export function suggestedMeasures(cause: Cause | null, catalogue: PreventionCatalogue = defaultPreventionCatalogue): readonly PreventiveMeasure[] {
  return cause === null ? [] : catalogue.measures.filter((m) => m.causes.includes(cause));
}

/** The measure of `catalogue` with this id, if any. */
export const measureOf = (catalogue: PreventionCatalogue, id: string): PreventiveMeasure | undefined => catalogue.measures.find((m) => m.id === id);
