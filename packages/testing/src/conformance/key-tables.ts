/**
 * The checks of a SQL store's key table, as a vitest suite: core's KEY_STORE_CONTRACT,
 * then what only a shared table can get wrong. Two key stores over one table stand for
 * two processes (two connections, two pool clients): they race for a subject's first key
 * and for rotations, one erases while the other issues, and a wrapped key changed in the
 * table must fail as tampering, never decrypt to garbage. Whether destroyed bytes leave
 * the file or the dump is the store's own test (it knows its files).
 */
import {
  createCryptoShredder,
  KEY_STORE_CONTRACT,
  PersonalDataTamperedError,
  SubjectErasedError,
  type KeyStore,
  type NewEvent,
  type RecordedEvent,
} from '@redress/core';
import { afterEach, describe, expect, it } from 'vitest';

/** Two key stores over one fresh, empty key table, wrapped by the same master key. */
export interface KeyTablePair {
  readonly first: KeyStore;
  readonly second: KeyStore;
  /** Rewrites one stored wrapped key, as an attacker with write access to the table would. */
  tamper(subject: string, version: number, change: (wrapped: string) => string): Promise<void>;
  /** Every wrapped key the table holds, of every subject. */
  wrappedKeys(): Promise<readonly string[]>;
  close(): Promise<void>;
}

export type OpenKeyTablePair = () => Promise<KeyTablePair>;

const hex = (a: Uint8Array) => Buffer.from(a).toString('hex');

function received(subject: string): RecordedEvent<{ type: 'ComplaintReceived'; data: Record<string, unknown> }> {
  return {
    type: 'ComplaintReceived',
    data: { complaintId: 'KT-1', customer: { reference: subject, name: 'Wang Fang', phone: '13800138000' }, channel: 'phone', description: 'Brakes squeal', demand: 'Fix' },
    eventId: 'kt-e1',
    occurredAt: '2026-03-01T08:00:00.000Z',
    actor: { id: 'fd-1', role: 'frontDesk' },
    causationId: 'kt-c1',
    correlationId: 'KT-1',
    schemaVersion: 1,
    streamId: 'KT-1',
    streamVersion: 1,
    globalPosition: 1,
  };
}

export function keyTableConformance(name: string, open: OpenKeyTablePair): void {
  describe(`${name}: the key table`, () => {
    const opened: KeyTablePair[] = [];
    const pair = async () => {
      const p = await open();
      opened.push(p);
      return p;
    };
    afterEach(async () => {
      for (const p of opened.splice(0)) await p.close();
    });

    describe('passes KEY_STORE_CONTRACT', () => {
      for (const check of KEY_STORE_CONTRACT) it(check.name, async () => check.run((await pair()).first));
    });

    it('two stores racing for a subject first key agree on one key, stored once', async () => {
      const { first, second, wrappedKeys } = await pair();
      const keys = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).currentKey('cu-race')));
      expect(new Set(keys.map((k) => `${k.version}:${hex(k.material)}`)).size).toBe(1);
      expect(keys[0]?.version).toBe(1);
      expect(await wrappedKeys()).toHaveLength(1);
      const seen = await second.key('cu-race', 1);
      expect(seen.state === 'active' && hex(seen.key.material)).toBe(hex(keys[0]?.material ?? new Uint8Array()));
    });

    it('two stores rotating at once each get their own version, none lost', async () => {
      const { first, second } = await pair();
      await first.currentKey('cu-rot');
      const rotated = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? first : second).rotate('cu-rot')));
      expect(rotated.map((k) => k.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      for (const k of rotated) {
        const found = await (k.version % 2 ? second : first).key('cu-rot', k.version);
        expect(found.state === 'active' && hex(found.key.material)).toBe(hex(k.material));
      }
      expect((await second.currentKey('cu-rot')).version).toBe(9);
    });

    it('an erasure by one store holds for the other: no key, no new key, destroyed rows gone', async () => {
      const { first, second, wrappedKeys } = await pair();
      await first.currentKey('cu-1');
      await second.rotate('cu-1');
      await first.currentKey('cu-2');
      await Promise.all([first.destroy('cu-1'), second.destroy('cu-1')]);
      await first.destroy('cu-1');
      expect(await second.key('cu-1', 2)).toEqual({ state: 'destroyed' });
      await expect(second.currentKey('cu-1')).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(second.rotate('cu-1')).rejects.toBeInstanceOf(SubjectErasedError);
      expect(await wrappedKeys()).toHaveLength(1);
      expect(await first.subjects()).toEqual([
        { subject: 'cu-1', currentVersion: 0, destroyed: true },
        { subject: 'cu-2', currentVersion: 1, destroyed: false },
      ]);
    });

    it('an erasure racing the first key leaves the subject erased, with no key stored', async () => {
      const { first, second, wrappedKeys } = await pair();
      const settled = await Promise.allSettled([first.currentKey('cu-x'), second.destroy('cu-x'), first.rotate('cu-x')]);
      for (const s of settled) if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(SubjectErasedError);
      expect(await first.key('cu-x', 1)).toEqual({ state: 'destroyed' });
      expect(await wrappedKeys()).toEqual([]);
      await expect(second.currentKey('cu-x')).rejects.toBeInstanceOf(SubjectErasedError);
    });

    it('a wrapped key changed in the table makes its events fail as tampered, naming no personal value', async () => {
      const { first, tamper } = await pair();
      const shredder = createCryptoShredder({ keys: first });
      const event = received('cu-t');
      const [safe] = await shredder.protect([event as unknown as NewEvent<{ type: 'ComplaintReceived'; data: Record<string, unknown> }>], { streamId: 'KT-1', subject: 'cu-t' });
      const stored = { ...event, data: safe?.data ?? {} };
      expect((await shredder.reveal(stored)).data).toEqual(event.data);
      // One character of the ciphertext, as a bit flipped on disk or an edit by hand would.
      await tamper('cu-t', 1, (w) => `${w.slice(0, -2)}${w.at(-2) === 'A' ? 'B' : 'A'}${w.slice(-1)}`);
      const error = await shredder.reveal(stored).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PersonalDataTamperedError);
      expect(String((error as Error).message)).not.toMatch(/Wang|13800138000|Brakes/);
    });
  });
}
