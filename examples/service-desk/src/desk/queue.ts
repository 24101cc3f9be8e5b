/**
 * "My queue": the open tickets a staff member should look at now.
 *
 * - the tickets assigned to them;
 * - the tickets escalated to their level (the escalation levels are roles: a major
 *   complaint is escalated to senior management when it is classified);
 * - for follow-up staff, the tickets waiting for their follow-up call;
 * - for front-desk staff, the complaints they received that nobody has confirmed yet.
 *
 * Most urgent first: breached SLA clocks, then warned ones, then by the next due instant.
 */
import { ESCALATION_LEVELS, type EscalationLevel, type TicketView } from '@redress/core';
import type { StaffMember } from '../staff/directory.js';

const isLevel = (role: string): role is EscalationLevel => (ESCALATION_LEVELS as readonly string[]).includes(role);

export function inQueueOf(member: StaffMember, ticket: TicketView): boolean {
  if (ticket.step === 'archived' || ticket.step === 'withdrawn' || ticket.step === 'none') return false;
  if (ticket.handlerId === member.id) return true;
  if (isLevel(member.role) && ticket.escalations.includes(member.role)) return true;
  if (member.role === 'followUpStaff') return ticket.step === 'followingUp';
  if (member.role === 'frontDesk') return ticket.step === 'received' && ticket.timeline[0]?.actor.id === member.id;
  return false;
}
