/**
 * A downgrade: Redress 0.1.0 (the released code, taken from git by `loadRelease010`) reads a
 * log this version wrote, in which `SurveyAttempted` events are encrypted (0.1.0 stored them
 * in plaintext and does not list them as personal). The log goes from one to the other as an
 * export and an import would carry it (every recorded event, as JSON, in log order), with the
 * host's key store; the stores' own formats did not change since 0.1.0. 0.1.0 must not crash
 * and must show what it can: the attempts decrypted, the reach figures this version computes,
 * and after the customer's erasure `[erased]` where their data was.
 */
import {
  aesGcmKeyWrapper,
  complaintEventFamily,
  createCryptoShredder,
  createEngine,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  createManualClock,
  DEFAULT_PERSONAL_DATA,
  personalDataMap,
  protectStore,
  sequentialIds,
  type EventLike,
  type EventStore,
  type KeyStore,
  type RecordedEvent,
} from '@redress/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { complaintStore } from '../surveys/complaint-store.js';
import { createSurveyDesk } from '../surveys/desk.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { csiEventFamily } from '../support/event-family.js';
import { loadRelease010, type Release010 } from '../test-support/release-0.1.0.js';
import { CSI_PERSONAL_DATA, createCsiSubject } from './personal-data.js';

const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;
const NOTE = 'Called twice, left a message with her son';
const SURVEY_CUSTOMER = { reference: 'cust-7', name: 'Ms Attempt', phone: '+86 139 5555 0000' };

let old: Release010;
beforeAll(async () => {
  old = await loadRelease010();
}, 120_000);
afterAll(() => old?.close());

/** This version's host: a protected log with csi's map and subject lookup, the engine and the survey desk. */
function today(keys: KeyStore) {
  const raw = createInMemoryEventStore<EventLike>();
  const personalData = personalDataMap({ base: { ...DEFAULT_PERSONAL_DATA, ...CSI_PERSONAL_DATA } });
  const evolution = createEventEvolution([complaintEventFamily(), csiEventFamily()]);
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys, personalData }), evolution, subjectOf: createCsiSubject(raw) }) as unknown as EventStore<CsiLogEvent>;
  const clock = createManualClock('2026-11-23T09:00:00.000Z');
  const engine = createEngine({ store: complaintStore(store), clock, ids: sequentialIds('e') });
  const desk = createSurveyDesk({ store, clock, ids: sequentialIds('s') });
  return { raw, store, engine, desk };
}

/** A log written by this version: a complaint followed up after two attempts, a survey outside it after one. */
async function writtenToday(keys: KeyStore) {
  const host = today(keys);
  await host.engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: { id: 'fd-wang', role: 'frontDesk' },
    data: {
      customer: { reference: 'cust-9', name: 'Mr Complaint' },
      channel: 'phone',
      description: 'Noise',
      demand: 'Fix it',
      acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    },
  });
  const attempts = [
    { attemptId: 'a-1', data: { of: { kind: 'survey', surveyId: 'q4-1', programme: 'quarterly', customer: SURVEY_CUSTOMER, product: { identifier: 'VIN-9999' } }, method: 'telephone', outcome: 'noAnswer', note: NOTE } },
    { attemptId: 'a-2', data: { of: { kind: 'followUp', complaintId: 'c-1' }, method: 'telephone', outcome: 'noAnswer', note: NOTE } },
    { attemptId: 'a-3', data: { of: { kind: 'followUp', complaintId: 'c-1' }, method: 'web', outcome: 'reached' } },
  ] as const;
  for (const a of attempts) {
    const recorded = await host.desk.attempt(attemptCommand(a.attemptId, a.data));
    if (!recorded.ok) throw recorded.error;
  }
  return { ...host, attempts };
}

const attemptCommand = (attemptId: string, data: object) => ({ type: 'RecordSurveyAttempt', commandId: `cmd-${attemptId}`, attemptId, actor: staff, data }) as never;

/** The log as an export carries it, appended stream by stream in log order to a 0.1.0 in-memory store. */
async function importedInto010(log: readonly RecordedEvent<EventLike>[]) {
  const store = old.core.createInMemoryEventStore<EventLike>();
  for (const line of log.map((e) => JSON.stringify(e))) {
    const { streamId, streamVersion, globalPosition: _position, ...event } = JSON.parse(line) as RecordedEvent<EventLike>;
    await store.append(streamId, streamVersion === 1 ? 'noStream' : streamVersion - 1, [event]);
  }
  return store;
}

/** 0.1.0's read path as its docs wire it for csi: its own map (no SurveyAttempted in it), families and subject lookup. */
function reader010(raw: EventStore<EventLike>, keys: KeyStore) {
  const personalData = old.core.personalDataMap({ base: { ...old.core.DEFAULT_PERSONAL_DATA, ...old.csi.CSI_PERSONAL_DATA } });
  const evolution = old.core.createEventEvolution([old.core.complaintEventFamily(), old.csi.csiEventFamily()]);
  return old.core.protectStore(raw, { shredder: old.core.createCryptoShredder({ keys, personalData }), evolution, subjectOf: old.csi.csiSubject }) as unknown as EventStore<CsiLogEvent>;
}

const attemptData = async (store: EventStore<CsiLogEvent>, attemptId: string) => (await store.readStream(`survey-attempt:${attemptId}`))[0]?.data as Record<string, unknown> | undefined;

describe('0.1.0 reading SurveyAttempted events this version encrypted', () => {
  it('is the released code: it stores an attempt’s note in plaintext, where this version encrypts it', async () => {
    expect(old.csi.CSI_PERSONAL_DATA).not.toHaveProperty('SurveyAttempted');
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(4)) });
    const { raw } = await writtenToday(keys);
    expect(JSON.stringify(await raw.readAll())).not.toContain(NOTE);
    expect(JSON.stringify(await raw.readStream('survey-attempt:a-1'))).toContain('"$personal"');
  });

  it('reads them decrypted and folds the same reach figures as this version', async () => {
    expect(old.core.protectStore).not.toBe(protectStore);
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(4)) });
    const host = await writtenToday(keys);
    const store = reader010(await importedInto010(await host.raw.readAll()), keys);

    expect(await attemptData(store, 'a-1')).toEqual(await attemptData(host.store, 'a-1'));
    expect(await attemptData(store, 'a-1')).toMatchObject({ note: NOTE, of: { customer: SURVEY_CUSTOMER, product: { identifier: 'VIN-9999' } } });
    expect(await attemptData(store, 'a-2')).toMatchObject({ note: NOTE, of: { kind: 'followUp', complaintId: 'c-1' } });
    const reach010 = old.csi.analyze(await old.csi.rebuildAnalytics(store)).surveys.reach;
    expect(reach010).toEqual(analyze(await rebuildAnalytics(host.store)).surveys.reach);
    expect(reach010.attempts).toBeGreaterThanOrEqual(3);
  });

  it('answers a retry of an attempt this version recorded as the duplicate it is, and writes nothing', async () => {
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(4)) });
    const host = await writtenToday(keys);
    const raw = await importedInto010(await host.raw.readAll());
    const desk = old.csi.createSurveyDesk({ store: reader010(raw, keys), clock: old.core.createManualClock('2026-11-24T09:00:00.000Z'), ids: old.core.sequentialIds('old') });
    const before = await raw.readAll();
    for (const a of host.attempts) {
      const retried = await desk.attempt(attemptCommand(a.attemptId, a.data));
      expect(retried.ok && retried.value.duplicate, a.attemptId).toBe(true);
    }
    expect(await raw.readAll()).toEqual(before);
  });

  it('reads them [erased] once the customer is erased, and still folds the reach figures', async () => {
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(4)) });
    const host = await writtenToday(keys);
    const before = analyze(await rebuildAnalytics(host.store)).surveys.reach;
    await keys.destroy('cust-7');
    await keys.destroy('cust-9');
    const store = reader010(await importedInto010(await host.raw.readAll()), keys);

    const survey = await attemptData(store, 'a-1');
    expect(survey).toMatchObject({ outcome: 'noAnswer', of: { kind: 'survey', customer: { reference: 'cust-7' } } });
    expect([survey?.note, (survey?.of as { customer: { name: unknown } }).customer.name]).toEqual([old.core.ERASED, old.core.ERASED]);
    expect((await attemptData(store, 'a-2'))?.note).toBe(old.core.ERASED);
    expect(old.csi.analyze(await old.csi.rebuildAnalytics(store)).surveys.reach).toEqual(before);
  });
});
