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
import { defaultApproval, parseApprovalConfig, type ApprovalConfig } from '../approval/approval.js';
import { defaultIntakeCriteria, parseIntakeCriteria, type IntakeCriteria } from '../intake/intake.js';
import { defaultResponsibility, responsibilityConfigSchema, type ResponsibilityConfig } from '../responsibility/schema.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { defaultPreventionCatalogue, parsePreventionCatalogue, type PreventionCatalogue } from '../prevention/catalogue.js';

/** The host data the workflow's guards read, validated: the severity matrix, the escalation ladders, the routing, the authority limits, the approvers, the responsibility rule and the intake criteria. */
export interface WorkflowConfig {
  /** The severity matrix classifications are derived with. */
  readonly classification: ClassificationMatrix;
  /** The escalation ladders escalations climb. */
  readonly escalation: EscalationConfig;
  /** The groups `RouteComplaint` sends a complaint to by its problem type. */
  readonly routing: RoutingConfig;
  /** The amounts each role may grant as a remedy, checked when one is proposed and when it is approved. */
  readonly authority: AuthorityConfig;
  /** Who approves a major remedy, and for which unit (the regional branch, the company). */
  readonly approval: ApprovalConfig;
  /** Whether a proposal waits for the responsible party to be recorded. */
  readonly responsibility: ResponsibilityConfig;
  /** The station's acceptance criteria, named by a decline at intake. */
  readonly intake: IntakeCriteria;
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
  /** Who approves a major remedy (default `defaultApproval`: senior management, for the company). */
  readonly approval?: ApprovalConfig;
  /** Whether a proposal waits for the responsible party (default `defaultResponsibility`). */
  readonly responsibility?: ResponsibilityConfig;
  /** The station's acceptance criteria (default `defaultIntakeCriteria`). */
  readonly intake?: IntakeCriteria;
  /** The cause → prevention catalogue (default `defaultPreventionCatalogue`). */
  readonly prevention?: PreventionCatalogue;
}

/** The domain's own severity matrix and escalation ladder. */
export const defaultWorkflowConfig: WorkflowConfig = Object.freeze({
  classification: defaultClassificationMatrix,
  escalation: defaultEscalationConfig,
  routing: defaultRouting,
  authority: noAuthorityLimits,
  approval: defaultApproval,
  responsibility: defaultResponsibility,
  intake: defaultIntakeCriteria,
  prevention: defaultPreventionCatalogue,
});

function parseResponsibility(input: unknown): ResponsibilityConfig {
  const parsed = responsibilityConfigSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('responsibility configuration', parsed.error);
  return parsed.data;
}

/** Validates the host's configuration; throws a WorkflowConfigError naming each problem. */
export function parseWorkflowConfig(input: WorkflowConfigInput = {}): WorkflowConfig {
  const given = [input.classification, input.escalation, input.routing, input.authority, input.prevention, input.approval, input.responsibility, input.intake];
  if (given.every((part) => part === undefined)) return defaultWorkflowConfig;
  return {
    classification: input.classification === undefined ? defaultClassificationMatrix : parseClassificationMatrix(input.classification),
    escalation: parseEscalationConfig(input.escalation),
    routing: input.routing === undefined ? defaultRouting : parseRoutingConfig(input.routing),
    authority: input.authority === undefined ? noAuthorityLimits : parseAuthorityConfig(input.authority),
    approval: input.approval === undefined ? defaultApproval : parseApprovalConfig(input.approval),
    responsibility: input.responsibility === undefined ? defaultResponsibility : parseResponsibility(input.responsibility),
    intake: input.intake === undefined ? defaultIntakeCriteria : parseIntakeCriteria(input.intake),
    prevention: input.prevention === undefined ? defaultPreventionCatalogue : parsePreventionCatalogue(input.prevention),
  };
}
