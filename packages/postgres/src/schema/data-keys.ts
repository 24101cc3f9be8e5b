/**
 * Migration 5: the data keys of crypto-shredding (docs/privacy.md), per tenant, and
 * ticket rows that can be erased in place.
 *
 * `redress_key_subjects` has a row per data subject (customer reference) with keys or an
 * erasure: the record outlives the keys, so an erased subject reads as erased (never as
 * "unknown") and gets no new key. `redress_data_keys` has a row per key version, only
 * ever wrapped by the host's master key, with the wrapper's id (which rows a new master
 * key still has to re-wrap). Erasure deletes the subject's key rows.
 *
 * `redress_tickets.erased_view` is the ticket as it reads once its customer is erased
 * (projections/ticket-tables.ts). Rows written before it get theirs here: the view's
 * fields that `ComplaintReceived`'s default personal fields fill, the only personal
 * values the ticket view held until now.
 */
import type { Migration } from './migrations.js';

/** Where the ticket view keeps `ComplaintReceived`'s personal fields (DEFAULT_PERSONAL_DATA). */
const LEGACY_PERSONAL = ['{customer,name}', '{customer,phone}', '{product,identifier}', '{description}', '{demand}', '{source,note}'];

/** Sets each of those fields that holds text to "[erased]", one statement per field. */
const eraseLegacy = (s: string) =>
  LEGACY_PERSONAL.map(
    (path) =>
      `UPDATE ${s}.redress_tickets SET erased_view = jsonb_set(erased_view::jsonb, '${path}', '"[erased]"')::json WHERE json_typeof(erased_view #> '${path}') = 'string';`,
  ).join('\n');

export const dataKeys: Migration = {
  version: 5,
  name: 'data keys; erasable ticket views',
  sql: (s) => `
    CREATE TABLE ${s}.redress_key_subjects (
      tenant       text    NOT NULL,
      subject      text    NOT NULL,
      destroyed    boolean NOT NULL,
      destroyed_at timestamptz,
      PRIMARY KEY (tenant, subject)
    );
    CREATE TABLE ${s}.redress_data_keys (
      tenant      text    NOT NULL,
      subject     text    NOT NULL,
      version     integer NOT NULL CHECK (version > 0),
      wrapped_key text    NOT NULL,
      wrapper_id  text    NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant, subject, version),
      FOREIGN KEY (tenant, subject) REFERENCES ${s}.redress_key_subjects (tenant, subject)
    );
    ALTER TABLE ${s}.redress_tickets ADD COLUMN erased_view json;
    UPDATE ${s}.redress_tickets SET erased_view = view;
    ${eraseLegacy(s)}
  `,
};
