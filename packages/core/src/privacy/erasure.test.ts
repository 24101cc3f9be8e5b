/**
 * Erasure in two writes (record, then destroy) and its recovery: whatever point a crash
 * stops at, completing the erasures leaves the recorded subjects destroyed and no other.
 */
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { completeErasures } from './erasure.js';
import { createInMemoryKeyStore } from './in-memory-key-store.js';

const subject = fc.constantFrom('CU-1', 'CU-2', 'CU-3', 'CU-4');

test.prop([fc.uniqueArray(subject), fc.uniqueArray(subject), fc.nat({ max: 4 })])(
  'after a crash anywhere in a run of erasures, completing them destroys exactly the recorded subjects',
  async (withKeys, erased, crashAfter) => {
    const keys = createInMemoryKeyStore();
    for (const s of withKeys) await keys.currentKey(s);
    // Each erasure is recorded (the log), then its keys destroyed, until the crash.
    const recorded: string[] = [];
    for (const [i, s] of erased.entries()) {
      recorded.push(s);
      if (i >= crashAfter) break;
      await keys.destroy(s);
    }
    const done = await completeErasures(keys, recorded);
    const listed = await keys.subjects();
    expect(listed.filter((s) => s.destroyed).map((s) => s.subject)).toEqual([...recorded].sort());
    expect(listed.filter((s) => !s.destroyed).map((s) => s.subject)).toEqual(withKeys.filter((s) => !recorded.includes(s)).sort());
    // The crash left at most the last recorded erasure undone.
    expect(done).toEqual(recorded.slice(crashAfter));
    expect(await completeErasures(keys, recorded)).toEqual([]);
  },
);

it('records an erasure for a subject the key store never saw', async () => {
  const keys = createInMemoryKeyStore();
  expect(await completeErasures(keys, ['CU-9', 'CU-9'])).toEqual(['CU-9']);
  expect(await keys.key('CU-9', 1)).toEqual({ state: 'destroyed' });
});
