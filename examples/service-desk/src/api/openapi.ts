/**
 * The OpenAPI 3.1 document, generated: the request bodies are core's command schemas
 * through zod 4's `toJSONSchema` (OpenAPI 3.1 uses JSON Schema 2020-12 as it is), the
 * error bodies are the Problem shapes of problems.ts. A new command type appears here
 * with its endpoint (commands.ts) without a line changing.
 */
import { labels } from '@redress/core';
import { z } from 'zod';
import { COMMAND_ENDPOINTS, type CommandEndpoint } from './commands.js';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output' = 'input'): Json => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return json;
};

const issue = { type: 'object', required: ['path', 'message', 'code'], properties: { path: { type: 'string', description: 'dotted path into the request, e.g. data.remedy.kind or headers.if-match' }, message: { type: 'string' }, code: { type: 'string' } } };
const problem = (kind: string, extra: Json = {}, required: string[] = []): Json => ({
  type: 'object',
  required: ['kind', 'message', ...required],
  properties: { kind: { const: kind }, message: { type: 'string' }, ...extra },
});

const PROBLEMS: Record<string, Json> = {
  ValidationProblem: problem('Validation', { issues: { type: 'array', items: issue } }, ['issues']),
  ForbiddenProblem: problem('Forbidden', { reason: { type: 'string' }, commandType: { type: 'string' } }),
  NotFoundProblem: problem('NotFound', { complaintId: { type: 'string' } }),
  IllegalCommandProblem: problem(
    'IllegalCommand',
    {
      commandType: { type: 'string' },
      step: { type: 'string' },
      allowed: { type: 'array', items: { type: 'string' }, description: 'the commands this step accepts, guards aside' },
      rule: { type: 'object', properties: { name: { type: 'string' }, message: { type: 'string' } }, description: 'the rule that refused it, when a guard failed' },
    },
    ['commandType', 'step', 'allowed'],
  ),
  ConcurrencyConflictProblem: problem('ConcurrencyConflict', { expected: {}, actual: { type: 'integer', description: 'the stream version now (also in ETag)' } }, ['actual']),
  IdempotencyConflictProblem: problem(
    'IdempotencyConflict',
    { commandId: { type: 'string' }, difference: { type: 'string', description: 'how this request differs from the first one sent with the key' } },
    ['commandId', 'difference'],
  ),
  StoreUnavailableProblem: problem('StoreUnavailable', { retriable: { const: true } }),
  StorageFaultProblem: problem('StorageFault', { reason: { type: 'string' } }),
  UnauthenticatedProblem: problem('Unauthenticated'),
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const answer = (description: string, name: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });

const REFUSALS = {
  401: answer('Not logged in', 'UnauthenticatedProblem'),
  403: answer('Forbidden: the role may not issue this command, the body names another actor, or the CSRF token or Origin is wrong', 'ForbiddenProblem'),
  404: answer('No such complaint (or command)', 'NotFoundProblem'),
  409: answer('IllegalCommand: not allowed in the current step, or a rule refused it', 'IllegalCommandProblem'),
  412: answer('ConcurrencyConflict: If-Match is not the current version', 'ConcurrencyConflictProblem'),
  503: answer('StoreUnavailable: the database cannot be reached; retry with the same Idempotency-Key', 'StoreUnavailableProblem'),
  507: answer('StorageFault: the database refused to write (full, read-only)', 'StorageFaultProblem'),
  422: {
    description: 'Validation: the fields that are wrong, by path; or IdempotencyConflict: the Idempotency-Key was already used for a different request',
    content: { 'application/json': { schema: { oneOf: [ref('ValidationProblem'), ref('IdempotencyConflictProblem')] } } },
  },
};

const COMMAND_RESULT = {
  type: 'object',
  required: ['complaintId', 'commandId', 'version', 'duplicate', 'events'],
  properties: {
    complaintId: { type: 'string' },
    commandId: { type: 'string' },
    version: { type: 'integer', description: 'the stream version after the command: the new ETag' },
    duplicate: { type: 'boolean', description: 'true when this Idempotency-Key was executed before: nothing was written' },
    events: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, streamVersion: { type: 'integer' }, globalPosition: { type: 'integer' }, occurredAt: { type: 'string', format: 'date-time' } } } },
  },
};

const headers = [
  { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_\\-:.]{1,200}$' }, description: 'becomes the command id (scoped to you, the command and the complaint): a retry returns the first result' },
  { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' }, description: 'the csrfToken returned by POST /api/session' },
];
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string', examples: ['"7"'] }, description: "the ticket's ETag (its stream version): refused with 412 when it moved on" };
const idParam = { name: 'complaintId', in: 'path', required: true, schema: { type: 'string' } };

function commandOperation(endpoint: CommandEndpoint): Json {
  const en = labels('en').commands[endpoint.type];
  const zh = labels('zh-CN').commands[endpoint.type];
  const created = endpoint.segment === null;
  return {
    operationId: endpoint.type,
    summary: `${en} (${zh})`,
    tags: ['commands'],
    parameters: created ? headers : [idParam, ...headers, ifMatch],
    requestBody: { required: true, content: { 'application/json': { schema: schemaOf(endpoint.body) } } },
    responses: {
      [created ? 201 : 200]: { description: 'executed', headers: { ETag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: ref('CommandResult') } } },
      ...(created && { 200: { description: 'a retry of an Idempotency-Key already executed (Idempotent-Replayed: true)', content: { 'application/json': { schema: ref('CommandResult') } } } }),
      ...REFUSALS,
    },
  };
}

const read = (summary: string, description: string, extra: Json = {}) => ({ get: { summary, tags: ['reads'], responses: { 200: { description }, 401: REFUSALS[401] }, ...extra } });

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {
    '/api/session': {
      post: {
        summary: 'Log in',
        tags: ['session'],
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['id', 'password'], properties: { id: { type: 'string' }, password: { type: 'string' } } } } } },
        responses: { 200: { description: 'logged in: the session cookie is set; send csrfToken as X-CSRF-Token' }, 401: REFUSALS[401], 422: REFUSALS[422] },
      },
      get: { summary: 'Who is logged in', tags: ['session'], responses: { 200: { description: 'the member and the CSRF token' }, 401: REFUSALS[401] } },
      delete: { summary: 'Log out', tags: ['session'], responses: { 204: { description: 'logged out' } } },
    },
    '/api/board': read('The board', 'every ticket with its most urgent SLA clock'),
    '/api/queue': read('My queue', 'the open tickets assigned to me, escalated to my level or waiting for my step'),
    '/api/complaints/{complaintId}': read('A ticket', 'the ticket view with its timeline, its version (also the ETag) and the actions: mine, barred (my role may, a duty says not on this complaint; with the reason) and others', { parameters: [idParam] }),
    '/api/complaints/{complaintId}/sla': read('A ticket\'s SLA clocks', 'every clock with its state, due instant and explain lines', { parameters: [idParam] }),
    '/api/csi': read('Satisfaction and analytics', 'the CSI per dimension, the Pareto of causes and the time rules, as of now'),
    '/api/events': read('Live changes', 'text/event-stream: `change` per event appended to the log, `clock` when the desk\'s clock moves'),
    '/api/health': { get: { summary: 'Health', tags: ['reads'], security: [], responses: { 200: { description: 'store and log position' } } } },
  };
  for (const endpoint of COMMAND_ENDPOINTS) {
    const path = endpoint.segment === null ? '/api/complaints' : `/api/complaints/{complaintId}/${endpoint.segment}`;
    paths[path] = { ...(paths[path] ?? {}), post: commandOperation(endpoint) };
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'Redress service desk API', version: '0.1.0', description: 'Complaints through the 8-step workflow of @redress/core. Log in with POST /api/session; the actor of every command is the logged-in member.' },
    security: [{ session: [] }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'desk_session' } },
      schemas: { ...PROBLEMS, CommandResult: COMMAND_RESULT },
    },
    paths,
  };
  return cached;
}
