/**
 * A command request, from whichever door it came in (the JSON API or a dashboard form),
 * turned into an engine command and executed. The server decides who acts: the actor is
 * the logged-in staff member; a body that names anyone else is refused.
 *
 * - `Idempotency-Key` → the command id. The key is scoped to the user, the command type and
 *   the complaint (hashed together), so two users, or one user's key on another command,
 *   never collide; a retry of the same request returns the first result and writes nothing.
 * - `If-Match: "<version>"` → `expectedVersion`: the stream version the client last saw
 *   (the ticket's ETag). A stale one is refused as a ConcurrencyConflict (412).
 */
import { createHash } from 'node:crypto';
import type { CommandInput, ExecuteSuccess } from '@redress/core';
import { actorOf, type StaffMember } from '../staff/directory.js';
import type { Desk } from '../desk/desk.js';
import type { CommandEndpoint } from './commands.js';
import { forbidden, problemOf, validationProblem, type Problem } from './problems.js';

export interface CommandRequest {
  readonly endpoint: CommandEndpoint;
  /** Absent when receiving a complaint (the body may name one, or the engine assigns it). */
  readonly complaintId?: string;
  readonly body: unknown;
  readonly idempotencyKey?: string | undefined;
  readonly ifMatch?: string | undefined;
  readonly member: StaffMember;
}

export type CommandOutcome = { readonly ok: true; readonly value: ExecuteSuccess } | { readonly ok: false; readonly problem: Problem };

const KEY = /^[A-Za-z0-9_\-:.]{1,200}$/;
const ETAG = /^"(\d{1,15})"$/;

const headerProblem = (header: string, message: string): Problem => ({
  kind: 'Validation',
  message: `invalid request: ${header}: ${message}`,
  issues: [{ path: `headers.${header}`, message, code: 'invalid_format' }],
});

/** The ticket's entity tag: its stream version, quoted. */
export const etagOf = (version: number): string => `"${version}"`;

function commandIdFor(request: CommandRequest, key: string): string {
  const scope = [request.member.id, request.endpoint.type, request.complaintId ?? '', key].join('\n');
  return `idem-${createHash('sha256').update(scope).digest('base64url').slice(0, 32)}`;
}

/** The expected version an `If-Match` header asks for: a number, none (`*` or no header), or a problem. */
function expectedVersionOf(ifMatch: string | undefined): number | undefined | Problem {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = ETAG.exec(ifMatch.trim());
  if (!match) return headerProblem('if-match', 'must be the ticket\'s ETag, a quoted stream version such as "7" (weak tags never match)');
  return Number(match[1]);
}

export async function runCommand(desk: Desk, request: CommandRequest): Promise<CommandOutcome> {
  const { endpoint, member } = request;
  const parsed = endpoint.body.safeParse(request.body ?? {});
  if (!parsed.success) return { ok: false, problem: validationProblem(parsed.error.issues) };
  const { actor: claimed, ...body } = parsed.data as { actor?: { id: string; role: string }; data?: unknown; correlationId?: string; complaintId?: string };
  const actor = actorOf(member);
  if (claimed && (claimed.id !== actor.id || claimed.role !== actor.role)) {
    return { ok: false, problem: forbidden(`commands act as the logged-in user (${actor.id}, ${actor.role}); the body names ${claimed.id} (${claimed.role})`) };
  }

  const key = request.idempotencyKey;
  if (key !== undefined && !KEY.test(key)) return { ok: false, problem: headerProblem('idempotency-key', 'must be 1-200 characters of letters, digits and _ - : .') };
  const expected = expectedVersionOf(request.ifMatch);
  if (typeof expected === 'object') return { ok: false, problem: expected };
  if (expected !== undefined && endpoint.type === 'ReceiveComplaint') {
    return { ok: false, problem: headerProblem('if-match', 'a new complaint has no version to match') };
  }

  const complaintId = request.complaintId ?? body.complaintId;
  const command = {
    type: endpoint.type,
    actor,
    ...body,
    ...(complaintId !== undefined && { complaintId }),
    ...(key !== undefined && { commandId: commandIdFor({ ...request, complaintId }, key) }),
    ...(expected !== undefined && { expectedVersion: expected }),
  } as CommandInput;
  const result = await desk.execute(command);
  return result.ok ? { ok: true, value: result.value } : { ok: false, problem: problemOf(result.error) };
}
