import { aesGcmKeyWrapper } from '@redress/core';
import { eventStoreConformance } from '@redress/testing/store-conformance';
import { expect } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { createPostgresEventStore } from './postgres-event-store.js';
import type { ConformanceEvent } from '@redress/testing/store-conformance';

// With a key wrapper, so the suite's protected-store checks run on the store's own key table.
const keyWrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(5));
const db = useClusterPool({ max: 20 });

let tenants = 0;

/**
 * Sessions pick up a changed setting for sure on a new connection: end the others, and
 * wait until the pool has dropped every connection that was ended (it would otherwise
 * hand one out once more, to fail with 57P01).
 */
async function reconnectEveryone(): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_reload_conf()');
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = $1', ['client backend']);
    await expect.poll(() => db.pool.totalCount).toBe(1);
  } finally {
    client.release();
  }
}

// A fresh tenant per call: an empty log in the same tables, which also checks that
// tenants never see each other's events.
eventStoreConformance(
  'PostgreSQL',
  async () => {
    const store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: `conformance-${++tenants}`, pollIntervalMs: 200, keyWrapper });
    db.cleanup(() => store.close());
    return store;
  },
  {
    faults: {
      storage: {
        // The server in read-only mode, as a standby or `default_transaction_read_only` makes it.
        readOnly: async () => {
          await db.pool.query('ALTER SYSTEM SET default_transaction_read_only = on');
          await reconnectEveryone();
          return async () => {
            await db.pool.query('ALTER SYSTEM RESET default_transaction_read_only');
            await reconnectEveryone();
          };
        },
        // A full disk cannot be made on a shared machine: a trigger answers as the server then does (53100).
        diskFull: async () => {
          await db.pool.query(`CREATE FUNCTION public.full_disk() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
            CREATE TRIGGER full_disk BEFORE INSERT ON public.redress_events FOR EACH ROW EXECUTE FUNCTION public.full_disk()`);
          return async () => {
            await db.pool.query('DROP TRIGGER full_disk ON public.redress_events; DROP FUNCTION public.full_disk()');
          };
        },
      },
      unavailable: async () => {
        await db.cluster.down('fast');
        return async () => {
          await db.cluster.up();
          await expect.poll(() => db.pool.totalCount).toBe(0);
        };
      },
    },
  },
);
