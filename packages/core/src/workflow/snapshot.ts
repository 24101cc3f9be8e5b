/**
 * Machine snapshots for a decision state, built cheaply.
 *
 * `machine.resolveState()` costs ~2.5 µs on this class of machine, too much for a
 * 5 µs command budget. A snapshot's structure depends only on the state value, so
 * we resolve one snapshot per step (and per configured machine) once and reuse it
 * with the complaint's context. `equivalence.test.ts` pins that this answers
 * `can()` exactly as `resolveState` does.
 */
import type { SnapshotFrom } from 'xstate';
import type { ComplaintState, ComplaintStep } from '../decider/state.js';
import { isOpenStep } from '../domain/vocabulary.js';
import { complaintMachine, type ComplaintMachine } from './machine.js';

/** An XState snapshot of the complaint machine. */
export type ComplaintSnapshot = SnapshotFrom<typeof complaintMachine>;

/** The machine state value of a step: open steps are children of `open`. */
export function stateValueOf(step: ComplaintStep): string | { open: string } {
  return step !== 'none' && isOpenStep(step) ? { open: step } : step;
}

/** The step of a machine state value. */
export function stepOf(value: ComplaintSnapshot['value']): ComplaintStep {
  return (typeof value === 'string' ? value : value.open) as ComplaintStep;
}

const byMachine = new WeakMap<ComplaintMachine, Map<ComplaintStep, ComplaintSnapshot>>();

/**
 * The machine's snapshot for a decision state, built from a per-step cache instead of `resolveState` (which
 * costs half a command's budget).
 */
export function snapshotFor(state: ComplaintState, machine: ComplaintMachine = complaintMachine): ComplaintSnapshot {
  let byStep = byMachine.get(machine);
  if (byStep === undefined) {
    byStep = new Map();
    byMachine.set(machine, byStep);
  }
  let base = byStep.get(state.step);
  if (base === undefined) {
    base = machine.resolveState({ value: stateValueOf(state.step), context: state });
    byStep.set(state.step, base);
  }
  return base.context === state ? base : { ...base, context: state };
}

/** The reference implementation `snapshotFor` must agree with. */
export function resolveSnapshot(state: ComplaintState, machine: ComplaintMachine = complaintMachine): ComplaintSnapshot {
  return machine.resolveState({ value: stateValueOf(state.step), context: state });
}
