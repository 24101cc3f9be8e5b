/**
 * Which policy covers a new complaint: the first, in configuration order, whose
 * `match` holds on the ComplaintReceived payload, among the versions in force at
 * that instant (for each name, the highest version whose `effectiveFrom` has
 * passed). This only chooses: once the log records the choice (see
 * `clock/pin.ts`), the recorded version measures the ticket whatever the
 * configuration says later.
 */
import { holds } from './condition.js';
import type { PolicyConfig } from './schema.js';

/**
 * The policy that measures a complaint: the first whose condition holds for its receipt and whose validity
 * covers `at`.
 */
export function selectPolicy(policies: readonly PolicyConfig[], received: unknown, at: number): PolicyConfig | undefined {
  const inForce = (p: PolicyConfig) => p.effectiveFrom === undefined || Date.parse(p.effectiveFrom) <= at;
  for (const p of policies) {
    if (!inForce(p)) continue;
    const newer = policies.some((q) => q.name === p.name && q.version > p.version && inForce(q));
    if (newer) continue;
    if (p.match === undefined || holds(p.match, received)) return p;
  }
  return undefined;
}
