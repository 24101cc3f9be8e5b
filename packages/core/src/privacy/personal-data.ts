/**
 * Which fields of which events are personal data: a map from event type to path
 * patterns into its `data`. What is listed is encrypted per data subject; the rest of
 * the event stays plaintext, because the workflow, the SLA clocks and the statistics
 * need it and it says nothing about a person (`customer.reference` is the subject's
 * pseudonymous id, the key the encryption is filed under).
 *
 * The defaults cover the customer block, the vehicle or product identifier (plate,
 * VIN, serial), and the free texts in which staff write what a customer said or did.
 * A host adds the texts its staff use that way (findings, outcomes…) and may remove
 * what it does not consider personal.
 */
import { CUSTOMER_PROFILE_PERSONAL_DATA } from '../customers/personal-data.js';
import type { CustomerProfileEventType } from '../customers/schema.js';
import type { ComplaintEventType } from '../events/schema.js';
import { patternProblem } from './paths.js';

/** Event type → the path patterns of its personal fields (`customer.name`, `survey.ratings[].comment`). */
export type PersonalDataMap = Readonly<Record<string, readonly string[]>>;

const note = ['note'];

/** The personal fields of complaint and customer profile events, at today's schema versions. */
export const DEFAULT_PERSONAL_DATA: Readonly<Partial<Record<ComplaintEventType | CustomerProfileEventType, readonly string[]>>> = Object.freeze({
  ComplaintReceived: ['customer.name', 'customer.phone', 'product.identifier', 'description', 'demand', 'source.note'],
  // The complaint as read back to the customer: it restates the description.
  ComplaintConfirmed: ['summary'],
  NoteAdded: ['text'],
  CustomerContactLogged: ['summary'],
  FollowUpRecorded: ['comment', 'survey.comment', 'survey.ratings[].comment'],
  HandlerAssigned: note,
  RemedyApproved: note,
  ExecutionStarted: note,
  WaitingOnCustomerStarted: note,
  WaitingOnCustomerEnded: note,
  HandOverAccepted: note,
  // Free texts written about the complaint as it changes hands or a promise fails: they may name the customer.
  HandOverOffered: ['reason'],
  HandOverDeclined: ['reason'],
  PromiseBroken: ['reason'],
  // What was promised, and what the customer was told: both may say who the customer is or what they said.
  PromiseMade: ['description'],
  PromiseKept: note,
  PromiseBreakExplained: ['explanation'],
  ComplaintRouted: note,
  // Issue 16, the workflow's part: who signed the written notice is the customer; a decline's reason and the notes of
  // an offer or a choice are written about what the customer said or wants. The meeting's strategy is written about
  // how to handle this customer (what they are like, what they will ask), unlike the findings, which are about the
  // product: personal. So is the note of an arrangement, like every other note. The venue stays plaintext: the
  // decider carries it to the next arrangement (a meeting moved in time keeps its place).
  WrittenNoticeSigned: ['signedBy', 'note'],
  MeetingArranged: note,
  MeetingStrategyPrepared: ['strategy'],
  ComplaintDeclined: ['reason'],
  ResolutionOptionsOffered: note,
  CustomerChoiceRecorded: note,
  // What the customer was told when thanked and apologised to; why they withdrew; why a deadline moved (mostly what
  // the customer asked for); the archive's summary, which restates the complaint as the confirmation's does.
  AcknowledgementRecorded: ['words'],
  ComplaintWithdrawn: ['reason'],
  DeadlineRenegotiated: ['reason'],
  ComplaintArchived: ['summary'],
  // Customer profiles (customers/): names, phones, plates, addresses and what is written about the customer.
  ...CUSTOMER_PROFILE_PERSONAL_DATA,
  // What the customer was told; the content reference points into the host's own systems and names nobody.
  ProgressNoticeSent: ['summary'],
  ResultFeedbackSent: ['summary'],
});

/** Changes to the default personal-data map: paths to add (your own events' included) and to drop. */
export interface PersonalDataChanges {
  /** Paths to mark personal as well, by event type (yours included). */
  readonly add?: PersonalDataMap;
  /** Paths of the base map that are not personal for you. */
  readonly remove?: PersonalDataMap;
  /** The map to start from (default `DEFAULT_PERSONAL_DATA`). */
  readonly base?: PersonalDataMap;
}

/**
 * A personal-data map: the defaults with your additions and removals. Throws a
 * RangeError naming the path when a pattern is malformed, or when a removal names a
 * path the base does not have (a typo there would keep data in plaintext unnoticed).
 */
export function personalDataMap(changes: PersonalDataChanges = {}): PersonalDataMap {
  const base = changes.base ?? DEFAULT_PERSONAL_DATA;
  const result = new Map<string, Set<string>>(Object.entries(base).map(([type, paths]) => [type, new Set(paths)]));
  for (const [type, paths] of Object.entries(changes.remove ?? {})) {
    for (const path of paths) {
      if (!result.get(type)?.delete(path)) throw new RangeError(`personal data: cannot remove ${type} ${path}, which the base map does not list`);
    }
  }
  for (const [type, paths] of Object.entries(changes.add ?? {})) {
    const set = result.get(type) ?? new Set<string>();
    for (const path of paths) set.add(path);
    result.set(type, set);
  }
  return checkedMap(Object.fromEntries([...result].filter(([, set]) => set.size > 0).map(([type, set]) => [type, [...set]])));
}

/** The map itself, once every pattern is checked (and frozen, so nothing changes it after). */
export function checkedMap(map: PersonalDataMap): PersonalDataMap {
  for (const [type, paths] of Object.entries(map)) {
    for (const path of paths) {
      const problem = patternProblem(path);
      if (problem) throw new RangeError(`personal data: ${type} ${JSON.stringify(path)}: ${problem}`);
    }
  }
  return Object.freeze(Object.fromEntries(Object.entries(map).map(([type, paths]) => [type, Object.freeze([...paths])])));
}
