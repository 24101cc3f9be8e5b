/**
 * Where the desk keeps its log: the one place a store is made. SQLite (one file, the
 * embedded default) unless a PostgreSQL connection string is configured. Everything
 * else talks to the `EventStore` contract, so the rest of the desk cannot tell them apart.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ComplaintEvent, EventStore } from '@redress/core';
import { createPostgresEventStore } from '@redress/postgres';
import { createSqliteEventStore, type Synchronous } from '@redress/sqlite';

export type StoreSetting =
  | {
      readonly kind: 'sqlite';
      readonly file: string;
      readonly synchronous?: Synchronous;
      /** How long an append waits for another process's write lock before it is refused as StoreUnavailable (default 5 s). */
      readonly busyTimeoutMs?: number;
    }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly tenant?: string };

export interface OpenedStore {
  readonly store: EventStore<ComplaintEvent>;
  /** For the start-up line and the health endpoint: which store, never a password. */
  readonly description: string;
  close(): Promise<void>;
}

/** The connection string without its password, for logs. */
export const redacted = (connectionString: string): string => connectionString.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

export async function openStore(setting: StoreSetting): Promise<OpenedStore> {
  if (setting.kind === 'postgres') {
    const tenant = setting.tenant ?? 'default';
    const store = await createPostgresEventStore<ComplaintEvent>({ connectionString: setting.connectionString, tenant });
    return { store, description: `PostgreSQL ${redacted(setting.connectionString)} (tenant ${tenant})`, close: () => store.close() };
  }
  if (setting.file !== ':memory:') mkdirSync(dirname(setting.file), { recursive: true });
  const store = createSqliteEventStore<ComplaintEvent>({
    file: setting.file,
    synchronous: setting.synchronous ?? 'full',
    ...(setting.busyTimeoutMs !== undefined && { busyTimeoutMs: setting.busyTimeoutMs }),
  });
  return { store, description: `SQLite ${setting.file}`, close: async () => store.close() };
}
