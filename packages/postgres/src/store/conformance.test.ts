import { eventStoreConformance } from '@redress/testing/store-conformance';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { createPostgresEventStore } from './postgres-event-store.js';
import type { ConformanceEvent } from '@redress/testing/store-conformance';

const db = useClusterPool({ max: 20 });

let tenants = 0;

// A fresh tenant per call: an empty log in the same tables, which also checks that
// tenants never see each other's events.
eventStoreConformance('PostgreSQL', async () => {
  const store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: `conformance-${++tenants}`, pollIntervalMs: 200 });
  db.cleanup(() => store.close());
  return store;
});
