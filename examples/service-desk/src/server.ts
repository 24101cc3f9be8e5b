/**
 * Starting and stopping a desk: open the store, seed it when asked, build the desk and
 * its HTTP app, listen. Used by main.ts, by the tests (a real server on a temporary
 * SQLite file, port 0) and by the load test.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ComplaintEvent, EventStore } from '@redress/core';
import { createApp } from './app.js';
import { createDesk, type Desk } from './desk/desk.js';
import { seedWeek, type SeedReport } from './desk/seed.js';
import { openStore, type StoreSetting } from './desk/store.js';
import { demoStaff } from './staff/demo-staff.js';
import type { StaffDirectory } from './staff/directory.js';
import { STATION } from './station.js';

export interface DeskServerOptions {
  readonly store: StoreSetting;
  readonly host?: string;
  /** 0 for any free port. */
  readonly port?: number;
  readonly seed?: boolean;
  readonly staff?: StaffDirectory;
  readonly testHooks?: boolean;
  readonly origin?: string;
  /** The SLA scheduler's longest sleep (ms). */
  readonly pollMs?: number;
}

export interface DeskServer {
  readonly url: string;
  readonly desk: Desk;
  /** The store the desk runs on (tests reach its connection to make real storage faults). */
  readonly store: EventStore<ComplaintEvent>;
  readonly description: string;
  readonly seeded: SeedReport | null;
  close(): Promise<void>;
}

export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const opened = await openStore(options.store);
  try {
    const seeded = options.seed ? await seedWeek(opened.store) : null;
    const desk = await createDesk({
      store: opened.store,
      staff: options.staff ?? demoStaff(),
      sla: STATION.sla,
      ...(seeded && { startAt: seeded.endsAt }),
      ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
    });
    const app = createApp({ desk, description: opened.description, testHooks: options.testHooks ?? false, ...(options.origin && { origin: options.origin }) });
    const host = options.host ?? '127.0.0.1';
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 3000 }, () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      desk,
      store: opened.store,
      description: opened.description,
      seeded,
      async close() {
        // Live event streams never end on their own: cut them, then stop.
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await desk.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
