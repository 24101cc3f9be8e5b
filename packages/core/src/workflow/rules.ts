/**
 * The workflow's guards, as named rules with readable messages. The machine
 * refers to guards by name; when a command is refused by a guard, the decider
 * asks this module which rule failed so the error can say why.
 */
import { classificationChanges, majorDowngradeBySeniorManagement } from '../classification/rules.js';
import type { Command } from '../commands/schema.js';
import type { ComplaintState } from '../decider/state.js';
import { breachEscalatesOnce, escalationClimbs } from '../escalation/rules.js';
import { meetingChange, meetingProblem } from '../meeting/meeting.js';
import { answeredByRecipient, handOverPending, handOverToAnother } from '../ownership/rules.js';
import { measureInCatalogue } from '../prevention/rules.js';
import { breakExplained, promiseDueInFuture, promiseIdUnused, promiseOpen } from '../promises/rules.js';
import { problemTypeRouted } from '../routing/rules.js';
import { withinAuthority } from '../authority/rules.js';
import { configuredApprover } from '../approval/rules.js';
import { declineCriterionKnown } from '../intake/rules.js';
import { noticeOfRemedy } from '../notice/rules.js';
import { optionOffered } from '../options/rules.js';
import { responsibilityAttributed } from '../responsibility/rules.js';
import type { WorkflowConfig } from './config.js';

/** What a guard sees: the decision state, the command, the current instant and the host's configuration. */
export interface RuleInput {
  /** The complaint's decision state before the command. */
  readonly state: ComplaintState;
  /** The command being decided. */
  readonly command: Command;
  /** ISO-8601 instant from the injected clock. */
  readonly now: string;
  /** The severity matrix and escalation ladders the decider runs with. */
  readonly config: WorkflowConfig;
}

/** One rule: `check` returns a message when violated, `null` when satisfied. */
export interface Rule {
  /** The rule's name, reported in `IllegalCommandError.rule`. */
  readonly name: string;
  /** A message when the rule is violated, `null` when satisfied. */
  check(input: RuleInput): string | null;
}

const ACK_BEHAVIOURS = ['thanked', 'appreciated', 'apologised', 'promisedPromptAction'] as const;

export const acknowledgementComplete: Rule = {
  name: 'acknowledgementComplete',
  check: ({ state, command }) => {
    const given = 'acknowledgement' in command.data ? command.data.acknowledgement : undefined;
    const missing = ACK_BEHAVIOURS.filter((b) => !state.acknowledgement[b] && !given?.[b]);
    return missing.length === 0
      ? null
      : `the acknowledgement (thank, appreciate, apologise, promise) must be recorded when receiving or confirming; still missing: ${missing.join(', ')}`;
  },
};

export const remedyNeedsApproval: Rule = {
  name: 'remedyNeedsApproval',
  check: ({ state }) =>
    state.severity === 'major' || state.remedyProposedWhileMajor
      ? null
      : 'only the remedy of a major complaint (or one proposed while it was major) goes to senior management for approval',
};

export const severityGeneral: Rule = {
  name: 'severityGeneral',
  check: ({ state }) =>
    state.severity === 'general' ? null : 'a major complaint cannot be executed before senior management approves its remedy',
};

/** Closes the downgrade bypass: the remedy on the table was proposed while major, so it still needs its approval. */
export const notProposedWhileMajor: Rule = {
  name: 'notProposedWhileMajor',
  check: ({ state }) =>
    state.remedyProposedWhileMajor
      ? 'the remedy was proposed while the complaint was major: senior management approves it, or a new remedy is proposed, before it is executed'
      : null,
};

export const causeIdentified: Rule = {
  name: 'causeIdentified',
  check: ({ state }) => (state.causeIdentified ? null : 'a resolution is decided from the findings: identify the cause first'),
};

export const deadlineInFuture: Rule = {
  name: 'deadlineInFuture',
  check: ({ command, now }) => {
    const deadline = 'agreedDeadline' in command.data ? command.data.agreedDeadline : undefined;
    if (deadline === undefined) return 'a deadline agreed with the customer is required';
    return Date.parse(deadline) > Date.parse(now) ? null : `the agreed deadline ${deadline} is not after now (${now})`;
  },
};

export const followUpSatisfied: Rule = {
  name: 'followUpSatisfied',
  check: ({ state }) =>
    state.satisfiedFollowUp ? null : 'archiving needs a follow-up in which the customer was satisfied',
};

export const preventiveActionRecorded: Rule = {
  name: 'preventiveActionRecorded',
  check: ({ state, command }) =>
    state.preventiveAction !== null || ('preventiveAction' in command.data && command.data.preventiveAction !== undefined)
      ? null
      : 'archiving needs a preventive action (what changes so the problem does not recur)',
};

export const differentHandler: Rule = {
  name: 'differentHandler',
  check: ({ state, command }) =>
    command.type === 'AssignHandler' && command.data.handlerId === state.handlerId
      ? `${command.data.handlerId} already handles this complaint`
      : null,
};

/** A meeting has a time and a place, is never set in the past, and is not moved once it took place. */
export const meetingArrangeable: Rule = {
  name: 'meetingArrangeable',
  check: ({ state, command, now }) => {
    const change = meetingChange(command);
    return change === undefined ? null : meetingProblem(state.meeting, change, now);
  },
};

export const notWaitingOnCustomer: Rule = {
  name: 'notWaitingOnCustomer',
  check: ({ state }) => (state.waitingOnCustomer ? 'the complaint already waits on the customer' : null),
};

export const waitingOnCustomer: Rule = {
  name: 'waitingOnCustomer',
  check: ({ state }) => (state.waitingOnCustomer ? null : 'the complaint is not waiting on the customer'),
};

/** Not a refusal but a branch: a follow-up that finds the customer not satisfied reopens the complaint. */
export const customerNotSatisfied: Rule = {
  name: 'customerNotSatisfied',
  check: ({ command }) => (command.type === 'RecordFollowUp' && !command.data.satisfied ? null : 'the customer is satisfied'),
};

/** The machine's named guards, each a conjunction of rules. */
export const GUARDS = {
  acknowledged: [acknowledgementComplete],
  awaitsApproval: [remedyNeedsApproval, withinAuthority, configuredApprover],
  noApprovalOwed: [severityGeneral, notProposedWhileMajor],
  readyToPropose: [causeIdentified, responsibilityAttributed, deadlineInFuture, withinAuthority],
  deadlineInFuture: [deadlineInFuture],
  readyToArchive: [followUpSatisfied, preventiveActionRecorded, measureInCatalogue],
  newHandler: [differentHandler, meetingArrangeable],
  reclassification: [classificationChanges, majorDowngradeBySeniorManagement],
  escalationClimbs: [escalationClimbs],
  breachEscalatesOnce: [breachEscalatesOnce],
  meetingArrangeable: [meetingArrangeable],
  notSatisfied: [customerNotSatisfied],
  notWaiting: [notWaitingOnCustomer],
  waiting: [waitingOnCustomer],
  newOwner: [handOverToAnother],
  handOverAnswer: [handOverPending, answeredByRecipient],
  newPromise: [promiseDueInFuture, promiseIdUnused],
  promiseOpen: [promiseOpen],
  promiseBreakable: [promiseOpen, breakExplained],
  routable: [problemTypeRouted],
  declinable: [declineCriterionKnown],
  optionOffered: [optionOffered],
  noticeOfRemedy: [noticeOfRemedy],
  measure: [measureInCatalogue],
} as const satisfies Record<string, readonly Rule[]>;
/** The name of a guard of the complaint machine. */
export type GuardName = keyof typeof GUARDS;

/** The first rule of a guard that the input violates, or `null` if the guard passes. */
export function firstViolation(guard: GuardName, input: RuleInput): { rule: string; message: string } | null {
  for (const rule of GUARDS[guard]) {
    const message = rule.check(input);
    if (message !== null) return { rule: rule.name, message };
  }
  return null;
}

export const passes = (guard: GuardName, input: RuleInput): boolean => firstViolation(guard, input) === null;
