import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../engine/clock.js';
import { createEngine } from '../../engine/engine.js';
import { sequentialIds } from '../../engine/ids.js';
import type { ComplaintEvent } from '../../events/schema.js';
import { complaintEventFamily } from '../../evolution/complaint-family.js';
import { createEventEvolution } from '../../evolution/evolution.js';
import { rebuildProjection } from '../../projections/projection.js';
import { ticketViewProjection } from '../../projections/ticket-view.js';
import { createInMemoryEventStore } from '../../store/in-memory.js';
import { protectStore } from '../../store/protected-store.js';
import type { Command } from '../../commands/schema.js';
import { happyPath } from '../../test-support/fixtures.js';
import { NOW } from '../../test-support/given.js';
import { createCryptoShredder } from '../crypto-shredder.js';
import { isErased } from '../erased.js';
import { createInMemoryKeyStore } from '../in-memory-key-store.js';
import type { KeyStore } from '../key-store.js';
import { createCustomerDataProtection } from './customer-data.js';

const officer = { id: 'dpo-1', role: 'dataProtection' } as const;
const erasure = (customerReference: string, reason = 'request #77 under PIPL art. 47') =>
  ({ type: 'EraseCustomerData', actor: officer, data: { customerReference, reason } }) as const;

/** The command without the free texts the default personal-data map encrypts. */
function withoutPersonalText(command: Command): Command {
  const { note: _note, comment: _comment, summary: _summary, ...data } = command.data as Record<string, unknown>;
  const survey = data.survey as { comment?: string; ratings: { comment?: string }[] } | undefined;
  if (survey) data.survey = { ...survey, comment: undefined, ratings: survey.ratings.map(({ comment: _c, ...rating }) => rating) };
  return { ...command, data: JSON.parse(JSON.stringify(data)) as unknown } as Command;
}

function setUp(keys: KeyStore = createInMemoryKeyStore()) {
  const raw = createInMemoryEventStore<ComplaintEvent>();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const clock = createManualClock(NOW);
  const engine = createEngine({ store, clock, ids: sequentialIds('id') });
  const privacy = createCustomerDataProtection({ store, keys, clock, ids: sequentialIds('erase') });
  return { raw, store, keys, clock, engine, privacy };
}

describe('EraseCustomerData', () => {
  it('erases mid-workflow; the complaint still walks to archive, and every read shows the customer erased', async () => {
    const { raw, store, engine, privacy } = setUp();
    const path = happyPath('c-1', NOW);
    const other = happyPath('c-2', NOW).map((c) => (c.type === 'ReceiveComplaint' ? { ...c, data: { ...c.data, customer: { reference: 'cust-other', name: 'Ms Other' } } } : c));
    for (const command of other) await engine.executeOrThrow(command);
    for (const command of path.slice(0, 3)) await engine.executeOrThrow(command);
    const erased = await privacy.erase(erasure('cust-0'));
    expect(erased.ok && erased.value.duplicate).toBe(false);
    const refusals: string[] = [];
    for (const command of path.slice(3)) {
      let result = await engine.execute(command);
      // A new personal text for an erased customer is refused; the step itself does not need it.
      if (!result.ok && result.error.kind === 'SubjectErased') {
        refusals.push(command.type);
        result = await engine.execute(withoutPersonalText(command));
      }
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    }
    expect(refusals).toEqual(['RecordFollowUp']);
    expect((await engine.load('c-1')).state.step).toBe('archived');
    const ticket = (await rebuildProjection(store, ticketViewProjection())).state.get('c-1');
    expect(isErased(ticket?.customer.name)).toBe(true);
    expect(isErased(ticket?.description)).toBe(true);
    expect((await rebuildProjection(store, ticketViewProjection())).state.get('c-2')?.customer.name).toBe('Ms Other');
    // The audit event names the customer and the reason, nothing personal; the raw log holds no name.
    const audit = (await raw.readStream('customer:cust-0'))[0];
    expect(audit).toMatchObject({ type: 'CustomerDataErased', data: { customerReference: 'cust-0', reason: 'request #77 under PIPL art. 47' }, actor: officer });
    expect(JSON.stringify(await raw.readAll())).not.toContain('王先生');
  });

  it('refuses with typed errors and writes nothing: no reason, a role that may not erase, unknown fields', async () => {
    const { raw, privacy } = setUp();
    const bad = [
      { ...erasure('cust-0'), data: { customerReference: 'cust-0', reason: '   ' } },
      { ...erasure('cust-0'), data: { customerReference: 'cust-0' } },
      { ...erasure('cust-0'), actor: { id: 'h-1', role: 'handler' } },
      { ...erasure('cust-0'), actor: { id: 'x', role: 'system' } },
      { ...erasure('cust-0'), data: { customerReference: 'cust-0', reason: 'ok', name: 'x' } },
    ];
    const kinds = [];
    for (const command of bad) {
      const result = await privacy.erase(command as never);
      kinds.push(result.ok ? 'ok' : result.error.kind);
    }
    expect(kinds).toEqual(['Validation', 'Validation', 'Forbidden', 'Forbidden', 'Validation']);
    expect(raw.size).toBe(0);
  });

  it('is idempotent: a second erasure, or two at once, record one audit event', async () => {
    const { raw, privacy } = setUp();
    const [a, b] = await Promise.all([privacy.erase(erasure('cust-0')), privacy.erase(erasure('cust-0'))]);
    expect([a.ok && a.value.duplicate, b.ok && b.value.duplicate].sort()).toEqual([false, true]);
    expect((await privacy.erase(erasure('cust-0'))).ok).toBe(true);
    expect(await raw.readStream('customer:cust-0')).toHaveLength(1);
  });

  it('completeErasures finishes an erasure whose keys survived a crash after the audit event', async () => {
    const keys = createInMemoryKeyStore();
    const { engine, privacy, store } = setUp(keys);
    await engine.executeOrThrow(happyPath('c-1', NOW)[0]!);
    // The crash: the audit event is stored, the keys were never destroyed.
    const crashed = setUp(createInMemoryKeyStore());
    await crashed.privacy.erase(erasure('cust-0'));
    await store.append('customer:cust-0', 'noStream', await crashed.raw.readStream('customer:cust-0'));
    expect((await store.readStream('c-1'))[0]?.data).toMatchObject({ customer: { name: '王先生' } });
    expect(await privacy.completeErasures()).toEqual(['cust-0']);
    expect(await privacy.completeErasures()).toEqual([]);
    const [received] = await store.readStream('c-1');
    expect(received?.type === 'ComplaintReceived' && isErased(received.data.customer.name)).toBe(true);
  });
});

describe('retention and subject access', () => {
  it('erases a customer N months after their last archive, once, as recorded events; a live complaint holds it back', async () => {
    const { raw, clock, engine, privacy } = setUp();
    for (const command of happyPath('c-1', NOW)) await engine.executeOrThrow(command);
    const second = happyPath('c-2', NOW);
    for (const command of second.slice(0, -1)) await engine.executeOrThrow(command);
    clock.advance(7 * 31 * 86_400_000);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [] });
    await engine.executeOrThrow(second.at(-1)!);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [] });
    clock.advance(6 * 31 * 86_400_000);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: ['cust-0'] });
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [] });
    const audit = await raw.readStream('customer:cust-0');
    expect(audit.map((e) => [e.type, e.actor])).toEqual([['CustomerDataErased', { id: 'retention', role: 'system' }]]);
  });

  it('exports everything held about one customer, decrypted, with the complaint history; nothing of others', async () => {
    const { engine, privacy } = setUp();
    for (const command of happyPath('c-1', NOW)) await engine.executeOrThrow(command);
    const other = happyPath('c-2', NOW)[0]!;
    await engine.executeOrThrow(other.type === 'ReceiveComplaint' ? { ...other, data: { ...other.data, customer: { reference: 'cust-9', name: 'Ms Nine' } } } : other);
    const exported = await privacy.exportCustomerData('cust-0');
    expect(exported.complaints.map((c) => c.complaintId)).toEqual(['c-1']);
    expect(exported.complaints[0]?.events.at(-1)?.type).toBe('ComplaintArchived');
    expect(JSON.stringify(exported)).toContain('王先生');
    expect(JSON.stringify(exported)).not.toContain('Ms Nine');
    expect(exported.erased).toBe(false);
    await privacy.erase(erasure('cust-0'));
    const after = await privacy.exportCustomerData('cust-0');
    expect(after.erased).toBe(true);
    expect(JSON.stringify(after)).not.toContain('王先生');
  });
});
