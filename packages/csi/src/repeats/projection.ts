/** The repeat history as a core Projection: rebuilt from the log like any read model, repeats found included. */
import { COMPLAINT_EVENT_TYPES, type Projection } from '@redress/core';
import { revealRepeats } from './detect.js';
import { emptyHistory, type ComplaintHistory } from './history.js';
import type { RepeatPolicy } from './policy.js';

/**
 * The repeat history as a core `Projection` over complaint events (`csi.complaintHistory`): run it
 * with any projection runner, or rebuild it from position 1, and read each complaint's repeats
 * from `complaints.get(id).repeats`. It finds repeats, it does not act on them (that is
 * `createRepeatDetector`). `evolve` mutates the state it is given and returns it, so keep one
 * state per runner; `initialState` gives a fresh one each time.
 */
export function complaintHistoryProjection(policy: RepeatPolicy): Projection<ComplaintHistory> {
  return {
    name: 'csi.complaintHistory',
    handles: COMPLAINT_EVENT_TYPES,
    initialState: () => emptyHistory(policy),
    evolve: (history, event) => {
      revealRepeats(history, event);
      return history;
    },
  };
}
