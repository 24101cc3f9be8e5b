/**
 * Intake acceptance (确定受理投诉标准): a service station sets rules for which complaints it
 * accepts, and a complaint it refuses is recorded with its reason, never dropped: it is
 * received first (so it has a stream, an id and a first owner), then `DeclineComplaint`
 * ends it in the terminal step `declined`, counted by the queues and analytics like any
 * other ending.
 *
 * The criteria are host data (`createEngine({ intake })`), and a decline names the one the
 * complaint fails. The material names no criteria, so `defaultIntakeCriteria` are ours, a
 * starting point a station replaces.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { idSchema, longTextSchema } from '../domain/primitives.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { define as event } from '../events/define.js';
import { listedOnce } from '../domain/listed-once.js';

const criterionSchema = z.strictObject({
  /** The criterion's id, named by a decline (e.g. `serviceArea`). */
  id: idSchema,
  /** What a complaint must meet to be accepted (e.g. `The vehicle is serviced in our area`). */
  description: longTextSchema,
});

/** Validates a station's acceptance criteria: a named list, no id twice. Use `parseIntakeCriteria` for a typed `WorkflowConfigError`. */
export const intakeCriteriaSchema = z
  .strictObject({ name: idSchema, criteria: z.array(criterionSchema).min(1, 'a station that declines complaints names at least one acceptance criterion') })
  .superRefine(listedOnce('criteria', 'id', 'criterion'));
/** A station's validated acceptance criteria, passed as `createEngine({ intake })` (default `defaultIntakeCriteria`). */
export type IntakeCriteria = z.output<typeof intakeCriteriaSchema>;
/** One acceptance criterion: its id and what it requires. */
export type IntakeCriterion = IntakeCriteria['criteria'][number];

/** Our default criteria (not the material's, which names none): the complaint is the station's own, within what it offers, about someone and something identifiable. */
export const defaultIntakeCriteria: IntakeCriteria = Object.freeze({
  name: 'default',
  criteria: [
    { id: 'ownBusiness', description: 'The complaint concerns a product, part or service of this station or its network' },
    { id: 'withinOffer', description: 'What the customer asks for lies within what the company offers' },
    { id: 'identifiable', description: 'The customer and the vehicle or product concerned can be identified' },
  ],
});

/** Types unknown input (criteria read from a file) as `IntakeCriteria`; throws a `WorkflowConfigError` naming each problem. */
export function parseIntakeCriteria(input: unknown): IntakeCriteria {
  const parsed = intakeCriteriaSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('intake criteria', parsed.error);
  return parsed.data;
}

/** Decline a received complaint at intake: it does not meet the criterion named, for the reason given. */
export const declineComplaint = command('DeclineComplaint', z.strictObject({ criterion: idSchema, reason: longTextSchema }));

/**
 * The complaint was not accepted at intake: a terminal step, counted apart from withdrawals.
 * Carries the criterion's description and the criteria's name, so it reads alone after the
 * station's criteria change.
 */
export const complaintDeclined = event(
  'ComplaintDeclined',
  z.strictObject({
    reason: longTextSchema,
    criterion: idSchema,
    criterionDescription: longTextSchema,
    /** The name of the criteria in force. */
    criteria: idSchema,
    declinedBy: idSchema,
  }),
);
