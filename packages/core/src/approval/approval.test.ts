/**
 * Plan approval by the configured approver, through the public API: the regional branch
 * approves when the host says so, senior management then does not; each approval and
 * rejection records the approver's role and unit, shown on the ticket; the default keeps
 * senior management; a bad configuration is refused naming the problem.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { parseApprovalConfig, type ApprovalConfig } from './approval.js';

const ID = 'c-1';
const branch = { id: 'rb-east', role: 'regionalBranch' } as const;
const regional = parseApprovalConfig({ approvers: [{ role: 'regionalBranch', unit: 'East China regional branch' }] });

/** A major complaint with its remedy proposed, awaiting approval. */
async function awaiting(options: Parameters<typeof testEngine>[0] = {}) {
  const t = testEngine({ duties: false, ...options });
  for (const command of happyPath(ID, NOW, 'major').slice(0, 7)) await t.engine.executeOrThrow(command);
  return t;
}
const approve = (actor: { id: string; role: Role }) => ({ ...commandOf('ApproveRemedy', ID, NOW, 0), actor });
const reject = (actor: { id: string; role: Role }) => ({ ...commandOf('RejectRemedy', ID, NOW, 0), actor });

describe('plan approval by the configured approver', () => {
  it('lets the regional branch approve when configured, recording its unit, and refuses senior management then', async () => {
    const t = await awaiting({ approval: regional });
    const senior = await t.engine.execute(approve(actors.senior));
    expect(!senior.ok && senior.error).toMatchObject({ kind: 'Forbidden' });
    const { events } = await t.engine.executeOrThrow(approve(branch));
    expect(events.map((e) => e.type)).toEqual(['RemedyApproved', 'RemedyDecisionAttributed']);
    expect(events[1]?.data).toEqual({ decision: 'approved', approverId: 'rb-east', role: 'regionalBranch', unit: 'East China regional branch' });
    expect(t.engine.view(t.tickets).get(ID)).toMatchObject({ step: 'remedyApproved', remedyDecisions: [{ at: NOW, decision: 'approved', approverId: 'rb-east', role: 'regionalBranch', unit: 'East China regional branch' }] });
  });

  it('records the unit of a rejection too', async () => {
    const t = await awaiting({ approval: regional });
    const { events } = await t.engine.executeOrThrow(reject(branch));
    expect(events[1]?.data).toMatchObject({ decision: 'rejected', unit: 'East China regional branch' });
  });

  it('keeps senior management, for the company, by default', async () => {
    const t = await awaiting();
    expect((await t.engine.execute(approve(branch))).ok).toBe(false);
    const { events } = await t.engine.executeOrThrow(approve(actors.senior));
    expect(events[1]?.data).toMatchObject({ role: 'seniorManagement', unit: 'Company' });
  });

  it('holds the approver under a host permission matrix that lets others approve, with a typed rule and nothing written', async () => {
    const t = await awaiting({ approval: regional, permissions: { ApproveRemedy: ['regionalBranch', 'seniorManagement'] } });
    const before = (await t.store.readStream(ID, 1)).length;
    const refused = await t.engine.execute(approve(actors.senior));
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'configuredApprover' } });
    expect(!refused.ok && refused.error.message).toContain('the approvers are regionalBranch (East China regional branch)');
    expect((await t.store.readStream(ID, 1)).length).toBe(before);
  });

  it('refuses a configuration without approvers or with a role twice', () => {
    expect(() => parseApprovalConfig({ approvers: [] })).toThrow(WorkflowConfigError);
    expect(() => parseApprovalConfig({ approvers: [{ role: 'regionalBranch', unit: 'East' }, { role: 'regionalBranch', unit: 'West' }] })).toThrow(/regionalBranch is an approver already/);
    expect(() => testEngine({ approval: { approvers: [{ role: 'nobody', unit: 'x' }] } as unknown as ApprovalConfig })).toThrow(WorkflowConfigError);
  });
});

const approverRoles = fc.uniqueArray(fc.constantFrom<Role>(...ROLES.filter((r) => r !== 'customer' && r !== 'system' && r !== 'dataProtection')), { minLength: 1, maxLength: 3 });

describe('over any configured approvers', () => {
  test.prop([approverRoles, fc.constantFrom(...ROLES)], { numRuns: 40 })('a role approves exactly when configured, and the recorded unit is its own', async (roles, role) => {
    const approval = parseApprovalConfig({ approvers: roles.map((r) => ({ role: r, unit: `unit of ${r}` })) });
    const t = await awaiting({ approval });
    const result = await t.engine.execute(approve({ id: 'someone', role }));
    expect(result.ok).toBe(roles.includes(role));
    if (result.ok) expect(result.value.events.find((e) => e.type === 'RemedyDecisionAttributed')?.data).toMatchObject({ role, unit: `unit of ${role}` });
    // Over the log: every approval is followed by its attribution to a configured approver.
    const log = await t.store.readStream(ID, 1);
    log.forEach((e, i) => {
      if (e.type !== 'RemedyApproved') return;
      const next = log[i + 1];
      expect(next?.type === 'RemedyDecisionAttributed' && roles.includes(next.data.role)).toBe(true);
    });
  });
});
