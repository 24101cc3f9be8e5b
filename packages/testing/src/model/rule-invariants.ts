/**
 * Invariants of the rules that must hold in every real situation (issue 10): no
 * approval bypass, escalation that only climbs, separation of duties, complete
 * classifications, meetings never in the past. Each reads the log only, so it states
 * the promise as a fact about history and does not share the decider's mistakes.
 */
import { DEFAULT_DUTIES, DOMAIN_ESCALATION_RANK, defaultApproval, type ComplaintEvent, type DutyOptions, type RecordedEvent } from '@redress/core';
import { streamInvariant } from './invariant.js';

type Recorded = RecordedEvent<ComplaintEvent>;
const at = (e: Recorded) => `#${e.streamVersion} ${e.type}`;

/**
 * The approval bypass, closed: a remedy proposed while the complaint was major (by the
 * classifications in the log, not by what the proposal says) is executed in its cycle
 * only after its configured approver (the run's `approval`, senior management by default) approved it, however the
 * complaint was reclassified since.
 */
export const majorProposalApprovedBeforeExecution = streamInvariant(
  'majorProposalApprovedBeforeExecution',
  'no remedy proposed while the complaint was major is executed in that cycle without its configured approver’s approval',
  (stream, context) => {
    const approvers = (context.engineOptions.approval ?? defaultApproval).approvers.map((a) => a.role as string);
    let severity: string | null = null;
    let standing: { readonly at: Recorded; readonly whileMajor: boolean; approved: boolean } | null = null;
    for (const e of stream) {
      if (e.type === 'ComplaintClassified') severity = e.data.severity;
      if (e.type === 'ResolutionProposed') standing = { at: e, whileMajor: severity === 'major', approved: false };
      if (e.type === 'RemedyRejected' || e.type === 'ComplaintReopened') standing = null;
      if (e.type === 'RemedyApproved' && approvers.includes(e.actor.role) && standing) standing.approved = true;
      if (e.type === 'ExecutionStarted' && standing?.whileMajor && !standing.approved) {
        return `${at(e)} executes the remedy of ${at(standing.at)}, proposed while major, without its configured approver's approval (the complaint is ${severity} now)`;
      }
    }
    return null;
  },
);

/** The rung an escalation event records, or the domain's rung of its level for events recorded before rungs. */
const rankOf = (e: Extract<Recorded, { type: 'ComplaintEscalated' }>) => e.data.rank ?? DOMAIN_ESCALATION_RANK[e.data.level];

/**
 * Escalation, read from history: each ComplaintEscalated is at the same or a higher rung of the ladder than the
 * highest before it (old events without a rung read by the domain's hierarchy), and no SLA breach (by its id)
 * escalates the complaint twice, as racing tickers could.
 */
export const escalationOnlyClimbs = streamInvariant(
  'escalationOnlyClimbs',
  'the recorded escalation levels of a complaint never go down, and each SLA breach escalates it at most once',
  (stream) => {
    let highest: { readonly rank: number; readonly at: Recorded } | null = null;
    const breaches = new Map<string, Recorded>();
    for (const e of stream) {
      if (e.type !== 'ComplaintEscalated') continue;
      const rank = rankOf(e);
      if (highest && rank < highest.rank) return `${at(e)} to ${e.data.level} (rung ${rank}) after ${at(highest.at)} reached rung ${highest.rank}`;
      if (!highest || rank >= highest.rank) highest = { rank, at: e };
      const breach = e.data.breach?.id;
      if (breach === undefined) continue;
      const first = breaches.get(breach);
      if (first) return `breach ${breach} escalated twice: ${at(first)} and ${at(e)}`;
      breaches.set(breach, e);
    }
    return null;
  },
);

/** Records any member of staff may add to an assigned complaint. */
const OPEN_TO_ALL_STAFF = new Set(['NoteAdded', 'CustomerContactLogged', 'HandOverOffered', 'HandOverAccepted', 'HandOverDeclined']);
// Hand-overs follow their own duty (the accountable person offers) and guard (the one offered answers), whoever handles the complaint.

/** Who the duties are about, as the log tells it so far. */
interface People {
  customer: string | null;
  handler: string | null;
  proposer: string | null;
  satisfiedBy: string | null;
}

/** The duty the first event of a command breaks, judged on the people before it. */
function dutyBroken(e: Recorded, people: People, duties: DutyOptions): string | null {
  const who = e.actor;
  if (duties.customerOwnComplaint && who.role === 'customer' && people.customer !== null && who.id !== people.customer) return `by customer ${who.id} on ${people.customer}'s complaint`;
  if (duties.assignedHandlerWorks && who.role === 'handler' && people.handler !== null && who.id !== people.handler && !OPEN_TO_ALL_STAFF.has(e.type)) {
    return `by handler ${who.id}, but the complaint is assigned to ${people.handler}`;
  }
  if (duties.approverIsNotProposer && (e.type === 'RemedyApproved' || e.type === 'RemedyRejected') && who.id === people.proposer) return `by ${who.id}, who proposed the remedy`;
  if (duties.followUpNotArchivedByRecorder && e.type === 'ComplaintArchived' && who.id === people.satisfiedBy) return `by ${who.id}, who recorded the satisfied follow-up`;
  return null;
}

function learn(e: Recorded, people: People): void {
  if (e.type === 'ComplaintReceived') people.customer = e.data.customer.reference;
  if (e.type === 'HandlerAssigned') people.handler = e.data.handlerId;
  if (e.type === 'ResolutionProposed') people.proposer = e.actor.id;
  if (e.type === 'RemedyRejected' || e.type === 'ComplaintReopened') people.proposer = null;
  if (e.type === 'FollowUpRecorded') people.satisfiedBy = e.data.satisfied ? e.actor.id : null;
  if (e.type === 'ComplaintReopened') people.satisfiedBy = null;
}

/**
 * Ownership and separation of duties over the log, for the duties the engine runs with
 * (`engineOptions.duties`; a policy of the host's own is not checked here).
 */
export const dutiesKept = streamInvariant(
  'dutiesKept',
  'the approver is not the proposer, the assigned handler works the complaint, a customer acts on their own, and whoever recorded the satisfied follow-up did not archive',
  (stream, { engineOptions }) => {
    const configured = engineOptions.duties;
    if (configured === false || typeof configured === 'function') return null;
    const duties: DutyOptions = { ...DEFAULT_DUTIES, ...configured };
    const people: People = { customer: null, handler: null, proposer: null, satisfiedBy: null };
    let command: string | null = null;
    for (const e of stream) {
      // A command is judged on what was true before it: its later events (a meeting moved with a reassignment) are not judged again.
      if (e.causationId !== command) {
        const broken = dutyBroken(e, people, duties);
        if (broken !== null) return `${at(e)} ${broken}`;
      }
      command = e.causationId;
      learn(e, people);
    }
    return null;
  },
);

/**
 * Classification, read from history: every ComplaintClassified records a priority, and one flagged as a safety issue
 * is `major`, whatever the matrix says.
 */
export const classificationsComplete = streamInvariant(
  'classificationsComplete',
  'every classification records its priority, and a safety issue is always major',
  (stream) => {
    for (const e of stream) {
      if (e.type !== 'ComplaintClassified') continue;
      if (e.data.priority === undefined) return `${at(e)} records no priority`;
      if (e.data.safety === true && e.data.severity !== 'major') return `${at(e)}: a safety issue classified ${e.data.severity}`;
    }
    return null;
  },
);

/**
 * Meetings with the customer: every MeetingArranged (a new meeting or a moved one) is for an instant strictly after
 * the event's own `occurredAt`.
 */
export const meetingsNotInThePast = streamInvariant(
  'meetingsNotInThePast',
  'a meeting is arranged or moved to a time after the moment it is arranged',
  (stream) => {
    for (const e of stream) {
      if (e.type === 'MeetingArranged' && Date.parse(e.data.at) <= Date.parse(e.occurredAt)) return `${at(e)} at ${e.data.at}, arranged at ${e.occurredAt}`;
    }
    return null;
  },
);
