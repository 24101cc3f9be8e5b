import {
  complaintEventFamily,
  createCryptoShredder,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  DEFAULT_PERSONAL_DATA,
  isErased,
  personalDataMap,
  protectStore,
  type EventLike,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { surveyStreamId } from '../surveys/schema.js';
import { csiEventFamily } from '../support/event-family.js';
import { CSI_PERSONAL_DATA, csiSubject } from './personal-data.js';

const survey: NewEvent<EventLike> = {
  type: 'SurveyTaken',
  data: {
    surveyId: 's-1',
    programme: 'quarterly',
    customer: { reference: 'cust-7', name: 'Ms Survey', phone: '+86 139 7777 0000' },
    comment: 'The advisor, Mr Wu, was kind',
    ratings: [{ dimension: 'attitude', score: 9, level: 'verySatisfied', comment: 'called me by name' }],
  },
  eventId: 'ev-s-1',
  occurredAt: '2026-11-23T09:00:00.000Z',
  actor: { id: 'fu-1', role: 'followUpStaff' },
  causationId: 'cmd-s-1',
  correlationId: 'cmd-s-1',
  schemaVersion: 1,
};

describe("csi's SurveyTaken under crypto-shredding", () => {
  it('is stored encrypted for the customer it names, read back in full, and reads erased once the customer is', async () => {
    const keys = createInMemoryKeyStore();
    const raw = createInMemoryEventStore<EventLike>();
    const personalData = personalDataMap({ base: { ...DEFAULT_PERSONAL_DATA, ...CSI_PERSONAL_DATA } });
    const store = protectStore(raw, { shredder: createCryptoShredder({ keys, personalData }), evolution: createEventEvolution([complaintEventFamily(), csiEventFamily()]), subjectOf: csiSubject });
    await store.append(surveyStreamId('s-1'), 'noStream', [survey]);
    const stored = JSON.stringify(await raw.readAll());
    for (const secret of ['Ms Survey', '7777', 'Mr Wu', 'called me']) expect(stored).not.toContain(secret);
    expect((await store.readAll())[0]?.data).toEqual(survey.data);
    await keys.destroy('cust-7');
    const [erased] = await store.readAll();
    const data = erased?.data as { customer: { name: string; reference: string }; ratings: { comment: string; score: number }[]; comment: string };
    expect([isErased(data.customer.name), isErased(data.comment), isErased(data.ratings[0]?.comment)]).toEqual([true, true, true]);
    expect([data.customer.reference, data.ratings[0]?.score]).toEqual(['cust-7', 9]);
  });

  it('is checked by csi\'s event family: a newer version or an unknown type on a survey stream is refused', async () => {
    const raw = createInMemoryEventStore<EventLike>();
    const store = protectStore(raw, { evolution: createEventEvolution([complaintEventFamily(), csiEventFamily()]) });
    await raw.append(surveyStreamId('s-2'), 'noStream', [{ ...survey, eventId: 'ev-s-2', schemaVersion: 2 }]);
    await expect(store.readAll()).rejects.toMatchObject({ kind: 'UnsupportedEventVersion' });
    await raw.append(surveyStreamId('s-3'), 'noStream', [{ ...survey, eventId: 'ev-s-3', type: 'SurveyTeleported' }]);
    await expect(store.readStream(surveyStreamId('s-3'))).rejects.toMatchObject({ kind: 'UnknownEventType', family: 'csi' });
    await raw.append(surveyStreamId('s-4'), 'noStream', [{ ...survey, eventId: 'ev-s-4', data: { ...(survey.data as object), ratings: [] } }]);
    await expect(store.readStream(surveyStreamId('s-4'))).rejects.toMatchObject({ kind: 'InvalidStoredEvent' });
  });
});
