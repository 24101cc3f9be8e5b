/**
 * Authority limits through the public API: a remedy beyond the proposer's limit is not
 * proposed, one beyond the approver's is not approved, each refusal names the limit and
 * writes nothing; the property compares every decision with the limit's arithmetic.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/primitives.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { parseAuthorityConfig } from './limits.js';

const ID = 'c-1';
const authority = parseAuthorityConfig({
  limits: [
    { role: 'handler', kinds: ['compensation', 'discount'], upTo: { value: 2000, currency: 'CNY' } },
    { name: 'dept-head-cap', role: 'departmentHead', upTo: { value: 10_000, currency: 'CNY' } },
    { role: 'seniorManagement', upTo: { value: 50_000, currency: 'CNY' } },
  ],
});
const deadline = new Date(Date.parse(NOW) + 48 * 3_600_000).toISOString();
const propose = (by: Actor, value: number, kind: 'compensation' | 'refund' = 'compensation') =>
  ({ type: 'ProposeResolution', complaintId: ID, actor: by, data: { remedy: { kind, description: 'x', amount: { value, currency: 'CNY' } }, agreedDeadline: deadline } }) as const;

/** A complaint investigated with its cause found and its responsible party attributed, by the fixtures' path; major when asked. */
async function investigated(severity: 'general' | 'major' = 'general') {
  const t = testEngine({ authority, duties: false });
  for (const command of happyPath(ID, NOW, severity).slice(0, 6)) await t.engine.executeOrThrow(command);
  return t;
}

describe('authority limits', () => {
  it('lets a handler propose compensation up to their limit, and refuses above it naming the limit, writing nothing', async () => {
    const t = await investigated();
    const before = (await t.store.readStream(ID, 1)).length;
    const above = await t.engine.execute(propose(actors.handler, 2000.5));
    expect(!above.ok && above.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'withinAuthority' } });
    expect(!above.ok && above.error.message).toContain('limit handler/compensation+discount: a handler grants a compensation up to 2000 CNY; this one is 2000.5 CNY');
    expect((await t.store.readStream(ID, 1)).length).toBe(before);
    expect((await t.engine.execute(propose(actors.handler, 2000))).ok).toBe(true);
    // A kind the handler's limit does not name is not capped for them.
    expect((await t.engine.execute(propose(actors.handler, 9000, 'refund'))).ok).toBe(true);
  });

  it('checks the approver’s limit when a major remedy is approved', async () => {
    const t = await investigated('major');
    await t.engine.executeOrThrow(propose(actors.head, 9000));
    expect((await t.engine.execute({ ...commandOf('ApproveRemedy', ID, NOW, 0), actor: actors.senior })).ok).toBe(true);
    const headApproves = testEngine({ authority, duties: false, permissions: { ApproveRemedy: ['departmentHead', 'seniorManagement'] } });
    for (const command of happyPath(ID, NOW, 'major').slice(0, 6)) await headApproves.engine.executeOrThrow(command);
    await headApproves.engine.executeOrThrow(propose(actors.senior, 20_000));
    const refused = await headApproves.engine.execute({ ...commandOf('ApproveRemedy', ID, NOW, 0), actor: actors.head });
    expect(!refused.ok && refused.error.message).toContain('limit dept-head-cap: a departmentHead grants a compensation up to 10000 CNY; this one is 20000 CNY');
    expect((await headApproves.engine.execute({ ...commandOf('ApproveRemedy', ID, NOW, 0), actor: actors.senior })).ok).toBe(true);
  });

  it('refuses a remedy in another currency than the limit, and malformed limits', async () => {
    const t = await investigated();
    const usd = await t.engine.execute({ ...propose(actors.handler, 10), data: { remedy: { kind: 'discount', description: 'x', amount: { value: 10, currency: 'USD' } }, agreedDeadline: deadline } });
    expect(!usd.ok && usd.error.message).toContain('is in CNY; this discount is in USD');
    expect(() => parseAuthorityConfig({ limits: [{ role: 'handler', upTo: { value: -1, currency: 'CNY' } }] })).toThrow(WorkflowConfigError);
  });
});

describe('over any remedy and proposer', () => {
  test.prop([fc.constantFrom(actors.handler, actors.head, actors.senior), fc.constantFrom('compensation', 'refund') as fc.Arbitrary<'compensation' | 'refund'>, fc.integer({ min: 0, max: 60_000 })], { numRuns: 40 })(
    'a proposal is accepted exactly when the proposer’s limits allow its amount',
    async (by, kind, value) => {
      const t = await investigated();
      const cap = by.role === 'handler' ? (kind === 'compensation' ? 2000 : Infinity) : by.role === 'departmentHead' ? 10_000 : 50_000;
      expect((await t.engine.execute(propose(by, value, kind))).ok).toBe(value <= cap);
    },
  );
});
