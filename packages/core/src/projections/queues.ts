/**
 * Work queues: the open complaints grouped by step, handler, severity and
 * customer, for boards and "my tickets" lists. Closed complaints leave every queue; those
 * declined at intake are also kept in `declined`, so a refusal is never lost from view.
 */
import type { ComplaintStep } from '../decider/state.js';
import { isOpenStep, type Severity } from '../domain/vocabulary.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { stepAfter } from '../workflow/step-after.js';
import type { Projection } from './projection.js';

/** Where one open complaint sits. */
export interface QueueEntry {
  /** The complaint's current step. */
  readonly step: ComplaintStep;
  /** Who it is assigned to; null while unassigned. */
  readonly handlerId: string | null;
  /** Its severity; null before classification. */
  readonly severity: Severity | null;
  /** The customer reference. */
  readonly customer: string;
}

type Index<K> = Map<K, Set<string>>;

/**
 * The open complaints with an index per dimension a board filters on; each index maps a value to complaint
 * ids.
 */
export interface QueuesState {
  /** Every open complaint by id. */
  readonly open: Map<string, QueueEntry>;
  /** Complaint ids by step. */
  readonly byStep: Index<ComplaintStep>;
  /** `null` holds the unassigned. */
  readonly byHandler: Index<string | null>;
  /** `null` holds the not yet classified. */
  readonly bySeverity: Index<Severity | null>;
  /** Complaint ids by customer reference: a customer's other open complaints. */
  readonly byCustomer: Index<string>;
  /** Complaint ids declined at intake (确定受理投诉标准): closed, listed so none is dropped unseen. */
  readonly declined: Set<string>;
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

/** Moves `id` in one index when its key changed (from `undefined`: add; to `undefined`: remove). */
function move<K>(index: Index<K>, id: string, from: K | undefined, to: K | undefined, had: boolean, has: boolean) {
  if (had && has && from === to) return;
  if (had) remove(index, from as K, id);
  if (has) add(index, to as K, id);
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

/**
 * The work-queue projection: open complaints indexed by step, handler, severity and customer. Hand-written
 * (not immer) because every execute updates it.
 */
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
      'ComplaintDeclined',
      'HandlerAssigned',
    ],
    initialState: () => ({ open: new Map(), byStep: new Map(), byHandler: new Map(), bySeverity: new Map(), byCustomer: new Map(), declined: new Set() }),
    evolve: (state, event) => {
      const id = event.streamId;
      if (event.type === 'ComplaintDeclined') state.declined.add(id);
      const before = state.open.get(id);
      const candidate = next(before, event);
      if (candidate === before) return state;
      const after = candidate && candidate.step !== 'none' && isOpenStep(candidate.step) ? candidate : undefined;
      const had = before !== undefined;
      const has = after !== undefined;
      // Only the indexes whose key changed are touched.
      move(state.byStep, id, before?.step, after?.step, had, has);
      move(state.byHandler, id, before?.handlerId, after?.handlerId, had, has);
      move(state.bySeverity, id, before?.severity, after?.severity, had, has);
      move(state.byCustomer, id, before?.customer, after?.customer, had, has);
      if (after) state.open.set(id, after);
      else state.open.delete(id);
      return state;
    },
  };
}

/**
 * What to pick from the queues; fields left out match any value, `null` matches the unassigned or
 * unclassified.
 */
export interface QueueFilter {
  /** Only complaints in this step. */
  readonly step?: ComplaintStep;
  /** Only this handler's; `null` for the unassigned. */
  readonly handlerId?: string | null;
  /** Only this severity; `null` for the not yet classified. */
  readonly severity?: Severity | null;
  /** Only this customer's. */
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
