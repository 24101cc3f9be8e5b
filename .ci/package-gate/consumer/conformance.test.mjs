// The event store conformance suite, as a host runs it: from the packed @redress/testing
// (ESM), on the packed SQLite store through both of its builds.
import { createRequire } from 'node:module';
import { eventStoreConformance } from '@redress/testing/store-conformance';
import { createSqliteEventStore } from '@redress/sqlite';

const require = createRequire(import.meta.url);

eventStoreConformance('the packed SQLite store (ESM)', () => createSqliteEventStore({ file: ':memory:' }));
eventStoreConformance('the packed SQLite store (CommonJS)', () => require('@redress/sqlite').createSqliteEventStore({ file: ':memory:' }));
