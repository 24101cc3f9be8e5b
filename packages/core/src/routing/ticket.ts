/** Routing on the ticket view: the group the complaint is with now, and every routing (apart from its escalations). */
export interface Routing {
  readonly at: string;
  readonly problemType: string;
  readonly group: string;
  readonly by: string;
}

export interface TicketRouting {
  /** The group of the latest routing; null until routed. */
  readonly routedTo: string | null;
  /** Every routing, oldest first. */
  readonly routings: readonly Routing[];
}
