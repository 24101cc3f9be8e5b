/** The events of the promise commands, once the machine accepted them (so they state facts). */
import type { CommandOf } from '../commands/schema.js';
import type { ComplaintState } from '../decider/state.js';
import type { ComplaintEvent } from '../events/schema.js';
import { promiseIdOf } from './rules.js';

type PromiseCommand = CommandOf<'MakePromise' | 'KeepPromise' | 'ExplainPromiseBreak' | 'BreakPromise'>;

export function promiseEvent(state: ComplaintState, command: PromiseCommand, now: string): ComplaintEvent {
  const promiseId = promiseIdOf({ state, command }) ?? '';
  const due = state.openPromises.find((p) => p.id === promiseId)?.due ?? now;
  switch (command.type) {
    case 'MakePromise':
      return { type: 'PromiseMade', data: { ...command.data, promiseId, madeBy: command.actor.id } };
    case 'KeepPromise':
      // Before the due instant: at it, the promise's SLA clock breaches (sla's deadline clocks do), so the two agree.
      return { type: 'PromiseKept', data: { ...command.data, due, onTime: Date.parse(now) < Date.parse(due) } };
    case 'ExplainPromiseBreak':
      return { type: 'PromiseBreakExplained', data: command.data };
    case 'BreakPromise':
      return { type: 'PromiseBroken', data: { ...command.data, due } };
  }
}
