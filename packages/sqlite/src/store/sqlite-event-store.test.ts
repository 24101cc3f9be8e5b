import { eventStoreConformance } from '@redress/testing/store-conformance';
import { createSqliteEventStore } from '../index.js';
import { tempFile } from '../test-support/temp.js';

eventStoreConformance('the SQLite store (a file)', () => createSqliteEventStore({ file: tempFile(), synchronous: 'normal' }));
eventStoreConformance('the SQLite store (in memory)', () => createSqliteEventStore({ file: ':memory:' }));
