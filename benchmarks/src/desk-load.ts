/**
 * What the service-desk load test needs: servers in their own processes (so the load
 * generator does not share their event loop), a bounded autocannon run against loopback,
 * and medians over runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface Started {
  readonly url: string;
  stop(): Promise<void>;
}

/** Spawns `args` under node with tsx and waits for the line announcing `http://127.0.0.1:PORT`. */
export function startProcess(args: readonly string[], env: Record<string, string>, cwd: string): Promise<Started> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--conditions=@redress/source', ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before listening:\n${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) {
        child.removeAllListeners('exit');
        resolve({ url, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))) });
      }
    });
  });
}

export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  /** A new path (and body) per request, e.g. rotating over complaints. */
  readonly next: () => { readonly path: string; readonly body?: string };
  readonly headers: Record<string, string>;
}

export interface RunResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
}

export async function load(url: string, request: LoadRequest, options: { readonly seconds: number; readonly connections: number }): Promise<RunResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: request.method,
        headers: request.headers,
        setupRequest: (req) => {
          const { path, body } = request.next();
          return { ...req, path, ...(body !== undefined && { body }) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
