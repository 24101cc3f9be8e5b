/**
 * `ClassifyComplaint` payloads: a plain severity, or impact × urgency for the
 * severity matrix, each sometimes with the safety flag and the repeat count. A
 * reclassification must change what the default matrix derives (severity or
 * priority), and a downgrade of a major complaint carries its reason. Hosts with
 * their own matrix pass their own generator (`generators: { ClassifyComplaint }`).
 */
import { classify, IMPACTS, SEVERITIES, URGENCIES, type ClassificationInput, type ComplaintState, type CommandOf } from '@redress/core';
import fc from 'fast-check';
import { compact, optional, text, type CommandContext } from './texts.js';

type Payload = CommandOf<'ClassifyComplaint'>['data'];

/** Present one time in seven. */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** Every base the generator may fall back on, plain then assessed, to find one that changes the classification. */
const BASES: readonly ClassificationInput[] = [
  ...SEVERITIES.map((severity) => ({ severity })),
  ...IMPACTS.flatMap((impact) => URGENCIES.map((urgency) => ({ impact, urgency }))),
];

const changes = (state: ComplaintState, input: ClassificationInput) => {
  if (state.severity === null) return true;
  const derived = classify(input);
  return derived.severity !== state.severity || derived.priority !== state.priority;
};

function settle(state: ComplaintState, drawn: Payload, downgradeReason: string): Payload {
  let data: Payload = drawn;
  if (!changes(state, data)) {
    // Keep the draw's flags when a base with them changes the classification; drop them otherwise.
    const withFlags = BASES.map((base) => compact({ ...base, safety: drawn.safety, repeatCount: drawn.repeatCount }) as Payload);
    data = withFlags.find((d) => changes(state, d)) ?? BASES.find((b) => changes(state, b)) ?? drawn;
    if (drawn.reason !== undefined) data = { ...data, reason: drawn.reason };
  }
  // Downgrading a major complaint needs a reason (and senior management: see the actor fitting).
  if (state.severity === 'major' && classify(data).severity === 'general' && data.reason === undefined) data = { ...data, reason: downgradeReason };
  return data;
}

export const classificationPayload = (c: CommandContext): fc.Arbitrary<Payload> =>
  fc
    .record({
      assess: fc.boolean(),
      severity: fc.constantFrom(...SEVERITIES),
      impact: fc.constantFrom(...IMPACTS),
      urgency: fc.constantFrom(...URGENCIES),
      // A safety issue is rare; so is a third complaint about the same problem. (Drawn as
      // often as the other optional fields, they made three complaints in four major, and
      // general complaints, the ones a remedy may skip approval on, rare.)
      safety: rarely(fc.boolean()),
      repeatCount: rarely(fc.integer({ min: 1, max: 4 })),
      reason: optional(text('reason', c)),
      downgradeReason: text('reason', c),
    })
    .map(({ assess, severity, impact, urgency, safety, repeatCount, reason, downgradeReason }) =>
      settle(c.state, compact({ ...(assess ? { impact, urgency } : { severity }), safety, repeatCount, reason }) as Payload, downgradeReason),
    );
