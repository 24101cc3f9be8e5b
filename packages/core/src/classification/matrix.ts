/**
 * The severity matrix: how a classification's inputs (impact × urgency, a safety
 * flag, how often the customer has complained about it) become the complaint's
 * severity (general or major) and its priority P1-P4. Host data with a default:
 * the domain material classifies by the nature of the complaint and names no
 * matrix, so the cells below are our default (see docs), not the material's rule.
 *
 * `classify` is the one place a classification is derived: the decider calls it
 * with the host's matrix, and the event records both the inputs and the result, so
 * readers never need the matrix to know what was decided.
 */
import { z } from 'zod';
import { idSchema } from '../domain/primitives.js';
import {
  PRIORITIES,
  prioritySchema,
  severitySchema,
  type Impact,
  type Priority,
  type Severity,
  type Urgency,
} from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';

const cell = z.strictObject({ severity: severitySchema, priority: prioritySchema });
const row = z.strictObject({ low: cell, medium: cell, high: cell });

/**
 * The shape of a host's severity matrix: how impact and urgency (or a plain severity), safety and repeats map
 * to a severity and a priority. Parse with `parseClassificationMatrix`.
 */
export const classificationMatrixSchema = z.strictObject({
  /** Recorded on every classification it derives, so a changed matrix can be told apart in the log. */
  name: idSchema,
  /** `cells[impact][urgency]`: the severity and priority of an assessed complaint. */
  cells: z.strictObject({ low: row, medium: row, high: row }),
  /** The priority of a plain `{ severity }` classification (hosts that do not assess impact and urgency). */
  plain: z.strictObject({ general: prioritySchema, major: prioritySchema }),
  /** A safety issue is always major (not configurable); it gets at least this priority. */
  safety: z.strictObject({ priority: prioritySchema }),
  /**
   * Repeat complaints ("this is the third time"): from the `from`-th complaint about the
   * same problem, the severity becomes major (or stays as derived) and the priority rises
   * by `raisePriority` steps (never above P1).
   */
  repeat: z.strictObject({
    from: z.int().min(2, 'a first complaint is not a repeat: from must be at least 2').max(100),
    severity: z.enum(['major', 'unchanged']),
    raisePriority: z.int().min(0).max(3),
  }),
});
/** A validated severity matrix (see `classificationMatrixSchema`). */
export type ClassificationMatrix = z.output<typeof classificationMatrixSchema>;

const c = (severity: Severity, priority: Priority): { severity: Severity; priority: Priority } => ({ severity, priority });

/**
 * The default: the usual 3 × 3 priority matrix (P1 only for high impact that is also
 * urgent); what reaches P1 or P2 is major, since it must be reported to senior
 * management; plain general is P3, plain major P2; safety P1; the third complaint about
 * the same problem is major and one priority higher.
 */
export const defaultClassificationMatrix: ClassificationMatrix = Object.freeze({
  name: 'default',
  cells: {
    high: { high: c('major', 'P1'), medium: c('major', 'P2'), low: c('general', 'P3') },
    medium: { high: c('major', 'P2'), medium: c('general', 'P3'), low: c('general', 'P4') },
    low: { high: c('general', 'P3'), medium: c('general', 'P4'), low: c('general', 'P4') },
  },
  plain: { general: 'P3', major: 'P2' },
  safety: { priority: 'P1' },
  repeat: { from: 3, severity: 'major', raisePriority: 1 },
} satisfies ClassificationMatrix);

/** A host's matrix, validated; throws a WorkflowConfigError naming each problem. */
export function parseClassificationMatrix(input: unknown): ClassificationMatrix {
  const parsed = classificationMatrixSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw WorkflowConfigError.fromZod('classification matrix', parsed.error);
}

/** What a classification is decided from: a severity given as is, or impact and urgency; plus safety and repeats. */
export interface ClassificationInput {
  /** A severity chosen by hand; when given, impact and urgency are not consulted. */
  readonly severity?: Severity | undefined;
  /** How widely and badly the complaint hurts: the matrix's row. */
  readonly impact?: Impact | undefined;
  /** How soon it must be acted on: the matrix's column. */
  readonly urgency?: Urgency | undefined;
  /** A safety issue: always major, with at least the matrix's safety priority. */
  readonly safety?: boolean | undefined;
  /**
   * How many complaints about the same problem there are, this one included: from the matrix's `repeat.from`
   * on it counts as a repeat.
   */
  readonly repeatCount?: number | undefined;
}

/** The severity and priority a classification records. */
export interface Classification {
  /** `general` or `major`. */
  readonly severity: Severity;
  /** P1 to P4. */
  readonly priority: Priority;
}

const higher = (a: Priority, b: Priority): Priority => (PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b);
const raised = (p: Priority, steps: number): Priority => PRIORITIES[Math.max(0, PRIORITIES.indexOf(p) - steps)] as Priority;

/**
 * The severity and priority `input` gets under `matrix`. The command schema guarantees
 * a severity or both impact and urgency; safety and repeats only ever raise the result.
 */
export function classify(input: ClassificationInput, matrix: ClassificationMatrix = defaultClassificationMatrix): Classification {
  let { severity, priority } =
    input.impact !== undefined && input.urgency !== undefined
      ? matrix.cells[input.impact][input.urgency]
      : { severity: input.severity ?? 'general', priority: matrix.plain[input.severity ?? 'general'] };
  if (input.safety === true) {
    severity = 'major';
    priority = higher(priority, matrix.safety.priority);
  }
  if (input.repeatCount !== undefined && input.repeatCount >= matrix.repeat.from) {
    if (matrix.repeat.severity === 'major') severity = 'major';
    priority = raised(priority, matrix.repeat.raisePriority);
  }
  return { severity, priority };
}

