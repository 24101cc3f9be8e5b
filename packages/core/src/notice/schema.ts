/**
 * Written notice (以书面形式通知、签收并存档，以便备查): a remedy is best notified in writing,
 * signed for by the customer and archived for later reference. The notice itself is the
 * host's document; the log records its reference, who signed and when, and the remedy it
 * notified, so the complaint's archive answers "what was the customer told, and did they
 * sign" without the document store. The material says "best", so archiving does not
 * wait for it.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { remedySchema } from '../commands/payloads.js';
import { instantSchema, longTextSchema, shortTextSchema } from '../domain/primitives.js';
import { define as event } from '../events/define.js';

/** Record that the customer signed for the written notice of the standing remedy. */
export const recordWrittenNotice = command(
  'RecordWrittenNotice',
  z.strictObject({
    /** The host's reference of the signed document (a file id, a scan's name). */
    documentReference: shortTextSchema,
    /** Who signed for it, as written on it (personal data). */
    signedBy: shortTextSchema,
    /** When it was signed; not after now. */
    signedAt: instantSchema,
    note: longTextSchema.optional(),
  }),
);

/** The customer signed for the written notice of `remedy` (the standing remedy, copied). */
export const writtenNoticeSigned = event(
  'WrittenNoticeSigned',
  z.strictObject({ documentReference: shortTextSchema, signedBy: shortTextSchema, signedAt: instantSchema, remedy: remedySchema, note: longTextSchema.optional() }),
);
