/**
 * The week as the service desk reads it, in plain text that fits a 100-column
 * terminal: the board (tickets per step), the open queues, a few time rules,
 * ticket timelines and the refused commands. Labels come from @redress/core in
 * English and Simplified Chinese, the words the shop already uses.
 */
import {
  CAUSES,
  labels,
  openComplaints,
  SEVERITIES,
  STEPS,
  type Severity,
  type TicketView,
} from '@redress/core';
import { formatClock, formatLocal, hoursBetween } from './calendar.js';
import { BRANCH, STAFF_BY_ID } from './cast.js';
import { columns, title, underline, wrap } from './text.js';
import type { Refusal, Week } from './week.js';

const en = labels('en');
const zh = labels('zh-CN');
export const WIDTH = 100;

export const staffName = (id: string | null) => (id === null ? 'Unassigned 未指派' : (STAFF_BY_ID.get(id)?.name ?? id));
const STAFF_ORDER = [...STAFF_BY_ID.keys()];
const rank = (id: string | null) => (id === null ? STAFF_ORDER.length : STAFF_ORDER.indexOf(id));
/** Staff in the directory's order, the unassigned last. */
export const byStaffOrder = (a: string | null, b: string | null) => rank(a) - rank(b);

function summary(week: Pick<Week, 'seed' | 'tickets' | 'received'>): string[] {
  const all = [...week.tickets.values()];
  const count = (p: (t: TicketView) => boolean) => all.filter(p).length;
  const open = count((t) => t.closedAt === null);
  return [
    ...title(`${BRANCH} · complaints of Mon 23 - Sun 29 Nov 2026 · seed ${week.seed}`),
    [
      `${week.received} received`,
      `${count((t) => t.step === 'archived')} archived`,
      `${count((t) => t.step === 'withdrawn')} withdrawn`,
      `${open} still open`,
      `${count((t) => t.severity === 'major')} major`,
      `${count((t) => t.reopenCount > 0)} reopened`,
      `${all.reduce((n, t) => n + t.version, 0)} events`,
    ].join(' · '),
  ];
}

/** Tickets per step: the board on the wall. */
function steps(tickets: Week['tickets']): string[] {
  const perStep = (step: string) => [...tickets.values()].filter((t) => t.step === step).length;
  return underline(
    columns(
      [
        ['Step', '步骤', 'Tickets'],
        ...STEPS.map((s) => [en.steps[s], zh.steps[s], String(perStep(s))]),
        ['Total', '合计', String(tickets.size)],
      ],
      ['left', 'left', 'right'],
    ),
  );
}

/** Open complaints by handler and severity: who has what on their desk. */
function queues(queue: Week['queues']): string[] {
  const severities: (Severity | null)[] = [...SEVERITIES, null];
  const handlers = [...queue.byHandler.keys()].sort(byStaffOrder);
  const head = severities.map((s) => (s === null ? 'Unclassified 未分类' : `${en.severities[s]} ${zh.severities[s]}`));
  const cell = (handlerId: string | null | undefined, severity: Severity | null | undefined) =>
    String(openComplaints(queue, { ...(handlerId !== undefined && { handlerId }), ...(severity !== undefined && { severity }) }).length);
  return underline(
    columns(
      [
        ['Open queues 待处理', ...head, 'Total'],
        ...handlers.map((h) => [staffName(h), ...severities.map((s) => cell(h, s)), cell(h, undefined)]),
        ['Total', ...severities.map((s) => cell(undefined, s)), cell(undefined, undefined)],
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ),
  );
}

/** The causes found: what the shop should work on. */
function causes(tickets: Week['tickets']): string[] {
  const found = [...tickets.values()].filter((t) => t.cause !== null);
  const rows = CAUSES.map((c) => [en.causes[c], zh.causes[c], String(found.filter((t) => t.cause === c).length)])
    .filter((r) => r[2] !== '0');
  return underline(columns([['Cause found', '原因', 'Tickets'], ...rows], ['left', 'left', 'right']));
}

/** The domain's time rules: a follow-up call within 3 days of execution, solved within 7 days. */
function timeRules(tickets: Week['tickets']): string[] {
  const gaps: number[] = [];
  let awaiting = 0;
  for (const t of tickets.values()) {
    t.timeline.forEach((e, i) => {
      if (e.type !== 'RemedyExecuted') return;
      const call = t.timeline.slice(i + 1).find((f) => f.type === 'FollowUpRecorded');
      if (call) gaps.push(hoursBetween(e.at, call.at));
      else awaiting++;
    });
  }
  const archived = [...tickets.values()].filter((t) => t.step === 'archived' && t.closedAt !== null);
  const days = archived.map((t) => hoursBetween(t.receivedAt, t.closedAt ?? t.receivedAt) / 24);
  const longest = (xs: number[]) => (xs.length ? Math.max(...xs) : 0).toFixed(1);
  return [
    `Follow-up calls (回访) within 3 days: ${gaps.filter((h) => h <= 72).length} of ${gaps.length}` +
      ` (longest ${longest(gaps)} h), ${awaiting} not yet due`,
    `Archived within 7 days (7天内解决): ${days.filter((d) => d <= 7).length} of ${days.length} (longest ${longest(days)} days)`,
  ];
}

export function renderBoard(week: Pick<Week, 'seed' | 'tickets' | 'queues' | 'received'>): string {
  const sections = [summary(week), steps(week.tickets), queues(week.queues), causes(week.tickets), timeRules(week.tickets)];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

/** One ticket's history: when, what, by which role, and the step it moved to. */
export function renderTimeline(ticket: TicketView): string {
  const severity = ticket.severity ? `${en.severities[ticket.severity]} ${zh.severities[ticket.severity]}` : 'Unclassified 未分类';
  const cause = ticket.cause ? ` · ${en.causes[ticket.cause]} ${zh.causes[ticket.cause]}` : '';
  const car = [ticket.product?.model, ticket.product?.identifier].filter(Boolean).join(' ');
  const status = [
    `Now: ${en.steps[ticket.step]} ${zh.steps[ticket.step]}`,
    ...(ticket.reopenCount > 0 ? [`reopened ${ticket.reopenCount}x`] : []),
    ...(ticket.escalations.length ? [`escalated to ${ticket.escalations.map((l) => en.escalationLevels[l]).join(', ')}`] : []),
  ].join(' · ');
  let previous: string | undefined;
  const rows = ticket.timeline.map((e) => {
    const moved = e.step !== previous;
    previous = e.step;
    return [formatClock(e.at), en.events[e.type], en.roles[e.actor.role], moved ? `${en.steps[e.step]} ${zh.steps[e.step]}` : ''];
  });
  return [
    ...title(`${ticket.complaintId} · ${severity}${cause}`),
    `${ticket.customer.name ?? ticket.customer.reference} · ${car} · ${staffName(ticket.handlerId)}`,
    ...wrap(`"${ticket.description}"`, WIDTH, '  '),
    status,
    '',
    ...underline(columns([['When', 'Event', 'By', 'Step (when it moves)'], ...rows], [], '  '), '  '),
  ].join('\n');
}

/** The commands the engine refused, each with its typed error. */
export function renderRefusals(refusals: readonly Refusal[]): string {
  const lines = title('Refused commands: the engine says no, with a typed error');
  for (const r of refusals) {
    const who = `${staffName(r.actor.id)}, ${en.roles[r.actor.role]}`;
    lines.push('', `${formatLocal(r.at)}  ${r.complaintId}  ${en.commands[r.command]} (${r.command}) by ${who}`);
    lines.push(...wrap(`Attempt: ${r.why}`, WIDTH - 2, '    ').map((l) => `  ${l}`));
    lines.push(...wrap(`${r.error.kind}: ${r.error.message}`, WIDTH - 2, '    ').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
