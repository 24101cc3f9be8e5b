/**
 * The report's assessment sections: the subjects (stations by default) against the
 * network average, the improvement actions raised, and the staff assessment, where
 * "promises kept" reads n/a until promises are recorded, never a made-up number.
 */
import type { Benchmark } from '../benchmark/benchmark.js';
import type { ImprovementActionFacts } from '../analytics/facts.js';
import type { StaffAssessment } from '../analytics/staff.js';
import type { ReportContext } from './context.js';
import { percent, score, share, table } from './markdown.js';

export function benchmarkSection(b: Benchmark, ctx: ReportContext): string[] {
  const { l } = ctx;
  if (!b.rows.some((r) => r.subject !== null)) return [];
  const status = (r: Benchmark['rows'][number]) => (r.belowThreshold ? l.belowThreshold : r.eligible ? l.withinThreshold : r.subject === null ? '' : l.tooFewResponses);
  const gap = (g: number | null) => (g === null ? l.notApplicable : share(g));
  return [
    `### ${l.benchmarkHeading}`,
    '',
    table(
      [l.measure, l.value],
      [
        [`${l.networkAverage} (${b.averageOf === 'responses' ? l.averageOfResponses : l.averageOfSubjects})`, score(b.average, l)],
        [l.threshold, share(b.threshold)],
        [l.floor, score(b.floor, l)],
      ],
    ),
    '',
    table(
      [l.subjects[b.by], l.score, l.responses, l.rank, l.gap, l.status],
      b.rows.map((r) => [r.subject ?? l.notNamed, score(r.score, l), String(r.responses), r.rank === null ? '' : String(r.rank), gap(r.gap), status(r)]),
    ),
    '',
  ];
}

export function improvementsSection(actions: readonly ImprovementActionFacts[], ctx: ReportContext): string[] {
  const { l } = ctx;
  if (actions.length === 0) return [];
  return [
    `### ${l.improvementsHeading}`,
    '',
    table(
      [l.period, l.subjects.branch, l.score, l.networkAverage, l.gap, l.dimension, l.raisedAt],
      actions.map((a) => [
        a.period,
        `${a.subject}${a.by === 'branch' ? '' : ` (${l.subjects[a.by]})`}`,
        score(a.score, l),
        score(a.average, l),
        share(a.gap),
        a.weakest.map((w) => ctx.dimensionName(w.dimension)).join(', '),
        a.raisedAt,
      ]),
    ),
    '',
  ];
}

export function staffSection(staff: readonly StaffAssessment[], ctx: ReportContext): string[] {
  const { l } = ctx;
  if (staff.length === 0) return [];
  const kept = (s: StaffAssessment) => (s.promisesKept === null ? l.notApplicable : percent(s.promisesKept, l));
  const out = [
    `### ${l.staffHeading}`,
    '',
    table(
      [l.handler, l.volume, l.held, l.archived, l.onTime, l.reopenRate, `${l.satisfaction} (${l.responses})`, l.promisesKept],
      staff.map((s) => [
        s.handler ?? l.unattributed,
        String(s.complaints),
        String(s.held),
        String(s.archived),
        percent(s.onTime, l),
        percent(s.reopen, l),
        `${score(s.satisfaction.score, l)} (${s.satisfaction.responses})`,
        kept(s),
      ]),
    ),
    '',
  ];
  if (staff.every((s) => s.promisesKept === null)) out.push(l.promisesNote, '');
  return out;
}
