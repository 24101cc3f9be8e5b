/**
 * Who is asking, and whether a state-changing request really comes from the desk's own
 * pages. Every request is looked up by its session cookie (HttpOnly, SameSite=Lax, Secure
 * over HTTPS). Every POST/PUT/PATCH/DELETE must then
 *
 * - come from this origin: a browser's `Origin` (or `Sec-Fetch-Site`) naming another site is
 *   refused, the login form included (login CSRF);
 * - carry the session's CSRF token, in the `X-CSRF-Token` header (API clients, the script)
 *   or the `_csrf` field (forms): a cross-site form cannot read it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { StaffDirectory, StaffMember } from '../staff/directory.js';
import type { Session, SessionStore } from './sessions.js';
import { forbidden, STATUS_OF } from '../api/problems.js';

export const SESSION_COOKIE = 'desk_session';

export type DeskEnv = { Variables: { member: StaffMember | undefined; session: Session | undefined } };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The origin the desk is served from: configured, or the one the request was addressed to. */
const originOf = (c: Context, configured: string | undefined) => configured ?? new URL(c.req.url).origin;

export function setSessionCookie(c: Context, token: string): void {
  const secure = new URL(c.req.url).protocol === 'https:';
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}

export function identify(sessions: SessionStore, staff: StaffDirectory): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const session = sessions.find(getCookie(c, SESSION_COOKIE));
    const member = session ? staff.find(session.staffId) : undefined;
    c.set('session', member ? session : undefined);
    c.set('member', member);
    await next();
  };
}

/** Refuses unsafe requests from another origin, with or without a session. */
export function sameOrigin(configured: string | undefined): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if ((origin !== undefined && origin !== originOf(c, configured)) || site === 'cross-site') {
        return c.json(forbidden(`cross-origin request refused (Origin ${origin ?? site})`), STATUS_OF.Forbidden);
      }
    }
    await next();
  };
}

/** The CSRF token of an unsafe request: the header, else the form field. */
async function csrfTokenOf(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header !== undefined) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const field = (await c.req.parseBody())._csrf;
  return typeof field === 'string' ? field : undefined;
}

/** Unsafe requests of a logged-in member must carry the session's CSRF token. */
export function csrfChecked(): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session && UNSAFE.has(c.req.method)) {
      const token = await csrfTokenOf(c);
      if (token === undefined || !sameToken(token, session.csrfToken)) {
        return c.json(forbidden('missing or wrong CSRF token (send the session\'s token as X-CSRF-Token)'), STATUS_OF.Forbidden);
      }
    }
    await next();
  };
}
