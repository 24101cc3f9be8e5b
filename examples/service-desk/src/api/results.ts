/** What the API answers for an executed command and for a refusal. */
import type { Context } from 'hono';
import type { ExecuteSuccess } from '@redress/core';
import { STATUS_OF, type Problem } from './problems.js';
import { etagOf } from './run-command.js';

export function commandResult(value: ExecuteSuccess) {
  return {
    complaintId: value.complaintId,
    commandId: value.commandId,
    version: value.version,
    duplicate: value.duplicate,
    events: value.events.map((e) => ({ type: e.type, streamVersion: e.streamVersion, globalPosition: e.globalPosition, occurredAt: e.occurredAt })),
  };
}

export function answerCommand(c: Context, value: ExecuteSuccess, created: boolean): Response {
  c.header('ETag', etagOf(value.version));
  if (value.duplicate) c.header('Idempotent-Replayed', 'true');
  if (created) c.header('Location', `/api/complaints/${encodeURIComponent(value.complaintId)}`);
  return c.json(commandResult(value), created && !value.duplicate ? 201 : 200);
}

export function answerProblem(c: Context, problem: Problem): Response {
  if (problem.kind === 'ConcurrencyConflict') c.header('ETag', etagOf(problem.actual));
  // The database is away for now: worth retrying soon, with the same Idempotency-Key.
  if (problem.kind === 'StoreUnavailable') c.header('Retry-After', '1');
  return c.json(problem, STATUS_OF[problem.kind]);
}
