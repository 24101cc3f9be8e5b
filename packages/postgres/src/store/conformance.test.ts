import { eventStoreConformance } from '@redress/testing/store-conformance';
import { afterAll, beforeAll } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/cluster.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';
import pg from 'pg';
import type { ConformanceEvent } from '@redress/testing/store-conformance';

let cluster: TestCluster;
let pool: pg.Pool;
const stores: PostgresEventStore<ConformanceEvent>[] = [];
let tenants = 0;

beforeAll(async () => {
  cluster = await startTestCluster();
  pool = new pg.Pool({ connectionString: cluster.connectionString, max: 20 });
});

afterAll(async () => {
  for (const store of stores) await store.close();
  await pool?.end();
  await cluster?.stop();
});

// A fresh tenant per call: an empty log in the same tables, which also checks that
// tenants never see each other's events.
eventStoreConformance('PostgreSQL', async () => {
  const store = await createPostgresEventStore<ConformanceEvent>({ pool, tenant: `conformance-${++tenants}`, pollIntervalMs: 200 });
  stores.push(store);
  return store;
});
