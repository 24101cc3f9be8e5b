/**
 * @redress/postgres/sla: the SLA deadlines read model. On its own entry so that
 * hosts without SLAs need not install @redress/sla (an optional peer).
 */
export { sqlSlaProjection, type SqlSlaProjectionOptions } from './sla-tables.js';
export { breachedSlaClocks, slaClocksOf, warnedSlaClocks, type SlaReadScope } from './sla-queries.js';
