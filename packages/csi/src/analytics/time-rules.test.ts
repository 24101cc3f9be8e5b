import { rebuildProjection } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { DAY, harness, HOUR, life } from '../test-support/harness.js';
import { analyze } from './analyze.js';
import { analyticsProjection } from './facts.js';

describe('the 3-day follow-up rule', () => {
  it('gives each follow-up to the execution it followed in the log, even when the next execution has the same instant', async () => {
    // An import or a manual clock: the reopened cycle runs in the same millisecond as the first
    // follow-up; the second follow-up comes five days after the second execution (late).
    const h = harness();
    const steps = life('c-1', { reopen: true });
    const lastFollowUp = steps.map((s) => s.command.type).lastIndexOf('RecordFollowUp');
    for (const [i, step] of steps.entries()) {
      if (i === lastFollowUp) h.clock.advance(5 * DAY);
      const c = step.command;
      await h.engine.executeOrThrow(
        c.type === 'ProposeResolution' ? { ...c, data: { ...c.data, agreedDeadline: new Date(h.clock.now().getTime() + 48 * HOUR).toISOString() } } : c,
      );
    }
    const { state } = await rebuildProjection(h.store, analyticsProjection());
    const a = analyze(state, { asOf: h.clock.now().toISOString() });
    expect(a.sla.followUpWithin3Days).toEqual({ met: 1, total: 2, rate: 0.5 });
  });
});
