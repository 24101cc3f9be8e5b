/**
 * Opens the complaint a survey revealed, through the engine like any other, as
 * `system`, linked to what revealed it: a survey outside any complaint
 * (`source: { kind: 'survey', reference: surveyId }`) or the follow-up of a complaint
 * (`source: { kind: 'followUp', reference: complaintId }`, the 回访 of step 7). The
 * command id is derived from the survey, or from the complaint and the follow-up's
 * place in its stream, so running this again (a retry, a replay of the log, a second
 * process) returns the first result and writes nothing.
 */
import type { Actor, ComplaintEventOf, Engine, ExecuteResult, RecordedEvent, RecordedSurveyRating } from '@redress/core';
import { dimensionOf, type CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { stableId } from '../support/stable-id.js';
import type { SurveyTaken } from '../surveys/schema.js';
import { hiddenComplaintRatings, type HiddenComplaintRule } from './rule.js';

/**
 * The actor csi's automation acts as, in every command it sends the engine (hidden complaints
 * received, repeats flagged, escalated or classified) and every record it appends: id
 * `redress-csi`, role `system`. The default permission matrix grants `system` those commands; a
 * host that narrows the matrix must keep them, or the automation reports `Forbidden`.
 */
export const CSI_SYSTEM_ACTOR: Actor = { id: 'redress-csi', role: 'system' };

/**
 * How a hidden complaint is opened: which ratings count (the rule), how its description names them
 * (the configuration) and who opens it.
 */
export interface HiddenComplaintOptions {
  /**
   * Which ratings make a survey a hidden complaint (`DEFAULT_HIDDEN_COMPLAINT_RULE`, or one from `defineHiddenComplaintRule`).
   */
  readonly rule: HiddenComplaintRule;
  /** Where the description takes the dimensions' and reason codes' English labels from; `DEFAULT_CSI_CONFIG` when left out. */
  readonly config?: CsiConfig;
  /** Who opens it; `system` by default (the default permission matrix lets `system` receive complaints). */
  readonly actor?: Actor;
}

/** The command id (and so the complaint id) of the hidden complaint a survey opens. */
export const hiddenComplaintId = (surveyId: string): string => stableId('hidden', surveyId);

/**
 * The command id (and so the complaint id) of the hidden complaint the follow-up recorded at
 * `streamVersion` of `complaintId` opens. Its own prefix, so it never meets a survey's.
 */
export const followUpHiddenComplaintId = (complaintId: string, streamVersion: number): string =>
  stableId('hidden-followup', complaintId, String(streamVersion));

/** What a hidden complaint is received with: the customer's facts as the complaint or the survey recorded them. */
export type HiddenComplaintFacts = Pick<ComplaintEventOf<'ComplaintReceived'>['data'], 'customer' | 'product' | 'branch' | 'region' | 'businessLine'>;

interface Finding {
  readonly commandId: string;
  readonly correlationId: string;
  readonly facts: HiddenComplaintFacts;
  readonly ratings: readonly RecordedSurveyRating[];
  /** What found it, the first words of the description. */
  readonly foundBy: string;
  readonly comment: string | undefined;
  readonly source: { readonly kind: 'survey' | 'followUp'; readonly reference: string; readonly note?: string };
}

/**
 * Receives the complaint. The description lists the ratings that matched, in English with
 * the reason codes' labels, since it is the text a handler reads first.
 */
function receive(engine: Pick<Engine, 'execute'>, finding: Finding, options: HiddenComplaintOptions): Promise<ExecuteResult> {
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const describe = finding.ratings.map((r) => {
    const dimension = dimensionOf(config, r.dimension);
    const reasons = (r.reasons ?? []).map((code) => dimension?.reasons.find((x) => x.id === code)?.labels.en ?? code);
    return `${dimension?.labels.en ?? r.dimension} ${r.score}/10${reasons.length ? ` (${reasons.join(', ')})` : ''}${r.comment ? `: ${r.comment}` : ''}`;
  });
  const { customer, product, branch, region, businessLine } = finding.facts;
  return engine.execute({
    type: 'ReceiveComplaint',
    commandId: finding.commandId,
    correlationId: finding.correlationId,
    actor: options.actor ?? CSI_SYSTEM_ACTOR,
    data: {
      customer,
      channel: 'survey',
      // Core caps texts at 10,000 characters; many long comments must not make the receipt invalid.
      description: `Hidden complaint found by ${finding.foundBy}: ${describe.join('; ')}${finding.comment ? `. Customer: ${finding.comment}` : ''}`.slice(0, 10_000),
      demand: 'Not stated: call the customer back, apologise, find the cause and agree a remedy',
      ...(product ? { product } : {}),
      ...(branch ? { branch } : {}),
      ...(region ? { region } : {}),
      ...(businessLine ? { businessLine } : {}),
      source: finding.source,
    },
  });
}

/** Opens a complaint when the survey matches the rule; `null` when it does not. */
export async function openHiddenComplaint(
  engine: Pick<Engine, 'execute'>,
  survey: RecordedEvent<SurveyTaken>,
  options: HiddenComplaintOptions,
): Promise<ExecuteResult | null> {
  const matched = hiddenComplaintRatings(survey.data.ratings, options.rule);
  if (matched.length === 0) return null;
  const d = survey.data;
  return receive(
    engine,
    {
      commandId: hiddenComplaintId(d.surveyId),
      correlationId: survey.correlationId,
      facts: d,
      ratings: matched,
      foundBy: `satisfaction survey ${d.surveyId}`,
      comment: d.comment,
      source: { kind: 'survey', reference: d.surveyId },
    },
    options,
  );
}

/**
 * Opens a complaint when the survey of a follow-up matches the rule; `null` when it does not
 * (or the follow-up carries no survey). `complaint` is what the followed-up complaint was
 * received with: the hidden complaint is the same customer's, about the same product.
 */
export async function openFollowUpHiddenComplaint(
  engine: Pick<Engine, 'execute'>,
  followUp: RecordedEvent<ComplaintEventOf<'FollowUpRecorded'>>,
  complaint: HiddenComplaintFacts,
  options: HiddenComplaintOptions,
): Promise<ExecuteResult | null> {
  const survey = followUp.data.survey;
  const matched = survey ? hiddenComplaintRatings(survey.ratings, options.rule) : [];
  if (matched.length === 0) return null;
  const complaintId = followUp.streamId;
  const outcome = followUp.data.satisfied ? 'satisfied' : `not satisfied, so ${complaintId} was reopened`;
  return receive(
    engine,
    {
      commandId: followUpHiddenComplaintId(complaintId, followUp.streamVersion),
      correlationId: followUp.correlationId,
      facts: complaint,
      ratings: matched,
      foundBy: `the follow-up of complaint ${complaintId}`,
      comment: [survey?.comment, followUp.data.comment].filter((c) => c !== undefined).join(' / ') || undefined,
      source: { kind: 'followUp', reference: complaintId, note: `Follow-up event ${followUp.eventId} (customer ${outcome})` },
    },
    options,
  );
}
