/**
 * Opens the complaint a survey revealed, through the engine like any other, as
 * `system`, linked to the survey (`source: { kind: 'survey', reference }`). The
 * command id is derived from the survey id, so running this again for the same
 * survey (a retry, a replay of the log) returns the first result and writes nothing.
 */
import type { Actor, Engine, ExecuteResult, RecordedEvent } from '@redress/core';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { stableId } from '../support/stable-id.js';
import type { SurveyTaken } from '../surveys/schema.js';
import { hiddenComplaintRatings, type HiddenComplaintRule } from './rule.js';

export const CSI_SYSTEM_ACTOR: Actor = { id: 'redress-csi', role: 'system' };

export interface HiddenComplaintOptions {
  readonly rule: HiddenComplaintRule;
  readonly config?: CsiConfig;
  /** Who opens it; `system` by default (the default permission matrix lets `system` receive complaints). */
  readonly actor?: Actor;
}

/** The command id (and so the complaint id) of the hidden complaint a survey opens. */
export const hiddenComplaintId = (surveyId: string): string => stableId('hidden', surveyId);

/**
 * Opens a complaint when the survey matches the rule; `null` when it does not.
 * The description lists the ratings that matched, in English with the reason codes'
 * labels, since it is the text a handler reads first.
 */
export async function openHiddenComplaint(
  engine: Pick<Engine, 'execute'>,
  survey: RecordedEvent<SurveyTaken>,
  options: HiddenComplaintOptions,
): Promise<ExecuteResult | null> {
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const matched = hiddenComplaintRatings(survey.data.ratings, options.rule);
  if (matched.length === 0) return null;
  const d = survey.data;
  const describe = matched.map((r) => {
    const dimension = config.dimensions.find((x) => x.id === r.dimension);
    const reasons = (r.reasons ?? []).map((code) => dimension?.reasons.find((x) => x.id === code)?.labels.en ?? code);
    return `${dimension?.labels.en ?? r.dimension} ${r.score}/10${reasons.length ? ` (${reasons.join(', ')})` : ''}${r.comment ? `: ${r.comment}` : ''}`;
  });
  const commandId = hiddenComplaintId(d.surveyId);
  return engine.execute({
    type: 'ReceiveComplaint',
    commandId,
    correlationId: survey.correlationId,
    actor: options.actor ?? CSI_SYSTEM_ACTOR,
    data: {
      customer: d.customer,
      channel: 'survey',
      // Core caps texts at 10,000 characters; many long comments must not make the receipt invalid.
      description: `Hidden complaint found by satisfaction survey ${d.surveyId}: ${describe.join('; ')}${d.comment ? `. Customer: ${d.comment}` : ''}`.slice(0, 10_000),
      demand: 'Not stated: call the customer back, apologise, find the cause and agree a remedy',
      ...(d.product ? { product: d.product } : {}),
      ...(d.branch ? { branch: d.branch } : {}),
      ...(d.region ? { region: d.region } : {}),
      ...(d.businessLine ? { businessLine: d.businessLine } : {}),
      source: { kind: 'survey', reference: d.surveyId },
    },
  });
}
