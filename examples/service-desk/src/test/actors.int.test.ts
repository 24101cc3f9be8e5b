/**
 * Who may act, decided by the engine and seen over HTTP: the staff is the engine's actor
 * directory (a role nobody holds, an unknown id or `system` is refused by the engine
 * itself, whichever door a command comes through), core's separation of duties refuses
 * the wrong person of the right role with its reason (403), the ticket says so before
 * anyone tries, and only the desk's automation acts as `system`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, login, startTestDesk, type Client, type TestDesk } from './harness.js';

let desk: TestDesk;
let frontDesk: Client;
let handler: Client;
let otherHandler: Client;
let head: Client;
let senior: Client;

const later = (days: number) => new Date(desk.desk.clock.now().getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  desk = await startTestDesk();
  [frontDesk, handler, otherHandler, head, senior] = await Promise.all([
    login(desk.url, 'li.na'),
    login(desk.url, 'wang.qiang'),
    login(desk.url, 'zhao.min'),
    login(desk.url, 'zhang.wei'),
    login(desk.url, 'huang.jianguo'),
  ]);
});
afterAll(async () => desk?.stop());

async function received(reference: string): Promise<string> {
  const r = await frontDesk.post('/api/complaints', complaintBody(reference));
  expect(r.status).toBe(201);
  return r.body.complaintId as string;
}

async function step(client: Client, id: string, command: string, data: unknown): Promise<void> {
  const r = await client.post(`/api/complaints/${id}/${command}`, { data });
  expect(r.status, `${command}: ${JSON.stringify(r.body)}`).toBe(200);
}

const version = async (id: string) => (await head.get(`/api/complaints/${id}`)).body.version as number;

describe('the staff is the engine\'s actor directory', () => {
  it('refuses, in the engine itself, a role the person does not hold, an unknown id and a claimed system actor', async () => {
    const id = await received('CU-DIR');
    const before = await version(id);
    const note = (actor: { id: string; role: string }) =>
      desk.desk.engine.execute({ type: 'AddNote', complaintId: id, actor: actor as never, data: { text: 'straight to the engine' } });
    const asHead = await note({ id: 'li.na', role: 'departmentHead' });
    expect(!asHead.ok && asHead.error).toMatchObject({ kind: 'Forbidden', reason: 'the directory gives li.na frontDesk, not departmentHead' });
    const stranger = await note({ id: 'mallory', role: 'handler' });
    expect(!stranger.ok && stranger.error).toMatchObject({ kind: 'Forbidden', reason: 'the directory knows no mallory' });
    const system = await note({ id: 'sla', role: 'system' });
    expect(!system.ok && system.error).toMatchObject({ kind: 'Forbidden' });
    expect(await version(id)).toBe(before);
    expect((await note({ id: 'li.na', role: 'frontDesk' })).ok).toBe(true);
  });

  it('refuses a body that claims the system actor over HTTP, and EscalateOnBreach from any member', async () => {
    const id = await received('CU-SYS');
    const before = await version(id);
    const claimed = await head.post(`/api/complaints/${id}/add-note`, { data: { text: 'as the ticker' }, actor: { id: 'sla', role: 'system' } });
    expect(claimed.status).toBe(403);
    const breach = { breach: { id: 'forged-breach', clock: 'resolution', cycle: 1 }, reason: 'forged' };
    const forged = await head.post(`/api/complaints/${id}/escalate-on-breach`, { data: breach });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ kind: 'Forbidden', commandType: 'EscalateOnBreach' });
    expect(await version(id)).toBe(before);
  });

  it('lets the SLA ticker escalate through the engine\'s automation capability, recorded as system', async () => {
    const id = await received('CU-AUTO');
    expect((await head.post('/api/test/clock', { advanceMs: 8 * 86_400_000 })).status).toBe(200);
    const { ticket } = (await head.get(`/api/complaints/${id}`)).body;
    const escalated = ticket.timeline.filter((e: { type: string }) => e.type === 'ComplaintEscalated');
    expect(escalated.length).toBeGreaterThan(0);
    for (const e of escalated) expect(e.actor).toEqual({ id: 'sla', role: 'system' });
  });
});

describe('separation of duties', () => {
  it('keeps an assigned complaint to its handler (the department head may step in), says why on the ticket, and writes nothing when refused', async () => {
    const id = await received('CU-OWN');
    await step(head, id, 'confirm', { summary: 'Brakes squeal' });
    await step(head, id, 'classify', { severity: 'general' });
    await step(head, id, 'assign-handler', { handlerId: 'wang.qiang', reason: 'initial' });
    const before = await version(id);

    const refused = await otherHandler.post(`/api/complaints/${id}/start-investigation`, { data: {} });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ kind: 'Forbidden', commandType: 'StartInvestigation', reason: expect.stringContaining('assigned to wang.qiang') });
    expect(await version(id)).toBe(before);
    // Notes stay open to all staff.
    await step(otherHandler, id, 'add-note', { text: 'took the customer\'s call' });

    // The ticket says so before anyone tries: not among zhao.min's actions, barred with the reason.
    const { actions } = (await otherHandler.get(`/api/complaints/${id}`)).body;
    expect(actions.mine).not.toContain('StartInvestigation');
    expect(actions.barred).toContainEqual({ type: 'StartInvestigation', reason: expect.stringContaining('assigned to wang.qiang') });
    expect((await handler.get(`/api/complaints/${id}`)).body.actions.mine).toContain('StartInvestigation');
    await step(handler, id, 'start-investigation', {});
  });

  it('does not let senior management approve a remedy they proposed themselves', async () => {
    const id = await received('CU-SOD');
    await step(head, id, 'confirm', { summary: 'Engine stalls on the motorway' });
    await step(head, id, 'classify', { severity: 'major', reason: 'a safety issue' });
    await step(head, id, 'start-investigation', {});
    await step(head, id, 'identify-cause', { cause: 'productQuality', findings: 'Fuel pump relay fails when hot' });
    await step(head, id, 'attribute-responsibility', { party: { kind: 'supplier', id: 'sup-relay', name: 'Relay supplier' }, reason: 'The relay was defective' });
    await step(senior, id, 'propose-resolution', { remedy: { kind: 'replacement', description: 'New fuel pump and relay' }, agreedDeadline: later(3) });
    const before = await version(id);
    const own = await senior.post(`/api/complaints/${id}/approve-remedy`, { data: {} });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ kind: 'Forbidden', commandType: 'ApproveRemedy', reason: 'huang.jianguo proposed this remedy: someone else approves or rejects it' });
    expect(await version(id)).toBe(before);
    expect((await senior.get(`/api/complaints/${id}`)).body.actions.barred.map((b: { type: string }) => b.type)).toEqual(expect.arrayContaining(['ApproveRemedy', 'RejectRemedy']));
  });

  it('does not let whoever recorded the satisfied follow-up archive the complaint', async () => {
    const id = await received('CU-ARCH');
    await step(head, id, 'confirm', { summary: 'Scratched door' });
    await step(head, id, 'classify', { severity: 'general' });
    await step(head, id, 'start-investigation', {});
    await step(head, id, 'identify-cause', { cause: 'repairQuality', findings: 'Scratched in the wash bay' });
    await step(head, id, 'attribute-responsibility', { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The wash bay scratched the door' });
    await step(head, id, 'propose-resolution', { remedy: { kind: 'freeRepair', description: 'Polish the door' }, agreedDeadline: later(2) });
    await step(head, id, 'start-execution', {});
    await step(head, id, 'complete-execution', { outcome: 'Polished' });
    await step(head, id, 'record-follow-up', { satisfied: true });
    const own = await head.post(`/api/complaints/${id}/archive`, { data: { preventiveAction: 'Wash bay covers the doors' } });
    expect(own.status).toBe(403);
    expect(own.body.reason).toBe('zhang.wei recorded the satisfied follow-up: someone else archives the complaint');
    await step(handler, id, 'archive', { preventiveAction: 'Wash bay covers the doors' });
  });
});
