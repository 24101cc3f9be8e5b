/**
 * Crypto-shredding: personal fields are encrypted with their data subject's key before
 * an event is stored, and erasing the subject destroys the keys, so the log itself stays
 * immutable while the data becomes unreadable everywhere it was copied (backups, replicas,
 * dumps). Writers `protect` what they append; readers `reveal` what they read, and get
 * the event as it was written, or, once the subject is erased, the same event with
 * `ERASED` in each personal field and an `erasure` note on it.
 */
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';
import { MissingKeyError, PersonalDataTamperedError } from '../errors/data-errors.js';
import { OpenError } from './aes-gcm.js';
import { ERASED } from './erased.js';
import type { DataKey, KeyLookup, KeyStore } from './key-store.js';
import { DEFAULT_PERSONAL_DATA, checkedMap, type PersonalDataMap } from './personal-data.js';
import { blobHeader, openBlob, PERSONAL_DATA_KEY, sealBlob, type PersonalBlob } from './personal-blob.js';
import { concretePaths, valueAt, withoutPaths, withValues } from './paths.js';

/** Set on an event read after its subject was erased. */
export interface Erasure {
  readonly subject: string;
  /** The concrete paths that now hold `ERASED`, as written (at the event's recorded schema version). */
  readonly fields: readonly string[];
}

/** An event as a reader gets it: as written, or with its personal fields erased. */
export type RevealedEvent<E extends EventLike = EventLike> = RecordedEvent<E> & { readonly erasure?: Erasure };

/** Whose data the events hold, and which stream they go to (bound into each blob). */
export interface ProtectTarget {
  readonly streamId: string;
  /** The data subject: the customer reference. */
  readonly subject: string;
}

export interface CryptoShredderOptions {
  readonly keys: KeyStore;
  /** Which fields are personal (default `DEFAULT_PERSONAL_DATA`). Only writing uses it: each blob lists its own fields. */
  readonly personalData?: PersonalDataMap;
}

export interface CryptoShredder {
  /**
   * The events with their personal fields encrypted for `target.subject`. Events without
   * personal values come back unchanged, and a subject none of whose events has one gets
   * no key. Throws `SubjectErasedError` for an erased subject.
   */
  protect<E extends EventLike>(events: readonly NewEvent<E>[], target: ProtectTarget): Promise<NewEvent<E>[]>;
  /** Whether `protect` would encrypt something of this event: a writer needs its subject only then. */
  hasPersonalData(event: EventLike): boolean;
  /**
   * The event as written, or erased. Throws `PersonalDataTamperedError` when its blob does
   * not authenticate and `MissingKeyError` when the key store does not know its key.
   */
  reveal<E extends EventLike = EventLike>(event: RecordedEvent<EventLike>): Promise<RevealedEvent<E>>;
  /** `reveal` for many events, asking the key store once per key. */
  revealAll<E extends EventLike = EventLike>(events: readonly RecordedEvent<EventLike>[]): Promise<RevealedEvent<E>[]>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The concrete personal paths present in `data`, dropping any that lie inside another (its value is taken whole). */
function personalPaths(data: Record<string, unknown>, patterns: readonly string[]): string[] {
  const paths = [...new Set(patterns.flatMap((p) => concretePaths(data, p)))];
  return paths.filter((path) => !paths.some((outer) => outer !== path && (path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`))));
}

export function createCryptoShredder(options: CryptoShredderOptions): CryptoShredder {
  const { keys } = options;
  const personalData = checkedMap(options.personalData ?? DEFAULT_PERSONAL_DATA);

  async function protect<E extends EventLike>(events: readonly NewEvent<E>[], target: ProtectTarget): Promise<NewEvent<E>[]> {
    if (typeof target.subject !== 'string' || target.subject === '') throw new RangeError('protect: the data subject (customer reference) must be a non-empty string');
    let key: Promise<DataKey> | undefined;
    const out: NewEvent<E>[] = [];
    for (const event of events) {
      const patterns = personalData[event.type];
      const data: unknown = event.data;
      if (!patterns || !isRecord(data)) {
        out.push(event);
        continue;
      }
      if (PERSONAL_DATA_KEY in data) throw new RangeError(`protect: event ${event.eventId} is already protected`);
      const fields = personalPaths(data, patterns);
      if (fields.length === 0) {
        out.push(event);
        continue;
      }
      key ??= keys.currentKey(target.subject);
      const { material, version } = await key;
      const bound = { eventId: event.eventId, streamId: target.streamId, type: event.type, schemaVersion: event.schemaVersion };
      const blob = sealBlob(bound, { subject: target.subject, key: version, fields }, material, fields.map((f) => valueAt(data, f)));
      out.push({ ...event, data: { ...withoutPaths(data, fields), [PERSONAL_DATA_KEY]: blob } });
    }
    return out;
  }

  async function lookup(event: RecordedEvent<EventLike>, blob: PersonalBlob): Promise<KeyLookup> {
    try {
      return await keys.key(blob.subject, blob.key);
    } catch (e) {
      // A wrapped key that does not unwrap: the key table was changed.
      if (e instanceof OpenError) throw new PersonalDataTamperedError(event, `its data key ${blob.subject} v${blob.key} did not unwrap: ${e.message}`);
      throw e;
    }
  }

  async function revealWith<E extends EventLike>(event: RecordedEvent<EventLike>, keyOf: (blob: PersonalBlob) => Promise<KeyLookup>): Promise<RevealedEvent<E>> {
    const data: unknown = event.data;
    if (!isRecord(data) || !(PERSONAL_DATA_KEY in data)) return event as RevealedEvent<E>;
    const { [PERSONAL_DATA_KEY]: raw, ...rest } = data;
    const blob = blobHeader(event, raw);
    const found = await keyOf(blob);
    if (found.state === 'unknown') throw new MissingKeyError(blob.subject, blob.key, event);
    const erased = found.state === 'destroyed';
    const values = erased ? blob.fields.map(() => ERASED) : openBlob(event, blob, found.key.material);
    const restored = withValues(rest, blob.fields, values);
    if (!restored) throw new PersonalDataTamperedError(event, 'a field it lists has no parent object in the event any more');
    const revealed = { ...event, data: restored };
    return (erased ? { ...revealed, erasure: { subject: blob.subject, fields: blob.fields } } : revealed) as RevealedEvent<E>;
  }

  function hasPersonalData(event: EventLike): boolean {
    const patterns = personalData[event.type];
    const data: unknown = event.data;
    return patterns !== undefined && isRecord(data) && !(PERSONAL_DATA_KEY in data) && personalPaths(data, patterns).length > 0;
  }

  return {
    protect,
    hasPersonalData,
    reveal: (event) => revealWith(event, (blob) => lookup(event, blob)),
    async revealAll<E extends EventLike>(events: readonly RecordedEvent<EventLike>[]) {
      const cache = new Map<string, Promise<KeyLookup>>();
      const out: RevealedEvent<E>[] = [];
      for (const event of events) {
        out.push(
          await revealWith<E>(event, (blob) => {
            const id = JSON.stringify([blob.subject, blob.key]);
            let found = cache.get(id);
            if (!found) cache.set(id, (found = lookup(event, blob)));
            return found;
          }),
        );
      }
      return out;
    },
  };
}
