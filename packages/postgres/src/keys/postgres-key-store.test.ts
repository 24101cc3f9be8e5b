/**
 * The PostgreSQL store's key table: the shared key-table suite with two stores on two
 * pools (so every race is between server connections), then what only PostgreSQL can get
 * wrong: tenants sharing the tables never see each other's keys, many clients racing for
 * one first key, and an erasure's audit event and key destruction committing together.
 */
import { aesGcmKeyWrapper, ConcurrencyConflictError, KeyWrapperMissingError, SubjectErasedError, type NewEvent } from '@redress/core';
import { keyTableConformance } from '@redress/testing/store-conformance';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { createPostgresEventStore } from '../store/postgres-event-store.js';

const db = useClusterPool({ max: 20 });
const keyWrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(7));
let tenants = 0;
const freshTenant = () => `keys-${++tenants}`;

async function ownPool(max = 10): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: db.cluster.connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}

keyTableConformance('the PostgreSQL store', async () => {
  const tenant = freshTenant();
  const [poolA, poolB] = [await ownPool(), await ownPool()];
  const a = await createPostgresEventStore({ pool: poolA, tenant, keyWrapper });
  const b = await createPostgresEventStore({ pool: poolB, tenant, keyWrapper, migrate: false });
  return {
    first: a.keys,
    second: b.keys,
    async tamper(subject, version, change) {
      const { rows } = await db.pool.query<{ w: string }>('SELECT wrapped_key AS w FROM redress_data_keys WHERE tenant = $1 AND subject = $2 AND version = $3', [tenant, subject, version]);
      await db.pool.query('UPDATE redress_data_keys SET wrapped_key = $4 WHERE tenant = $1 AND subject = $2 AND version = $3', [tenant, subject, version, change(rows[0]?.w ?? '')]);
    },
    wrappedKeys: async () => (await db.pool.query<{ w: string }>('SELECT wrapped_key AS w FROM redress_data_keys WHERE tenant = $1', [tenant])).rows.map((r) => r.w),
    async close() {
      await a.close();
      await b.close();
      await poolA.end();
      await poolB.end();
    },
  };
});

describe('the PostgreSQL key table', () => {
  it('keeps tenants apart: same subject, own keys, own erasures, own lists', async () => {
    const acme = await createPostgresEventStore({ pool: db.pool, tenant: freshTenant(), keyWrapper });
    const globex = await createPostgresEventStore({ pool: db.pool, tenant: freshTenant(), keyWrapper });
    const a = await acme.keys.currentKey('cu-1');
    expect(await globex.keys.key('cu-1', 1)).toEqual({ state: 'unknown' });
    const g = await globex.keys.currentKey('cu-1');
    expect(Buffer.from(g.material).equals(Buffer.from(a.material))).toBe(false);
    await acme.keys.destroy('cu-1');
    await acme.keys.destroy('cu-only-acme');
    const found = await globex.keys.key('cu-1', 1);
    expect(found.state === 'active' && Buffer.from(found.key.material)).toEqual(Buffer.from(g.material));
    expect(await globex.keys.subjects()).toEqual([{ subject: 'cu-1', currentVersion: 1, destroyed: false }]);
    expect(await acme.keys.subjects()).toEqual([
      { subject: 'cu-1', currentVersion: 0, destroyed: true },
      { subject: 'cu-only-acme', currentVersion: 0, destroyed: true },
    ]);
    await acme.close();
    await globex.close();
  });

  it('many pool clients racing for one subject first key all get the one key stored', async () => {
    const tenant = freshTenant();
    const pools = await Promise.all(Array.from({ length: 4 }, () => ownPool(5)));
    const stores = await Promise.all(pools.map((pool) => createPostgresEventStore({ pool, tenant, keyWrapper, migrate: false })));
    const keys = await Promise.all(Array.from({ length: 32 }, (_, i) => stores[i % stores.length]!.keys.currentKey('cu-storm')));
    expect(new Set(keys.map((k) => `${k.version}:${Buffer.from(k.material).toString('hex')}`)).size).toBe(1);
    const { rows } = await db.pool.query('SELECT version FROM redress_data_keys WHERE tenant = $1', [tenant]);
    expect(rows).toEqual([{ version: 1 }]);
    for (const store of stores) await store.close();
    for (const pool of pools) await pool.end();
  });

  it('without a key wrapper creates and reads no key, but erases', async () => {
    const tenant = freshTenant();
    const wrapped = await createPostgresEventStore({ pool: db.pool, tenant, keyWrapper });
    const bare = await createPostgresEventStore({ pool: db.pool, tenant });
    await wrapped.keys.currentKey('cu-1');
    await expect(bare.keys.currentKey('cu-2')).rejects.toBeInstanceOf(KeyWrapperMissingError);
    await expect(bare.keys.key('cu-1', 1)).rejects.toBeInstanceOf(KeyWrapperMissingError);
    await bare.keys.destroy('cu-1');
    expect(await wrapped.keys.key('cu-1', 1)).toEqual({ state: 'destroyed' });
    await expect(wrapped.keys.currentKey('cu-1')).rejects.toBeInstanceOf(SubjectErasedError);
    await wrapped.close();
    await bare.close();
  });
});

const audit = (id: string): NewEvent<never> =>
  ({
    type: 'CustomerDataErased',
    data: { subject: 'cu-1', reason: 'request' },
    eventId: id,
    occurredAt: '2026-03-01T08:00:00.000Z',
    actor: { id: 'dpo-1', role: 'dataProtection' },
    causationId: `c-${id}`,
    correlationId: 'cu-1',
    schemaVersion: 1,
  }) as never;

describe('appendErasure on PostgreSQL', () => {
  it('appends the audit event and destroys the keys in one transaction; a retry is a duplicate', async () => {
    const store = await createPostgresEventStore({ pool: db.pool, tenant: freshTenant(), keyWrapper });
    await store.keys.currentKey('cu-1');
    await store.keys.currentKey('cu-2');
    expect(await store.appendErasure('customer-cu-1', 'noStream', [audit('a-1')], ['cu-1'])).toMatchObject({ streamVersion: 1, duplicate: false });
    expect(await store.keys.key('cu-1', 1)).toEqual({ state: 'destroyed' });
    expect((await store.keys.key('cu-2', 1)).state).toBe('active');
    expect(await store.appendErasure('customer-cu-1', 'noStream', [audit('a-1')], ['cu-1'])).toMatchObject({ duplicate: true });
    await store.close();
  });

  it('destroys nothing when the audit event is refused, and records nothing when the destruction fails', async () => {
    const tenant = freshTenant();
    const store = await createPostgresEventStore({ pool: db.pool, tenant, keyWrapper });
    await store.keys.currentKey('cu-1');
    await store.append('customer-cu-1', 'noStream', [audit('a-1')]);
    await expect(store.appendErasure('customer-cu-1', 'noStream', [audit('a-2')], ['cu-1'])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.keys.key('cu-1', 1)).state).toBe('active');
    // A key table that refuses the delete, for this tenant only: the audit event rolls back with it.
    await db.pool.query(`CREATE FUNCTION refuse_key_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF OLD.tenant = '${tenant}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN OLD; END $$`);
    await db.pool.query('CREATE TRIGGER refuse BEFORE DELETE ON redress_data_keys FOR EACH ROW EXECUTE FUNCTION refuse_key_delete()');
    try {
      await expect(store.appendErasure('customer-cu-1', 1, [audit('a-3')], ['cu-1'])).rejects.toThrow(/refused/);
      expect((await store.readStream('customer-cu-1')).map((e) => e.eventId)).toEqual(['a-1']);
      expect((await store.keys.subjects())[0]).toMatchObject({ destroyed: false });
    } finally {
      await db.pool.query('DROP TRIGGER refuse ON redress_data_keys');
      await db.pool.query('DROP FUNCTION refuse_key_delete()');
    }
    await store.close();
  });
});
