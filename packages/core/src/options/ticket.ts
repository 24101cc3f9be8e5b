/** Options on the ticket view: what the customer was offered and what they chose. */
import type { ResolutionOption } from './schema.js';

/** The standing offer as the ticket view shows it. */
export interface OfferView {
  /** When it was offered (ISO-8601). */
  readonly offeredAt: string;
  /** The options, in order. */
  readonly options: readonly ResolutionOption[];
  /** The option chosen; null until the customer chooses. */
  readonly chosen: string | null;
  /** When they chose; null until then. */
  readonly chosenAt: string | null;
}

/** The options field of a ticket. */
export interface TicketOptions {
  /** The latest offer; null before any. */
  readonly offer: OfferView | null;
}
