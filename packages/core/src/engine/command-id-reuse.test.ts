/** Issue 10, section 5: a command id reused for a different command is refused, not silently dropped. */
import { describe, expect, it } from 'vitest';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';

describe('a command id reused for another command', () => {
  it('is refused with a typed error and writes nothing', async () => {
    const { engine, store } = testEngine();
    await engine.executeOrThrow({ ...commandOf('ReceiveComplaint', 'c-1', NOW), commandId: 'k-1' });
    await engine.executeOrThrow({ type: 'AddNote', complaintId: 'c-1', commandId: 'k-2', actor: actors.handler, data: { text: 'Called the workshop' } });
    const before = (await store.readAll(1)).length;
    const other = await engine.execute({ type: 'AddNote', complaintId: 'c-1', commandId: 'k-2', actor: actors.handler, data: { text: 'Something else entirely' } });
    expect(other.ok).toBe(false);
    expect((await store.readAll(1)).length).toBe(before);
  });
});
