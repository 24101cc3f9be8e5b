/**
 * More than one way (让客户知道有多种途径和方法): the customer is told there is more than one
 * route to a remedy, so the options offered are recorded, and then the one the customer
 * chose. An offer replaces the one before (and its choice); the chosen option is what the
 * handler then proposes (`ProposeResolution`), whose approval and limits apply as ever.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { remedySchema, type Remedy } from '../commands/payloads.js';
import { idSchema, longTextSchema } from '../domain/primitives.js';
import { define as event } from '../events/define.js';

const optionSchema = z.strictObject({ optionId: idSchema, remedy: remedySchema });
/** One option offered to the customer: its id within the offer and the remedy it stands for. */
export type ResolutionOption = z.infer<typeof optionSchema>;

const optionsSchema = z
  .array(optionSchema)
  .min(2, 'offer at least two options: one is not a choice')
  .max(10)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.optionId)) ctx.addIssue({ code: 'custom', path: [i, 'optionId'], message: `option ${o.optionId} is offered twice` });
      seen.add(o.optionId);
    });
  });

/** Offer the customer two or more remedies to choose from. */
export const offerResolutionOptions = command('OfferResolutionOptions', z.strictObject({ options: optionsSchema, note: longTextSchema.optional() }));
/** The customer chose one of the options offered. */
export const recordCustomerChoice = command('RecordCustomerChoice', z.strictObject({ optionId: idSchema, note: longTextSchema.optional() }));

export const OPTION_COMMANDS = [offerResolutionOptions, recordCustomerChoice] as const;

/** Options were offered to the customer; any earlier offer (and its choice) is replaced. */
export const resolutionOptionsOffered = event('ResolutionOptionsOffered', z.strictObject({ options: optionsSchema, note: longTextSchema.optional() }));
/** The customer chose an option of the standing offer; its remedy is copied, so the event reads alone. */
export const customerChoiceRecorded = event(
  'CustomerChoiceRecorded',
  z.strictObject({ optionId: idSchema, remedy: remedySchema, note: longTextSchema.optional() }),
);

export const OPTION_EVENTS = [resolutionOptionsOffered, customerChoiceRecorded] as const;

/** The standing offer as the decision state keeps it: the options and the one chosen. */
export interface OfferedOptions {
  /** The options offered, in order. */
  readonly options: readonly ResolutionOption[];
  /** The option the customer chose; null until they choose. */
  readonly chosen: string | null;
}

/** The remedy of an offered option, if the offer has it. */
export const optionRemedy = (offer: OfferedOptions | null, optionId: string): Remedy | undefined => offer?.options.find((o) => o.optionId === optionId)?.remedy;
