/** The events of a preventive action, once the machine accepted it: the action, then the catalogue measure it follows. */
import type { ComplaintState } from '../decider/state.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { WorkflowConfig } from '../workflow/config.js';

/** `PreventiveActionRecorded`, and `PreventiveMeasureChosen` when a measure is named (the guard found it in the catalogue). */
export function preventiveEvents(state: ComplaintState, action: string, measureId: string | undefined, config: WorkflowConfig): ComplaintEvent[] {
  const recorded: ComplaintEvent = { type: 'PreventiveActionRecorded', data: { action } };
  if (measureId === undefined) return [recorded];
  const measure = config.prevention.measures.find((m) => m.id === measureId);
  const suggested = state.cause !== null && (measure?.causes.includes(state.cause) ?? false);
  return [recorded, { type: 'PreventiveMeasureChosen', data: { measureId, catalogue: config.prevention.name, cause: state.cause, suggested } }];
}
