/**
 * Keeping the customer informed (维修进度通知、维修结果反馈): a progress notice while the
 * complaint is worked, and the result fed back once the remedy was carried out. Each is
 * an event carrying the channel it went out on and a reference to its content in the
 * host's systems (an SMS id, a letter's file number, a message template), so the ticket
 * shows when the customer last heard from the station and an SLA clock can warn when
 * they have heard nothing for too long (docs/sla.md, "No customer update").
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { longTextSchema, shortTextSchema } from '../domain/primitives.js';
import { channelSchema } from '../domain/vocabulary.js';
import { define as event } from '../events/define.js';

/**
 * What a customer update carries: the channel, where its content is kept, and optionally what it said in short
 * (customer-facing text, which the forbidden-phrase checker can read).
 */
const updateSchema = z.strictObject({
  channel: channelSchema,
  /** Where the content lives in the host's systems (a message id, a document number, a template): not the content itself. */
  contentRef: shortTextSchema,
  /** What the customer was told, in short: customer-facing text, and personal data (see docs/privacy.md). */
  summary: longTextSchema.optional(),
});

/** Tell the customer how the work on their complaint is going (维修进度通知); allowed at any open step. */
export const sendProgressNotice = command('SendProgressNotice', updateSchema);
/** Tell the customer the result of the remedy carried out (维修结果反馈); allowed once it was carried out (following up). */
export const sendResultFeedback = command('SendResultFeedback', updateSchema);

export const CUSTOMER_UPDATE_COMMANDS = [sendProgressNotice, sendResultFeedback] as const;

/** A progress notice went out to the customer on `channel`; its content is kept at `contentRef`. */
export const progressNoticeSent = event('ProgressNoticeSent', updateSchema);
/** The result of the remedy was fed back to the customer on `channel`; its content is kept at `contentRef`. */
export const resultFeedbackSent = event('ResultFeedbackSent', updateSchema);

export const CUSTOMER_UPDATE_EVENTS = [progressNoticeSent, resultFeedbackSent] as const;

/** The kinds of update a customer receives: a progress notice or the result's feedback. */
export const CUSTOMER_UPDATE_KINDS = ['progress', 'result'] as const;
/** One of `CUSTOMER_UPDATE_KINDS`: a progress notice (`progress`) or the result's feedback (`result`). */
export type CustomerUpdateKind = (typeof CUSTOMER_UPDATE_KINDS)[number];

/**
 * The complaint events that count as telling the customer something: receipt (the customer knows the complaint
 * was taken), a progress notice, the result's feedback. The default "no customer update" SLA clock restarts on
 * each of them.
 */
export const CUSTOMER_UPDATE_EVENT_TYPES = ['ComplaintReceived', 'ProgressNoticeSent', 'ResultFeedbackSent'] as const;
