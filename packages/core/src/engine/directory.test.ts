/** The actor directory: a claimed role is checked, unknown actors refused, and `system` is a capability, not a role. */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { testEngine } from '../test-support/engine.js';
import type { Engine } from './engine.js';
import { commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { staticDirectory, type ActorDirectory } from './directory.js';

const people = staticDirectory({ 'li.na': ['frontDesk'], 'zhang.wei': ['departmentHead', 'handler'] });
const receive = (actor: CommandInput['actor']): CommandInput => ({ ...commandOf('ReceiveComplaint', 'c-1', NOW), actor }) as CommandInput;
const note = (actor: CommandInput['actor']): CommandInput => ({ type: 'AddNote', complaintId: 'c-1', actor, data: { text: 'Called back' } });

describe('with an actor directory', () => {
  it('takes a role the directory gives, and refuses one it does not', async () => {
    const { engine, store } = testEngine({ directory: people });
    await engine.executeOrThrow(receive({ id: 'li.na', role: 'frontDesk' }));
    await engine.executeOrThrow(note({ id: 'zhang.wei', role: 'handler' }));
    const claimed = await engine.execute(note({ id: 'li.na', role: 'seniorManagement' }));
    expect(claimed).toMatchObject({ ok: false, error: { kind: 'Forbidden', message: 'li.na (seniorManagement) may not AddNote: the directory gives li.na frontDesk, not seniorManagement' } });
    const unknown = await engine.execute(note({ id: 'mallory', role: 'handler' }));
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'Forbidden', reason: 'the directory knows no mallory' } });
    expect(await store.readStream('c-1')).toHaveLength(3);
  });

  it('refuses `system` in a command, whoever sends it; automation acts as system through its capability', async () => {
    const { engine } = testEngine({ directory: people });
    await engine.executeOrThrow(receive({ id: 'li.na', role: 'frontDesk' }));
    const typed = await engine.execute(note({ id: 'sla', role: 'system' }));
    expect(typed).toMatchObject({ ok: false, error: { kind: 'Forbidden', reason: expect.stringMatching(/system is reserved for the host's automation/) } });
    const { events } = await engine.automation('sla').executeOrThrow({ type: 'EscalateOnBreach', complaintId: 'c-1', data: { breach: { id: 'b-1', clock: 'plan', cycle: 1 }, reason: 'Plan due' } });
    expect(events[0]?.actor).toEqual({ id: 'sla', role: 'system' });
    // A system actor may be named (an automation with several parts); another role may not.
    const named = await engine.automation().execute({ type: 'AddNote', complaintId: 'c-1', actor: { id: 'repeat-detector', role: 'system' }, data: { text: 'Third time' } });
    expect(named.ok && named.value.events[0]?.actor).toEqual({ id: 'repeat-detector', role: 'system' });
    const disguised = await engine.automation().execute({ type: 'AddNote', complaintId: 'c-1', actor: { id: 'li.na', role: 'frontDesk' }, data: { text: 'x' } });
    expect(disguised).toMatchObject({ ok: false, error: { kind: 'Forbidden', reason: 'automation acts as system' } });
    // So it stands in for the engine where a component (a repeat detector) takes `Pick<Engine, 'execute'>`.
    const asEngine: Pick<Engine, 'execute'> = engine.automation('csi');
    expect((await asEngine.execute({ type: 'FlagRepeatComplaint', complaintId: 'c-1', actor: { id: 'csi', role: 'system' }, data: { count: 3, windowDays: 90, basis: 'customer', related: ['c-0'] } })).ok).toBe(true);
  });

  it('asks an asynchronous directory (a database, an identity provider)', async () => {
    const remote: ActorDirectory = { rolesOf: async (id) => (id === 'li.na' ? ['frontDesk'] : undefined) };
    const { engine } = testEngine({ directory: remote });
    expect((await engine.execute(receive({ id: 'li.na', role: 'frontDesk' }))).ok).toBe(true);
    expect((await engine.execute(receive({ id: 'wang', role: 'frontDesk' }))).ok).toBe(false);
  });
});

describe('without a directory', () => {
  it('takes the claimed role, system included, as before', async () => {
    const { engine } = testEngine();
    await engine.executeOrThrow(receive({ id: 'anyone', role: 'frontDesk' }));
    expect((await engine.execute(note({ id: 'sla', role: 'system' }))).ok).toBe(true);
    expect((await engine.automation('rules').execute({ type: 'AddNote', complaintId: 'c-1', data: { text: 'x' } })).ok).toBe(true);
  });
});
