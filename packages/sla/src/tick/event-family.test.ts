import {
  complaintEventFamily,
  createEventEvolution,
  createInMemoryEventStore,
  protectStore,
  type EventLike,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { oneClock, T0, testLog, H } from '../test-support/log.js';
import { slaEventFamily } from './event-family.js';
import { slaStreamId } from './events.js';
import { createSlaTicker } from './ticker.js';

describe('the SLA event family', () => {
  it('reads what the ticker writes, and refuses a newer version or an unknown type on an SLA stream', async () => {
    // The test log's complaint events are minimal: only the SLA family's schemas are checked here.
    const raw = createInMemoryEventStore<EventLike>();
    const store = protectStore(raw, { evolution: createEventEvolution([complaintEventFamily({ validate: false }), slaEventFamily()]) });
    const log = testLog(store);
    await log.add('c1', T0, 'ComplaintReceived');
    const ticker = createSlaTicker({ store, config: oneClock({ warnings: [{ percent: 50 }] }) });
    await ticker.tick(new Date(T0));
    await ticker.tick(new Date(T0 + 11 * H));
    const types = (await store.readStream(slaStreamId('c1'))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['SlaPolicyApplied', 'SlaClockStarted', 'SlaWarningRaised', 'SlaBreached']));

    const [first] = await raw.readStream(slaStreamId('c1'));
    const newer = { ...first, eventId: 'ev-newer', schemaVersion: 2 } as NewEvent<EventLike>;
    await raw.append(slaStreamId('c1'), 'any', [newer]);
    await expect(store.readStream(slaStreamId('c1'))).rejects.toMatchObject({ kind: 'UnsupportedEventVersion' });
    await raw.append(slaStreamId('c2'), 'any', [{ ...newer, eventId: 'ev-unknown', type: 'SlaTeleported', schemaVersion: 1 }]);
    await expect(store.readStream(slaStreamId('c2'))).rejects.toMatchObject({ kind: 'UnknownEventType', family: 'SLA' });
  });
});
