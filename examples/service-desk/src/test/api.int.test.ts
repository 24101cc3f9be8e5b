/**
 * The JSON API against a real server on a temporary SQLite file: login required, the CSRF
 * and Origin checks, every error kind's status, the actor taken from the session (a body
 * naming anyone else refused, nothing written), Idempotency-Key and If-Match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, complaintBody, login, startTestDesk, type Client, type TestDesk } from './harness.js';

let desk: TestDesk;
let frontDesk: Client;
let handler: Client;
let followUp: Client;

const later = (days: number) => new Date(desk.desk.clock.now().getTime() + days * 86_400_000).toISOString();

beforeAll(async () => {
  desk = await startTestDesk();
  [frontDesk, handler, followUp] = await Promise.all([login(desk.url, 'li.na'), login(desk.url, 'wang.qiang'), login(desk.url, 'wu.ting')]);
});
afterAll(async () => desk?.stop());

async function received(client = frontDesk, reference = 'CU-9001'): Promise<string> {
  const r = await client.post('/api/complaints', complaintBody(reference));
  expect(r.status).toBe(201);
  return r.body.complaintId as string;
}

describe('login', () => {
  it('is required for every read and command, and wrong passwords are refused', async () => {
    const guest = anonymous(desk.url);
    for (const path of ['/api/board', '/api/queue', '/api/csi', '/api/events', '/api/complaints/x', '/api/session']) {
      const r = await guest.get(path);
      expect(r.status, path).toBe(401);
      expect(r.body.kind).toBe('Unauthenticated');
    }
    const before = desk.desk.read.position;
    expect((await guest.post('/api/complaints', complaintBody())).status).toBe(401);
    expect(desk.desk.read.position).toBe(before);
    expect((await guest.post('/api/session', { id: 'li.na', password: 'wrong' })).status).toBe(401);
    expect((await guest.post('/api/session', { id: 'nobody', password: 'redress-demo' })).status).toBe(401);
    // The dashboard sends a guest to the login page.
    const page = await guest.get('/queue');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fqueue');
  });

  it('sets an HttpOnly, SameSite session cookie, and logging out ends the session', async () => {
    const r = await fetch(`${desk.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'li.na', password: 'redress-demo' }) });
    expect(r.headers.get('set-cookie')).toMatch(/desk_session=[^;]+;.*HttpOnly/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const client = await login(desk.url, 'chen.jie');
    expect((await fetch(`${desk.url}/api/session`, { method: 'DELETE', headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken } })).status).toBe(204);
    expect((await client.get('/api/board')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the session token, with a wrong one, or from another origin', async () => {
    const before = desk.desk.read.position;
    const noToken = await fetch(`${desk.url}/api/complaints`, { method: 'POST', headers: { cookie: frontDesk.cookie, 'content-type': 'application/json' }, body: JSON.stringify(complaintBody()) });
    expect(noToken.status).toBe(403);
    expect((await frontDesk.post('/api/complaints', complaintBody(), { 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await frontDesk.post('/api/complaints', complaintBody(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await frontDesk.post('/api/complaints', complaintBody(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await anonymous(desk.url).post('/api/session', { id: 'li.na', password: 'redress-demo' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(desk.desk.read.position).toBe(before);
    expect((await frontDesk.post('/api/complaints', complaintBody(), { origin: desk.url })).status).toBe(201);
  });
});

describe('error kinds map to statuses', () => {
  it('Validation 422 with the field paths, nothing written', async () => {
    const before = desk.desk.read.position;
    const r = await frontDesk.post('/api/complaints', { data: { ...complaintBody().data, channel: 'pigeon', customer: {} } });
    expect(r.status).toBe(422);
    expect(r.body.kind).toBe('Validation');
    const paths = r.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['data.channel', 'data.customer.reference']));
    const unknown = await frontDesk.post('/api/complaints', { ...complaintBody(), type: 'ArchiveComplaint' });
    expect(unknown.status).toBe(422);
    const notJson = await fetch(`${desk.url}/api/complaints`, { method: 'POST', headers: { cookie: frontDesk.cookie, 'x-csrf-token': frontDesk.csrfToken, 'content-type': 'application/json' }, body: '{"data":' });
    expect(notJson.status).toBe(422);
    expect(desk.desk.read.position).toBe(before);
  });

  it('Forbidden 403 when the role may not issue the command', async () => {
    const id = await received();
    const r = await frontDesk.post(`/api/complaints/${id}/classify`, { data: { severity: 'general' } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ kind: 'Forbidden', commandType: 'ClassifyComplaint' });
  });

  it('NotFound 404 for a complaint never received, and for an unknown command', async () => {
    const r = await handler.post('/api/complaints/PD-NOPE/confirm', { data: { summary: 'x' } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ kind: 'NotFound', complaintId: 'PD-NOPE' });
    expect((await handler.get('/api/complaints/PD-NOPE')).status).toBe(404);
    expect((await handler.post('/api/complaints/PD-NOPE/teleport', { data: {} })).status).toBe(404);
  });

  it('IllegalCommand 409 with the commands allowed now, and the failed rule when a guard refused', async () => {
    const id = await received();
    const early = await handler.post(`/api/complaints/${id}/start-execution`, { data: {} });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ kind: 'IllegalCommand', step: 'received', commandType: 'StartExecution' });
    expect(early.body.allowed).toContain('ConfirmComplaint');
    expect(early.body.allowed).not.toContain('StartExecution');

    expect((await handler.post(`/api/complaints/${id}/confirm`, { data: { summary: 'Squeal confirmed' } })).status).toBe(200);
    expect((await handler.post(`/api/complaints/${id}/classify`, { data: { severity: 'general' } })).status).toBe(200);
    expect((await handler.post(`/api/complaints/${id}/start-investigation`, { data: {} })).status).toBe(200);
    const past = await handler.post(`/api/complaints/${id}/propose-resolution`, { data: { remedy: { kind: 'freeRepair', description: 'New pads' }, agreedDeadline: later(2) } });
    expect(past.status).toBe(409);
    expect(past.body.rule).toMatchObject({ name: 'causeIdentified' });
  });

  it('ConcurrencyConflict 412 when If-Match is stale, with the current version as ETag; nothing written', async () => {
    const id = await received();
    const ticket = await handler.get(`/api/complaints/${id}`);
    const seen = ticket.body.version as number; // received with its acknowledgement: two events
    expect(ticket.headers.get('etag')).toBe(`"${seen}"`);
    expect((await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'first' } })).status).toBe(200);
    const stale = await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'second' } }, { 'if-match': `"${seen}"` });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ kind: 'ConcurrencyConflict', expected: seen, actual: seen + 1 });
    expect(stale.headers.get('etag')).toBe(`"${seen + 1}"`);
    expect((await handler.get(`/api/complaints/${id}`)).body.version).toBe(seen + 1);
    const fresh = await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'second' } }, { 'if-match': `"${seen + 1}"` });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe(`"${seen + 2}"`);
    // Not an entity tag (unquoted, weak, not a number): refused before anything is decided.
    for (const bad of [String(seen + 2), `W/"${seen + 2}"`, '"x"']) {
      const r = await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'third' } }, { 'if-match': bad });
      expect(r.status, bad).toBe(422);
      expect(r.body.issues[0].path).toBe('headers.if-match');
    }
    expect((await handler.get(`/api/complaints/${id}`)).body.version).toBe(seen + 2);
  });
});

describe('the actor comes from the session', () => {
  it('refuses a body that names another actor, writes nothing, and records the logged-in member', async () => {
    const before = desk.desk.read.position;
    const spoofed = await frontDesk.post('/api/complaints', { ...complaintBody(), actor: { id: 'zhang.wei', role: 'departmentHead' } });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body.kind).toBe('Forbidden');
    const sameNameOtherRole = await frontDesk.post('/api/complaints', { ...complaintBody(), actor: { id: 'li.na', role: 'departmentHead' } });
    expect(sameNameOtherRole.status).toBe(403);
    expect(desk.desk.read.position).toBe(before);

    // Naming yourself is allowed (and changes nothing); the events carry the session's actor.
    const honest = await frontDesk.post('/api/complaints', { ...complaintBody(), actor: { id: 'li.na', role: 'frontDesk' } });
    expect(honest.status).toBe(201);
    const plain = await received(frontDesk);
    for (const id of [honest.body.complaintId, plain]) {
      const { ticket } = (await frontDesk.get(`/api/complaints/${id}`)).body;
      expect(ticket.timeline[0].actor).toEqual({ id: 'li.na', role: 'frontDesk' });
    }
    // A handler cannot act as the department head to assign himself.
    const id = plain;
    const assign = await handler.post(`/api/complaints/${id}/assign-handler`, { data: { handlerId: 'wang.qiang', reason: 'initial' }, actor: { id: 'zhang.wei', role: 'departmentHead' } });
    expect(assign.status).toBe(403);
    const asSelf = await handler.post(`/api/complaints/${id}/assign-handler`, { data: { handlerId: 'wang.qiang', reason: 'initial' } });
    expect(asSelf.status).toBe(403); // the handler role may not assign: the engine says so
    expect(asSelf.body.commandType).toBe('AssignHandler');
  });
});

describe('Idempotency-Key', () => {
  it('executes a retried request once and returns the first result', async () => {
    const key = { 'idempotency-key': 'receive-7f3a' };
    const first = await frontDesk.post('/api/complaints', complaintBody('CU-IDEM'), key);
    expect(first.status).toBe(201);
    const positionAfterFirst = desk.desk.read.position;
    const retry = await frontDesk.post('/api/complaints', complaintBody('CU-IDEM'), key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ complaintId: first.body.complaintId, duplicate: true, version: first.body.version });
    expect(desk.desk.read.position).toBe(positionAfterFirst);

    // Another member's same key is another request.
    const other = await login(desk.url, 'chen.jie');
    const theirs = await other.post('/api/complaints', complaintBody('CU-IDEM'), key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.complaintId).not.toBe(first.body.complaintId);

    // On a command: retried twice, one note.
    const id = first.body.complaintId as string;
    const note = { 'idempotency-key': 'note-1' };
    expect((await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'called back' } }, note)).status).toBe(200);
    const again = await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'called back' } }, note);
    expect(again.body.duplicate).toBe(true);
    const { ticket } = (await handler.get(`/api/complaints/${id}`)).body;
    expect(ticket.timeline.filter((e: { type: string }) => e.type === 'NoteAdded')).toHaveLength(1);
    expect((await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'x' } }, { 'idempotency-key': 'not a key!' })).status).toBe(422);
  });

  it('refuses the same key for a different request with 422 IdempotencyConflict, and writes nothing', async () => {
    const id = await received(frontDesk, 'CU-IDEM-2');
    const key = { 'idempotency-key': 'note-reused' };
    expect((await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'called back at 10:00' } }, key)).status).toBe(200);
    const before = desk.desk.read.position;
    const reused = await handler.post(`/api/complaints/${id}/add-note`, { data: { text: 'a different note' } }, key);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ kind: 'IdempotencyConflict', difference: expect.any(String), commandId: expect.stringMatching(/^idem-/) });
    expect(desk.desk.read.position).toBe(before);
    // A receipt too: the key of a complaint received once, sent again with another customer.
    const receipt = { 'idempotency-key': 'receive-reused' };
    expect((await frontDesk.post('/api/complaints', complaintBody('CU-A'), receipt)).status).toBe(201);
    const other = await frontDesk.post('/api/complaints', complaintBody('CU-B'), receipt);
    expect(other.status).toBe(422);
    expect(other.body.kind).toBe('IdempotencyConflict');
  });
});

describe('a complaint walked to archive through the API', () => {
  it('goes through every step with the right member for each, and shows up on the board and in queues', async () => {
    const id = await received(frontDesk, 'CU-WALK');
    const head = await login(desk.url, 'zhang.wei');
    const step = async (client: Client, command: string, data: unknown) => {
      const r = await client.post(`/api/complaints/${id}/${command}`, { data });
      expect(r.status, `${command}: ${JSON.stringify(r.body)}`).toBe(200);
    };
    await step(handler, 'confirm', { summary: 'Brakes squeal' });
    await step(handler, 'classify', { severity: 'general' });
    await step(head, 'assign-handler', { handlerId: 'wang.qiang', reason: 'initial' });
    expect((await handler.get('/api/queue')).body.cards.map((c: { complaintId: string }) => c.complaintId)).toContain(id);
    await step(handler, 'start-investigation', {});
    await step(handler, 'identify-cause', { cause: 'repairQuality', findings: 'Pads fitted without grease' });
    // 分清责任: the responsible party before the proposal (the engine's default).
    await step(handler, 'attribute-responsibility', { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The pads were fitted without grease' });
    await step(handler, 'propose-resolution', { remedy: { kind: 'freeRepair', description: 'Refit the pads' }, agreedDeadline: later(2) });
    await step(handler, 'start-execution', {});
    await step(handler, 'complete-execution', { outcome: 'Pads refitted' });
    expect((await followUp.get('/api/queue')).body.cards.map((c: { complaintId: string }) => c.complaintId)).toContain(id);
    await step(followUp, 'record-follow-up', { satisfied: true, survey: { ratings: [{ dimension: 'skill', score: 9 }] } });
    await step(handler, 'archive', { preventiveAction: 'Grease checklist at the brake bay' });
    const { ticket, actions } = (await handler.get(`/api/complaints/${id}`)).body;
    expect(ticket.step).toBe('archived');
    expect(actions.mine).toEqual([]);
    const board = (await handler.get('/api/board')).body.cards;
    expect(board.find((c: { complaintId: string }) => c.complaintId === id)).toMatchObject({ step: 'archived' });
  });
});

describe('live changes and the SLA clocks', () => {
  it('streams each change of the log as a server-sent event', async () => {
    const controller = new AbortController();
    const response = await fetch(`${desk.url}/api/events`, { headers: { cookie: handler.cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const id = await received(frontDesk, 'CU-LIVE');
    let seen = '';
    while (!seen.includes(`"complaintId":"${id}"`)) seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toMatch(/event: change/);
    controller.abort();
  });

  it('runs the SLA ticker on its own: a new complaint\'s clocks are started in the log without anyone ticking', async () => {
    const id = 'PD-TICKER-1';
    const started = new Promise<void>((resolve) => {
      const off = desk.desk.read.onChange((change) => {
        if (change.streamId.startsWith('sla:') && change.type === 'SlaClockStarted' && change.complaintId === id) {
          off();
          resolve();
        }
      });
    });
    expect((await frontDesk.post('/api/complaints', { ...complaintBody('CU-TICKER'), complaintId: id })).status).toBe(201);
    await started;
  }, 15_000);

  it('breaches and escalates a clock when the desk clock passes its due instant', async () => {
    const id = await received(frontDesk, 'CU-SLA');
    const before = (await handler.get(`/api/complaints/${id}/sla`)).body.clocks;
    expect(before.find((c: { clock: string }) => c.clock === 'resolution')).toMatchObject({ state: 'running' });
    const moved = await handler.post('/api/test/clock', { advanceMs: 8 * 86_400_000 });
    expect(moved.status).toBe(200);
    const after = (await handler.get(`/api/complaints/${id}/sla`)).body.clocks;
    expect(after.find((c: { clock: string }) => c.clock === 'resolution')).toMatchObject({ state: 'breached' });
    const { ticket } = (await handler.get(`/api/complaints/${id}`)).body;
    expect(ticket.escalations).toContain('departmentHead');
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'ComplaintEscalated', actor: { role: 'system' } });
  });
});

it('keeps what was written across a restart, with the clock not before the last event', async () => {
  const first = await startTestDesk({ testHooks: false });
  const client = await login(first.url, 'li.na');
  const id = (await client.post('/api/complaints', complaintBody('CU-RESTART'))).body.complaintId;
  expect((await client.post('/api/test/clock', { advanceMs: 1 })).status).toBe(404); // no test hooks unless asked
  const lastAt = (await client.get(`/api/complaints/${id}`)).body.ticket.updatedAt;
  await first.close();
  const second = await startTestDesk({ file: first.file });
  try {
    const again = await login(second.url, 'li.na');
    expect((await again.get(`/api/complaints/${id}`)).body.ticket.customer.reference).toBe('CU-RESTART');
    expect(second.desk.clock.now().toISOString() >= lastAt).toBe(true);
  } finally {
    await second.stop();
  }
});

