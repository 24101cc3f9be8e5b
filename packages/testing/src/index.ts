/**
 * @redress/testing: test kits for hosts of Redress.
 *
 * - `@redress/testing/store-conformance`: `eventStoreConformance(name, factory)`, the
 *   suite every EventStore adapter (yours included) must pass.
 */
export { eventStoreConformance, type ConformanceEvent } from './store-conformance.js';
