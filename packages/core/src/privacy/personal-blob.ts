/**
 * The format of an event's encrypted personal data: one blob per event, in its `data`
 * under `$personal`, holding the values of the personal fields (taken out of `data`)
 * as one AES-256-GCM ciphertext:
 *
 *   data.$personal = { format: 1, subject, key, fields, iv, tag, ct }
 *
 * `subject` (the customer reference) and `key` (the key version) say which key opens it;
 * `fields` lists the concrete paths the values came from, in plaintext so an erased event
 * still knows where its placeholders go. The event's identity (event id, stream, type,
 * schema version) and the blob's own subject, key and fields are the GCM additional data:
 * a blob copied onto another event, or with its field list edited, does not open.
 */
import type { StoredEventRef } from '../errors/data-errors.js';
import { PersonalDataTamperedError } from '../errors/data-errors.js';
import { open, OpenError, seal, type Sealed } from './aes-gcm.js';
import { isConcretePath } from './paths.js';

/** Where the blob lives in an event's `data`. */
export const PERSONAL_DATA_KEY = '$personal';
const FORMAT = 1;

/** The sealed personal fields of one event, stored under `$personal` in its data. */
export interface PersonalBlob extends Sealed {
  /** The blob format's version, so a later format can be told apart. */
  readonly format: typeof FORMAT;
  /** The data subject whose key sealed it. */
  readonly subject: string;
  /** The version of the subject's key it was encrypted with. */
  readonly key: number;
  /** Concrete paths of the encrypted values, in the order of the plaintext array. */
  readonly fields: readonly string[];
}

/** An event as the blob is bound to it. */
export interface BoundEvent extends StoredEventRef {
  readonly schemaVersion: number;
}

type Header = Pick<PersonalBlob, 'subject' | 'key' | 'fields'>;

// A JSON array of strings and numbers only: byte-for-byte stable through any store (jsonb included).
const additionalData = (event: BoundEvent, header: Header) =>
  Buffer.from(JSON.stringify(['redress-personal-data', FORMAT, event.eventId, event.streamId, event.type, event.schemaVersion, header.subject, header.key, header.fields]));

export function sealBlob(event: BoundEvent, header: Header, material: Uint8Array, values: readonly unknown[]): PersonalBlob {
  const sealed = seal(material, Buffer.from(JSON.stringify(values)), additionalData(event, header));
  return { format: FORMAT, subject: header.subject, key: header.key, fields: [...header.fields], ...sealed };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The blob's header, checked; a malformed one is tampering. */
export function blobHeader(event: BoundEvent, blob: unknown): PersonalBlob {
  const bad = (why: string) => new PersonalDataTamperedError(event, `the ${PERSONAL_DATA_KEY} blob ${why}`);
  if (!isRecord(blob)) throw bad('is not an object');
  if (blob.format !== FORMAT) throw bad(`has format ${JSON.stringify(blob.format)}, expected ${FORMAT}`);
  if (typeof blob.subject !== 'string' || blob.subject === '') throw bad('has no subject');
  if (typeof blob.key !== 'number' || !Number.isInteger(blob.key) || blob.key < 1) throw bad('has no key version');
  const fields = blob.fields;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === 'string')) throw bad('has no list of fields');
  // Checked here too because an erased event's list cannot be authenticated (its key is gone).
  if (!fields.every(isConcretePath)) throw bad('lists a field that is not a data path');
  return blob as unknown as PersonalBlob;
}

/** The values sealed in the blob, in the order of its fields. */
export function openBlob(event: BoundEvent, blob: PersonalBlob, material: Uint8Array): unknown[] {
  let plaintext: Buffer;
  try {
    plaintext = open(material, blob, additionalData(event, blob));
  } catch (e) {
    if (e instanceof OpenError) throw new PersonalDataTamperedError(event, e.message);
    throw e;
  }
  // Authenticated, so written by a holder of the key; checked anyway rather than trusted.
  const values: unknown = JSON.parse(plaintext.toString('utf8'));
  if (!Array.isArray(values) || values.length !== blob.fields.length) {
    throw new PersonalDataTamperedError(event, `the blob holds ${Array.isArray(values) ? values.length : 'no list of'} values for ${blob.fields.length} fields`);
  }
  return values;
}
