import { aesGcmKeyWrapper, type EventStore } from '@redress/core';
import { eventStoreConformance, type ConformanceEvent, type StoreFaults } from '@redress/testing/store-conformance';
import { createSqliteEventStore, type SqliteEventStore } from '../index.js';
import { tempFile } from '../test-support/temp.js';

const database = (store: EventStore<ConformanceEvent>) => (store as SqliteEventStore<ConformanceEvent>).database;

/** Real SQLite faults, made on the store's own connection. */
const faults: StoreFaults = {
  storage: {
    // The file may not grow a page more: what a full disk does to SQLite (SQLITE_FULL).
    diskFull: (store) => {
      const db = database(store);
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      return () => void db.pragma('max_page_count = 1073741823');
    },
    // The connection may not write (SQLITE_READONLY), as on a read-only file or file system.
    readOnly: (store) => {
      const db = database(store);
      db.pragma('query_only = ON');
      return () => void db.pragma('query_only = OFF');
    },
  },
};

// With a key wrapper, so the suite's protected-store checks run on the store's own key table.
const keyWrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(5));
eventStoreConformance('the SQLite store (a file)', () => createSqliteEventStore({ file: tempFile(), synchronous: 'normal', keyWrapper }), { faults });
eventStoreConformance('the SQLite store (in memory)', () => createSqliteEventStore({ file: ':memory:', keyWrapper }), { faults });
