/**
 * A machine's states and transitions as plain data, read from the XState state nodes:
 * what the diagram draws and what the docs' tests check it against, so neither holds a
 * list of its own. `xstate/graph`'s `toDirectedGraph` gives edges but drops which
 * candidate of an event is tried first and whether a transition keeps its state,
 * and the diagram needs both.
 *
 * Only what the complaint workflow uses is understood: compound, atomic and final
 * states with event transitions. A machine with parallel or history states, eventless
 * (`always`), delayed (`after`) transitions or invoked actors is refused with an error
 * naming the state, so a diagram never silently leaves a move out.
 */
import type { AnyStateMachine } from 'xstate';

/** A state, by its path of keys from the root (`['open', 'investigating']`). */
export interface MachineState {
  /** Keys from the root to the state. */
  readonly path: readonly string[];
  /** `compound` for a state with children, `final` for an end state, `atomic` otherwise. */
  readonly kind: 'compound' | 'atomic' | 'final';
  /** A compound state's initial child. */
  readonly initial?: readonly string[];
}

/** One transition of the machine, as defined on one state. */
export interface MachineTransition {
  /** The state it is defined on: for a compound state, it applies in every state inside. */
  readonly source: readonly string[];
  /** The command (event, in XState's terms) that triggers it. */
  readonly event: string;
  /** The guard's name, when it has one. */
  readonly guard?: string;
  /** Where it goes; undefined when it keeps the state (a targetless or self transition). */
  readonly target?: readonly string[];
  /** Its place among the event's transitions on `source`: the first whose guard passes is taken. */
  readonly order: number;
}

interface GuardLike {
  readonly type?: string;
  readonly name?: string;
  readonly guards?: readonly unknown[];
}
interface TransitionLike {
  readonly target?: readonly StateNodeLike[];
  readonly guard?: unknown;
}
interface StateNodeLike {
  readonly path: readonly string[];
  readonly type: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly TransitionLike[]>;
  readonly always?: readonly unknown[];
  readonly after: readonly unknown[];
  readonly invoke: readonly unknown[];
  readonly initial?: { readonly target: readonly StateNodeLike[] };
}

/** A guard's name; XState's combinators (`not`, `and`, `or`) spelled out. */
function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  const g = guard as GuardLike;
  if (g.guards !== undefined && g.type?.startsWith('xstate.')) {
    return `${g.type.slice('xstate.'.length)}(${g.guards.map(guardName).join(', ')})`;
  }
  return g.type ?? (g.name || 'inline guard');
}

function refuseUnsupported(node: StateNodeLike): void {
  const where = node.path.length === 0 ? 'the root state' : `state "${node.path.join('.')}"`;
  const found = [
    node.type === 'parallel' || node.type === 'history' ? `a ${node.type} state` : undefined,
    node.always?.length ? 'eventless (always) transitions' : undefined,
    node.after.length ? 'delayed (after) transitions' : undefined,
    node.invoke.length ? 'invoked actors' : undefined,
  ].filter((what) => what !== undefined);
  if (found.length > 0) throw new Error(`machineStates/machineTransitions do not read ${found.join(', ')} (${where}) yet`);
}

/** Every state below the root, parents before children, in the machine's order. */
function walk(machine: AnyStateMachine): StateNodeLike[] {
  const nodes: StateNodeLike[] = [];
  const visit = (node: StateNodeLike) => {
    refuseUnsupported(node);
    if (node.path.length > 0) nodes.push(node);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root as unknown as StateNodeLike);
  return nodes;
}

const isCompound = (node: StateNodeLike) => Object.keys(node.states).length > 0;

/** The machine's states below the root, parents before children, in definition order. */
export function machineStates(machine: AnyStateMachine): MachineState[] {
  return walk(machine).map((node) => {
    const initial = node.initial?.target[0]?.path;
    if (isCompound(node)) return { path: node.path, kind: 'compound', ...(initial ? { initial } : {}) };
    return { path: node.path, kind: node.type === 'final' ? 'final' : 'atomic' };
  });
}

/** The machine's initial state (the root's initial child). */
export function machineInitialState(machine: AnyStateMachine): readonly string[] | undefined {
  return (machine.root as unknown as StateNodeLike).initial?.target[0]?.path;
}

/** Every transition of the machine, state by state in definition order, then event by event. */
export function machineTransitions(machine: AnyStateMachine): MachineTransition[] {
  return walk(machine).flatMap((node) =>
    [...node.transitions].flatMap(([event, candidates]) =>
      candidates.map((candidate, order): MachineTransition => {
        const targets = candidate.target ?? [];
        if (targets.length > 1) throw new Error(`"${event}" on "${node.path.join('.')}" has several targets: not drawn yet`);
        const target = targets[0]?.path;
        const keeps = target === undefined || target.join('.') === node.path.join('.');
        const guard = guardName(candidate.guard);
        return { source: node.path, event, order, ...(guard ? { guard } : {}), ...(keeps ? {} : { target }) };
      }),
    ),
  );
}
