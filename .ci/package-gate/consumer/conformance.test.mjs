// The event store conformance suite, as a host runs it: from the packed @redress/testing
// (ESM), on the packed SQLite store through both of its builds.
// The store's own key table is part of the contract (the protected-store checks run on it),
// so the store is given a key wrapper, as a host that protects personal data does.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { aesGcmKeyWrapper } from '@redress/core';
import { eventStoreConformance } from '@redress/testing/store-conformance';
import { createSqliteEventStore } from '@redress/sqlite';

const require = createRequire(import.meta.url);
const keyWrapper = aesGcmKeyWrapper(randomBytes(32));

eventStoreConformance('the packed SQLite store (ESM)', () => createSqliteEventStore({ file: ':memory:', keyWrapper }));
eventStoreConformance('the packed SQLite store (CommonJS)', () => require('@redress/sqlite').createSqliteEventStore({ file: ':memory:', keyWrapper }));
