/**
 * The host data the workflow's rules read: the severity matrix and the escalation
 * ladders. The machine's structure never depends on it; its guards and its event
 * builder do, so a decider with its own configuration runs the same machine with
 * those implementations provided (`machine.provide`, see `machine.ts`).
 */
import { defaultClassificationMatrix, parseClassificationMatrix, type ClassificationMatrix } from '../classification/matrix.js';
import { defaultEscalationConfig, parseEscalationConfig, type EscalationConfig, type EscalationConfigInput } from '../escalation/ladder.js';
import { defaultRouting, parseRoutingConfig, type RoutingConfig } from '../routing/routing.js';
import { noAuthorityLimits, parseAuthorityConfig, type AuthorityConfig } from '../authority/limits.js';
import { defaultPreventionCatalogue, parsePreventionCatalogue, type PreventionCatalogue } from '../prevention/catalogue.js';

/** The host data the workflow's guards read, validated: the severity matrix, the escalation ladders, the routing and the authority limits. */
export interface WorkflowConfig {
  /** The severity matrix classifications are derived with. */
  readonly classification: ClassificationMatrix;
  /** The escalation ladders escalations climb. */
  readonly escalation: EscalationConfig;
  /** The groups `RouteComplaint` sends a complaint to by its problem type. */
  readonly routing: RoutingConfig;
  /** The amounts each role may grant as a remedy, checked when one is proposed and when it is approved. */
  readonly authority: AuthorityConfig;
  /** The preventive measures by cause a complaint's preventive action may name (`measure`). */
  readonly prevention: PreventionCatalogue;
}

/** What a host passes (validated by `parseWorkflowConfig`). */
export interface WorkflowConfigInput {
  /** The severity matrix (default `defaultClassificationMatrix`). */
  readonly classification?: ClassificationMatrix;
  /** The escalation ladders (default: `defaultEscalationLadder` for every complaint). */
  readonly escalation?: EscalationConfigInput;
  /** Routing by problem type to the host's groups (default `defaultRouting`). */
  readonly routing?: RoutingConfig;
  /** Who may grant which remedy up to which amount (default: no limits). */
  readonly authority?: AuthorityConfig;
  /** The cause → prevention catalogue (default `defaultPreventionCatalogue`). */
  readonly prevention?: PreventionCatalogue;
}

/** The domain's own severity matrix and escalation ladder. */
export const defaultWorkflowConfig: WorkflowConfig = Object.freeze({
  classification: defaultClassificationMatrix,
  escalation: defaultEscalationConfig,
  routing: defaultRouting,
  authority: noAuthorityLimits,
  prevention: defaultPreventionCatalogue,
});

/** Validates the host's configuration; throws a WorkflowConfigError naming each problem. */
export function parseWorkflowConfig(input: WorkflowConfigInput = {}): WorkflowConfig {
  if (input.classification === undefined && input.escalation === undefined && input.routing === undefined && input.authority === undefined && input.prevention === undefined) return defaultWorkflowConfig;
  return {
    classification: input.classification === undefined ? defaultClassificationMatrix : parseClassificationMatrix(input.classification),
    escalation: parseEscalationConfig(input.escalation),
    routing: input.routing === undefined ? defaultRouting : parseRoutingConfig(input.routing),
    authority: input.authority === undefined ? noAuthorityLimits : parseAuthorityConfig(input.authority),
    prevention: input.prevention === undefined ? defaultPreventionCatalogue : parsePreventionCatalogue(input.prevention),
  };
}
