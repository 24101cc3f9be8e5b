/**
 * Rules the kit's own tests state with `whenever`: a VIP rule reading the host's data
 * (async), the refund promise reading the history, and the naive refund rule whose hole
 * the promise finds. Kept apart from the tests so the seeded bugs and the guide's
 * claims are checked on the same rules.
 */
import type { ComplaintEvent, RecordedEvent, Remedy } from '@redress/core';
import { whenever } from './whenever.js';

type Recorded = RecordedEvent<ComplaintEvent>;

/** The host's customer database, as a lookup the rule awaits: customers whose reference ends in 0-2 are VIPs. */
export const customerSegment = async ({ customer }: { readonly customer: string | null }) => {
  await Promise.resolve();
  return { segment: customer !== null && /[0-2]$/.test(customer) ? ('VIP' as const) : ('standard' as const) };
};

export const vipComplaintsAreMajor = whenever('vipComplaintsAreMajor', {
  on: ['ClassifyComplaint'],
  when: ({ host }) => host.segment === 'VIP',
  mustNot: ({ command }) => command.data.severity === 'general',
  because: "a VIP customer's complaint is never classified general",
  host: customerSegment,
});

export const REFUND_LIMIT = 5_000;
const bigRefund = (remedy: Remedy | undefined) => remedy?.kind === 'refund' && (remedy.amount?.value ?? 0) > REFUND_LIMIT;
/** The remedy of the last proposal in a history. */
const lastProposal = (history: readonly Recorded[]) => history.map((e) => e.type).lastIndexOf('ResolutionProposed');
export const standingRemedy = (history: readonly Recorded[]): Remedy | undefined => {
  const proposal = history[lastProposal(history)];
  return proposal?.type === 'ResolutionProposed' ? proposal.data.remedy : undefined;
};
const approvedBySeniorManagement = (history: readonly Recorded[]) =>
  history.slice(lastProposal(history) + 1).some((e) => e.type === 'RemedyApproved' && e.actor.role === 'seniorManagement');

/** The promise: no refund above 5000 is executed without senior management's approval of it. */
export const bigRefundsNeedSeniorManagement = whenever('bigRefundsNeedSeniorManagement', {
  on: ['StartExecution'],
  when: ({ history }) => bigRefund(standingRemedy(history)),
  must: ({ history }) => approvedBySeniorManagement(history),
  because: `a refund above ${REFUND_LIMIT} is executed only once senior management approved it`,
});

/** The naive rule: guards the approval, so a complaint that needs none (general) executes a big refund unapproved. */
export const naiveBigRefundRule = whenever('naiveBigRefundRule', {
  on: ['ApproveRemedy'],
  when: ({ state }) => bigRefund(state.remedy ?? undefined),
  must: ({ command }) => command.actor.role === 'seniorManagement',
  because: `a refund above ${REFUND_LIMIT} is approved by senior management`,
});
