/**
 * Routing by problem type (按问题类型分流), apart from escalation: a complaint's problem
 * type sends it to a host-defined group, policy and process problems to head-office
 * management, technical ones to the rapid-response or research engineers, whatever rung
 * of the escalation ladder it stands on. Routing never climbs or ranks; escalation never
 * routes by problem type: both are recorded, each on its own event.
 *
 * The groups are host data (`createEngine({ routing })`); the defaults follow the material.
 */
import { z } from 'zod';
import { define as command } from '../commands/define.js';
import { idSchema, longTextSchema } from '../domain/primitives.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { define as event } from '../events/define.js';

const groupSchema = z.strictObject({
  /** The group's id, recorded on `ComplaintRouted` (e.g. `headOfficeManagement`). */
  id: idSchema,
  /** The problem types it takes: each belongs to one group. */
  problemTypes: z.array(idSchema).min(1, 'a group takes at least one problem type'),
  /** The people (user ids of the host's directory) the group reaches, recorded on the event. */
  people: z.array(idSchema).min(1).max(100).optional(),
});

/**
 * Validates a host's routing: a named list of groups, each taking one or more problem
 * types, a type going to one group only (so a routing is never ambiguous). Use
 * `parseRoutingConfig` for a typed `WorkflowConfigError`.
 */
export const routingConfigSchema = z
  .strictObject({ name: idSchema, groups: z.array(groupSchema).min(1, 'routing needs at least one group') })
  .superRefine((routing, ctx) => {
    const owner = new Map<string, string>();
    routing.groups.forEach((group, i) => {
      for (const type of group.problemTypes) {
        const before = owner.get(type);
        if (before !== undefined) ctx.addIssue({ code: 'custom', path: ['groups', i, 'problemTypes'], message: `problem type ${type} is routed to ${before} already: a type goes to one group` });
        owner.set(type, group.id);
      }
    });
  });
/** A validated routing: the groups problem types are sent to, passed as `createEngine({ routing })` (default `defaultRouting`). */
export type RoutingConfig = z.output<typeof routingConfigSchema>;
/** One group of a routing: its id, the problem types it takes, and optionally the people it reaches. */
export type RoutingGroup = RoutingConfig['groups'][number];

/** The material's routing: policy and process problems to head-office management, technical ones to the engineers. */
export const defaultRouting: RoutingConfig = Object.freeze({
  name: 'default',
  groups: [
    { id: 'headOfficeManagement', problemTypes: ['policyProcess'] },
    { id: 'rapidResponseEngineers', problemTypes: ['technical'] },
    { id: 'researchEngineers', problemTypes: ['design'] },
  ],
});

/** Types unknown input (e.g. a routing read from a file) as a `RoutingConfig`, failing early; throws a `WorkflowConfigError` naming each problem, such as a problem type given to two groups. The engine checks a routing passed to it the same way. */
export function parseRoutingConfig(input: unknown): RoutingConfig {
  const parsed = routingConfigSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('routing configuration', parsed.error);
  return parsed.data;
}

/** The group a problem type is routed to, if the routing knows the type. */
export const groupFor = (routing: RoutingConfig, problemType: string): RoutingGroup | undefined =>
  routing.groups.find((g) => g.problemTypes.includes(problemType));

/** Route the complaint by its problem type (again when the type turns out to be another). */
export const routeComplaint = command('RouteComplaint', z.strictObject({ problemType: idSchema, note: longTextSchema.optional() }));

/**
 * The complaint was sent to the group that takes its problem type. Records the group it left
 * (`previousGroup`, null at the first routing), the group's people if the routing names them,
 * and the routing's name, so the event reads alone after the configuration changes. Never
 * changes the escalation level.
 */
export const complaintRouted = event(
  'ComplaintRouted',
  z.strictObject({
    problemType: idSchema,
    group: idSchema,
    previousGroup: idSchema.nullable(),
    people: z.array(idSchema).optional(),
    /** The routing configuration's name. */
    routing: idSchema,
    note: longTextSchema.optional(),
  }),
);
