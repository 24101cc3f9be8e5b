/**
 * What customers complain about, and what the investigation finds: one template
 * per kind of complaint, with the causes of the domain (维修质量, 服务态度, 维修价格,
 * 维修周期, 信息沟通, 维修环境, 产品质量). Data only; `fates.ts` hands them out.
 */
import type { Cause, Remedy, Severity } from '@redress/core';

export interface Grievance {
  readonly key: string;
  readonly severity: Severity;
  readonly cause: Cause;
  /** A few words for the timeline header. */
  readonly title: string;
  readonly description: string;
  readonly demand: string;
  readonly findings: string;
  /** The customer says it happened before ("the third time"): repetition is a signal to escalate. */
  readonly repeat?: true;
  /** "Three checks and one synthesis" (三查一综合): a technical problem that goes to head-office engineers. */
  readonly checks?: { readonly product: string; readonly operatingConditions: string; readonly usageAndMaintenance: string };
  readonly remedy: Remedy;
  /** Behaviour 8: what changes so it does not happen again. */
  readonly preventive: string;
  /** When the customer is not satisfied at follow-up: what they say, what the second look finds, the new remedy. */
  readonly secondLook: { readonly comment: string; readonly findings: string; readonly remedy: Remedy };
}

const cny = (value: number) => ({ value, currency: 'CNY' });

export const GENERAL: readonly Grievance[] = [
  {
    key: 'warning-light',
    severity: 'general',
    cause: 'repairQuality',
    title: 'Engine light back after service',
    description: 'The engine warning light came on again two days after the 40,000 km service; the customer pulled over on the Middle Ring Road.',
    demand: 'Find the fault and fix it properly, free of charge.',
    findings: 'The ignition-coil connector on cylinder 3 was not fully seated after the spark-plug change.',
    remedy: { kind: 'freeRepair', description: 'Reseat and replace the connector, full diagnostic scan, no charge.' },
    preventive: 'The foreman signs off a connector check on every ignition job; added to the post-service checklist.',
    secondLook: {
      comment: 'The light came back on the motorway: "this is the second time".',
      findings: 'An intermittent fault in the coil itself, not only the connector.',
      remedy: { kind: 'replacement', description: 'Replace all four ignition coils under goodwill, with a road test together with the customer.' },
    },
  },
  {
    key: 'dash-rattle',
    severity: 'general',
    cause: 'repairQuality',
    title: 'Dashboard rattle after repair',
    description: 'A rattle from the dashboard started right after the cabin-filter change.',
    demand: 'Stop the rattle.',
    findings: 'A glovebox trim clip was left unfastened after the cabin-filter change.',
    remedy: { kind: 'freeRepair', description: 'Refit the glovebox trim with new clips.' },
    preventive: 'Trim clips are counted back in after any interior work.',
    secondLook: {
      comment: 'Still rattles over speed bumps.',
      findings: 'A second loose clip behind the passenger airbag cover.',
      remedy: { kind: 'freeRepair', description: 'Remove the dashboard side panel, refit every clip, felt tape on contact points.' },
    },
  },
  {
    key: 'alignment',
    severity: 'general',
    cause: 'repairQuality',
    title: 'Car pulls left after new tyres',
    description: 'Since the tyre change the car pulls to the left and the steering wheel is off-centre.',
    demand: 'Correct it today; the customer drives to Suzhou tomorrow.',
    findings: 'The wheel alignment was skipped after the tyre change: the job card was closed without it.',
    remedy: { kind: 'freeRepair', description: 'Four-wheel alignment while the customer waits, with the printout.' },
    preventive: 'Alignment is a mandatory line on every tyre job card; the printout goes with the invoice.',
    secondLook: {
      comment: 'Still pulls slightly at motorway speed.',
      findings: 'A worn left track-rod end: the alignment cannot hold.',
      remedy: { kind: 'discount', description: 'Replace the track-rod end at parts cost only, labour free.', amount: cny(380) },
    },
  },
  {
    key: 'impossible',
    severity: 'general',
    cause: 'serviceAttitude',
    title: 'Advisor said "that is impossible"',
    description: 'Asking for a loaner car during a two-day repair, the customer was told "that is impossible" and the advisor turned away.',
    demand: 'An apology, and a loaner car or taxi vouchers.',
    findings: 'Monday peak at the desk; the advisor used a forbidden phrase (禁语) and offered no alternative.',
    remedy: { kind: 'apology', description: 'Apology from the service manager in person and 300 CNY of taxi vouchers.', amount: cny(300) },
    preventive: 'Forbidden-phrases refresher for every advisor; the loaner and taxi options are posted at the desk.',
    secondLook: {
      comment: 'The vouchers never arrived.',
      findings: 'The vouchers were issued to the wrong phone number.',
      remedy: { kind: 'apology', description: 'Vouchers re-sent by hand with a written apology.', amount: cny(300) },
    },
  },
  {
    key: 'not-my-job',
    severity: 'general',
    cause: 'serviceAttitude',
    title: 'Technician would not explain the bill',
    description: 'A technician answered "that is not my job" when asked what a line on the invoice was for.',
    demand: 'A clear explanation of the invoice and an apology.',
    findings: 'Technicians were never told they may be asked about job cards; the advisor was away.',
    remedy: { kind: 'apology', description: 'The foreman walks the customer through the invoice and apologises.' },
    preventive: 'Every technician is briefed to explain the job card or fetch an advisor, never to refuse.',
    secondLook: {
      comment: 'Still does not understand the "shop supplies" line.',
      findings: 'The "shop supplies" line is a flat fee that is not explained anywhere.',
      remedy: { kind: 'refund', description: 'Refund of the shop-supplies fee.', amount: cny(60) },
    },
  },
  {
    key: 'over-quote',
    severity: 'general',
    cause: 'price',
    title: 'Invoice above the quote',
    description: 'Quoted 800 CNY for front brake pads, charged 1,280 CNY.',
    demand: 'Pay only what was quoted.',
    findings: 'Rotor resurfacing (480 CNY) was added by the workshop without the customer’s approval.',
    remedy: { kind: 'refund', description: 'Refund of the unapproved resurfacing.', amount: cny(480) },
    preventive: 'Any change to a quote needs the customer’s recorded approval before work starts.',
    secondLook: {
      comment: 'The refund has not reached the card.',
      findings: 'The refund was keyed against the wrong invoice.',
      remedy: { kind: 'refund', description: 'Refund re-issued and confirmed with the bank the same day.', amount: cny(480) },
    },
  },
  {
    key: 'warranty-charge',
    severity: 'general',
    cause: 'price',
    title: 'Charged for a warranty part',
    description: 'Charged 650 CNY for a window regulator that is still under the factory warranty.',
    demand: 'Refund the part.',
    findings: 'The warranty check was skipped because the system showed the wrong purchase date.',
    remedy: { kind: 'refund', description: 'Full refund of the part and labour.', amount: cny(650) },
    preventive: 'Purchase dates are corrected from the vehicle licence; warranty check before every invoice.',
    secondLook: {
      comment: 'The labour was refunded but not the part.',
      findings: 'The part refund needed a second approval that was never requested.',
      remedy: { kind: 'refund', description: 'Part refund approved and paid.', amount: cny(420) },
    },
  },
  {
    key: 'late-parts',
    severity: 'general',
    cause: 'repairDuration',
    title: 'Promised Tuesday, still not ready',
    description: 'The car was promised for Tuesday; on Thursday it is still on the lift and nobody called.',
    demand: 'The car back by the weekend and a loaner in the meantime.',
    findings: 'The water pump was back-ordered from the regional warehouse; the customer was never told.',
    remedy: { kind: 'compensation', description: 'Loaner car until delivery and a 500 CNY maintenance credit.', amount: cny(500) },
    preventive: 'Parts stock is checked before a date is promised; a late part means a call to the customer the same day.',
    secondLook: {
      comment: 'Coolant smell since the car came back.',
      findings: 'The new pump gasket weeps: not torqued evenly.',
      remedy: { kind: 'freeRepair', description: 'New gasket fitted, cooling system pressure-tested with the customer present.' },
    },
  },
  {
    key: 'oil-change-wait',
    severity: 'general',
    cause: 'repairDuration',
    title: 'Two hours for an oil change',
    description: 'A booked 30-minute oil change took two hours; the customer missed a meeting.',
    demand: 'Some recognition of the lost time.',
    findings: 'Walk-in customers were taken ahead of bookings at the Monday peak.',
    remedy: { kind: 'discount', description: 'Next maintenance at half price labour.', amount: cny(150) },
    preventive: 'Booked slots are protected; walk-ins are told the wait before they are accepted.',
    secondLook: {
      comment: 'A discount is not what was asked: wants a fixed slot next time.',
      findings: 'The customer needs early slots before work.',
      remedy: { kind: 'other', description: 'A standing 08:30 express-service slot for this customer.' },
    },
  },
  {
    key: 'no-callback',
    severity: 'general',
    cause: 'communication',
    title: 'No call-back on warranty claim',
    repeat: true,
    description: 'Called the hotline three times in five days about the air-conditioning compressor claim; nobody called back.',
    demand: 'A decision on the claim this week.',
    findings: 'The hotline ticket was never passed on to the warranty desk.',
    remedy: { kind: 'apology', description: 'Apology, claim filed with head office the same day, daily status by WeChat.' },
    preventive: 'Hotline tickets are handed over in the system with a 4-hour call-back target.',
    secondLook: {
      comment: 'Still no decision after three days.',
      findings: 'Head office was missing the compressor photos.',
      remedy: { kind: 'freeRepair', description: 'Compressor replaced now under goodwill; the claim is settled internally.' },
    },
  },
  {
    key: 'extra-work',
    severity: 'general',
    cause: 'communication',
    title: 'Not told about extra work',
    description: 'Found new wiper blades and a fuel-system cleaner on the invoice that nobody mentioned.',
    demand: 'Remove them from the bill.',
    findings: 'The advisor ticked "recommended items" on the tablet without asking.',
    remedy: { kind: 'refund', description: 'Refund of the two items.', amount: cny(268) },
    preventive: 'Recommended items need the customer’s tap on the tablet before they are added.',
    secondLook: {
      comment: 'Wants the old wiper blades back.',
      findings: 'The old blades were already scrapped.',
      remedy: { kind: 'other', description: 'The new blades are kept free of charge.' },
    },
  },
  {
    key: 'dirty-lounge',
    severity: 'general',
    cause: 'environment',
    title: 'Dirty lounge, no hot water',
    description: 'Waited three hours in a lounge with overflowing bins and no hot water.',
    demand: 'Someone should look after the lounge.',
    findings: 'The cleaning contractor skipped the weekend shift; nobody checked.',
    remedy: { kind: 'apology', description: 'Apology and a free car wash voucher.' },
    preventive: 'The front desk checks the lounge every hour; the cleaning contract now has penalties.',
    secondLook: {
      comment: 'The car-wash voucher was refused at the wash bay.',
      findings: 'The wash bay did not know the voucher format.',
      remedy: { kind: 'other', description: 'Wash done at the customer’s home by the mobile team.' },
    },
  },
  {
    key: 'greasy-seat',
    severity: 'general',
    cause: 'environment',
    title: 'Grease on the seat after service',
    description: 'The car came back with grease on the driver’s seat and the floor mats.',
    demand: 'Clean it properly.',
    findings: 'Seat covers ran out in bay 2 and nobody restocked.',
    remedy: { kind: 'freeRepair', description: 'Free interior valet.' },
    preventive: 'Seat and floor covers restocked at every shift change; covered-seat check at handover.',
    secondLook: {
      comment: 'A stain is still visible on the seat.',
      findings: 'Light leather needs a specialist clean.',
      remedy: { kind: 'compensation', description: 'Specialist leather cleaning paid by the shop.', amount: cny(400) },
    },
  },
  {
    key: 'screen-freeze',
    severity: 'general',
    cause: 'productQuality',
    title: 'Infotainment screen freezes',
    description: 'The centre screen freezes several times a week; the reversing camera goes black with it.',
    demand: 'A fix, not another restart.',
    findings: 'A known software fault of this build; a newer release fixes it.',
    remedy: { kind: 'freeRepair', description: 'Software update to the latest release, tested with the camera.' },
    preventive: 'The software level is checked at every service and updated when behind.',
    secondLook: {
      comment: 'Froze again on the second day.',
      findings: 'The head unit itself is faulty.',
      remedy: { kind: 'replacement', description: 'Head unit replaced under warranty.' },
    },
  },
];

export const MAJOR: readonly Grievance[] = [
  {
    key: 'loose-caliper',
    severity: 'major',
    cause: 'repairQuality',
    title: 'Brake fault after a brake job',
    description: 'Two days after the brake job the car ground and pulled hard right; the customer stopped on the Yangpu Bridge approach: "I could have died."',
    demand: 'Compensation and a written explanation from the general manager.',
    findings: 'A caliper guide bolt was under-torqued: the torque wrench was not used.',
    remedy: { kind: 'compensation', description: 'Brake system overhauled free, 3,000 CNY compensation, written apology from the general manager.', amount: cny(3000) },
    preventive: 'Torque-wrench sign-off on every brake job, checked by the foreman; the technician is retrained.',
    secondLook: {
      comment: 'A squeal when braking since the overhaul.',
      findings: 'New pads not bedded in; glazing on the right pad.',
      remedy: { kind: 'replacement', description: 'Pads replaced and bedded in on a road test with the foreman.' },
    },
  },
  {
    key: 'dsg-judder',
    severity: 'major',
    cause: 'productQuality',
    title: 'Gearbox judder, fourth visit',
    repeat: true,
    description: 'The gearbox judders pulling away in traffic. Fourth visit in three months: "your technician came 4 times and it is still not fixed; I want your general manager."',
    demand: 'A new gearbox or the car bought back.',
    findings: 'Synthesis of the three checks: a mechatronic-unit defect of this batch, not wear or misuse.',
    checks: {
      product: 'Fault code P17BF stored in the mechatronic unit; clutch wear within limits.',
      operatingConditions: 'Stop-and-go city driving, 80% of the mileage; two similar units in the region log the same code.',
      usageAndMaintenance: 'Serviced on schedule at this station, correct gearbox fluid, no towing.',
    },
    remedy: { kind: 'replacement', description: 'Mechatronic unit replaced under warranty, 2-year extended gearbox warranty, loaner meanwhile.' },
    preventive: 'Head office issues a service campaign for the affected batch; repeat gearbox visits go to engineering on the second visit.',
    secondLook: {
      comment: 'Much better, but still a small jolt from first to second gear.',
      findings: 'The new unit has not been adapted to the clutch.',
      remedy: { kind: 'freeRepair', description: 'Basic settings and clutch adaptation, test drive with the customer.' },
    },
  },
  {
    key: 'ac-smell',
    severity: 'major',
    cause: 'repairQuality',
    title: 'A/C smell, third visit',
    repeat: true,
    description: 'Third visit for the same musty air-conditioning smell. The customer shouted at the desk: "this is the third time", and threatens to post videos online.',
    demand: 'Fix it for good and pay for the wasted days.',
    findings: 'The evaporator was never cleaned: the two earlier visits only replaced the cabin filter.',
    remedy: { kind: 'compensation', description: 'Evaporator cleaned and disinfected, 800 CNY for the wasted visits.', amount: cny(800) },
    preventive: 'A returning smell complaint gets an evaporator inspection, not another filter.',
    secondLook: {
      comment: 'The smell is back after rain.',
      findings: 'A blocked evaporator drain keeps water in the housing.',
      remedy: { kind: 'freeRepair', description: 'Drain cleared and re-routed, evaporator cleaned again.' },
    },
  },
  {
    key: 'insurance-bill',
    severity: 'major',
    cause: 'price',
    title: 'Insurance repair bill, lawyer involved',
    description: 'After a minor collision the customer was billed 6,800 CNY the insurer refused to pay, and has contacted a lawyer.',
    demand: 'Withdraw the bill.',
    findings: 'The estimator used dealer list prices instead of the insurer’s agreed rates.',
    remedy: { kind: 'refund', description: 'Bill re-issued at the insurer’s rates; the difference is written off.', amount: cny(4200) },
    preventive: 'Insurance estimates are checked against the insurer’s rate card before they are signed.',
    secondLook: {
      comment: 'The insurer still shows an open balance.',
      findings: 'The corrected bill was not sent to the insurer.',
      remedy: { kind: 'other', description: 'Corrected bill sent to the insurer with the customer in copy.' },
    },
  },
  {
    key: 'three-weeks',
    severity: 'major',
    cause: 'repairDuration',
    title: 'Accident repair: three weeks and counting',
    description: 'The car has been in the body shop for three weeks; the customer missed a business trip and has written to the brand hotline.',
    demand: 'The car back now, and the cost of the missed trip.',
    findings: 'A door panel had to come from head office; no one tracked it or told the customer.',
    remedy: { kind: 'compensation', description: 'Loaner car, 2,000 CNY compensation, panel flown in from head office.', amount: cny(2000) },
    preventive: 'Weekly status call on every repair over 5 days; parts ETAs from head office tracked daily.',
    secondLook: {
      comment: 'The new door does not match the paint.',
      findings: 'The panel was painted without a colour-match test.',
      remedy: { kind: 'freeRepair', description: 'Door repainted after a spray-out card is approved by the customer.' },
    },
  },
  {
    key: 'lift-dent',
    severity: 'major',
    cause: 'environment',
    title: 'Car damaged in the workshop',
    description: 'A dent and a scratch on the rear door found at pickup; the workshop first said it was already there.',
    demand: 'Repair, and an apology for being called a liar.',
    findings: 'CCTV shows the car was hit by a lift arm in the crowded bay 4.',
    remedy: { kind: 'compensation', description: 'Bodywork repaired free, 1,500 CNY compensation, apology from the general manager.', amount: cny(1500) },
    preventive: 'Bay 4 re-laid out; lift-arm pads inspected daily; damage checks with the customer at drop-off.',
    secondLook: {
      comment: 'Paint overspray on the rear window seal.',
      findings: 'Masking was incomplete during the repaint.',
      remedy: { kind: 'replacement', description: 'Window seal replaced and the glass polished.' },
    },
  },
];

/** Why customers withdraw: they let it go, settled elsewhere, or no longer care. */
export const WITHDRAW_REASONS: readonly string[] = [
  'After the apology and the explanation, the customer decided to let it go.',
  'The customer settled it directly with the insurer.',
  'The customer sold the car and no longer wants to pursue it.',
  'A relative fixed it in the meantime; the customer thanked the team for calling so quickly.',
];
