/** The report's loyalty section: the rates over the customers at the window's start, the defections, and loyalty by complaint experience. */
import type { LoyaltyReport } from '../loyalty/loyalty.js';
import { DEFECTION_TYPES } from '../loyalty/schema.js';
import type { ReportContext } from './context.js';
import { percent, table } from './markdown.js';

export function loyaltySection(report: LoyaltyReport | null, ctx: ReportContext): string[] {
  const { l } = ctx;
  if (!report) return [];
  return [
    `### ${l.loyaltyHeading}`,
    '',
    `${l.window}: ${report.from} – ${report.to}`,
    '',
    table(
      [l.measure, l.value],
      [
        [l.baseCustomers, String(report.customers)],
        [l.newCustomers, String(report.newCustomers)],
        [l.retention, percent(report.retention, l)],
        [l.churn, percent(report.churn, l)],
        [l.repeatPurchase, percent(report.repeatPurchase, l)],
        [l.referral, percent(report.referral, l)],
        [l.complaintRate, percent(report.complaint, l)],
        [l.unknownCustomers, String(report.unknownCustomers)],
      ],
    ),
    '',
    `#### ${l.defectionsHeading}`,
    '',
    table([l.reason, l.customers], [...DEFECTION_TYPES, 'unrecorded' as const].map((d) => [l.defections[d], String(report.defections[d])])),
    '',
    `#### ${l.experienceHeading}`,
    '',
    table(
      [l.experience, l.customers, l.repeatPurchase, l.churn],
      report.byExperience.map((e) => [l.experiences[e.experience], String(e.customers), percent(e.repeatPurchase, l), percent(e.churn, l)]),
    ),
    '',
  ];
}
