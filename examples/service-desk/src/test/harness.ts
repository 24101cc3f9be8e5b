/**
 * What the service desk's tests share: a real server on a temporary SQLite file (port 0,
 * loopback), and a logged-in HTTP client that carries the session cookie and CSRF token
 * as a browser would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDeskServer, type DeskServer, type DeskServerOptions } from '../server.js';
import { DEMO_PASSWORD } from '../staff/demo-staff.js';

export interface TestDesk extends DeskServer {
  readonly file: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

export async function startTestDesk(options: Partial<DeskServerOptions> & { readonly file?: string; readonly busyTimeoutMs?: number } = {}): Promise<TestDesk> {
  const { file: given, busyTimeoutMs, ...rest } = options;
  const dir = given ? null : mkdtempSync(join(tmpdir(), 'redress-desk-'));
  const file = given ?? join(dir as string, 'desk.db');
  const store = { kind: 'sqlite', file, synchronous: 'normal', ...(busyTimeoutMs !== undefined && { busyTimeoutMs }) } as const;
  const server = await startDeskServer({ store, port: 0, testHooks: true, ...rest });
  return {
    ...server,
    file,
    async stop() {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface Client {
  readonly csrfToken: string;
  readonly cookie: string;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // an HTML page or plain text: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Requests without a session. */
export const anonymous = (base: string): Pick<Client, 'get' | 'post'> => ({
  get: (path, headers = {}) => fetch(base + path, { headers, redirect: 'manual' }).then(answer) as never,
  post: (path, body, headers = {}) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), redirect: 'manual' }).then(answer) as never,
});

export async function login(base: string, id: string, password = DEMO_PASSWORD): Promise<Client> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, password }) });
  if (response.status !== 200) throw new Error(`login as ${id}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const common = { cookie, 'x-csrf-token': csrfToken };
  return {
    csrfToken,
    cookie,
    get: (path, headers = {}) => fetch(base + path, { headers: { ...common, ...headers }, redirect: 'manual' }).then(answer) as never,
    post: (path, body, headers = {}) =>
      fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...common, ...headers }, body: JSON.stringify(body), redirect: 'manual' }).then(answer) as never,
  };
}

/** A valid ReceiveComplaint body. */
export const complaintBody = (reference = 'CU-9001') => ({
  data: {
    customer: { reference, name: '测试 Test Customer' },
    channel: 'phone',
    description: 'The brakes squeal after the service.',
    demand: 'Fix it free of charge',
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
  },
});
