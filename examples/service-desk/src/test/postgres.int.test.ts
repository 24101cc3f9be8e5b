/**
 * The same desk on PostgreSQL (REDRESS_DESK_POSTGRES): seeded with the week, a command
 * through the API, the SLA ticker's breach live, and everything still there after a restart.
 */
import { startTestCluster, type TestCluster } from '@redress/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDeskServer } from '../server.js';
import { complaintBody, login } from './harness.js';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(async () => cluster?.stop());

it('runs on PostgreSQL: seeded, written to, breached, and read back after a restart', async () => {
  const store = { kind: 'postgres', connectionString: cluster.connectionString, tenant: 'desk-test' } as const;
  const first = await startDeskServer({ store, port: 0, seed: true, testHooks: true });
  let id: string;
  try {
    expect(first.description).toMatch(/^PostgreSQL postgresql:\/\/postgres@/);
    expect(first.desk.read.tickets.size).toBe(first.seeded?.complaints);
    const client = await login(first.url, 'li.na');
    const created = await client.post('/api/complaints', { data: { ...complaintBody('CU-PG').data, acknowledgement: undefined } });
    expect(created.status).toBe(201);
    id = created.body.complaintId;
    expect((await client.post('/api/test/clock', { advanceMs: 2 * 86_400_000 })).status).toBe(200);
    const clocks = (await client.get(`/api/complaints/${id}/sla`)).body.clocks;
    expect(clocks.find((c: { clock: string }) => c.clock === 'acknowledgement')).toMatchObject({ state: 'breached' });
  } finally {
    await first.close();
  }
  const second = await startDeskServer({ store, port: 0 });
  try {
    const client = await login(second.url, 'wang.qiang');
    const { ticket } = (await client.get(`/api/complaints/${id}`)).body;
    expect(ticket.customer.reference).toBe('CU-PG');
    expect(ticket.escalations).toContain('departmentHead');
  } finally {
    await second.close();
  }
});
