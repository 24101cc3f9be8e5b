/**
 * One endpoint per command type, derived from core's command schemas so a new command
 * gets its endpoint, its request schema, its OpenAPI entry and its form without a line
 * here: `POST /api/complaints` receives a complaint, `POST /api/complaints/{id}/<segment>`
 * issues any other command (`ConfirmComplaint` → `confirm`, `IdentifyCause` →
 * `identify-cause`, `FlagRepeatComplaint` → `flag-repeat`).
 *
 * The request body is the command without what the server decides: `{ data, correlationId? }`
 * (and `complaintId?` when receiving). The actor comes from the session, the command id from
 * `Idempotency-Key`, the expected version from `If-Match`. A body may repeat the actor only
 * if it is the logged-in user's; `actor` is in the schema so that such a body is refused
 * as Forbidden, not as an unknown field.
 */
import { actorSchema, commandSchema, COMMAND_TYPES, idSchema, type CommandType } from '@redress/core';
import { z } from 'zod';

type CommandObjectSchema = (typeof commandSchema.options)[number];

const kebab = (type: string) => type.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** The URL segment of a command type. */
export const segmentOf = (type: CommandType): string => kebab(type).replace(/-complaint$/, '');

export interface CommandEndpoint {
  readonly type: CommandType;
  /** `null` for ReceiveComplaint, which is `POST /api/complaints`. */
  readonly segment: string | null;
  /** The command's own schema, from @redress/core. */
  readonly command: CommandObjectSchema;
  /** What the request body must be. */
  readonly body: z.ZodType;
  /** The schema of `data` alone: the dashboard's forms are built from it. */
  readonly data: z.ZodType;
}

function endpointFor(schema: CommandObjectSchema): CommandEndpoint {
  const type = schema.shape.type.value as CommandType;
  const data = schema.shape.data as z.ZodType;
  const common = { data, correlationId: idSchema.optional(), actor: actorSchema.optional() };
  const body = type === 'ReceiveComplaint' ? z.strictObject({ ...common, complaintId: idSchema.optional() }) : z.strictObject(common);
  return { type, segment: type === 'ReceiveComplaint' ? null : segmentOf(type), command: schema, body, data };
}

export const COMMAND_ENDPOINTS: readonly CommandEndpoint[] = commandSchema.options.map(endpointFor);

const byType = new Map(COMMAND_ENDPOINTS.map((e) => [e.type, e]));
const bySegment = new Map(COMMAND_ENDPOINTS.filter((e) => e.segment !== null).map((e) => [e.segment as string, e]));

export const endpointOf = (type: CommandType): CommandEndpoint => byType.get(type) as CommandEndpoint;
export const endpointAt = (segment: string): CommandEndpoint | undefined => bySegment.get(segment);

// Every command type has exactly one endpoint (a renamed type would otherwise vanish from the API).
if (COMMAND_ENDPOINTS.length !== COMMAND_TYPES.length || bySegment.size !== COMMAND_TYPES.length - 1) {
  throw new Error('service desk: command endpoints do not match COMMAND_TYPES');
}
