/**
 * Plan approval by the configured approver (拟交预案报区域分公司（或公司）批示后处理): the
 * material sends a major complaint's prepared plan to the regional branch (or the company)
 * for approval. Who that is differs between hosts, so it is host data
 * (`createEngine({ approval })`): the roles that approve and reject a major remedy, each
 * with the unit it approves for. The default keeps senior management, our earlier decision
 * (docs/workflow-rules.md); the material's regional branch is one line of configuration.
 *
 * The configured roles are also the default permission rows of `ApproveRemedy` and
 * `RejectRemedy`, so the approver is decided here and nowhere else; the guard
 * `configuredApprover` holds the rule even under a host's own permission policy.
 */
import { z } from 'zod';
import { idSchema, shortTextSchema } from '../domain/primitives.js';
import { roleSchema, type Role } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { define as event } from '../events/define.js';

const approverSchema = z.strictObject({
  /** The role that approves (e.g. `regionalBranch`). */
  role: roleSchema,
  /** The unit the role approves for, recorded with each approval (e.g. `East China regional branch`). */
  unit: shortTextSchema,
});

/**
 * Validates a host's approvers: one or more roles, each with its unit, no role twice (so the unit an approval
 * records is never ambiguous). Use `parseApprovalConfig` for a typed `WorkflowConfigError`.
 */
export const approvalConfigSchema = z
  .strictObject({ approvers: z.array(approverSchema).min(1, 'a major remedy needs at least one approver') })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.approvers.forEach((a, i) => {
      if (seen.has(a.role)) ctx.addIssue({ code: 'custom', path: ['approvers', i, 'role'], message: `${a.role} is an approver already: a role approves for one unit` });
      seen.add(a.role);
    });
  });
/** The validated approvers of a major remedy, passed as `createEngine({ approval })` (default `defaultApproval`). */
export type ApprovalConfig = z.output<typeof approvalConfigSchema>;
/** One approver: a role and the unit it approves for. */
export type Approver = ApprovalConfig['approvers'][number];

/** Our default (not the material's): senior management approves, for the company. */
export const defaultApproval: ApprovalConfig = Object.freeze({ approvers: [{ role: 'seniorManagement' as Role, unit: 'Company' }] });

/** Types unknown input as an `ApprovalConfig`; throws a `WorkflowConfigError` naming each problem (a role listed twice, an empty list). */
export function parseApprovalConfig(input: unknown): ApprovalConfig {
  const parsed = approvalConfigSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('approval configuration', parsed.error);
  return parsed.data;
}

/** The approver entry of a role, if the configuration names it. */
export const approverOf = (config: ApprovalConfig, role: Role): Approver | undefined => config.approvers.find((a) => a.role === role);

/**
 * Who decided the standing remedy of a major complaint, and for which unit: recorded beside
 * `RemedyApproved` or `RemedyRejected` (whose shapes stay as published), so the log says that
 * the regional branch, not only "someone", approved the plan.
 */
export const remedyDecisionAttributed = event(
  'RemedyDecisionAttributed',
  z.strictObject({
    decision: z.enum(['approved', 'rejected']),
    /** The approver's id (the actor's). */
    approverId: idSchema,
    /** The role they approved in: one of the configured approvers. */
    role: roleSchema,
    /** The unit the configuration gives that role. */
    unit: shortTextSchema,
  }),
);
