/**
 * What repeat detection remembers: for each complaint, when it was received, the keys
 * it can repeat on, its step and severity (to know what can still be done to it) and
 * the repeats found for it; plus an index from each key to its complaints, kept in
 * order of receipt, so a check reads only the complaints sharing the key.
 *
 * Keys only accumulate: a complaint keeps every cause ever identified for it (a later
 * finding does not undo an earlier one). That is what makes detection independent of
 * the order the log holds the facts in: the count of a complaint's window can only grow,
 * so "was ever at least the threshold" is "is at least the threshold once every fact is
 * in", whatever came first.
 */
import type { Cause, ComplaintEvent, ComplaintStep, RecordedEvent, RepeatBasis, Severity } from '@redress/core';
import { stepAfter } from '@redress/core';
import type { RepeatPolicy } from './policy.js';

/** A repeat found: the complaint, the basis, and the complaints in its window as the detector saw them. */
export interface RepeatDetection {
  /** The complaint found to repeat. */
  readonly complaintId: string;
  /**
   * What it repeats on: the same customer, the same vehicle or product (its identifier), or the same cause (within the cause scope).
   */
  readonly basis: RepeatBasis;
  /** Complaints in the window, this one included, when it was found. */
  readonly count: number;
  /** The rule's window, in days, counted back from this complaint's receipt. */
  readonly windowDays: number;
  /** The other complaints in the window, in order of receipt. */
  readonly related: readonly string[];
}

/**
 * What repeat detection knows of one complaint. The identity fields are set at receipt and never
 * change; `step`, `severity`, `flagged`, `causes` and `repeats` follow the complaint's later events
 * (the entry is mutated in place as the log is applied).
 */
export interface ComplaintHistoryEntry {
  /** The complaint's id (its stream id). */
  readonly complaintId: string;
  /** The `occurredAt` of its `ComplaintReceived`, an ISO-8601 instant: where its window ends. */
  readonly receivedAt: string;
  /** `receivedAt` as epoch milliseconds: complaints are ordered by it, then by id. */
  readonly receivedMs: number;
  /** The customer's reference (`customer.reference`): its key on the `customer` basis. */
  readonly customer: string;
  /**
   * The product's identifier (plate or serial): its key on the `product` basis; `null` when the complaint names none (no key on that basis).
   */
  readonly product: string | null;
  /** The product's model: the scope of its cause keys under `causeScope: 'productModel'`. */
  readonly productModel: string | null;
  /** The branch that received it: the scope of its cause keys under `causeScope: 'branch'`. */
  readonly branch: string | null;
  /** Every cause identified, in the order found. */
  readonly causes: Cause[];
  /**
   * Its current workflow step: the detector records a repeat of an `archived` or `withdrawn` complaint instead of flagging it, and classifies only in a classifiable step.
   */
  step: ComplaintStep;
  /** Its severity once classified (`null` before): `classifyMajor` skips a complaint already major. */
  severity: Severity | null;
  /** A repeat flag has been recorded on the ticket. */
  flagged: boolean;
  /** The repeats found for it, at most one per basis. */
  readonly repeats: Map<RepeatBasis, RepeatDetection>;
}

/**
 * The repeat history of a log: a `ComplaintHistoryEntry` per complaint and an index from each key to
 * its complaints in order of receipt. Built by `applyToHistory` / `revealRepeats`, mutated in place;
 * start one with `emptyHistory` or read the detector's.
 */
export interface ComplaintHistory {
  /** The policy the keys and the repeats were computed under; changing policy means rebuilding from the log. */
  readonly policy: RepeatPolicy;
  /** Every complaint received, by complaint id. */
  readonly complaints: Map<string, ComplaintHistoryEntry>;
  /** `basis#key` → the complaints with that key, in order of receipt. */
  readonly index: Map<string, ComplaintHistoryEntry[]>;
}

/** A key a complaint has just been given: the list it joined and its place there. */
export interface KeyAdded {
  /** The basis of the key. */
  readonly basis: RepeatBasis;
  /** Every complaint with the key, in order of receipt (ties by id), the new one included. */
  readonly list: readonly ComplaintHistoryEntry[];
  /** The new complaint's index in `list`: the complaints from here to a window after it are the ones whose count grew. */
  readonly at: number;
}

/** A history with no complaints, under `policy`: where a detector or a projection starts. */
export const emptyHistory = (policy: RepeatPolicy): ComplaintHistory => ({ policy, complaints: new Map(), index: new Map() });

function causeKey(entry: ComplaintHistoryEntry, cause: Cause, policy: RepeatPolicy): string | null {
  const scope = policy.causeScope === 'global' ? '' : policy.causeScope === 'branch' ? entry.branch : entry.productModel;
  // Without the scope's value the cause alone would lump unrelated complaints together.
  return scope === null ? null : `${scope}|${cause}`;
}

/** The keys a complaint has on a basis: none without a product identifier or a cause (or the cause scope's value). */
export function repeatKeys(entry: ComplaintHistoryEntry, basis: RepeatBasis, policy: RepeatPolicy): string[] {
  switch (basis) {
    case 'customer':
      return [entry.customer];
    case 'product':
      return entry.product === null ? [] : [entry.product];
    case 'cause':
      return entry.causes.map((c) => causeKey(entry, c, policy)).filter((k): k is string => k !== null);
  }
}

/** Receipt order: earlier first, the complaint id breaking ties (the same in every ordering of the log). */
export const receivedBefore = (a: ComplaintHistoryEntry, b: ComplaintHistoryEntry): boolean =>
  a.receivedMs < b.receivedMs || (a.receivedMs === b.receivedMs && a.complaintId < b.complaintId);

function addKey(history: ComplaintHistory, entry: ComplaintHistoryEntry, basis: RepeatBasis, key: string): KeyAdded | null {
  if (!history.policy.rules.some((r) => r.basis === basis)) return null;
  const name = `${basis}#${key}`;
  const list = history.index.get(name) ?? [];
  if (list.length === 0) history.index.set(name, list);
  // Binary search for the first complaint received after this one.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (receivedBefore(list[mid] as ComplaintHistoryEntry, entry)) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === entry) return null;
  list.splice(lo, 0, entry);
  return { basis, list, at: lo };
}

/** Applies a complaint event; returns the keys it gave the complaint, for detection to look around. */
export function applyToHistory(history: ComplaintHistory, event: RecordedEvent<ComplaintEvent>): KeyAdded[] {
  if (event.type === 'ComplaintReceived') {
    if (history.complaints.has(event.streamId)) return [];
    const d = event.data;
    const entry: ComplaintHistoryEntry = {
      complaintId: event.streamId,
      receivedAt: event.occurredAt,
      receivedMs: Date.parse(event.occurredAt),
      customer: d.customer.reference,
      product: d.product?.identifier ?? null,
      productModel: d.product?.model ?? null,
      branch: d.branch ?? null,
      causes: [],
      step: 'received',
      severity: null,
      flagged: false,
      repeats: new Map(),
    };
    history.complaints.set(event.streamId, entry);
    const added = [addKey(history, entry, 'customer', entry.customer), entry.product === null ? null : addKey(history, entry, 'product', entry.product)];
    return added.filter((a): a is KeyAdded => a !== null);
  }
  const entry = history.complaints.get(event.streamId);
  if (!entry) return [];
  entry.step = stepAfter(entry.step, event);
  if (event.type === 'ComplaintClassified') entry.severity = event.data.severity;
  if (event.type === 'RepeatComplaintFlagged') entry.flagged = true;
  if (event.type !== 'CauseIdentified' || entry.causes.includes(event.data.cause)) return [];
  entry.causes.push(event.data.cause);
  const key = causeKey(entry, event.data.cause, history.policy);
  const added = key === null ? null : addKey(history, entry, 'cause', key);
  return added ? [added] : [];
}
