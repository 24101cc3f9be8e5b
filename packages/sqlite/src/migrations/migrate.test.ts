import { createManualClock } from '@redress/core';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore, MIGRATIONS, migrate, SchemaTooNewError, SCHEMA_VERSION } from '../index.js';
import { tempFile } from '../test-support/temp.js';

const clock = createManualClock('2026-11-23T09:00:00.000Z');
const schemaOf = (db: Database.Database) =>
  db.prepare("SELECT type, name, tbl_name AS tableName FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();

describe('schema migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('turn an empty database into the expected schema, and record each step', () => {
    const db = new Database(':memory:');
    const report = migrate(db, clock);
    expect(report).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
    expect(schemaOf(db)).toEqual([
      { type: 'index', name: 'redress_events_by_causation', tableName: 'redress_events' },
      { type: 'index', name: 'redress_sla_clocks_by_due', tableName: 'redress_sla_clocks' },
      { type: 'index', name: 'redress_sla_clocks_by_handler', tableName: 'redress_sla_clocks' },
      { type: 'index', name: 'redress_tickets_by_customer', tableName: 'redress_tickets' },
      { type: 'index', name: 'redress_tickets_by_deadline', tableName: 'redress_tickets' },
      { type: 'index', name: 'redress_tickets_by_handler', tableName: 'redress_tickets' },
      { type: 'index', name: 'redress_tickets_by_step', tableName: 'redress_tickets' },
      { type: 'table', name: 'redress_checkpoints', tableName: 'redress_checkpoints' },
      { type: 'table', name: 'redress_data_keys', tableName: 'redress_data_keys' },
      { type: 'table', name: 'redress_events', tableName: 'redress_events' },
      { type: 'table', name: 'redress_key_subjects', tableName: 'redress_key_subjects' },
      { type: 'table', name: 'redress_migrations', tableName: 'redress_migrations' },
      { type: 'table', name: 'redress_projection_leases', tableName: 'redress_projection_leases' },
      { type: 'table', name: 'redress_sla_clocks', tableName: 'redress_sla_clocks' },
      { type: 'table', name: 'redress_streams', tableName: 'redress_streams' },
      { type: 'table', name: 'redress_ticket_timeline', tableName: 'redress_ticket_timeline' },
      { type: 'table', name: 'redress_tickets', tableName: 'redress_tickets' },
      { type: 'view', name: 'redress_queue', tableName: 'redress_queue' },
      { type: 'view', name: 'redress_sla_status', tableName: 'redress_sla_status' },
    ]);
    expect(db.prepare('SELECT version, name, applied_at AS appliedAt FROM redress_migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: '2026-11-23T09:00:00.000Z' })),
    );
  });

  it('do nothing when run again', () => {
    const db = new Database(':memory:');
    migrate(db, clock);
    const before = db.prepare('SELECT * FROM sqlite_schema ORDER BY name').all();
    expect(migrate(db, clock)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    expect(db.prepare('SELECT * FROM sqlite_schema ORDER BY name').all()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) FROM redress_migrations').pluck().get()).toBe(SCHEMA_VERSION);
  });

  it('apply only the missing steps to an older database, keeping its events', async () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, clock, MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO redress_streams VALUES ('s-1', 1)").run();
    old.close();
    const store = createSqliteEventStore({ file, clock });
    expect(store.migrations).toEqual({ from: 1, to: SCHEMA_VERSION, applied: MIGRATIONS.slice(1).map((m) => m.version) });
    expect(store.database.prepare('SELECT version FROM redress_streams').pluck().all()).toEqual([1]);
    store.close();
  });

  it('refuse a database from a newer version, and leave it untouched', () => {
    const file = tempFile();
    const db = new Database(file);
    migrate(db, clock);
    db.prepare("INSERT INTO redress_migrations VALUES (?, 'from the future', 'x')").run(SCHEMA_VERSION + 1);
    const before = schemaOf(db);
    db.close();
    let error: unknown;
    try {
      createSqliteEventStore({ file, clock });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect(error).toMatchObject({ fileVersion: SCHEMA_VERSION + 1, supportedVersion: SCHEMA_VERSION });
    expect((error as Error).message).toMatch(/upgrade @redress\/sqlite/);
    const again = new Database(file);
    expect(schemaOf(again)).toEqual(before);
    again.close();
  });
});
