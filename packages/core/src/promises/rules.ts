/** The promise rules the workflow's guards name (see `schema.ts` for the concept). */
import type { RuleInput, Rule } from '../workflow/rules.js';
import type { OpenPromise } from './schema.js';

/** The id a MakePromise gives its promise: its own, or the n-th of the complaint. */
export function promiseIdOf(input: Pick<RuleInput, 'state' | 'command'>): string | undefined {
  const { state, command } = input;
  if (command.type === 'MakePromise') return command.data.promiseId ?? `promise-${state.promiseIds.length + 1}`;
  return command.type === 'KeepPromise' || command.type === 'ExplainPromiseBreak' || command.type === 'BreakPromise' ? command.data.promiseId : undefined;
}

const openPromise = (input: RuleInput): OpenPromise | undefined => input.state.openPromises.find((p) => p.id === promiseIdOf(input));

export const promiseDueInFuture: Rule = {
  name: 'promiseDueInFuture',
  check: ({ command, now }) =>
    command.type === 'MakePromise' && Date.parse(command.data.due) <= Date.parse(now) ? `the promise is due ${command.data.due}, not after now (${now})` : null,
};

export const promiseIdUnused: Rule = {
  name: 'promiseIdUnused',
  check: (input) => {
    const id = promiseIdOf(input);
    return input.state.promiseIds.includes(id ?? '') ? `a promise ${id ?? ''} was made already: give another id` : null;
  },
};

export const promiseOpen: Rule = {
  name: 'promiseOpen',
  check: (input) => (openPromise(input) ? null : `no open promise ${promiseIdOf(input) ?? ''}: it was never made, or is kept or broken already`),
};

/** 在向客户解释的前提下: a promise is broken only once the customer was told why. */
export const breakExplained: Rule = {
  name: 'breakExplained',
  check: (input) =>
    openPromise(input)?.explained === false ? `the customer has not been told why promise ${promiseIdOf(input) ?? ''} cannot be kept: explain it first (ExplainPromiseBreak)` : null,
};
