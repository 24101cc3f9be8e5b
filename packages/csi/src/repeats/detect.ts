/**
 * Finding repeats. A complaint **repeats** on a basis when, for one of its keys on that
 * basis, at least `threshold` complaints with the key (itself included) were received
 * within the `windowDays` up to its own receipt, in order of receipt (ties by id).
 *
 * Each event can only add keys (see history.ts), so a count can only grow; when a
 * complaint gets a key, every complaint whose window now holds one more is checked:
 * those with the key received from it to `windowDays` after it. A complaint is found
 * once per basis. The set found is therefore the same for any order of the log that
 * keeps each stream in its order; the counts and related ids are those at the moment
 * of finding.
 */
import type { ComplaintEvent, RecordedEvent } from '@redress/core';
import { applyToHistory, type ComplaintHistory, type ComplaintHistoryEntry, type RepeatDetection } from './history.js';

const DAY = 86_400_000;

/** The first index of `list` (in order of receipt) received at or after `fromMs`. */
function firstFrom(list: readonly ComplaintHistoryEntry[], fromMs: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as ComplaintHistoryEntry).receivedMs < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Applies a complaint event to the history and returns the repeats it reveals (of any complaint), not found before. */
export function revealRepeats(history: ComplaintHistory, event: RecordedEvent<ComplaintEvent>): RepeatDetection[] {
  const found: RepeatDetection[] = [];
  for (const { basis, list, at } of applyToHistory(history, event)) {
    const rule = history.policy.rules.find((r) => r.basis === basis);
    const joined = list[at];
    if (!rule || !joined) continue;
    const window = rule.windowDays * DAY;
    for (let j = at; j < list.length; j++) {
      const x = list[j] as ComplaintHistoryEntry;
      if (x.receivedMs > joined.receivedMs + window) break;
      if (x.repeats.has(basis)) continue;
      const from = firstFrom(list, x.receivedMs - window);
      if (j - from + 1 < rule.threshold) continue;
      const detection = { complaintId: x.complaintId, basis, count: j - from + 1, windowDays: rule.windowDays, related: list.slice(from, j).map((e) => e.complaintId) };
      x.repeats.set(basis, detection);
      found.push(detection);
    }
  }
  return found;
}
