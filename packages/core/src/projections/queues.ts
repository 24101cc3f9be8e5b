/**
 * Work queues: the open complaints grouped by step, handler, severity and
 * customer, for boards and "my tickets" lists. Closed complaints leave every queue.
 */
import type { ComplaintStep } from '../decider/state.js';
import { isOpenStep, type Severity } from '../domain/vocabulary.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { stepAfter } from '../workflow/step-after.js';
import type { Projection } from './projection.js';

/** Where one open complaint sits. */
export interface QueueEntry {
  readonly step: ComplaintStep;
  readonly handlerId: string | null;
  readonly severity: Severity | null;
  readonly customer: string;
}

type Index<K> = Map<K, Set<string>>;

export interface QueuesState {
  readonly open: Map<string, QueueEntry>;
  readonly byStep: Index<ComplaintStep>;
  /** `null` holds the unassigned. */
  readonly byHandler: Index<string | null>;
  /** `null` holds the not yet classified. */
  readonly bySeverity: Index<Severity | null>;
  readonly byCustomer: Index<string>;
}

const add = <K>(index: Index<K>, key: K, id: string) => {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
};
const remove = <K>(index: Index<K>, key: K, id: string) => {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
};

function place(state: QueuesState, id: string, entry: QueueEntry | undefined, op: typeof add) {
  if (!entry) return;
  op(state.byStep, entry.step, id);
  op(state.byHandler, entry.handlerId, id);
  op(state.bySeverity, entry.severity, id);
  op(state.byCustomer, entry.customer, id);
}

function next(entry: QueueEntry | undefined, event: RecordedEvent<ComplaintEvent>): QueueEntry | undefined {
  if (event.type === 'ComplaintReceived') {
    return { step: 'received', handlerId: null, severity: null, customer: event.data.customer.reference };
  }
  if (!entry) return undefined;
  const step = stepAfter(entry.step, event);
  if (event.type === 'HandlerAssigned') return { ...entry, step, handlerId: event.data.handlerId };
  if (event.type === 'ComplaintClassified') return { ...entry, step, severity: event.data.severity };
  return step === entry.step ? entry : { ...entry, step };
}

export function queuesProjection(): Projection<QueuesState> {
  return {
    name: 'queues',
    handles: [
      'ComplaintReceived',
      'ComplaintConfirmed',
      'ComplaintClassified',
      'InvestigationStarted',
      'ResolutionProposed',
      'RemedyApproved',
      'RemedyRejected',
      'ExecutionStarted',
      'RemedyExecuted',
      'ComplaintReopened',
      'ComplaintArchived',
      'ComplaintWithdrawn',
      'HandlerAssigned',
    ],
    initialState: () => ({ open: new Map(), byStep: new Map(), byHandler: new Map(), bySeverity: new Map(), byCustomer: new Map() }),
    evolve: (state, event) => {
      const id = event.streamId;
      const before = state.open.get(id);
      const after = next(before, event);
      if (after === before) return state;
      place(state, id, before, remove);
      if (after && after.step !== 'none' && isOpenStep(after.step)) {
        state.open.set(id, after);
        place(state, id, after, add);
      } else {
        state.open.delete(id);
      }
      return state;
    },
  };
}

export interface QueueFilter {
  readonly step?: ComplaintStep;
  readonly handlerId?: string | null;
  readonly severity?: Severity | null;
  readonly customer?: string;
}

/** The open complaints matching every given criterion, sorted by id. */
export function openComplaints(state: QueuesState, filter: QueueFilter = {}): string[] {
  const sets: (Set<string> | undefined)[] = [];
  if (filter.step !== undefined) sets.push(state.byStep.get(filter.step));
  if (filter.handlerId !== undefined) sets.push(state.byHandler.get(filter.handlerId));
  if (filter.severity !== undefined) sets.push(state.bySeverity.get(filter.severity));
  if (filter.customer !== undefined) sets.push(state.byCustomer.get(filter.customer));
  if (sets.length === 0) return [...state.open.keys()].sort();
  if (sets.some((s) => s === undefined)) return [];
  const [smallest, ...rest] = (sets as Set<string>[]).sort((a, b) => a.size - b.size);
  return [...(smallest ?? [])].filter((id) => rest.every((s) => s.has(id))).sort();
}
