/**
 * The JSON API. Every route but the session, health and OpenAPI ones needs a logged-in
 * member (401 otherwise); commands also pass the origin and CSRF checks (auth/guard.ts).
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, setSessionCookie, type DeskEnv } from '../auth/guard.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Desk } from '../desk/desk.js';
import { actorOf, type StaffMember } from '../staff/directory.js';
import { cardJson } from './cards.js';
import { endpointAt, endpointOf } from './commands.js';
import { liveEvents } from './live.js';
import { openApiDocument } from './openapi.js';
import { STATUS_OF, validationProblem, type Problem } from './problems.js';
import { answerCommand, answerProblem } from './results.js';
import { etagOf, runCommand } from './run-command.js';

export interface ApiOptions {
  readonly desk: Desk;
  readonly sessions: SessionStore;
  readonly description: string;
  /** Mounts POST /api/test/clock: never in production (main.ts refuses the combination). */
  readonly testHooks: boolean;
}

const unauthenticated: Problem = { kind: 'Unauthenticated', message: 'log in first: POST /api/session { id, password }' };
const loginSchema = z.strictObject({ id: z.string().min(1).max(128), password: z.string().min(1).max(1024) });
const clockSchema = z.strictObject({ advanceMs: z.int().min(0).max(366 * 86_400_000) });

async function jsonBody(c: Context): Promise<{ ok: true; body: unknown } | { ok: false; problem: Problem }> {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
    return { ok: false, problem: { kind: 'Validation', message: 'invalid request: send application/json', issues: [{ path: 'headers.content-type', message: 'must be application/json', code: 'invalid_type' }] } };
  }
  try {
    return { ok: true, body: await c.req.json() };
  } catch {
    return { ok: false, problem: { kind: 'Validation', message: 'invalid request: the body is not valid JSON', issues: [{ path: '', message: 'is not valid JSON', code: 'invalid_format' }] } };
  }
}

const memberJson = (m: StaffMember) => ({ id: m.id, name: m.name, role: m.role, ...(m.title !== undefined && { title: m.title }) });

export function apiRoutes(options: ApiOptions): Hono<DeskEnv> {
  const { desk, sessions } = options;
  const api = new Hono<DeskEnv>();

  api.get('/health', (c) => c.json({ status: 'ok', store: options.description, position: desk.read.position, now: desk.clock.now().toISOString() }));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));

  api.post('/session', async (c) => {
    const read = await jsonBody(c);
    if (!read.ok) return answerProblem(c, read.problem);
    const parsed = loginSchema.safeParse(read.body);
    if (!parsed.success) return answerProblem(c, validationProblem(parsed.error.issues));
    const member = await desk.staff.authenticate(parsed.data.id, parsed.data.password);
    if (!member) return answerProblem(c, { kind: 'Unauthenticated', message: 'unknown staff id or wrong password' });
    const { token, session } = sessions.create(member.id);
    setSessionCookie(c, token);
    return c.json({ member: memberJson(member), csrfToken: session.csrfToken });
  });

  // Everything below needs a logged-in member.
  api.use('*', async (c, next) => {
    if (!c.get('member')) return c.json(unauthenticated, STATUS_OF.Unauthenticated);
    await next();
  });

  api.get('/session', (c) => c.json({ member: memberJson(c.get('member') as StaffMember), csrfToken: c.get('session')?.csrfToken }));
  api.delete('/session', (c) => {
    sessions.destroy(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  api.get('/board', async (c) => c.json({ now: desk.clock.now().toISOString(), cards: (await desk.board()).map(cardJson) }));
  api.get('/queue', async (c) => c.json({ now: desk.clock.now().toISOString(), cards: (await desk.queueOf(c.get('member') as StaffMember)).map(cardJson) }));
  api.get('/csi', async (c) => c.json(await desk.csi()));
  api.get('/events', (c) => liveEvents(c, desk));

  api.get('/complaints/:id', async (c) => {
    const ticket = desk.ticket(c.req.param('id'));
    if (!ticket) return answerProblem(c, { kind: 'NotFound', message: `no complaint ${c.req.param('id')} has been received`, complaintId: c.req.param('id') });
    const { state, version } = await desk.load(ticket.complaintId);
    c.header('ETag', etagOf(version));
    return c.json({ ticket, version, actions: desk.actionsFor(state, actorOf(c.get('member') as StaffMember)) });
  });
  api.get('/complaints/:id/sla', async (c) => {
    if (!desk.ticket(c.req.param('id'))) return answerProblem(c, { kind: 'NotFound', message: `no complaint ${c.req.param('id')} has been received`, complaintId: c.req.param('id') });
    return c.json({ now: desk.clock.now().toISOString(), clocks: await desk.clocks(c.req.param('id')) });
  });

  const command = async (c: Context<DeskEnv>, endpoint: ReturnType<typeof endpointOf>, complaintId?: string) => {
    const read = await jsonBody(c);
    if (!read.ok) return answerProblem(c, read.problem);
    const outcome = await runCommand(desk, {
      endpoint,
      ...(complaintId !== undefined && { complaintId }),
      body: read.body,
      idempotencyKey: c.req.header('idempotency-key'),
      ifMatch: c.req.header('if-match'),
      member: c.get('member') as StaffMember,
    });
    return outcome.ok ? answerCommand(c, outcome.value, complaintId === undefined) : answerProblem(c, outcome.problem);
  };
  api.post('/complaints', (c) => command(c, endpointOf('ReceiveComplaint')));
  api.post('/complaints/:id/:command', (c) => {
    const endpoint = endpointAt(c.req.param('command'));
    if (!endpoint) return answerProblem(c, { kind: 'NotFound', message: `no command "${c.req.param('command')}"; see /api/openapi.json` });
    return command(c, endpoint, c.req.param('id'));
  });

  if (options.testHooks) {
    api.post('/test/clock', async (c) => {
      const read = await jsonBody(c);
      if (!read.ok) return answerProblem(c, read.problem);
      const parsed = clockSchema.safeParse(read.body);
      if (!parsed.success) return answerProblem(c, validationProblem(parsed.error.issues));
      desk.advanceClock(parsed.data.advanceMs);
      await desk.sla.tick();
      await desk.settled();
      return c.json({ now: desk.clock.now().toISOString() });
    });
  }
  return api;
}
