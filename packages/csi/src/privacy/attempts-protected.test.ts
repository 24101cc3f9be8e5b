/**
 * Survey attempts on a protected log, through the desk: the customer block and the note are
 * stored encrypted for the customer they concern (the survey's, or the followed-up
 * complaint's) and read erased once that customer is erased; nothing personal is ever
 * stored in plaintext, even when no subject can be found.
 */
import {
  complaintEventFamily,
  createCryptoShredder,
  createEngine,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  createManualClock,
  DEFAULT_PERSONAL_DATA,
  isErased,
  personalDataMap,
  protectStore,
  sequentialIds,
  type EventLike,
  type SubjectOf,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { complaintStore } from '../surveys/complaint-store.js';
import { createSurveyDesk } from '../surveys/desk.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { csiEventFamily } from '../support/event-family.js';
import { CSI_PERSONAL_DATA, createCsiSubject, csiSubject } from './personal-data.js';

const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;
const SECRETS = ['Ms Attempt', '5555', 'VIN-9999', 'left a message with her son'];

function protectedDesk(subject: (raw: ReturnType<typeof createInMemoryEventStore<EventLike>>) => SubjectOf) {
  const keys = createInMemoryKeyStore();
  const raw = createInMemoryEventStore<EventLike>();
  const personalData = personalDataMap({ base: { ...DEFAULT_PERSONAL_DATA, ...CSI_PERSONAL_DATA } });
  const evolution = createEventEvolution([complaintEventFamily(), csiEventFamily()]);
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys, personalData }), evolution, subjectOf: subject(raw) }) as unknown as ReturnType<
    typeof createInMemoryEventStore<CsiLogEvent>
  >;
  const clock = createManualClock('2026-11-23T09:00:00.000Z');
  const engine = createEngine({ store: complaintStore(store), clock, ids: sequentialIds('e') });
  const desk = createSurveyDesk({ store, clock, ids: sequentialIds('s') });
  return { keys, raw, store, engine, desk };
}

async function receive(h: ReturnType<typeof protectedDesk>, complaintId: string, reference: string) {
  await h.engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId,
    actor: { id: 'fd-wang', role: 'frontDesk' },
    data: {
      customer: { reference, name: 'Mr Complaint' },
      channel: 'phone',
      description: 'Noise',
      demand: 'Fix it',
      acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    },
  });
}

describe('survey attempts on a protected log', () => {
  it("keep a survey attempt's customer block and note encrypted for its customer, erased with them", async () => {
    const h = protectedDesk(() => csiSubject);
    const recorded = await h.desk.attempt({
      type: 'RecordSurveyAttempt',
      attemptId: 'a-1',
      actor: staff,
      data: {
        of: { kind: 'survey', surveyId: 'q4-1', programme: 'quarterly', customer: { reference: 'cust-7', name: 'Ms Attempt', phone: '+86 139 5555 0000' }, product: { identifier: 'VIN-9999' } },
        method: 'telephone',
        outcome: 'noAnswer',
        note: 'Called twice, left a message with her son',
      },
    });
    if (!recorded.ok) throw recorded.error;
    const stored = JSON.stringify(await h.raw.readAll());
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect((await h.store.readStream('survey-attempt:a-1'))[0]?.data).toMatchObject({ note: 'Called twice, left a message with her son', of: { customer: { name: 'Ms Attempt' } } });
    await h.keys.destroy('cust-7');
    const data = (await h.store.readStream('survey-attempt:a-1'))[0]?.data as { note: string; outcome: string; of: { customer: { name: string; phone: string; reference: string } } };
    expect([isErased(data.note), isErased(data.of.customer.name), isErased(data.of.customer.phone)]).toEqual([true, true, true]);
    expect([data.outcome, data.of.customer.reference]).toEqual(['noAnswer', 'cust-7']);
  });

  it("keep a follow-up attempt's note encrypted for the complaint's customer, erased with them (createCsiSubject)", async () => {
    const h = protectedDesk((raw) => createCsiSubject(raw));
    await receive(h, 'c-1', 'cust-9');
    const recorded = await h.desk.attempt({
      type: 'RecordSurveyAttempt',
      attemptId: 'a-2',
      actor: staff,
      data: { of: { kind: 'followUp', complaintId: 'c-1' }, method: 'telephone', outcome: 'noAnswer', note: 'Called twice, left a message with her son' },
    });
    if (!recorded.ok) throw recorded.error;
    expect(JSON.stringify(await h.raw.readStream('survey-attempt:a-2'))).not.toContain('her son');
    await h.keys.destroy('cust-8'); // another customer's erasure leaves it readable
    expect((await h.store.readStream('survey-attempt:a-2'))[0]?.data).toMatchObject({ note: 'Called twice, left a message with her son' });
    await h.keys.destroy('cust-9');
    const data = (await h.store.readStream('survey-attempt:a-2'))[0]?.data as { note: string; method: string };
    expect([isErased(data.note), data.method]).toEqual([true, 'telephone']);
  });

  it('refuse a follow-up attempt with a note when the subject cannot be found, and write nothing', async () => {
    const h = protectedDesk(() => csiSubject);
    await receive(h, 'c-1', 'cust-9');
    const before = await h.raw.readAll();
    await expect(
      h.desk.attempt({
        type: 'RecordSurveyAttempt',
        attemptId: 'a-3',
        actor: staff,
        data: { of: { kind: 'followUp', complaintId: 'c-1' }, method: 'telephone', outcome: 'noAnswer', note: 'left a message with her son' },
      }),
    ).rejects.toMatchObject({ kind: 'NoDataSubject' });
    expect(await h.raw.readAll()).toEqual(before);
  });
});
