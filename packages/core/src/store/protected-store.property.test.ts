/**
 * The erasure property, end to end through the read/write path: for walked logs of
 * several customers written through `protectStore`, erasing one customer and rebuilding
 * gives exactly what a rebuild of the plain log gives with that customer's personal
 * fields replaced by ERASED (an independent oracle: paths of the default map, no
 * cryptography); every other customer is untouched, and the complaints fold to the same
 * decision states.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { evolveAll } from '../decider/evolve.js';
import { initialComplaintState } from '../decider/state.js';
import type { NewEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { complaintEventFamily } from '../evolution/complaint-family.js';
import { createEventEvolution } from '../evolution/evolution.js';
import { createCryptoShredder, type RevealedEvent } from '../privacy/crypto-shredder.js';
import { ERASED } from '../privacy/erased.js';
import { createInMemoryKeyStore } from '../privacy/in-memory-key-store.js';
import { concretePaths, withValues } from '../privacy/paths.js';
import { DEFAULT_PERSONAL_DATA } from '../privacy/personal-data.js';
import { complaintStreams } from '../privacy/test-support/logs.js';
import { rebuildProjection } from '../projections/projection.js';
import { ticketViewProjection } from '../projections/ticket-view.js';
import { createInMemoryEventStore } from './in-memory.js';
import { protectStore } from './protected-store.js';

/** The oracle: the event with each personal field of the default map set to ERASED. */
function erasedByHand(event: NewEvent<ComplaintEvent>): NewEvent<ComplaintEvent> {
  const data = event.data as Record<string, unknown>;
  const fields = (DEFAULT_PERSONAL_DATA[event.type] ?? []).flatMap((p) => concretePaths(data, p));
  return { ...event, data: withValues(data, fields, fields.map(() => ERASED)) ?? data } as NewEvent<ComplaintEvent>;
}

test.prop([complaintStreams({ streams: 4, maxLength: 20 }), fc.nat()], { numRuns: 40 })(
  'erase(subject) then rebuild == rebuild of the log with that subject’s personal fields ERASED; others untouched',
  async (streams, pick) => {
    const keys = createInMemoryKeyStore();
    const store = protectStore(createInMemoryEventStore<ComplaintEvent>(), { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
    for (const s of streams) if (s.events.length > 0) await store.append(s.streamId, 'noStream', s.events);
    const subject = streams[pick % streams.length]?.subject ?? '';
    await keys.destroy(subject);

    const oracle = createInMemoryEventStore<ComplaintEvent>();
    for (const s of streams) if (s.events.length > 0) await oracle.append(s.streamId, 'noStream', s.subject === subject ? s.events.map(erasedByHand) : s.events);

    const read = (await store.readAll()) as readonly RevealedEvent<ComplaintEvent>[];
    expect(read.map((e) => e.data)).toEqual((await oracle.readAll()).map((e) => e.data));
    expect(read.filter((e) => e.erasure).every((e) => e.erasure?.subject === subject)).toBe(true);
    expect((await rebuildProjection(store, ticketViewProjection())).state).toEqual((await rebuildProjection(oracle, ticketViewProjection())).state);
    for (const s of streams) {
      expect(evolveAll(initialComplaintState, await store.readStream(s.streamId))).toEqual(evolveAll(initialComplaintState, s.events));
    }
  },
);
