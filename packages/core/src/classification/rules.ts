/**
 * The classification rules of the machine's guards. The severity a command stands
 * for is what the host's matrix derives from it (`classify`), so the rules compare
 * derived classifications, never raw inputs.
 */
import type { RuleInput } from '../workflow/rules.js';
import type { Rule } from '../workflow/rules.js';
import { classify, type Classification } from './matrix.js';

/** What a ClassifyComplaint command derives to under the configured matrix. */
export const derivedClassification = ({ command, config }: RuleInput): Classification | undefined =>
  command.type === 'ClassifyComplaint' ? classify(command.data, config.classification) : undefined;

export const classificationChanges: Rule = {
  name: 'classificationChanges',
  check: (input) => {
    const derived = derivedClassification(input);
    const { state } = input;
    return derived !== undefined && derived.severity === state.severity && derived.priority === state.priority
      ? `the complaint is already classified as ${state.severity} ${state.priority}`
      : null;
  },
};

/**
 * A major complaint was reported to senior management: only they take it back to
 * general, and they say why (the reason is recorded). Otherwise a handler could
 * downgrade a complaint to execute its remedy unapproved.
 */
export const majorDowngradeBySeniorManagement: Rule = {
  name: 'majorDowngradeBySeniorManagement',
  check: (input) => {
    const derived = derivedClassification(input);
    const { state, command } = input;
    if (derived === undefined || state.severity !== 'major' || derived.severity !== 'general') return null;
    if (command.actor.role !== 'seniorManagement') return `a major complaint is downgraded to general only by senior management (not ${command.actor.role})`;
    return command.type === 'ClassifyComplaint' && command.data.reason === undefined ? 'downgrading a major complaint needs a reason, recorded with it' : null;
  },
};
