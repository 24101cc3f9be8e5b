/**
 * A complaint's fate, as the commands people issue, in order, with the waits
 * between them. Roles follow the shop: the front desk receives, the service
 * manager assigns, the handler works the complaint, technicians find causes and
 * repair, the general manager approves major remedies, follow-up staff call back.
 */
import type { Cause, CommandInput, EngineError, Remedy, ResponsibleParty } from '@redress/core';
import { endOfDayAfter, nextDayAt, workingMinutesAfter } from './calendar.js';
import { actorOf, BRANCH, FOLLOW_UP, STAFF, TECHNICIANS, type StaffMember } from './cast.js';
import type { Fate, WithdrawPoint } from './fates.js';
import type { Random } from './random.js';
import { followUpSurvey } from './survey.js';

/** A command the engine must refuse: the week shows the rules at work. */
export interface ExpectedRefusal {
  readonly kind: EngineError['kind'];
  /** What the person was trying to do, in plain words. */
  readonly why: string;
}

export interface Step {
  /** When it happens, given when the complaint's previous step happened. */
  readonly at: (previous: Date) => Date;
  /** Built when it runs, so agreed deadlines count from "now". */
  readonly command: (now: Date) => CommandInput;
  readonly refusal?: ExpectedRefusal;
}

/** The desk thanks the customer and says why the complaint is welcome (behaviours 1-2)... */
const DESK_ACK = {
  thanked: true,
  appreciated: true,
  apologised: false,
  promisedPromptAction: false,
  words: 'Thank you for telling us: every complaint helps us serve you better.',
};
/** ...the handler apologises and promises prompt effort when confirming (3-4). */
const HANDLER_ACK = {
  thanked: false,
  appreciated: false,
  apologised: true,
  promisedPromptAction: true,
  words: 'We are sorry this happened. I will handle it myself and call you back before 17:00.',
};
/** Some advisors do all four at the desk. */
const FULL_ACK = {
  thanked: true,
  appreciated: true,
  apologised: true,
  promisedPromptAction: true,
  words: 'Thank you for telling us, and we are sorry: we will look at it today.',
};

/** Who answers for each kind of cause at this station (分清责任): the department that caused it, or the supplier of the part. */
const RESPONSIBLE: Readonly<Record<Cause, ResponsibleParty>> = {
  repairQuality: { kind: 'department', id: 'workshop', name: 'Workshop 维修车间' },
  serviceAttitude: { kind: 'department', id: 'service-desk', name: 'Service desk 前台' },
  price: { kind: 'department', id: 'billing', name: 'Billing 结算' },
  repairDuration: { kind: 'department', id: 'workshop', name: 'Workshop 维修车间' },
  communication: { kind: 'department', id: 'service-desk', name: 'Service desk 前台' },
  environment: { kind: 'department', id: 'facilities', name: 'Facilities 后勤' },
  productQuality: { kind: 'supplier', id: 'oem-parts', name: 'OEM parts supplier 原厂配件' },
  other: { kind: 'department', id: 'service', name: 'Service department 服务部' },
};

/** The lesser remedy the general manager sends back in the "rejected remedy" story. */
const TOO_LITTLE: Remedy = {
  kind: 'discount',
  description: 'Free brake inspection and a 500 CNY voucher.',
  amount: { value: 500, currency: 'CNY' },
};

const HANDS_ON = new Set(['repairQuality', 'productQuality']);
const WORKSHOP_REMEDIES = new Set(['freeRepair', 'replacement']);

/**
 * `rnd` draws what happens; `answers` draws what customers answer in the survey, from
 * a stream of its own, so the surveys never change the week's course.
 */
export function scriptFor(fate: Fate, rnd: Random, answers: Random): Step[] {
  const { complaintId, grievance: g, story, client } = fate;
  const major = g.severity === 'major';
  const steps: Step[] = [];
  let handler = fate.handler;

  /** Working minutes after the previous step; `paced` waits stretch with the complaint's pace, the 3-day follow-up rule does not. */
  const wait = (min: number, max: number, paced = true) => {
    const minutes = Math.round(rnd.int(min, max) * (paced ? fate.pace : 1));
    return (previous: Date) => workingMinutesAfter(previous, minutes);
  };
  const by = (member: StaffMember) => ({ complaintId, actor: actorOf(member) });
  /** A wait that draws nothing: the steps shown below do not change the week's course. */
  const fixed = (minutes: number) => (previous: Date) => workingMinutesAfter(previous, minutes);
  const then = (at: Step['at'], command: CommandInput | Step['command'], refusal?: ExpectedRefusal) =>
    steps.push({ at, command: typeof command === 'function' ? command : () => command, ...(refusal && { refusal }) });

  /** The customer withdraws here if that is their fate; true when the script ends. */
  const withdrawsAfter = (point: WithdrawPoint): boolean => {
    if (fate.withdraws?.after !== point) return false;
    const { reason } = fate.withdraws;
    // Either through the shop's WeChat mini-program (the customer acts) or by a call the desk records.
    const actor = rnd.chance(0.5) ? { id: client.customer.reference, role: 'customer' as const } : actorOf(STAFF.liNa);
    then(wait(30, 400), { complaintId, actor, type: 'WithdrawComplaint', data: { reason } });
    return true;
  };

  // 1 接收投诉: listen, record the customer, the car, what happened and what they demand.
  const fullAck = rnd.chance(0.3);
  then(() => fate.receivedAt, {
    ...by(fate.receivedBy),
    type: 'ReceiveComplaint',
    data: {
      customer: client.customer,
      channel: fate.channel,
      description: g.description,
      demand: g.demand,
      product: client.vehicle,
      branch: BRANCH,
      acknowledgement: fullAck ? FULL_ACK : DESK_ACK,
    },
  });
  if (withdrawsAfter('received')) return steps;
  then(wait(5, 25), { ...by(STAFF.zhangWei), type: 'AssignHandler', data: { handlerId: handler.id, reason: 'initial' } });
  // 首问负责制: whoever took the complaint answers for it until the handler accepts the hand-over.
  if (fate.receivedBy.id !== handler.id) {
    then(fixed(2), { ...by(fate.receivedBy), type: 'OfferHandOver', data: { to: handler.id, reason: `${handler.name} handles it from here.` } });
    then(fixed(3), { ...by(handler), type: 'AcceptHandOver', data: {} });
  }

  // 2 确认投诉: read it back to the customer.
  then(wait(20, 120), {
    ...by(handler),
    type: 'ConfirmComplaint',
    data: {
      summary: `Read back and confirmed: ${g.title}. The customer asks: ${g.demand}`,
      ...(!fullAck && { acknowledgement: HANDLER_ACK }),
    },
  });
  if (g.repeat && !major) {
    then(wait(5, 30), {
      ...by(handler),
      type: 'EscalateComplaint',
      data: { level: 'departmentHead', reason: 'Repeat complaint ("three times"): repetition is a signal to escalate.' },
    });
  }
  if (story === 'threeChanges') handler = threeChanges(then, by, wait, handler);
  if (withdrawsAfter('confirmed')) return steps;

  // 3 分类处理: general stays with the service department; major is reported to senior management.
  then(
    wait(15, 90),
    major
      ? {
          ...by(STAFF.zhangWei),
          type: 'ClassifyComplaint',
          data: { severity: 'major', reason: `${g.title}: safety, legal or reputation at stake.` },
        }
      : { ...by(handler), type: 'ClassifyComplaint', data: { severity: 'general' } },
  );
  if (g.checks) {
    // A technical problem goes to the engineers by type (routing), and up the ladder (escalation): both recorded.
    then(fixed(5), { ...by(handler), type: 'RouteComplaint', data: { problemType: 'technical' } });
    then(wait(10, 30), {
      ...by(handler),
      type: 'EscalateComplaint',
      data: { level: 'headOfficeEngineering', reason: 'Repeat technical fault: to the head-office rapid-response engineers.' },
    });
  }

  // 4 调查原因: find the cause (behaviour 5, gather the information).
  const plan = g.checks
    ? 'Three checks and one synthesis (三查一综合): the gearbox, its operating conditions and similar units, its use and maintenance.'
    : 'Read the job card, talk to the technician, inspect the car with the customer.';
  then(wait(30, 240), { ...by(handler), type: 'StartInvestigation', data: { plan } });
  if (withdrawsAfter('investigating')) return steps;
  if (rnd.chance(0.3)) {
    then(wait(20, 90), { ...by(handler), type: 'AddNote', data: { text: 'Job card, technician notes and photos attached in the DMS.' } });
  }
  const investigator = g.checks ? STAFF.qianBo : HANDS_ON.has(g.cause) ? rnd.pick(TECHNICIANS) : handler;
  then(wait(120, 600), {
    ...by(investigator),
    type: 'IdentifyCause',
    data: { cause: g.cause, findings: g.findings, ...(g.checks && { checks: g.checks }) },
  });
  // 分清责任: who answers for the cause is recorded before a remedy is proposed (the engine requires it by default).
  then(fixed(5), { ...by(investigator), type: 'AttributeResponsibility', data: { party: RESPONSIBLE[g.cause], reason: g.findings } });
  const preventedEarly = story !== 'archiveWithoutPreventive' && rnd.chance(0.35);
  if (preventedEarly) then(wait(10, 60), { ...by(STAFF.zhangWei), type: 'RecordPreventiveAction', data: { action: g.preventive } });

  /** Steps 5-7 once: propose, (approve), execute, follow up. False when the customer withdraws instead. */
  const cycle = (remedy: Remedy, satisfied: boolean, comment: string, first: boolean): boolean => {
    // 5 制定解决方案: a remedy and a deadline agreed with the customer.
    const days = story === 'renegotiatedDeadline' ? 1 : (major ? 2 : 1) + (fate.pace > 1 ? 1 : 0) + rnd.int(0, 1);
    const propose = (r: Remedy) => {
      const envelope = by(handler);
      then(wait(30, 120), (now) => ({
        ...envelope,
        type: 'ProposeResolution',
        data: { remedy: r, agreedDeadline: endOfDayAfter(now, days).toISOString() },
      }));
      then(wait(5, 20), {
        ...by(handler),
        type: 'LogCustomerContact',
        data: { channel: 'phone', direction: 'outbound', summary: `Explained the remedy and agreed the deadline: ${r.description}` },
      });
    };
    propose(story === 'rejectedRemedy' && first ? TOO_LITTLE : remedy);
    if (first && withdrawsAfter('resolutionProposed')) return false;

    if (major) {
      if (story === 'executeBeforeApproval' && first) {
        then(
          wait(10, 30),
          { ...by(handler), type: 'StartExecution', data: { note: 'The parts are in; starting now, approval is a formality.' } },
          { kind: 'IllegalCommand', why: `${handler.name} starts a major remedy before the general manager has approved it.` },
        );
      }
      if (story === 'rejectedRemedy' && first) {
        then(wait(60, 180), {
          ...by(STAFF.huangJianguo),
          type: 'RejectRemedy',
          data: { reason: 'Not proportionate to a safety fault: compensate the customer and I will sign the apology myself.' },
        });
        propose(remedy);
      }
      then(wait(60, 240), {
        ...by(STAFF.huangJianguo),
        type: 'ApproveRemedy',
        data: { note: 'Approved. Keep me informed until the customer is satisfied.' },
      });
    }

    // 6 执行解决方案: carry it out by the agreed time.
    const doer = WORKSHOP_REMEDIES.has(remedy.kind) ? rnd.pick(TECHNICIANS) : handler;
    then(wait(20, 120), { ...by(doer), type: 'StartExecution', data: {} });
    if (story === 'renegotiatedDeadline' && first) {
      const envelope = by(handler);
      // The handler had promised the part for tomorrow; it cannot be kept, and the customer is told why before it is broken.
      then(fixed(5), (now) => ({ ...envelope, type: 'MakePromise', data: { promiseId: 'part-1', kind: 'partArrival', due: endOfDayAfter(now, 1).toISOString(), description: 'The part arrives tomorrow.' } }));
      then(fixed(30), { ...envelope, type: 'BreakPromise', data: { promiseId: 'part-1', reason: 'The regional warehouse has not shipped it.' } }, {
        kind: 'IllegalCommand',
        why: `${handler.name} marks the part promise broken before telling the customer why.`,
      });
      then(fixed(5), { ...envelope, type: 'ExplainPromiseBreak', data: { promiseId: 'part-1', channel: 'phone', explanation: 'The part is late at the regional warehouse; we offer a new date and keep the loaner car.' } });
      then(fixed(5), { ...envelope, type: 'BreakPromise', data: { promiseId: 'part-1', reason: 'The regional warehouse has not shipped it.' } });
      then(wait(60, 120), (now) => ({
        ...envelope,
        type: 'RenegotiateDeadline',
        data: {
          agreedDeadline: endOfDayAfter(now, 3).toISOString(),
          reason: 'The part is late again at the regional warehouse; the customer agreed a new date and keeps the loaner.',
        },
      }));
      // The follow-up list still shows the first deadline: the caller rings while the repair is still going.
      const caller = rnd.pick(FOLLOW_UP);
      then((previous) => nextDayAt(previous, 16), { ...by(caller), type: 'RecordFollowUp', data: { satisfied: true, channel: 'phone' } }, {
        kind: 'IllegalCommand',
        why: `${caller.name} calls on the first deadline from the follow-up list, but the repair is still going.`,
      });
      then(wait(120, 300, false), { ...by(doer), type: 'CompleteExecution', data: { outcome: `Done: ${remedy.description}` } });
    } else {
      then(wait(60, 300), { ...by(doer), type: 'CompleteExecution', data: { outcome: `Done: ${remedy.description}` } });
    }

    // 7 跟进反馈: the follow-up call, within 3 days (so not stretched by the pace).
    if (story === 'followUpByHandler' && first) {
      then(
        wait(30, 90, false),
        { ...by(handler), type: 'RecordFollowUp', data: { satisfied: true, comment: 'The customer looked happy at pickup.' } },
        { kind: 'Forbidden', why: `${handler.name} records the follow-up call, but the call back (回访) belongs to the follow-up staff.` },
      );
    }
    const survey = followUpSurvey(g.cause, WORKSHOP_REMEDIES.has(remedy.kind), satisfied, answers);
    then(wait(300, 900, false), { ...by(rnd.pick(FOLLOW_UP)), type: 'RecordFollowUp', data: { satisfied, channel: 'phone', comment, survey } });
    return true;
  };

  const firstComment = fate.reopens ? g.secondLook.comment : 'Satisfied with the result and the way it was handled.';
  if (!cycle(g.remedy, !fate.reopens, firstComment, true)) return steps;
  if (fate.reopens) {
    // Not satisfied: back to investigation, a second look, a new remedy.
    then(wait(20, 60), {
      ...by(handler),
      type: 'LogCustomerContact',
      data: { channel: 'phone', direction: 'outbound', summary: 'Called back to apologise again and arrange a second inspection.' },
    });
    then(wait(120, 400), { ...by(investigator), type: 'IdentifyCause', data: { cause: g.cause, findings: g.secondLook.findings } });
    cycle(g.secondLook.remedy, true, 'Satisfied this time; thanked the follow-up caller.', false);
  }

  // 8 归档记录: file it, with what changes so it does not recur (behaviour 8).
  const summary = `${g.title}: ${g.findings}`;
  if (story === 'archiveWithoutPreventive') {
    then(wait(30, 120), { ...by(handler), type: 'ArchiveComplaint', data: { summary } }, {
      kind: 'IllegalCommand',
      why: `${handler.name} archives before anyone has written down how to prevent a recurrence.`,
    });
  }
  then(wait(10, 120), {
    ...by(handler),
    type: 'ArchiveComplaint',
    data: { summary, ...(!preventedEarly && { preventiveAction: g.preventive }) },
  });
  return steps;
}

type Then = (at: Step['at'], command: CommandInput | Step['command'], refusal?: ExpectedRefusal) => number;
type By = (member: StaffMember) => { complaintId: string; actor: { id: string; role: StaffMember['role'] } };
type Wait = (min: number, max: number, paced?: boolean) => Step['at'];

/** 三变法 for an aggressive customer: change the handler, the venue and the time. Returns the new handler. */
function threeChanges(then: Then, by: By, wait: Wait, handler: StaffMember): StaffMember {
  then(wait(30, 90), {
    ...by(handler),
    type: 'LogCustomerContact',
    data: {
      channel: 'visit',
      direction: 'inbound',
      summary: 'The customer came back to the desk, shouted at the advisor in front of other customers and filmed it.',
    },
  });
  then(wait(5, 15), {
    ...by(handler),
    type: 'AddNote',
    data: { text: 'Too heated to go on with me; asked the service manager for three changes (三变法).' },
  });
  const manager = by(STAFF.zhangWei);
  then(wait(10, 30), (now) => ({
    ...manager,
    type: 'AssignHandler',
    data: {
      handlerId: STAFF.zhouTao.id,
      reason: 'threeChanges',
      note: 'New person, new place, new time: Zhou Tao meets the customer tomorrow at 10:00 in the VIP lounge, over tea.',
      venue: 'VIP lounge, 2nd floor (二楼贵宾室)',
      meetingAt: nextDayAt(now, 10).toISOString(),
    },
  }));
  then((previous) => nextDayAt(previous, 10), {
    ...by(STAFF.zhouTao),
    type: 'LogCustomerContact',
    data: {
      channel: 'visit',
      direction: 'inbound',
      summary: 'Met in the VIP lounge. Calm now; accepted the apology and agreed to a full A/C inspection.',
    },
  });
  return STAFF.zhouTao;
}
