/**
 * Difficult-customer hints where the handler works: a tag on the profile shows, with its
 * hint, on the handler's queue and with the ticket of every complaint of that customer,
 * and only of that customer; removing the tag removes it.
 */
import { describe, expect, it } from 'vitest';
import { customerProfilesProjection, handlerQueue, rebuildProjection, runProjection, ticketHints } from '../index.js';
import type { CommandInput } from '../commands/schema.js';
import { actors, fullAcknowledgement } from '../test-support/fixtures.js';
import { openPerson, PERSON, profilesWithEngine } from './test-support.js';

const receive = (customerReference: string, complaintId: string): CommandInput => ({
  type: 'ReceiveComplaint',
  complaintId,
  actor: actors.frontDesk,
  data: { customer: { reference: customerReference }, channel: 'visit', description: 'Noise', demand: 'Fix it', acknowledgement: fullAcknowledgement },
});
const assign = (complaintId: string): CommandInput => ({ type: 'AssignHandler', complaintId, actor: actors.head, data: { handlerId: actors.handler.id, reason: 'initial' } });

describe('difficult-customer hints', () => {
  it('shows a tag and its hint on the handler queue and the ticket, for that customer only', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    for (const [customer, id] of [[PERSON, 'c-1'], [PERSON, 'c-2'], ['CU-OTHER', 'c-3']] as const) {
      await s.engine.executeOrThrow(receive(customer, id));
      await s.engine.executeOrThrow(assign(id));
    }
    await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 'media-threat', hint: 'Stay factual; two staff present', reason: 'Threatened to call the press' }, actors.handler);

    const profiles = (await rebuildProjection(s.store, customerProfilesProjection())).state;
    const queue = handlerQueue(s.engine.view(s.queues), profiles, actors.handler.id);
    const hintsOf = (id: string) => queue.find((q) => q.complaintId === id)?.hints.map((h) => [h.tag, h.hint, h.by]);
    expect(queue.map((q) => q.complaintId).sort()).toEqual(['c-1', 'c-2', 'c-3']);
    expect(hintsOf('c-1')).toEqual([['media-threat', 'Stay factual; two staff present', actors.handler.id]]);
    expect(hintsOf('c-2')).toEqual(hintsOf('c-1'));
    expect(hintsOf('c-3')).toEqual([]);
    const ticket = s.engine.view(s.tickets).get('c-1');
    expect(ticket && ticketHints(profiles, ticket).map((h) => h.tag)).toEqual(['media-threat']);
    expect(handlerQueue(s.engine.view(s.queues), profiles, null)).toEqual([]);

    await s.run('UntagDifficultCustomer', { customerReference: PERSON, tag: 'media-threat', reason: 'Calm for a year' }, actors.handler);
    const after = (await rebuildProjection(s.store, customerProfilesProjection())).state;
    expect(handlerQueue(s.engine.view(s.queues), after, actors.handler.id).flatMap((q) => q.hints)).toEqual([]);
  });

  it('keeps a live runner equal to a rebuild as profile and complaint events interleave', async () => {
    const s = profilesWithEngine();
    const live = runProjection(customerProfilesProjection());
    await s.profiles.execute(openPerson());
    await s.engine.executeOrThrow(receive(PERSON, 'c-1'));
    await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 'litigious', hint: 'Everything in writing', reason: 'Sued twice' }, actors.handler);
    await live.catchUp(s.store);
    const rebuilt = (await rebuildProjection(s.store, customerProfilesProjection())).state;
    expect(live.state).toEqual(rebuilt);
    expect(live.state.get(PERSON)?.tags.map((t) => t.tag)).toEqual(['litigious']);
  });
});
