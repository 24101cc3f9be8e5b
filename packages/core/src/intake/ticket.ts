/** Intake on the ticket view: why a declined complaint was not accepted. */

/** A decline at intake as the ticket view shows it. */
export interface DeclineView {
  /** When it was declined (ISO-8601). */
  readonly at: string;
  /** The reason given. */
  readonly reason: string;
  /** The acceptance criterion it did not meet. */
  readonly criterion: string;
  /** Who declined it (the actor's id). */
  readonly by: string;
}

/** The intake field of a ticket. */
export interface TicketIntake {
  /** The decline; null unless the complaint was declined at intake. */
  readonly declined: DeclineView | null;
}
