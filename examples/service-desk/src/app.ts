/**
 * The HTTP application: security headers, the session lookup, the origin and CSRF checks,
 * the static assets (htmx from node_modules, the desk's own script and styles), the JSON
 * API under /api and the dashboard everywhere else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { apiRoutes } from './api/routes.js';
import { csrfChecked, identify, sameOrigin, type DeskEnv } from './auth/guard.js';
import { createSessionStore, type SessionStore } from './auth/sessions.js';
import type { Desk } from './desk/desk.js';
import { uiRoutes } from './ui/routes.js';
import { systemClock } from '@redress/core';

export interface AppOptions {
  readonly desk: Desk;
  readonly description: string;
  readonly testHooks: boolean;
  /** The origin the desk is served from, when a proxy changes Host (e.g. https://desk.example.com). */
  readonly origin?: string;
  readonly sessions?: SessionStore;
}

const require = createRequire(import.meta.url);
const asset = (path: string) => readFileSync(path, 'utf8');
const ASSETS: Record<string, { readonly type: string; readonly body: string }> = {
  'htmx.min.js': { type: 'text/javascript; charset=utf-8', body: asset(require.resolve('htmx.org/dist/htmx.min.js')) },
  'desk.js': { type: 'text/javascript; charset=utf-8', body: asset(new URL('./public/desk.js', import.meta.url).pathname) },
  'desk.css': { type: 'text/css; charset=utf-8', body: asset(new URL('./public/desk.css', import.meta.url).pathname) },
};

export function createApp(options: AppOptions): Hono<DeskEnv> {
  const sessions = options.sessions ?? createSessionStore({ clock: systemClock });
  const app = new Hono<DeskEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  app.use('*', sameOrigin(options.origin));
  app.use('*', identify(sessions, options.desk.staff));
  app.use('*', csrfChecked());
  app.get('/assets/:name', (c) => {
    const file = ASSETS[c.req.param('name')];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
  });
  app.route('/api', apiRoutes({ desk: options.desk, sessions, description: options.description, testHooks: options.testHooks }));
  app.route('/', uiRoutes(options.desk, sessions));
  app.onError((error, c) => {
    console.error(error);
    return c.json({ kind: 'InternalError', message: 'the desk failed to answer; see its log' }, 500);
  });
  return app;
}
