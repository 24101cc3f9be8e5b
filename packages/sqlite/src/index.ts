/**
 * @redress/sqlite: the embedded event store. The log, the projection checkpoints
 * and the SQL read models live in one WAL-mode SQLite file.
 */
export { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './store/sqlite-event-store.js';
export type { DatabaseSettings, Synchronous } from './database/open.js';
export { migrate, type MigrationReport } from './migrations/migrate.js';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations/all.js';
export type { Migration } from './migrations/migration.js';
export { SchemaTooNewError, StoreInputError } from './errors.js';
export { NativeBindingError } from './database/native-binding.js';
export type { SqlProjection, SqlProjectionWriter } from './projections/sql-projection.js';
export { createProjector, type Projector, type ProjectorOptions, type ProjectorStatus, type ProjectorStep } from './projections/projector.js';
export type { LeaseRow } from './projections/lease.js';
export { sqlTicketProjection, type SqlTicketProjectionOptions } from './projections/ticket-tables.js';
/** The event that records an erasure (core's; re-exported beside the option that takes it). */
export type { ErasureEvents } from '@redress/core';
export { queuedComplaints, readTicket, ticketIds } from './projections/ticket-queries.js';
