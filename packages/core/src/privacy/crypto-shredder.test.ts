/**
 * Crypto-shredding, tested on logs walked through the decider (every event type,
 * realistic names, phones, plates and free texts) and on arbitrary JSON shapes. The
 * oracles here are written independently of paths.ts: a structured clone edited in place.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { MissingKeyError, PersonalDataTamperedError, SubjectErasedError } from '../errors/data-errors.js';
import { createCryptoShredder, type RevealedEvent } from './crypto-shredder.js';
import { ERASED } from './erased.js';
import { createInMemoryKeyStore } from './in-memory-key-store.js';
import { aesGcmKeyWrapper } from './key-wrapper.js';
import { DEFAULT_PERSONAL_DATA, type PersonalDataMap } from './personal-data.js';
import { PERSONAL_DATA_KEY } from './personal-blob.js';
import { complaintStreams, record, type ComplaintStream } from './test-support/logs.js';

const shredder = (personalData?: PersonalDataMap) => {
  const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(1)) });
  return { keys, shredder: createCryptoShredder({ keys, personalData }) };
};

async function protectAll(s: ReturnType<typeof shredder>['shredder'], streams: readonly ComplaintStream[]) {
  const out = [];
  for (const st of streams) out.push({ ...st, events: await s.protect(st.events, st) });
  return out;
}

type Json = Record<string, unknown>;

/** Independent oracle: visits every value a pattern names, editing a clone in place. */
function visit(data: Json, pattern: string, at: (parent: Json, key: string) => void): void {
  const steps = pattern.split('.');
  const go = (node: unknown, i: number): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const step = steps[i]!;
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return;
    const child = (node as Json)[key];
    if (i === steps.length - 1) return void (child !== undefined && at(node as Json, key));
    if (many) return void (Array.isArray(child) && child.forEach((c) => go(c, i + 1)));
    go(child, i + 1);
  };
  go(data, 0);
}

function personalValues(event: EventLike, map: PersonalDataMap = DEFAULT_PERSONAL_DATA): unknown[] {
  const values: unknown[] = [];
  for (const p of map[event.type] ?? []) visit(event.data as Json, p, (parent, key) => values.push(parent[key]));
  return values;
}

function erasedCopy<E extends RecordedEvent<EventLike>>(event: E, map: PersonalDataMap = DEFAULT_PERSONAL_DATA): { data: Json; fields: number } {
  const data = structuredClone(event.data) as Json;
  let fields = 0;
  for (const p of map[event.type] ?? []) {
    visit(data, p, (parent, key) => {
      parent[key] = ERASED;
      fields++;
    });
  }
  return { data, fields };
}

const withoutNote = ({ erasure: _erasure, ...event }: RevealedEvent) => event;

describe('protect, then reveal', () => {
  test.prop([complaintStreams()], { numRuns: 40 })('gives back every event exactly as written', async (streams) => {
    const { shredder: s } = shredder();
    const revealed = await s.revealAll(record(await protectAll(s, streams)));
    expect(revealed).toStrictEqual(record(streams));
  });

  test.prop([complaintStreams()], { numRuns: 40 })('leaves no personal value anywhere in the stored JSON', async (streams) => {
    const { shredder: s } = shredder();
    const stored = record(await protectAll(s, streams));
    const original = record(streams);
    let checked = 0;
    stored.forEach((event, i) => {
      const json = JSON.stringify(event);
      const plain = original[i]!;
      // What the event says outside its personal fields may repeat a personal value (a note quoting the demand): that is not a leak.
      const outside = JSON.stringify(erasedCopy(plain).data);
      for (const value of personalValues(plain)) {
        const needle = JSON.stringify(value).slice(1, -1);
        // Short base64url-like strings can occur by chance inside a ciphertext; real names, phones, plates and texts are not like that.
        if (/^[A-Za-z0-9_-]{0,11}$/.test(needle) || outside.includes(needle)) continue;
        checked++;
        expect(json, `${plain.type} leaks ${needle}`).not.toContain(needle);
      }
    });
    expect(checked > 0 || original.every((e) => personalValues(e).length === 0)).toBe(true);
  });

  it('encrypts the personal fields of the events that have them, and no other', async () => {
    const { shredder: s, keys } = shredder();
    const [received, sla] = await s.protect([received1, slaEvent], { streamId: 'c-1', subject: 'CU-1' });
    expect(received!.data).toStrictEqual({
      complaintId: 'c-1',
      customer: { reference: 'CU-1', segment: 'fleet' },
      channel: 'phone',
      product: { model: 'Tiguan L' },
      [PERSONAL_DATA_KEY]: expect.objectContaining({ format: 1, subject: 'CU-1', key: 1, fields: ['customer.name', 'customer.phone', 'product.identifier', 'description', 'demand'] }),
    });
    expect(sla).toBe(slaEvent);
    expect(await keys.subjects()).toEqual([{ subject: 'CU-1', currentVersion: 1, destroyed: false }]);
  });

  it('creates no key for a subject none of whose events has a personal value', async () => {
    const { shredder: s, keys } = shredder();
    const note = { ...received1, type: 'ComplaintConfirmed', data: { summary: 'x' } } as const;
    const out = await s.protect([slaEvent, { ...note, type: 'ExecutionStarted', data: {} }], { streamId: 'c-1', subject: 'CU-1' });
    expect(out.map((e) => e.data)).toEqual([slaEvent.data, {}]);
    expect(await keys.subjects()).toEqual([]);
  });

  it('refuses to protect twice, and an empty subject', async () => {
    const { shredder: s } = shredder();
    const [once] = await s.protect([received1], { streamId: 'c-1', subject: 'CU-1' });
    await expect(s.protect([once!], { streamId: 'c-1', subject: 'CU-1' })).rejects.toThrow(/already protected/);
    await expect(s.protect([received1], { streamId: 'c-1', subject: '' })).rejects.toThrow(RangeError);
  });

  // Arbitrary shapes: the paths may be missing, nested in lists, or under parents of the wrong kind.
  const key = fc.constantFrom('a', 'b', 'c');
  const pattern = fc.array(fc.tuple(key, fc.boolean()), { minLength: 1, maxLength: 3 }).map((steps) => steps.map(([k, many], i) => (many && i < steps.length - 1 ? `${k}[]` : k)).join('.'));
  // Trees over the same keys as the paths, so paths hit, miss, and run into lists and leaves.
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 1 }), fc.dictionary(key, tie('node'), { maxKeys: 3 }), fc.array(tie('node'), { maxLength: 3 })),
  }));
  const data = fc.dictionary(key, node, { maxKeys: 3 });
  test.prop([fc.array(pattern, { maxLength: 4 }), fc.array(data, { minLength: 1, maxLength: 5 })])('round-trips any JSON shape under any paths', async (patterns, datas) => {
    const map = { Anything: patterns };
    const { shredder: s } = shredder(map);
    const events = datas.map((d, i) => ({ ...received1, eventId: `e-${i}`, type: 'Anything', data: structuredClone(d) }));
    const stored = record([{ streamId: 's', events: (await s.protect(events, { streamId: 's', subject: 'CU-1' })) as never }]);
    expect(await s.revealAll(stored)).toStrictEqual(record([{ streamId: 's', events: events as never }]));
  });

  test.prop([fc.array(pattern, { maxLength: 4 }), data])('erases any JSON shape under any paths, nested paths included', async (patterns, d) => {
    const map = { Anything: patterns };
    const { shredder: s, keys } = shredder(map);
    const plain = record([{ streamId: 's', events: [{ ...received1, type: 'Anything', data: structuredClone(d) }] as never }])[0]!;
    const [stored] = record([{ streamId: 's', events: (await s.protect([plain], { streamId: 's', subject: 'CU-1' })) as never }]);
    await keys.destroy('CU-1');
    const revealed = await s.reveal(stored!);
    expect(withoutNote(revealed)).toStrictEqual({ ...plain, data: erasedCopy(plain, map).data });
  });
});

describe('erasure', () => {
  test.prop([complaintStreams({ streams: 4 }), fc.nat()], { numRuns: 40 })(
    'puts ERASED exactly at the personal fields of the erased subject, and changes nothing else',
    async (streams, pick) => {
      const { shredder: s, keys } = shredder();
      const stored = record(await protectAll(s, streams));
      const subjects = [...new Set(streams.map((st) => st.subject))];
      const erased = subjects[pick % subjects.length]!;
      await keys.destroy(erased);
      const revealed = await s.revealAll(stored);
      record(streams).forEach((plain, i) => {
        const got = revealed[i]!;
        const subject = streams.find((st) => st.streamId === plain.streamId)!.subject;
        const expected = erasedCopy(plain);
        if (subject !== erased || expected.fields === 0) return expect(got).toStrictEqual(plain);
        expect(withoutNote(got)).toStrictEqual({ ...plain, data: expected.data });
        expect(got.erasure).toEqual({ subject: erased, fields: expect.any(Array) });
        expect(got.erasure!.fields).toHaveLength(expected.fields);
      });
    },
  );

  it('reads as erased through every key version, and refuses new data for the subject', async () => {
    const { shredder: s, keys } = shredder();
    const first = await s.protect([received1], { streamId: 'c-1', subject: 'CU-1' });
    await keys.rotate('CU-1');
    const second = await s.protect([{ ...noteAdded, eventId: 'n-1' }], { streamId: 'c-1', subject: 'CU-1' });
    await keys.destroy('CU-1');
    const revealed = await s.revealAll(record([{ streamId: 'c-1', events: [...first, ...second] as never }]));
    expect(revealed.map((e) => e.erasure?.fields)).toEqual([['customer.name', 'customer.phone', 'product.identifier', 'description', 'demand'], ['text']]);
    expect((revealed[1]!.data as Json).text).toBe(ERASED);
    await expect(s.protect([noteAdded], { streamId: 'c-1', subject: 'CU-1' })).rejects.toThrow(SubjectErasedError);
  });

  it('tells a missing key (a wrong key store) from an erased one', async () => {
    const { shredder: s } = shredder();
    const stored = record([{ streamId: 'c-1', events: (await s.protect([received1], { streamId: 'c-1', subject: 'CU-1' })) as never }]);
    const elsewhere = createCryptoShredder({ keys: createInMemoryKeyStore() });
    await expect(elsewhere.reveal(stored[0]!)).rejects.toThrow(MissingKeyError);
  });
});

it('takes a value whole when one personal path lies inside another', async () => {
  const map = { Anything: ['a.b', 'a'] };
  const { shredder: s, keys } = shredder(map);
  const plain = record([{ streamId: 's', events: [{ ...received1, type: 'Anything', data: { a: { b: 'x', c: 1 }, d: 2 } }] as never }])[0]!;
  const [stored] = record([{ streamId: 's', events: (await s.protect([plain], { streamId: 's', subject: 'CU-1' })) as never }]);
  expect((stored!.data as Json)[PERSONAL_DATA_KEY]).toMatchObject({ fields: ['a'] });
  expect(await s.reveal(stored!)).toStrictEqual(plain);
  await keys.destroy('CU-1');
  expect((await s.reveal(stored!)).data).toEqual({ a: ERASED, d: 2 });
});

it('many writers protecting for a new subject at once share one key, and every event reads back', async () => {
  const { shredder: s, keys } = shredder();
  const events = Array.from({ length: 12 }, (_, i) => ({ ...noteAdded, eventId: `n-${i}` }));
  const written = await Promise.all(events.map((e) => s.protect([e], { streamId: 'c-1', subject: 'CU-new' })));
  expect(await keys.subjects()).toEqual([{ subject: 'CU-new', currentVersion: 1, destroyed: false }]);
  const stored = record([{ streamId: 'c-1', events: written.flat() as never }]);
  expect(await s.revealAll(stored)).toStrictEqual(record([{ streamId: 'c-1', events: events as never }]));
});

describe('key rotation', () => {
  it('keeps old events readable and encrypts new ones with the new version', async () => {
    const { shredder: s, keys } = shredder();
    const before = await s.protect([received1], { streamId: 'c-1', subject: 'CU-1' });
    await keys.rotate('CU-1');
    const after = await s.protect([{ ...noteAdded, eventId: 'n-1' }], { streamId: 'c-1', subject: 'CU-1' });
    const blobs = [...before, ...after].map((e) => (e.data as Json)[PERSONAL_DATA_KEY] as { key: number });
    expect(blobs.map((b) => b.key)).toEqual([1, 2]);
    const plain = record([{ streamId: 'c-1', events: [received1, { ...noteAdded, eventId: 'n-1' }] as never }]);
    expect(await s.revealAll(record([{ streamId: 'c-1', events: [...before, ...after] as never }]))).toStrictEqual(plain);
  });
});

describe('tampering', () => {
  async function storedPair() {
    const { shredder: s, keys } = shredder();
    const events = await s.protect([received1, { ...noteAdded, eventId: 'n-1' }], { streamId: 'c-1', subject: 'CU-1' });
    await s.protect([{ ...noteAdded, eventId: 'n-2' }], { streamId: 'c-2', subject: 'CU-2' });
    return { s, keys, stored: record([{ streamId: 'c-1', events: events as never }]) };
  }
  const blobOf = (e: RecordedEvent<EventLike>) => (e.data as Json)[PERSONAL_DATA_KEY] as Json;
  const withBlob = (e: RecordedEvent<EventLike>, change: (b: Json) => Json): RecordedEvent<EventLike> => ({ ...e, data: { ...(e.data as Json), [PERSONAL_DATA_KEY]: change(blobOf(e)) } });
  const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const sameBytes = (text: string) => text.slice(0, -1) + B64[B64.indexOf(text.at(-1)!) ^ 1];

  const changes: [string, (e: RecordedEvent<EventLike>, other: RecordedEvent<EventLike>) => RecordedEvent<EventLike>][] = [
    ['a ciphertext byte', (e) => withBlob(e, (b) => ({ ...b, ct: flip(b.ct as string) }))],
    ['the tag', (e) => withBlob(e, (b) => ({ ...b, tag: flip(b.tag as string) }))],
    ['the iv', (e) => withBlob(e, (b) => ({ ...b, iv: flip(b.iv as string) }))],
    ['a truncated ciphertext', (e) => withBlob(e, (b) => ({ ...b, ct: (b.ct as string).slice(0, -4) }))],
    ['the field list', (e) => withBlob(e, (b) => ({ ...b, fields: [...(b.fields as string[])].reverse() }))],
    ['a dropped field', (e) => withBlob(e, (b) => ({ ...b, fields: (b.fields as string[]).slice(1) }))],
    ['the subject (to another subject with a key)', (e) => withBlob(e, (b) => ({ ...b, subject: 'CU-2' }))],
    ['the format', (e) => withBlob(e, (b) => ({ ...b, format: 2 }))],
    ['a non-base64 iv', (e) => withBlob(e, (b) => ({ ...b, iv: 'not base64!' }))],
    // The last character of a 16-byte tag carries 4 unused bits: this text decodes to the same bytes.
    ['the tag text only (same bytes, another encoding)', (e) => withBlob(e, (b) => ({ ...b, tag: sameBytes(b.tag as string) }))],
    ['a blob that is not an object', (e) => withBlob(e, () => 'x' as unknown as Json)],
    ['the event id', (e) => ({ ...e, eventId: 'other' })],
    ['the stream', (e) => ({ ...e, streamId: 'c-2' })],
    ['the type', (e) => ({ ...e, type: 'ComplaintConfirmed' })],
    ['the schema version', (e) => ({ ...e, schemaVersion: 2 })],
    ['a blob moved from another event of the same subject and key', (e, other) => withBlob(e, () => blobOf(other))],
    ['a listed field whose parent was removed', (e) => ({ ...e, data: { ...(e.data as Json), customer: 'gone' } })],
  ];

  for (const [what, change] of changes) {
    it(`is detected when ${what} changed`, async () => {
      const { s, stored } = await storedPair();
      await expect(s.reveal(stored[0]!)).resolves.toBeDefined();
      const error = await s.reveal(change(stored[0]!, stored[1]!)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PersonalDataTamperedError);
      expect((error as Error).message).not.toMatch(/Xie|139/);
    });
  }

  it('refuses a field list naming no data path, even once the subject is erased', async () => {
    const { s, keys, stored } = await storedPair();
    await keys.destroy('CU-1');
    for (const fields of [['__proto__.polluted'], ['a..b'], ['customer.constructor']]) {
      await expect(s.reveal(withBlob(stored[0]!, (b) => ({ ...b, fields })))).rejects.toThrow(PersonalDataTamperedError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is detected when a wrapped key was changed in the key table', async () => {
    const wrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(1));
    const { stored } = await storedPair();
    const [format, iv, tag, ct] = (await wrapper.wrap({ subject: 'CU-1', version: 1, material: new Uint8Array(32) })).split('.');
    const changed = [format, iv, tag, flip(ct!)].join('.');
    // A key store reading a changed row: unwrapping fails inside key().
    const keys = { ...createInMemoryKeyStore(), key: async () => ({ state: 'active' as const, key: { subject: 'CU-1', version: 1, material: await wrapper.unwrap(changed, 'CU-1', 1) } }) };
    await expect(createCryptoShredder({ keys }).reveal(stored[0]!)).rejects.toThrow(PersonalDataTamperedError);
  });
});

const received1: NewEvent<ComplaintEvent> = {
  type: 'ComplaintReceived',
  data: {
    complaintId: 'c-1',
    customer: { reference: 'CU-1', name: '谢涛 Xie Tao', phone: '+86 139 0000 3040', segment: 'fleet' },
    channel: 'phone',
    description: 'Called the hotline three times; nobody called back.',
    demand: 'A decision this week.',
    product: { model: 'Tiguan L', identifier: '沪A·Z3R62' },
  },
  eventId: 'e-1',
  occurredAt: '2026-11-23T01:07:00.000Z',
  actor: { id: 'chen.jie', role: 'frontDesk' },
  causationId: 'cmd-1',
  correlationId: 'cmd-1',
  schemaVersion: 1,
};
const noteAdded: NewEvent<ComplaintEvent> = { ...received1, eventId: 'e-2', type: 'NoteAdded', data: { text: 'Mr Xie will call back at 5.', visibility: 'internal' } };
const slaEvent = { ...received1, eventId: 'sla-1', type: 'SlaBreached', data: { complaintId: 'c-1', clock: 'resolution' } } as unknown as NewEvent<ComplaintEvent>;
