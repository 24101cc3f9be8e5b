/**
 * The demo: a week of complaints at a service station, then the board, three
 * ticket timelines (a major one, a reopened one, a withdrawn one), the commands
 * the engine refused, the SLA clocks at the end of the week, and the week's
 * complaint analytics rebuilt from the log (SLA results and business time wired
 * in from @redress/sla). At the end of the week the customer of the withdrawn
 * complaint exercises the right to erasure: everything printed shows them erased,
 * and the statistics are the same as before.
 *
 *   npx --yes pnpm@10.34.8 --filter @redress/example-service-station start
 */
import type { TicketView } from '@redress/core';
import { renderReport } from '@redress/csi';
import { weekAnalytics } from './analytics.js';
import { renderBoard, renderRefusals, renderTimeline } from './board.js';
import { eraseCustomer, renderErasure } from './erasure.js';
import { renderSlaBoard } from './sla-board.js';
import { slaOfWeek } from './sla-week.js';
import { playWeek } from './week.js';

const week = await playWeek();
const tickets = [...week.tickets.values()];
const busiest = (list: TicketView[]) => list.sort((a, b) => b.timeline.length - a.timeline.length)[0];

const showcase = [
  busiest(tickets.filter((t) => t.severity === 'major' && t.step === 'archived')),
  busiest(tickets.filter((t) => t.reopenCount > 0 && t.step === 'archived')) ?? busiest(tickets.filter((t) => t.reopenCount > 0)),
  busiest(tickets.filter((t) => t.step === 'withdrawn')),
].filter((t): t is TicketView => t !== undefined);

const withdrawn = showcase.find((t) => t.step === 'withdrawn');
const erasure = withdrawn ? await eraseCustomer(week, withdrawn.customer.reference) : undefined;

console.log(renderBoard(week));
// The tickets as they read now: the erased customer's show [erased].
for (const { complaintId } of showcase) console.log(`\n\n${renderTimeline(week.tickets.get(complaintId) as TicketView)}`);
if (erasure) console.log(`\n\n${renderErasure(erasure)}`);
console.log(`\n\n${renderRefusals(week.refusals)}`);

const sla = await slaOfWeek(week);
console.log(`\n\n${renderSlaBoard(sla)}`);

const analytics = await weekAnalytics(week, sla);
console.log(`\n\n${renderReport(analytics)}\n\n${renderReport(analytics, { locale: 'zh-CN' })}`);
