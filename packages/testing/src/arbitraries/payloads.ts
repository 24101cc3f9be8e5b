/**
 * One payload generator per command type. The table is typed as a mapped type over
 * `CommandType`, so a command added to @redress/core does not compile here until
 * it has a generator.
 *
 * Generators produce payloads the workflow's *payload* guards accept in the given
 * state (a deadline after now, the acknowledgement completed at confirmation, a
 * different handler, a real change of severity, a preventive action when archiving
 * needs one). Whether the *state* allows the command is for the caller to decide:
 * see `validCommand` and the walk.
 */
import {
  ASSIGNMENT_REASONS,
  CHANNELS,
  CONTACT_DIRECTIONS,
  NOTE_VISIBILITIES,
  PROMISE_KINDS,
  defaultIntakeCriteria,
  defaultPreventionCatalogue,
  defaultRouting,
  REMEDY_KINDS,
  REPEAT_BASES,
  SERVQUAL_FACTORS,
  WAITING_REASONS,
  type CommandOf,
  type CommandType,
  type ComplaintState,
  type ProductChecks,
  type Remedy,
} from '@redress/core';
import fc from 'fast-check';
import { classificationPayload } from './classification.js';
import { acknowledgement, complaintData, complaintStory } from './complaints.js';
import { breachPayload, escalationPayload } from './escalations.js';
import { meetingFields, meetingPayload } from './meetings.js';
import { PRODUCT_CHECKS, type TextLocale } from './phrases.js';
import { settleSurvey, surveyDraft, type SurveyDimension } from './surveys.js';
import { compact, futureInstant, localized, optional, text, type CommandContext } from './texts.js';

export type { CommandContext } from './texts.js';

/** The payload (`data`) of a command of type `T`, as core types it. */
export type PayloadOf<T extends CommandType> = CommandOf<T>['data'];
/**
 * Makes the payload arbitrary of one command type for a context (the complaint and its state, so deadlines fall after
 * `now` and changes are real changes). Replace one through `generators: { [type]: yours }`.
 */
export type PayloadGenerator<T extends CommandType> = (context: CommandContext) => fc.Arbitrary<PayloadOf<T>>;
/**
 * One payload generator per command type: a mapped type over core's `CommandType`, so a command added to core fails to
 * compile until it has a generator.
 */
export type PayloadGenerators = { readonly [T in CommandType]: PayloadGenerator<T> };

const HANDLERS = ['handler-li-0', 'handler-wang-1', 'handler-zhao-2', 'departmentHead-sun-0'] as const;

/**
 * Money remedies (discount, compensation, refund) carry an amount in CNY, except one
 * in four: a remedy recorded without its amount is a real data-entry slip, and host
 * rules about amounts need it to be generated. They are drawn about twice as often as
 * the others: host rules are mostly about money, and a rule about refunds above a
 * limit needs a refund, above it, in a complaint that reaches execution.
 */
const MONEY = ['discount', 'compensation', 'refund'] as const;

/**
 * Remedies as a host's users enter them: money remedies drawn more often, one in four without an amount, so
 * host rules about amounts get exercised.
 */
export function remedy(context: CommandContext): fc.Arbitrary<Remedy> {
  return fc
    .tuple(fc.oneof(fc.constantFrom(...REMEDY_KINDS), fc.constantFrom(...MONEY)), text('remedy', context), fc.integer({ min: 0, max: 20_000 }), fc.nat({ max: 3 }))
    .map(([kind, description, value, amountChoice]) => {
      const money = kind === 'discount' || kind === 'compensation' || kind === 'refund';
      return money && amountChoice !== 3 ? { kind, description, amount: { value, currency: 'CNY' } } : { kind, description };
    });
}


/** An open promise of the complaint (preferring those `prefer` picks), or `promise-1` when none is open. */
function openPromiseId(c: CommandContext, prefer: (p: ComplaintState['openPromises'][number]) => boolean = () => true): fc.Arbitrary<string> {
  const preferred = c.state.openPromises.filter(prefer);
  const pool = (preferred.length > 0 ? preferred : c.state.openPromises).map((p) => p.id);
  return pool.length > 0 ? fc.constantFrom(...pool) : fc.constant('promise-1');
}

/** A department, person or supplier held responsible. */
const responsibleParty = fc.constantFrom(
  { kind: 'department', id: 'workshop-2', name: 'Workshop 2' } as const,
  { kind: 'person', id: 'technician-zhang', name: 'Zhang Wei' } as const,
  { kind: 'supplier', id: 'supplier-bosch', name: 'Bosch parts' } as const,
);

/** Who signs for a written notice, in the complaint's language. */
const SIGNERS = { en: ['Mr Wang', 'Ms Lin'], 'zh-CN': ['王先生', '李女士'] } as const;
/** A measure of the default prevention catalogue. */
const catalogueMeasure = fc.constantFrom(...defaultPreventionCatalogue.measures.map((m) => m.id));

/** A progress notice or result feedback: a channel, a reference to its content, sometimes what it said. */
function customerUpdate(c: CommandContext): fc.Arbitrary<PayloadOf<'SendProgressNotice'>> {
  const contentRef = fc.tuple(fc.constantFrom('sms', 'letter', 'msg', 'doc'), fc.nat({ max: 99_999 })).map(([kind, n]) => `${kind}-${n}`);
  return fc.record({ channel: fc.constantFrom(...CHANNELS), contentRef, summary: optional(text('contact', c)) }).map(compact);
}

const ackComplete = (state: ComplaintState) => Object.values(state.acknowledgement).every(Boolean);

/**
 * "Three checks and one synthesis" (三查一综合) of a product-quality cause: what the
 * product, its operating conditions and its usage and maintenance showed, each check
 * sometimes left out, in the findings' language.
 */
const productChecks = fc.record({ product: fc.nat(), operatingConditions: fc.nat(), usageAndMaintenance: fc.nat() }, { requiredKeys: [] });
const checksIn = (checks: { readonly [K in keyof ProductChecks]?: number }, locale: TextLocale): ProductChecks =>
  Object.fromEntries(
    Object.entries(checks).map(([key, i]) => {
      const options = PRODUCT_CHECKS[locale][key as keyof ProductChecks];
      return [key, options[(i as number) % options.length] as string];
    }),
  );

/** Options of `followUpPayload`: the survey dimensions to score, or no survey at all. */
export interface FollowUpOptions {
  /** The survey dimensions and their reason codes (default `CSI_DIMENSIONS`); @redress/csi's `config.dimensions` fit as they are. */
  readonly dimensions?: readonly SurveyDimension[];
  /** `false`: never carry a survey (default: sometimes). */
  readonly survey?: boolean;
}

/**
 * The `RecordFollowUp` payload generator: satisfied or not, sometimes the channel
 * and a comment, and sometimes a satisfaction survey whose scores lean the
 * customer's way. For surveys on your own dimensions, or none, pass it as
 * `generators: { RecordFollowUp: followUpPayload({ dimensions }) }`.
 */
export function followUpPayload(options: FollowUpOptions = {}): PayloadGenerator<'RecordFollowUp'> {
  const dimensions = options.dimensions === undefined ? {} : { dimensions: options.dimensions };
  // Bad dimensions (none, or the same id twice) throw here, when the generator is made.
  if (options.survey !== false) surveyDraft(dimensions);
  return (c) =>
    fc
      .record(
        {
          satisfied: fc.boolean(),
          channel: fc.constantFrom(...CHANNELS),
          comment: text('comment', c),
          ...(options.survey === false ? {} : { survey: surveyDraft({ ...dimensions, locale: c.locale ?? 'any' }) }),
        },
        { requiredKeys: ['satisfied'] },
      )
      .map(({ survey, ...rest }) => (survey === undefined ? rest : { ...rest, survey: settleSurvey(survey, rest.satisfied) }));
}

/**
 * The default generator of every command type: payloads the workflow's payload guards accept in the given state, every
 * optional field present sometimes (shrinking towards absent). Whether the state offers the command is the caller's
 * business (`validCommand`, the walk).
 */
export const payloadGenerators: PayloadGenerators = {
  ReceiveComplaint: (c) => complaintData({ locale: c.locale ?? 'any' }),
  ConfirmComplaint: (c) =>
    fc
      .record({
        summary: text('summary', c),
        // Confirmation needs the whole acknowledgement: complete what receipt left out.
        acknowledgement: ackComplete(c.state)
          ? optional(acknowledgement({ locale: c.locale ?? 'any' }))
          : acknowledgement({ complete: true, locale: c.locale ?? 'any' }),
      })
      .map(compact),
  ClassifyComplaint: classificationPayload,
  StartInvestigation: (c) => fc.record({ plan: optional(text('plan', c)) }).map(compact),
  IdentifyCause: (c) =>
    fc
      .record(
        { story: complaintStory({ locale: c.locale ?? 'any' }), checks: productChecks, servqualFactor: fc.constantFrom(...SERVQUAL_FACTORS) },
        { requiredKeys: ['story'] },
      )
      // The three checks are for product-quality causes; the factor is usually left to the cause's default.
      .map(({ story, checks, servqualFactor }) => ({
        cause: story.cause,
        findings: story.findings,
        ...(story.cause === 'productQuality' && checks !== undefined ? { checks: checksIn(checks, story.locale) } : {}),
        ...(servqualFactor !== undefined ? { servqualFactor } : {}),
      })),
  ProposeResolution: (c) => fc.record({ remedy: remedy(c), agreedDeadline: futureInstant(c.now) }),
  ApproveRemedy: (c) => fc.record({ note: optional(text('approval', c)) }).map(compact),
  RejectRemedy: (c) => fc.record({ reason: text('reason', c) }),
  StartExecution: (c) => fc.record({ note: optional(text('execution', c)) }).map(compact),
  CompleteExecution: (c) => fc.record({ outcome: text('outcome', c) }),
  RenegotiateDeadline: (c) => fc.record({ agreedDeadline: futureInstant(c.now, 21), reason: text('reason', c) }),
  RecordFollowUp: followUpPayload(),
  // Sometimes following a measure of the default catalogue (hosts with their own catalogue pass their own generator).
  RecordPreventiveAction: (c) => fc.record({ action: text('preventive', c), measure: optional(catalogueMeasure) }).map(compact),
  ArchiveComplaint: (c) =>
    fc
      .record({
        summary: optional(text('summary', c)),
        // Archiving needs a preventive action: give one here when none was recorded.
        preventiveAction: c.state.preventiveAction === null ? text('preventive', c) : optional(text('preventive', c)),
        preventiveMeasure: optional(catalogueMeasure),
      })
      // A measure is named with the action it describes (the rule measureInCatalogue).
      .map(({ preventiveMeasure, ...rest }) => compact({ ...rest, ...(rest.preventiveAction === undefined ? {} : { preventiveMeasure }) })),
  WithdrawComplaint: (c) => fc.record({ reason: text('reason', c) }),
  AssignHandler: (c) =>
    fc
      .record({
        // Index into a pool, skipping the current handler, so the guard "a different handler" holds.
        handlerId: fc.nat({ max: HANDLERS.length - 2 }).map((i) => HANDLERS.filter((h) => h !== c.state.handlerId)[i] as string),
        reason: fc.constantFrom(...ASSIGNMENT_REASONS),
        note: optional(text('note', c)),
        // A reassignment may move the meeting along (三变法: new handler, venue and time).
        meeting: fc.option(meetingFields(c), { nil: undefined }),
      })
      .map(({ meeting, ...rest }) => compact({ ...rest, ...(meeting === undefined ? {} : { venue: meeting.venue, meetingAt: meeting.at }) })),
  ArrangeMeeting: meetingPayload,
  AddNote: (c) => fc.record({ text: text('note', c), visibility: fc.constantFrom(...NOTE_VISIBILITIES) }),
  LogCustomerContact: (c) =>
    fc.record({ channel: fc.constantFrom(...CHANNELS), direction: fc.constantFrom(...CONTACT_DIRECTIONS), summary: text('contact', c) }),
  EscalateComplaint: escalationPayload,
  EscalateOnBreach: breachPayload,
  WaitOnCustomer: (c) => fc.record({ reason: fc.constantFrom(...WAITING_REASONS), note: optional(text('note', c)) }).map(compact),
  StopWaitingOnCustomer: (c) => fc.record({ note: optional(text('comment', c)) }).map(compact),
  FlagRepeatComplaint: () =>
    fc
      .record({ earlier: fc.integer({ min: 1, max: 4 }), windowDays: fc.constantFrom(30, 90, 365), basis: fc.constantFrom(...REPEAT_BASES) })
      // "This is the third time": the count includes this complaint, so it is one more than the earlier ones.
      .map(({ earlier, windowDays, basis }) => ({
        count: earlier + 1,
        windowDays,
        basis,
        related: Array.from({ length: earlier }, (_, i) => `earlier-complaint-${i + 1}`),
      })),
  // To someone other than the accountable person (the guard), a reason in the complaint's language.
  OfferHandOver: (c) =>
    fc.record({
      to: fc.nat({ max: HANDLERS.length - 2 }).map((i) => HANDLERS.filter((h) => h !== c.state.accountableId)[i] as string),
      reason: text('reason', c),
    }),
  AcceptHandOver: (c) => fc.record({ note: optional(text('note', c)) }).map(compact),
  DeclineHandOver: (c) => fc.record({ reason: text('reason', c) }),
  // Its own id sometimes (unused: the count only grows), due after now (the guard).
  MakePromise: (c) =>
    fc
      .record({
        promiseId: optional(fc.constant(`promise-k-${c.state.promiseIds.length + 1}`)),
        kind: fc.constantFrom(...PROMISE_KINDS),
        due: futureInstant(c.now),
        description: text('note', c),
      })
      .map(compact),
  KeepPromise: (c) => fc.record({ promiseId: openPromiseId(c), note: optional(text('note', c)) }).map(compact),
  ExplainPromiseBreak: (c) => fc.record({ promiseId: openPromiseId(c), channel: fc.constantFrom(...CHANNELS), explanation: text('reason', c) }),
  // One the customer was told about, when there is one: only those may be broken.
  // A problem type of the default routing (hosts with their own groups pass their own generator).
  RouteComplaint: (c) => fc.record({ problemType: fc.constantFrom(...defaultRouting.groups.flatMap((g) => g.problemTypes)), note: optional(text('note', c)) }).map(compact),
  BreakPromise: (c) => fc.record({ promiseId: openPromiseId(c, (p) => p.explained), reason: text('reason', c) }),
  // Issue 16, the workflow's part.
  AttributeResponsibility: (c) => fc.record({ party: responsibleParty, reason: text('reason', c) }),
  // One of the default criteria (hosts with their own pass their own generator).
  DeclineComplaint: (c) => fc.record({ criterion: fc.constantFrom(...defaultIntakeCriteria.criteria.map((k) => k.id)), reason: text('reason', c) }),
  OfferResolutionOptions: (c) =>
    fc
      .uniqueArray(fc.constantFrom('option-a', 'option-b', 'option-c', 'option-d'), { minLength: 2, maxLength: 4 })
      .chain((ids) => fc.tuple(...ids.map((optionId) => remedy(c).map((r) => ({ optionId, remedy: r })))))
      .chain((options) => fc.record({ options: fc.constant(options), note: optional(text('note', c)) }))
      .map(compact),
  // One of the standing offer's options (the guard), or one that cannot be when nothing was offered.
  RecordCustomerChoice: (c) => fc.record({ optionId: c.state.offer === null ? fc.constant('option-a') : fc.constantFrom(...c.state.offer.options.map((o) => o.optionId)), note: optional(text('note', c)) }).map(compact),
  // Signed already: at most a week before now.
  RecordWrittenNotice: (c) =>
    fc.record({
      documentReference: fc.nat({ max: 9999 }).map((n) => `notice-${n}`),
      signedBy: localized(SIGNERS, c),
      signedAt: fc.nat({ max: 7 * 24 * 60 }).map((m) => new Date(Date.parse(c.now) - m * 60_000).toISOString()),
      note: optional(text('note', c)),
    }).map(compact),
  // Keeping the customer informed: the content lives in the host's systems (a reference), the summary is optional.
  SendProgressNotice: customerUpdate,
  SendResultFeedback: customerUpdate,
};

