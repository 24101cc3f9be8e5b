/** The repeat history as a core Projection: rebuilt from the log like any read model, repeats found included. */
import { COMPLAINT_EVENT_TYPES, type Projection } from '@redress/core';
import { revealRepeats } from './detect.js';
import { emptyHistory, type ComplaintHistory } from './history.js';
import type { RepeatPolicy } from './policy.js';

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
