/**
 * @redress/sla/testing: SLA invariants for @redress/testing's model-based runs
 * (`checkWorkflow({ invariants: [...invariantCatalogue, slaBreachInvariant(config)] })`).
 * On its own entry so that @redress/sla does not need @redress/testing (an optional peer).
 */
export { slaBreachInvariant } from './breach-invariant.js';
export { expectedBreach, runningIntervals } from './running-time.js';
