/**
 * @redress/sla: SLA clocks on business time. Business calendars, SLA policies as
 * data, a projection of every ticket's clocks, warnings and breaches as events
 * handed out by `tick(now)`, escalation on breach, and repair with a dry run.
 */

// Errors
export { CalendarClosedError, SlaConfigError, SlaPinError, type SlaConfigIssue } from './errors.js';

// Calendars
export { ALWAYS_OPEN, WEEKDAYS, calendarSchema, spanSchema, type CalendarConfig, type CalendarInput, type Span, type Weekday } from './calendar/schema.js';
export { alwaysOpenCalendar, createBusinessCalendar, parseCalendar, type BusinessCalendar } from './calendar/calendar.js';

// Policies
export { conditionSchema, predicateSchema, holds, meets, type Condition, type Predicate } from './policy/condition.js';
export { TICKET_STATE_FIELDS, type TicketState } from './policy/ticket-state.js';
export { matrixDuration, type Matrix, type MatrixAttributes } from './policy/matrix.js';
export {
  clockSchema,
  MATRIX_KEYS,
  matrixRuleSchema,
  policySchema,
  REOPEN_MODES,
  slaConfigSchema,
  targetSchema,
  warningSchema,
  type ClockConfig,
  type MatrixKey,
  type MatrixRule,
  type PolicyConfig,
  type PolicyInput,
  type ReopenMode,
  type SlaConfigInput,
  type Target,
  type Warning,
} from './policy/schema.js';
export { parseSlaConfig, toSlaConfig, type SlaConfig } from './policy/config.js';
export { selectPolicy } from './policy/select.js';
export { defaultPolicy, defaultSlaConfig, serviceHoursCalendar, type DefaultPolicyOptions } from './policy/default-policy.js';
export { customerUpdateClock, DEFAULT_CUSTOMER_UPDATE_INTERVAL, type CustomerUpdateClockOptions } from './policy/customer-update-clock.js';

// Clocks and the projection
export type { ClockRun, Crossing, Cycle, CycleOutcome, ExplainEntry, Threshold } from './clock/run.js';
export type { PolicyRef, TicketSla } from './clock/ticket.js';
export type { MigrationStart } from './clock/migrate.js';
export { SLA_PROJECTION_EVENT_TYPES, slaProjection, type SlaState } from './clock/projection.js';
export { explainClock, viewClock, type ClockState, type ClockView, type CycleView, type ExplainLine } from './clock/view.js';
export { atRisk, breachedClocks, clockOf, explain, ticketClocks, type SlaQueryFilter, type TicketClockView } from './clock/queries.js';

// Ticking
export { CYCLE_STATUSES, SLA_EVENT_TYPES, slaEventId, slaEventSchema, slaPinEventId, slaStreamId, type CycleStatus, type SlaEvent } from './tick/events.js';
export { DueIndex, type DueEntry } from './tick/due-index.js';
export { createSlaTicker, type BreachHandler, type SlaTicker, type SlaTickerInstrumentation, type SlaTickerOptions, type TickResult } from './tick/ticker.js';
export { startSlaScheduler, type ScheduledRetention, type SlaScheduler, type SlaSchedulerOptions } from './tick/scheduler.js';
export { escalateOnBreach, type EscalationOptions } from './escalation/escalate.js';

// SQL read models of the deadlines (the stores' SLA tables are built on these)
export { deadlineRows, isBreachedAt, isWarnedAt, type SlaDeadlineRow } from './deadlines/rows.js';
export {
  createSlaDeadlineTracker,
  SLA_TRACKED_EVENT_TYPES,
  type SlaDeadlineTracker,
  type SlaDeadlineTrackerOptions,
  type TicketDeadlines,
  type TicketHistory,
} from './deadlines/tracker.js';
export { deadlinesFromLog, type DeadlinesFromLog } from './deadlines/from-log.js';

// Repair and migration
export { repairSla, type RepairOptions, type RepairReport, type TicketFlip } from './repair/repair.js';
export type { CycleChange } from './repair/status.js';
export { migrateSlaPolicy, type MigrationOptions, type MigrationReport, type MigrationSkip, type TicketMigration } from './migration/migrate.js';

// Version checks of the SLA events (see docs/evolving-events.md)
export { slaEventFamily } from './tick/event-family.js';
