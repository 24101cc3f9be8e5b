/**
 * Each ticket's SLA clocks as deadline rows, kept beside the ticker's state and computed
 * again only when one of the ticket's clocks changed (its runs' generations moved): the
 * board and the queues read the rows, the ticket page the full clocks with explain.
 */
import { deadlineRows, type SlaDeadlineRow, type SlaState } from '@redress/sla';

export function createDeadlineCache() {
  const cache = new Map<string, { readonly key: string; readonly rows: readonly SlaDeadlineRow[] }>();
  return {
    rowsOf(state: SlaState, complaintId: string, now: Date): readonly SlaDeadlineRow[] {
      const ticket = state.tickets.get(complaintId);
      if (!ticket) return [];
      const key = ticket.clocks.map((run) => run.generation).join(',');
      const cached = cache.get(complaintId);
      if (cached?.key === key) return cached.rows;
      const rows = deadlineRows(ticket, complaintId, now.getTime(), 0);
      cache.set(complaintId, { key, rows });
      return rows;
    },
  };
}
