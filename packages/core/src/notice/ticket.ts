/** Written notices on the ticket view: every signed notice, kept with the complaint after it is archived. */
import type { Remedy } from '../commands/payloads.js';

/** One signed written notice. */
export interface WrittenNoticeView {
  /** The host's reference of the document. */
  readonly documentReference: string;
  /** Who signed for it (personal data). */
  readonly signedBy: string;
  /** When it was signed (ISO-8601). */
  readonly signedAt: string;
  /** The remedy it notified. */
  readonly remedy: Remedy;
  /** Who recorded it (the actor's id). */
  readonly recordedBy: string;
}

/** The written-notice field of a ticket. */
export interface TicketNotices {
  /** Every signed notice, oldest first. */
  readonly writtenNotices: readonly WrittenNoticeView[];
}
