/** Routing on the ticket view: the group the complaint is with now, and every routing (apart from its escalations). */
/** One `ComplaintRouted` as the ticket view keeps it: a line of the complaint's routing history. */
export interface Routing {
  /** When the complaint was routed (ISO-8601). */
  readonly at: string;
  /** The problem type it was routed by, as `RouteComplaint` gave it. */
  readonly problemType: string;
  /** The id of the routing group that takes that problem type (e.g. `headOfficeManagement`). */
  readonly group: string;
  /** The id of the actor who routed it. */
  readonly by: string;
}

/** The routing fields of a ticket: which group has the complaint, and how it got there; apart from its escalation level. */
export interface TicketRouting {
  /** The group of the latest routing; null until routed. */
  readonly routedTo: string | null;
  /** Every routing, oldest first. */
  readonly routings: readonly Routing[];
}
