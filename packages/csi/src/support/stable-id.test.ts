import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { harness, live } from '../test-support/harness.js';
import { createRepeatDetector } from '../repeats/detector.js';
import { DEFAULT_REPEAT_POLICY } from '../repeats/policy.js';
import { stableId } from './stable-id.js';

// Core's id rule (primitives.ts): what every command id and complaint id must pass.
const CORE_ID = /^[A-Za-z0-9_\-:.]{1,128}$/;
const idChars = fc.constantFrom(...'abcXYZ019_-:.'.split(''));
const idText = fc.string({ unit: idChars, minLength: 1, maxLength: 128, size: 'max' });

describe('stable ids', () => {
  test.prop([fc.array(idText, { minLength: 1, maxLength: 3 })])('are always ids core accepts, however long the parts', (parts) => {
    expect(stableId(...parts)).toMatch(CORE_ID);
  });

  test.prop([fc.array(idText, { minLength: 1, maxLength: 3 }), fc.array(idText, { minLength: 1, maxLength: 3 })])(
    'differ when the joined parts differ',
    (a, b) => {
      fc.pre(a.join(':') !== b.join(':'));
      expect(stableId(...a)).not.toBe(stableId(...b));
    },
  );

  it('let the repeat detector act on complaints whose ids have the full 128 characters', async () => {
    const h = harness();
    const detector = createRepeatDetector({ engine: h.engine, store: h.store, clock: h.clock, policy: { ...DEFAULT_REPEAT_POLICY, action: 'flagOnly' } });
    const ids = ['1', '2', '3'].map((n) => `${'c'.repeat(127)}${n}`);
    const truck = { kind: 'truck', model: 'J6' } as const;
    for (const id of ids) {
      await live(h, id, { product: truck, customer: `cust-${id.slice(-1)}`, until: 'investigating' });
      await h.engine.executeOrThrow({ type: 'IdentifyCause', complaintId: id, actor: { id: 'h-li', role: 'handler' }, data: { cause: 'productQuality', findings: 'Injector fault' } });
    }
    const outcomes = await detector.catchUp(h.store);
    const refused = outcomes.filter((o) => 'result' in o && !o.result.ok);
    expect(refused).toEqual([]);
    expect(h.engine.view(h.tickets).get(ids[2] as string)?.repeat).toMatchObject({ basis: 'cause', count: 3 });
  });
});
