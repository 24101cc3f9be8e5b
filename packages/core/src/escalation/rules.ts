/** The escalation rules of the machine's guards, with readable messages (see `targets.ts` for the decisions). */
import type { Rule } from '../workflow/rules.js';
import { breachTarget, manualTarget } from './targets.js';

export const escalationClimbs: Rule = {
  name: 'escalationClimbs',
  check: ({ state, command, config }) => {
    if (command.type !== 'EscalateComplaint') return null;
    const choice = manualTarget(state, command.data.level, config.escalation);
    return choice.ok ? null : choice.problem;
  },
};

export const breachEscalatesOnce: Rule = {
  name: 'breachEscalatesOnce',
  check: ({ state, command, config }) => {
    if (command.type !== 'EscalateOnBreach') return null;
    const choice = breachTarget(state, command.data.breach.id, config.escalation);
    return choice.ok ? null : choice.problem;
  },
};
