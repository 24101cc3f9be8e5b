/**
 * Login sessions, kept in the process (a restart logs everyone out; a desk running
 * several instances would keep them in a shared store instead). The cookie holds a
 * random token; the table is keyed by its SHA-256, so the table alone does not let
 * anyone act as a user. Each session has its own CSRF token, checked on every
 * state-changing request.
 *
 * Timed on the host's real clock, not the desk's: advancing the desk's clock to show an
 * SLA breach must not log anybody out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '@redress/core';

export interface Session {
  readonly staffId: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  lastSeenAt: number;
}

export interface SessionStore {
  /** A new session; the token goes into the cookie and nowhere else. */
  create(staffId: string): { readonly token: string; readonly session: Session };
  /** The live session for a cookie's token (its idle timer restarted), or undefined. */
  find(token: string | undefined): Session | undefined;
  destroy(token: string | undefined): void;
}

export interface SessionOptions {
  readonly clock: Clock;
  /** Logged out after this long without a request (default 8 hours: a shift). */
  readonly idleMs?: number;
  /** Logged out after this long whatever happens (default 12 hours). */
  readonly absoluteMs?: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');

export function createSessionStore(options: SessionOptions): SessionStore {
  const idleMs = options.idleMs ?? 8 * 3_600_000;
  const absoluteMs = options.absoluteMs ?? 12 * 3_600_000;
  const sessions = new Map<string, Session>();
  const now = () => options.clock.now().getTime();

  const expired = (s: Session, t: number) => t - s.lastSeenAt > idleMs || t - s.createdAt > absoluteMs;
  const sweep = (t: number) => {
    for (const [key, s] of sessions) if (expired(s, t)) sessions.delete(key);
  };

  return {
    create(staffId) {
      const t = now();
      sweep(t);
      const token = randomToken();
      const session: Session = { staffId, csrfToken: randomToken(), createdAt: t, lastSeenAt: t };
      sessions.set(digest(token), session);
      return { token, session };
    },
    find(token) {
      if (token === undefined || token.length > 200) return undefined;
      const key = digest(token);
      const session = sessions.get(key);
      if (!session) return undefined;
      const t = now();
      if (expired(session, t)) {
        sessions.delete(key);
        return undefined;
      }
      session.lastSeenAt = t;
      return session;
    },
    destroy(token) {
      if (token !== undefined) sessions.delete(digest(token));
    },
  };
}
