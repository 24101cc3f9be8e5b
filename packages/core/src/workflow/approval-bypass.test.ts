/**
 * Issue 10, section 1: a major complaint's remedy cannot be executed without
 * senior management's approval, whoever reclassifies it in between.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';

const ID = 'c-1';
async function majorWithRemedyProposed() {
  const t = testEngine();
  for (const type of ['ReceiveComplaint', 'ConfirmComplaint', 'ClassifyComplaint', 'StartInvestigation', 'IdentifyCause', 'AttributeResponsibility', 'ProposeResolution'] as const) {
    const command = commandOf(type, ID, NOW, 0);
    await t.engine.executeOrThrow(type === 'ClassifyComplaint' ? ({ ...command, data: { severity: 'major' } } as CommandInput) : command);
  }
  return t;
}

describe('the approval bypass (major → general → execute)', () => {
  it('refuses the handler downgrading a major complaint', async () => {
    const { engine } = await majorWithRemedyProposed();
    const downgrade = await engine.execute({ type: 'ClassifyComplaint', complaintId: ID, actor: actors.handler, data: { severity: 'general', reason: 'Not that bad after all' } });
    expect(downgrade.ok).toBe(false);
  });

  it('refuses executing the remedy proposed while major, even after senior management downgrades', async () => {
    const { engine } = await majorWithRemedyProposed();
    await engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId: ID, actor: actors.senior, data: { severity: 'general', reason: 'Only cosmetic' } });
    const start = await engine.execute({ type: 'StartExecution', complaintId: ID, actor: actors.handler });
    expect(start.ok).toBe(false);
  });
});
