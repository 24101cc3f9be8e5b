/**
 * Finding repeats: pure functions of the history and the event just applied.
 *
 * A complaint is checked on the basis its event makes known: customer and product
 * at receipt, cause when the cause is identified. It repeats when, counting itself,
 * at least `threshold` complaints with the same key were received within
 * `windowDays` before it (its own receipt instant included). Only complaints
 * received earlier in the log count, so the answer never changes on a rebuild.
 */
import type { ComplaintEvent, RecordedEvent, RepeatBasis } from '@redress/core';
import { sharingKey, type ComplaintHistory, type ComplaintHistoryEntry } from './history.js';
import type { RepeatRule } from './policy.js';

const DAY = 86_400_000;

export interface RepeatDetection {
  readonly complaintId: string;
  readonly basis: RepeatBasis;
  /** Complaints in the window, this one included. */
  readonly count: number;
  readonly windowDays: number;
  /** The earlier complaints, oldest first. */
  readonly related: readonly string[];
}

function detect(history: ComplaintHistory, entry: ComplaintHistoryEntry, rule: RepeatRule): RepeatDetection | null {
  const at = Date.parse(entry.receivedAt);
  const from = at - rule.windowDays * DAY;
  const related: ComplaintHistoryEntry[] = [];
  for (const other of sharingKey(history, entry, rule.basis)) {
    if (other === entry || other.position > entry.position) continue;
    const t = Date.parse(other.receivedAt);
    if (t >= from && t <= at) related.push(other);
  }
  const count = related.length + 1;
  if (count < rule.threshold) return null;
  related.sort((a, b) => a.position - b.position);
  return { complaintId: entry.complaintId, basis: rule.basis, count, windowDays: rule.windowDays, related: related.map((r) => r.complaintId) };
}

/** The repeats this event reveals, given the history with the event already applied. */
export function repeatsRevealedBy(history: ComplaintHistory, event: RecordedEvent<ComplaintEvent>): RepeatDetection[] {
  const bases: readonly RepeatBasis[] =
    event.type === 'ComplaintReceived' ? ['customer', 'product'] : event.type === 'CauseIdentified' ? ['cause'] : [];
  if (bases.length === 0) return [];
  const entry = history.complaints.get(event.streamId);
  if (!entry) return [];
  const found: RepeatDetection[] = [];
  for (const rule of history.policy.rules) {
    if (!bases.includes(rule.basis)) continue;
    const detection = detect(history, entry, rule);
    if (detection) found.push(detection);
  }
  return found;
}
