/**
 * The preventive measure chosen from the catalogue, as its own event beside
 * `PreventiveActionRecorded` (whose published shape stays as it is: see
 * docs/evolving-events.md): the action says in words what changes, the measure names
 * the catalogue entry it follows, so analytics can count measures by cause.
 */
import { z } from 'zod';
import { idSchema } from '../domain/primitives.js';
import { causeSchema } from '../domain/vocabulary.js';
import { define as event } from '../events/define.js';

/**
 * A catalogue measure was chosen as the complaint's preventive action (recorded right after its
 * `PreventiveActionRecorded`): which measure of which catalogue, the complaint's cause then, and whether the
 * catalogue suggests the measure for that cause.
 */
export const preventiveMeasureChosen = event(
  'PreventiveMeasureChosen',
  z.strictObject({
    measureId: idSchema,
    /** The catalogue's name (`default`, or the host's). */
    catalogue: idSchema,
    /** The latest cause identified when it was chosen; null when none was. */
    cause: causeSchema.nullable(),
    /** The catalogue lists the measure for that cause (a measure chosen for another cause is allowed, and counted apart). */
    suggested: z.boolean(),
  }),
);

export const PREVENTION_EVENTS = [preventiveMeasureChosen] as const;
