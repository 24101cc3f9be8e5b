/**
 * @redress/opentelemetry: OpenTelemetry spans and metrics for a Redress host, on the
 * dependency-free hooks of `@redress/core` and `@redress/sla`. Nothing of it runs, and
 * `@opentelemetry/api` is not loaded, unless the host installs and wires it.
 */
export { createRedressTelemetry, type RedressTelemetry } from './telemetry.js';
export { INSTRUMENTATION_SCOPE, type RedressTelemetryOptions } from './instruments.js';
export { ATTRIBUTES, METRIC_NAMES, SPAN_NAMES } from './names.js';
export type { SlaTickHooks, TickOutcome } from './sla.js';
export type { AppendingStore } from './store.js';
