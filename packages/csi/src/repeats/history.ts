/**
 * What repeat detection remembers: for each complaint, when it was received, the
 * keys it can repeat on, and its step and severity (to know what can still be done
 * to it); plus an index from each key to its complaints, so a check reads only the
 * complaints sharing the key. A core Projection, rebuilt from the log like any
 * read model.
 */
import {
  COMPLAINT_EVENT_TYPES,
  REPEAT_BASES,
  stepAfter,
  type ComplaintEvent,
  type ComplaintStep,
  type Projection,
  type RecordedEvent,
  type RepeatBasis,
  type Severity,
} from '@redress/core';
import type { RepeatPolicy } from './policy.js';

export interface ComplaintHistoryEntry {
  readonly complaintId: string;
  readonly receivedAt: string;
  readonly position: number;
  readonly customer: string;
  readonly product: string | null;
  readonly productModel: string | null;
  readonly branch: string | null;
  cause: string | null;
  step: ComplaintStep;
  severity: Severity | null;
  /** A repeat flag has been recorded on it. */
  flagged: boolean;
}

export interface ComplaintHistory {
  readonly policy: RepeatPolicy;
  readonly complaints: Map<string, ComplaintHistoryEntry>;
  /** `basis#key` → the complaints with that key. */
  readonly index: Map<string, ComplaintHistoryEntry[]>;
}

/** The key a complaint has on a basis; `null` when it has none (no product identifier, cause not known yet). */
export function repeatKey(entry: ComplaintHistoryEntry, basis: RepeatBasis, policy: RepeatPolicy): string | null {
  switch (basis) {
    case 'customer':
      return entry.customer;
    case 'product':
      return entry.product;
    case 'cause': {
      if (entry.cause === null) return null;
      const scope = policy.causeScope === 'global' ? '' : policy.causeScope === 'branch' ? entry.branch : entry.productModel;
      // Without the scope's value the cause alone would lump unrelated complaints together.
      return scope === null ? null : `${scope}|${entry.cause}`;
    }
  }
}

const indexKey = (basis: RepeatBasis, key: string) => `${basis}#${key}`;

function addToIndex(history: ComplaintHistory, entry: ComplaintHistoryEntry, basis: RepeatBasis): void {
  const key = repeatKey(entry, basis, history.policy);
  if (key === null) return;
  const list = history.index.get(indexKey(basis, key));
  if (list) list.push(entry);
  else history.index.set(indexKey(basis, key), [entry]);
}

function removeFromIndex(history: ComplaintHistory, entry: ComplaintHistoryEntry, basis: RepeatBasis): void {
  const key = repeatKey(entry, basis, history.policy);
  if (key === null) return;
  const list = history.index.get(indexKey(basis, key));
  const i = list?.indexOf(entry) ?? -1;
  if (list && i >= 0) list.splice(i, 1);
}

/** The complaints sharing `entry`'s key on `basis` (itself included). */
export function sharingKey(history: ComplaintHistory, entry: ComplaintHistoryEntry, basis: RepeatBasis): readonly ComplaintHistoryEntry[] {
  const key = repeatKey(entry, basis, history.policy);
  return key === null ? [] : (history.index.get(indexKey(basis, key)) ?? []);
}

export function evolveHistory(history: ComplaintHistory, event: RecordedEvent<ComplaintEvent>): ComplaintHistory {
  if (event.type === 'ComplaintReceived') {
    const d = event.data;
    const entry: ComplaintHistoryEntry = {
      complaintId: event.streamId,
      receivedAt: event.occurredAt,
      position: event.globalPosition,
      customer: d.customer.reference,
      product: d.product?.identifier ?? null,
      productModel: d.product?.model ?? null,
      branch: d.branch ?? null,
      cause: null,
      step: 'received',
      severity: null,
      flagged: false,
    };
    history.complaints.set(event.streamId, entry);
    for (const basis of REPEAT_BASES) addToIndex(history, entry, basis);
    return history;
  }
  const entry = history.complaints.get(event.streamId);
  if (!entry) return history;
  entry.step = stepAfter(entry.step, event);
  if (event.type === 'CauseIdentified' && entry.cause !== event.data.cause) {
    removeFromIndex(history, entry, 'cause');
    entry.cause = event.data.cause;
    addToIndex(history, entry, 'cause');
  }
  if (event.type === 'ComplaintClassified') entry.severity = event.data.severity;
  if (event.type === 'RepeatComplaintFlagged') entry.flagged = true;
  return history;
}

export function complaintHistoryProjection(policy: RepeatPolicy): Projection<ComplaintHistory> {
  return {
    name: 'csi.complaintHistory',
    handles: COMPLAINT_EVENT_TYPES,
    initialState: () => ({ policy, complaints: new Map(), index: new Map() }),
    evolve: evolveHistory,
  };
}
