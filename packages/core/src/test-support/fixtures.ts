/**
 * Test fixtures: actors, and a builder for a command of any type whose payload is
 * chosen by a small `variant` number, so property tests can pick commands by index
 * (and shrink well) while example tests read plainly.
 */
import type { Command, CommandInput, CommandType } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import { defaultPermissionMatrix } from '../permissions/matrix.js';

export const actors = {
  frontDesk: { id: 'fd-wang', role: 'frontDesk' },
  handler: { id: 'h-li', role: 'handler' },
  otherHandler: { id: 'h-zhao', role: 'handler' },
  technician: { id: 't-chen', role: 'technician' },
  head: { id: 'dh-sun', role: 'departmentHead' },
  senior: { id: 'sm-zhou', role: 'seniorManagement' },
  followUp: { id: 'fu-wu', role: 'followUpStaff' },
  customer: { id: 'cust-1', role: 'customer' },
} as const satisfies Record<string, Actor>;

export const fullAcknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

const HOUR = 3_600_000;
const shift = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/** An actor the default matrix allows for this command type: staff first (a customer may only act on their own complaint). */
export function allowedActor(type: CommandType): Actor {
  const roles = defaultPermissionMatrix[type];
  const role = roles.find((r) => r !== 'customer') ?? roles[0] ?? 'handler';
  return { id: `${role}-1`, role };
}

/**
 * A command of `type` for `complaintId`. `variant` picks between payload shapes that
 * matter to the guards: even = the "good" case (full acknowledgement, future deadline,
 * satisfied follow-up, preventive action given), odd = the other branch.
 */
export function commandOf(type: CommandType, complaintId: string, now: string, variant = 0, actor?: Actor): Command {
  const good = variant % 2 === 0;
  const base = { complaintId, actor: actor ?? allowedActor(type) };
  const pick = <T>(options: readonly T[]): T => options[variant % options.length] as T;
  const input = ((): CommandInput => {
    switch (type) {
      case 'ReceiveComplaint':
        return {
          ...base,
          type,
          data: {
            customer: { reference: `cust-${variant % 5}`, name: pick(['王先生', 'Ms Lin', '李女士']) },
            channel: pick(['phone', 'visit', 'hotline', 'wechat'] as const),
            description: 'Engine noise after the 30,000 km service',
            demand: 'Fix it for free and explain what went wrong',
            // Odd variants leave the acknowledgement for the confirmation.
            ...(good ? { acknowledgement: fullAcknowledgement } : {}),
          },
        };
      case 'ConfirmComplaint':
        return {
          ...base,
          type,
          data: {
            summary: 'Customer confirms: rattling noise from the engine bay since the last service',
            ...(variant % 4 === 1 ? {} : { acknowledgement: good ? fullAcknowledgement : { ...fullAcknowledgement, apologised: variant % 3 === 0 } }),
          },
        };
      case 'ClassifyComplaint':
        // Every fourth variant assesses impact and urgency (the matrix derives the severity); the rest give it.
        return variant % 4 === 3
          ? { ...base, type, data: { impact: pick(['high', 'medium', 'low'] as const), urgency: 'high', ...(variant % 8 === 7 ? { safety: true } : {}) } }
          : { ...base, type, data: { severity: variant % 3 === 2 ? 'major' : pick(['general', 'major'] as const) } };
      case 'StartInvestigation':
        return { ...base, type, data: {} };
      case 'IdentifyCause':
        return { ...base, type, data: { cause: pick(['repairQuality', 'price', 'serviceAttitude'] as const), findings: 'A heat shield bolt was left loose' } };
      case 'ProposeResolution':
        return {
          ...base,
          type,
          data: {
            remedy: { kind: 'freeRepair', description: 'Refit the heat shield and inspect the exhaust for free' },
            agreedDeadline: shift(now, good ? 48 * HOUR : -HOUR),
          },
        };
      case 'ApproveRemedy':
        return { ...base, type, data: {} };
      case 'RejectRemedy':
        return { ...base, type, data: { reason: 'Offer a courtesy car as well' } };
      case 'StartExecution':
        return { ...base, type, data: {} };
      case 'CompleteExecution':
        return { ...base, type, data: { outcome: 'Heat shield refitted; test drive quiet' } };
      case 'RenegotiateDeadline':
        return { ...base, type, data: { agreedDeadline: shift(now, good ? 72 * HOUR : -HOUR), reason: 'Part on back order' } };
      case 'RecordFollowUp':
        return {
          ...base,
          type,
          data: {
            satisfied: good,
            channel: 'phone',
            // Every third variant also carries a survey, rated high when satisfied and low when not.
            ...(variant % 3 === 0
              ? {
                  survey: {
                    ratings: [
                      { dimension: 'timeliness', score: good ? 9 : 4, ...(good ? {} : { reasons: ['lateArrival'] }) },
                      { dimension: 'attitude', score: good ? 8 : 6, comment: 'Polite on the phone' },
                    ],
                  },
                }
              : {}),
          },
        };
      case 'RecordPreventiveAction':
        return { ...base, type, data: { action: 'Torque check added to the service checklist' } };
      case 'ArchiveComplaint':
        return { ...base, type, data: good ? { preventiveAction: 'Torque check added to the checklist' } : {} };
      case 'WithdrawComplaint':
        return { ...base, type, data: { reason: 'Customer resolved it with the dealer directly' } };
      case 'AssignHandler':
        return { ...base, type, data: { handlerId: pick(['h-li', 'h-zhao', 'h-qian']), reason: pick(['initial', 'threeChanges', 'workload'] as const) } };
      case 'AddNote':
        return { ...base, type, data: { text: 'Called the parts warehouse', visibility: 'internal' } };
      case 'LogCustomerContact':
        return { ...base, type, data: { channel: 'phone', direction: 'outbound', summary: 'Updated the customer on progress' } };
      case 'WaitOnCustomer':
        return { ...base, type, data: { reason: pick(['information', 'decision', 'vehicleAccess'] as const), note: 'Waiting for the service invoice photo' } };
      case 'StopWaitingOnCustomer':
        return { ...base, type, data: {} };
      case 'EscalateComplaint':
        return { ...base, type, data: { level: pick(['departmentHead', 'headOfficeEngineering'] as const), reason: 'Third visit for the same fault' } };
      case 'EscalateOnBreach':
        return { ...base, type, data: { breach: { id: `sla:${complaintId}:plan:1:breach-${variant % 3}`, clock: 'plan', cycle: 1 }, reason: 'SLA clock plan breached' } };
      case 'ArrangeMeeting':
        return {
          ...base,
          type,
          data: good
            ? { at: shift(now, 24 * HOUR), venue: pick(['VIP lounge', 'Meeting room 2', 'At the customer’s office']), ...(variant % 4 === 2 ? { strategy: 'Lead with the repair record; offer the loan car early' } : {}) }
            : variant % 4 === 3
              ? { strategy: 'Let the customer speak first; agree the facts before any remedy' }
              : { at: shift(now, -HOUR), venue: 'VIP lounge' },
        };
      case 'AttributeResponsibility':
        return { ...base, type, data: { party: pick([{ kind: 'department', id: 'workshop-2', name: 'Workshop 2' }, { kind: 'supplier', id: 'sup-bosch', name: 'Bosch parts' }, { kind: 'person', id: 't-zhang', name: 'Zhang (technician)' }] as const), reason: 'The bolt was not torqued at the last service' } };
      case 'DeclineComplaint':
        return { ...base, type, data: { criterion: variant % 4 === 3 ? 'tooLate' : pick(['ownBusiness', 'withinOffer', 'identifiable']), reason: 'The vehicle was serviced at another dealer' } };
      case 'OfferResolutionOptions':
        return {
          ...base,
          type,
          data: { options: [{ optionId: 'repair', remedy: { kind: 'freeRepair', description: 'Repair for free' } }, { optionId: 'refund', remedy: { kind: 'refund', description: 'Refund the labour', amount: { value: 300, currency: 'CNY' } } }] },
        };
      case 'RecordCustomerChoice':
        return { ...base, type, data: { optionId: good ? 'repair' : 'replace' } };
      case 'RecordWrittenNotice':
        return { ...base, type, data: { documentReference: `notice-${variant}`, signedBy: 'Mr Wang', signedAt: good ? now : shift(now, HOUR) } };
      case 'OfferHandOver':
        return { ...base, type, data: { to: pick(['h-li', 'h-zhao', 'dh-sun']), reason: 'The engine fault needs the workshop' } };
      case 'AcceptHandOver':
        return { ...base, actor: actor ?? actors.handler, type, data: good ? {} : { note: 'Taking it over from the front desk' } };
      case 'DeclineHandOver':
        return { ...base, actor: actor ?? actors.handler, type, data: { reason: 'Not my workshop' } };
      case 'MakePromise':
        return { ...base, type, data: { kind: pick(['visit', 'callBack', 'partArrival'] as const), due: shift(now, good ? 24 * HOUR : -HOUR), description: 'A technician comes to check the engine' } };
      case 'KeepPromise':
        return { ...base, type, data: { promiseId: 'promise-1' } };
      case 'ExplainPromiseBreak':
        return { ...base, type, data: { promiseId: 'promise-1', channel: 'phone', explanation: 'The part is held at customs' } };
      case 'BreakPromise':
        return { ...base, type, data: { promiseId: 'promise-1', reason: 'The part arrives a week late' } };
      case 'RouteComplaint':
        return { ...base, type, data: { problemType: pick(['technical', 'policyProcess', 'design']) } };
      case 'SendProgressNotice':
        return { ...base, type, data: { channel: pick(['sms', 'phone', 'wechat'] as const), contentRef: `sms-${variant}`, ...(good ? { summary: 'The part arrives on Friday' } : {}) } };
      case 'SendResultFeedback':
        return { ...base, type, data: { channel: pick(['phone', 'letter'] as const), contentRef: `letter-${variant}`, summary: 'The noise is gone after the repair' } };
      case 'FlagRepeatComplaint':
        return { ...base, type, data: { count: 3 + (variant % 3), windowDays: 90, basis: pick(['customer', 'product', 'cause'] as const), related: ['c-earlier-1', 'c-earlier-2'] } };
    }
  })();
  // Defaults (e.g. empty data objects) are what the schema would give.
  return input as Command;
}

/**
 * The commands that take a complaint from nothing to archived, for a general or a major complaint.
 * The responsible party is attributed right after the cause (分清责任, required before a proposal by
 * default), so `slice(0, 6)` is investigated and attributed, and index 6 is the proposal.
 */
export function happyPath(complaintId: string, now: string, severity: 'general' | 'major' = 'general'): Command[] {
  const types: CommandType[] = [
    'ReceiveComplaint',
    'ConfirmComplaint',
    'ClassifyComplaint',
    'StartInvestigation',
    'IdentifyCause',
    'AttributeResponsibility',
    'ProposeResolution',
    ...(severity === 'major' ? (['ApproveRemedy'] as const) : []),
    'StartExecution',
    'CompleteExecution',
    'RecordFollowUp',
    'ArchiveComplaint',
  ];
  return types.map((t) => {
    const c = commandOf(t, complaintId, now, 0);
    return c.type === 'ClassifyComplaint' ? { ...c, data: { severity } } : c;
  });
}
